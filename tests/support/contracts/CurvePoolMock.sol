// SPDX-License-Identifier: MIT
// Test-only two-coin Curve pool: get_dy on a constant-product curve over stored balances.
pragma solidity ^0.8.20;

contract CurvePoolMock {
    uint256[2] private _balances;
    address[2] private _coins;
    bool public reverting;

    modifier live() {
        require(!reverting, "CurvePoolMock: reverting");
        _;
    }

    function setBalances(uint256[2] calldata b) external { _balances = b; }
    function setCoins(address c0, address c1) external { _coins = [c0, c1]; }
    function setReverting(bool r) external { reverting = r; }

    function coins(uint256 i) external view live returns (address) {
        require(i < 2, "CurvePoolMock: bad index");
        return _coins[i];
    }

    function balances(uint256 i) external view live returns (uint256) {
        require(i < 2, "CurvePoolMock: bad index");
        return _balances[i];
    }

    // dy = balance_j * dx / (balance_i + dx): no fee, no amplification.
    function get_dy(int128 i, int128 j, uint256 dx) external view live returns (uint256) {
        require((i == 0 && j == 1) || (i == 1 && j == 0), "CurvePoolMock: bad index");
        uint256 bi = _balances[uint256(int256(i))];
        uint256 bj = _balances[uint256(int256(j))];
        require(bi + dx > 0, "CurvePoolMock: empty pool");
        return bj * dx / (bi + dx);
    }
}
