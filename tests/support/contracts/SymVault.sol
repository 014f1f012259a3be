// SPDX-License-Identifier: MIT
// Test-only Symbiotic v1 vault (IVaultStorage/IVault views) and Mellow vault (symbioticVault()), backed by setters.
// A Mellow vault with no Symbiotic vault set reverts symbioticVault(), as a pre-migration vault has no such view.
pragma solidity ^0.8.20;

contract SymVault {
    address public delegator;
    address public slasher;
    address public burner;
    address public collateral;
    uint256 public activeStake;
    uint48 public epochDuration;
    address private _symbioticVault;
    bool public reverting;

    modifier live() {
        require(!reverting, "SymVault: reverting");
        _;
    }

    function setReverting(bool r) external { reverting = r; }
    function setVault(address d, address s, address b, address c, uint256 stake, uint48 epoch) external {
        (delegator, slasher, burner, collateral, activeStake, epochDuration) = (d, s, b, c, stake, epoch);
    }
    function setSymbioticVault(address v) external { _symbioticVault = v; }

    function symbioticVault() external view live returns (address) {
        require(_symbioticVault != address(0), "SymVault: no symbioticVault");
        return _symbioticVault;
    }
}
