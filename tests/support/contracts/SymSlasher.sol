// SPDX-License-Identifier: MIT
// Test-only Symbiotic slasher: TYPE() 0 (instant Slasher) or 1 (VetoSlasher, with vetoDuration()).
pragma solidity ^0.8.20;

contract SymSlasher {
    uint64 public TYPE;
    uint48 private _vetoDuration;

    function setSlasher(uint64 t, uint48 veto) external { (TYPE, _vetoDuration) = (t, veto); }

    function vetoDuration() external view returns (uint48) {
        require(TYPE == 1, "SymSlasher: not a veto slasher");
        return _vetoDuration;
    }
}
