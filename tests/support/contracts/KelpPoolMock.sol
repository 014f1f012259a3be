// SPDX-License-Identifier: MIT
// Test-only Kelp: LRTConfig.getSupportedAssetList(), LRTDepositPool.getTotalAssetDeposits(asset) and
// LRTOracle.getAssetPrice(asset) in one contract, placed at each of the three real addresses with its own state.
pragma solidity ^0.8.20;

contract KelpPoolMock {
    address[] private _assets;
    mapping(address => uint256) private _deposits;
    mapping(address => uint256) private _prices;
    mapping(address => bool) private _revertsFor;

    function setAssets(address[] calldata a) external { _assets = a; }
    function setDeposits(address a, uint256 v) external { _deposits[a] = v; }
    function setPrice(address a, uint256 p) external { _prices[a] = p; }
    function setRevertsFor(address a, bool r) external { _revertsFor[a] = r; }

    function getSupportedAssetList() external view returns (address[] memory) { return _assets; }

    function getTotalAssetDeposits(address asset) external view returns (uint256) {
        require(!_revertsFor[asset], "KelpPoolMock: reverting");
        return _deposits[asset];
    }

    function getAssetPrice(address asset) external view returns (uint256) {
        require(!_revertsFor[asset], "KelpPoolMock: reverting");
        return _prices[asset];
    }
}
