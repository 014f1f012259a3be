// SPDX-License-Identifier: MIT
// Test-only Kelp: LRTConfig.getSupportedAssetList(), LRTDepositPool.getTotalAssetDeposits(asset) and
// LRTOracle.getAssetPrice(asset) in one contract, placed at each of the three real addresses with its own state.
// Overlays another test contract at the same address like RenzoTvlMock (namespaced state, other calls delegated).
pragma solidity ^0.8.20;

contract KelpPoolMock {
    struct S {
        address[] assets;
        mapping(address => uint256) deposits;
        mapping(address => uint256) prices;
        mapping(address => bool) revertsFor;
        address next;
    }

    function _s() private pure returns (S storage $) {
        bytes32 slot = keccak256("restake-lens.test.KelpPoolMock");
        assembly { $.slot := slot }
    }

    function setNext(address n) external { _s().next = n; }
    function setAssets(address[] calldata a) external { _s().assets = a; }
    function setDeposits(address a, uint256 v) external { _s().deposits[a] = v; }
    function setPrice(address a, uint256 p) external { _s().prices[a] = p; }
    function setRevertsFor(address a, bool r) external { _s().revertsFor[a] = r; }

    function getSupportedAssetList() external view returns (address[] memory) { return _s().assets; }

    function getTotalAssetDeposits(address asset) external view returns (uint256) {
        require(!_s().revertsFor[asset], "KelpPoolMock: reverting");
        return _s().deposits[asset];
    }

    function getAssetPrice(address asset) external view returns (uint256) {
        require(!_s().revertsFor[asset], "KelpPoolMock: reverting");
        return _s().prices[asset];
    }

    fallback() external payable {
        address n = _s().next;
        require(n != address(0), "KelpPoolMock: unknown call");
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), n, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok case 0 { revert(0, returndatasize()) } default { return(0, returndatasize()) }
        }
    }
}
