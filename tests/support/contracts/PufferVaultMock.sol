// SPDX-License-Identifier: MIT
// Test-only PufferVault: totalAssets() and getPendingLidoETHAmount() as stored values (the real totalAssets() sums
// balances the test sets separately, so a test can make the two disagree). Overlays another test contract at the
// vault's address (the redemption suites' exit fee) like RenzoTvlMock.
pragma solidity ^0.8.20;

contract PufferVaultMock {
    struct S {
        uint256 totalAssets;
        uint256 pendingLido;
        bool reverting;
        address next;
    }

    function _s() private pure returns (S storage $) {
        bytes32 slot = keccak256("restake-lens.test.PufferVaultMock");
        assembly { $.slot := slot }
    }

    function setNext(address n) external { _s().next = n; }
    function setTotalAssets(uint256 t) external { _s().totalAssets = t; }
    function setPendingLido(uint256 p) external { _s().pendingLido = p; }
    function setBackingReverting(bool r) external { _s().reverting = r; }

    function totalAssets() external view returns (uint256) {
        require(!_s().reverting, "PufferVaultMock: reverting");
        return _s().totalAssets;
    }

    function getPendingLidoETHAmount() external view returns (uint256) {
        require(!_s().reverting, "PufferVaultMock: reverting");
        return _s().pendingLido;
    }

    receive() external payable {}

    fallback() external payable {
        address n = _s().next;
        require(n != address(0), "PufferVaultMock: unknown call");
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), n, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok case 0 { revert(0, returndatasize()) } default { return(0, returndatasize()) }
        }
    }
}
