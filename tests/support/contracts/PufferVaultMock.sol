// SPDX-License-Identifier: MIT
// Test-only PufferVault: totalAssets() and getPendingLidoETHAmount() as stored values (the real totalAssets() sums
// balances the test sets separately, so a test can make the two disagree).
pragma solidity ^0.8.20;

contract PufferVaultMock {
    uint256 private _totalAssets;
    uint256 private _pendingLido;
    bool public reverting;

    function setTotalAssets(uint256 t) external { _totalAssets = t; }
    function setPendingLido(uint256 p) external { _pendingLido = p; }
    function setReverting(bool r) external { reverting = r; }

    function totalAssets() external view returns (uint256) {
        require(!reverting, "PufferVaultMock: reverting");
        return _totalAssets;
    }

    function getPendingLidoETHAmount() external view returns (uint256) {
        require(!reverting, "PufferVaultMock: reverting");
        return _pendingLido;
    }

    receive() external payable {}
}
