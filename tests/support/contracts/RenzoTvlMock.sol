// SPDX-License-Identifier: MIT
// Test-only Renzo RestakeManager: calculateTVLs(), collateralTokens(i) and getCollateralTokensLength() as the real
// contract declares them, answering stored values. It can overlay another test contract at the same address (the
// slashing suites' staker getters): its own state sits in a namespaced slot, and any other call is delegated to
// that contract's code moved aside (`setNext`), so both answer at the real address.
pragma solidity ^0.8.20;

contract RenzoTvlMock {
    struct S {
        address[] collateral;
        uint256[][] perOd;
        uint256 total;
        bool reverting;
        address next;
    }

    function _s() private pure returns (S storage $) {
        bytes32 slot = keccak256("restake-lens.test.RenzoTvlMock");
        assembly { $.slot := slot }
    }

    function setNext(address n) external { _s().next = n; }
    function setCollateral(address[] calldata t) external { _s().collateral = t; }
    function setTvls(uint256[][] calldata perOd, uint256 total) external {
        S storage $ = _s();
        delete $.perOd;
        for (uint256 i = 0; i < perOd.length; i++) $.perOd.push(perOd[i]);
        $.total = total;
    }
    function setBackingReverting(bool r) external { _s().reverting = r; }

    function collateralTokens(uint256 i) external view returns (address) {
        require(!_s().reverting, "RenzoTvlMock: reverting");
        return _s().collateral[i];
    }

    function getCollateralTokensLength() external view returns (uint256) {
        require(!_s().reverting, "RenzoTvlMock: reverting");
        return _s().collateral.length;
    }

    function calculateTVLs() external view returns (uint256[][] memory, uint256[] memory, uint256) {
        S storage $ = _s();
        require(!$.reverting, "RenzoTvlMock: reverting");
        uint256[] memory odTotals = new uint256[]($.perOd.length);
        for (uint256 i = 0; i < $.perOd.length; i++) {
            for (uint256 j = 0; j < $.perOd[i].length; j++) odTotals[i] += $.perOd[i][j];
        }
        return ($.perOd, odTotals, $.total);
    }

    fallback() external payable {
        address n = _s().next;
        require(n != address(0), "RenzoTvlMock: unknown call");
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), n, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok case 0 { revert(0, returndatasize()) } default { return(0, returndatasize()) }
        }
    }
}
