// SPDX-License-Identifier: MIT
// Test-only Symbiotic v1 vault (IVaultStorage/IVault views) and Mellow vault (symbioticVault()), backed by setters.
// A Mellow vault with no Symbiotic vault set reverts symbioticVault(), as a pre-migration vault has no such view.
pragma solidity ^0.8.20;

contract SymVault {
    address private _delegator;
    address private _slasher;
    address private _burner;
    address private _collateral;
    uint256 private _activeStake;
    uint48 private _epochDuration;
    address private _symbioticVault;
    bool public reverting;

    modifier live() {
        require(!reverting, "SymVault: reverting");
        _;
    }

    function setReverting(bool r) external { reverting = r; }
    function setVault(address d, address s, address b, address c, uint256 stake, uint48 epoch) external {
        (_delegator, _slasher, _burner, _collateral, _activeStake, _epochDuration) = (d, s, b, c, stake, epoch);
    }

    function delegator() external view live returns (address) { return _delegator; }
    function slasher() external view live returns (address) { return _slasher; }
    function burner() external view live returns (address) { return _burner; }
    function collateral() external view live returns (address) { return _collateral; }
    function activeStake() external view live returns (uint256) { return _activeStake; }
    function epochDuration() external view live returns (uint48) { return _epochDuration; }
    function setSymbioticVault(address v) external { _symbioticVault = v; }

    function symbioticVault() external view live returns (address) {
        require(_symbioticVault != address(0), "SymVault: no symbioticVault");
        return _symbioticVault;
    }
}
