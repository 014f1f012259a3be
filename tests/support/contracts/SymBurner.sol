// SPDX-License-Identifier: MIT
// Test-only Symbiotic burner: like every symbioticfi/burners burner, it names the collateral it burns.
pragma solidity ^0.8.20;

contract SymBurner {
    address public COLLATERAL;

    function setCollateral(address c) external { COLLATERAL = c; }
}
