// SPDX-License-Identifier: MIT
// Test-only Symbiotic slasher: TYPE() 0 (instant Slasher) or 1 (VetoSlasher, with vetoDuration() and a resolver
// per subnetwork; the hint is ignored).
pragma solidity ^0.8.20;

contract SymSlasher {
    uint64 public TYPE;
    uint48 private _vetoDuration;
    mapping(bytes32 => address) private _resolver;

    function setSlasher(uint64 t, uint48 veto) external { (TYPE, _vetoDuration) = (t, veto); }
    function setResolver(bytes32 subnetwork, address r) external { _resolver[subnetwork] = r; }

    function vetoDuration() external view returns (uint48) {
        require(TYPE == 1, "SymSlasher: not a veto slasher");
        return _vetoDuration;
    }

    function resolver(bytes32 subnetwork, bytes calldata) external view returns (address) {
        require(TYPE == 1, "SymSlasher: not a veto slasher");
        return _resolver[subnetwork];
    }
}
