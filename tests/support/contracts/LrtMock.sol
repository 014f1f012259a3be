// SPDX-License-Identifier: MIT
// Test-only LRT: every rate getter the registry names, all backed by one stored rate.
pragma solidity ^0.8.20;

contract LrtMock {
    uint256 public rate;
    uint256 private _supply;
    uint8 private _decimals;
    bool public reverting;
    string private _symbol;

    modifier live() {
        require(!reverting, "LrtMock: reverting");
        _;
    }

    function setRate(uint256 r) external { rate = r; }
    function setSupply(uint256 s) external { _supply = s; }
    function setDecimals(uint8 d) external { _decimals = d; }
    function setSymbol(string calldata s) external { _symbol = s; }
    function setReverting(bool r) external { reverting = r; }

    function getRate() external view live returns (uint256) { return rate; }
    function rsETHPrice() external view live returns (uint256) { return rate; }
    function exchangeRatio() external view live returns (uint256) { return rate; }
    function exchangeRateToNative() external view live returns (uint256) { return rate; }
    function exchangeRateToLST() external view live returns (uint256) { return rate; }
    function ratio() external view live returns (uint256) { return rate; }
    function stEthPerToken() external view live returns (uint256) { return rate; }
    function getExchangeRate() external view live returns (uint256) { return rate; }

    function convertToAssets(uint256 shares) external view live returns (uint256) { return shares * rate / 1e18; }
    function mETHToETH(uint256 amount) external view live returns (uint256) { return amount * rate / 1e18; }
    function getValueByShares(uint256 shares) external view live returns (uint256) { return shares * rate / 1e18; }

    function totalSupply() external view live returns (uint256) { return _supply; }
    // Storage starts at zero when placed with anvil_setCode: 0 reads as 18.
    function decimals() external view live returns (uint8) { return _decimals == 0 ? 18 : _decimals; }
    // An unset symbol reads as "LRT".
    function symbol() external view live returns (string memory) {
        return bytes(_symbol).length == 0 ? "LRT" : _symbol;
    }
}
