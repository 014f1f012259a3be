// SPDX-License-Identifier: MIT
// Test-only Renzo RestakeManager: calculateTVLs(), collateralTokens(i) and getCollateralTokensLength() as the real
// contract declares them, answering stored values. `reverting` makes every view revert.
pragma solidity ^0.8.20;

contract RenzoTvlMock {
    address[] public collateralTokens;
    uint256[][] private _perOd;
    uint256 private _total;
    bool public reverting;

    function setCollateral(address[] calldata t) external { collateralTokens = t; }
    function setTvls(uint256[][] calldata perOd, uint256 total) external {
        delete _perOd;
        for (uint256 i = 0; i < perOd.length; i++) _perOd.push(perOd[i]);
        _total = total;
    }
    function setReverting(bool r) external { reverting = r; }

    function getCollateralTokensLength() external view returns (uint256) {
        require(!reverting, "RenzoTvlMock: reverting");
        return collateralTokens.length;
    }

    function calculateTVLs() external view returns (uint256[][] memory, uint256[] memory, uint256) {
        require(!reverting, "RenzoTvlMock: reverting");
        uint256[] memory odTotals = new uint256[](_perOd.length);
        for (uint256 i = 0; i < _perOd.length; i++) {
            for (uint256 j = 0; j < _perOd[i].length; j++) odTotals[i] += _perOd[i][j];
        }
        return (_perOd, odTotals, _total);
    }
}
