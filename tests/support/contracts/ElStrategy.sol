// SPDX-License-Identifier: MIT
// Test-only EigenLayer strategy: sharesToUnderlyingView at a settable rate (underlying per 1e18 shares).
pragma solidity ^0.8.20;

contract ElStrategy {
    uint256 public rate;

    function setRate(uint256 r) external { rate = r; }

    function sharesToUnderlyingView(uint256 amountShares) external view returns (uint256) {
        return amountShares * (rate == 0 ? 1e18 : rate) / 1e18;
    }
}
