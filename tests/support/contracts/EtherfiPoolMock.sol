// SPDX-License-Identifier: MIT
// Test-only ether.fi: LiquidityPool.getTotalPooledEther() and EtherFiRestaker.getTotalPooledEther(token), placed at
// both real addresses with their own state.
pragma solidity ^0.8.20;

contract EtherfiPoolMock {
    uint256 private _total;
    mapping(address => uint256) private _perToken;
    bool public reverting;

    function setTotal(uint256 t) external { _total = t; }
    function setPerToken(address token, uint256 v) external { _perToken[token] = v; }
    function setReverting(bool r) external { reverting = r; }

    function getTotalPooledEther() external view returns (uint256) {
        require(!reverting, "EtherfiPoolMock: reverting");
        return _total;
    }

    function getTotalPooledEther(address token) external view returns (uint256) {
        require(!reverting, "EtherfiPoolMock: reverting");
        return _perToken[token];
    }
}
