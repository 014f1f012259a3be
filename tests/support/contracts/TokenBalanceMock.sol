// SPDX-License-Identifier: MIT
// Test-only ERC-20 reads: balanceOf(holder) and symbol() from stored values.
pragma solidity ^0.8.20;

contract TokenBalanceMock {
    mapping(address => uint256) private _balances;
    string private _symbol;

    function setBalance(address holder, uint256 b) external { _balances[holder] = b; }
    function setSymbol(string calldata s) external { _symbol = s; }

    function balanceOf(address holder) external view returns (uint256) { return _balances[holder]; }

    function symbol() external view returns (string memory) {
        require(bytes(_symbol).length > 0, "TokenBalanceMock: no symbol");
        return _symbol;
    }
}
