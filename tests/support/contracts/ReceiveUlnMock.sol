// SPDX-License-Identifier: MIT
// Test-only ReceiveUln302: getUlnConfig returns the stored effective config for (oapp, eid); unset routes revert
// as UlnBase does when a config resolves to no DVN at all.
pragma solidity ^0.8.20;

struct UlnConfig {
    uint64 confirmations;
    uint8 requiredDVNCount;
    uint8 optionalDVNCount;
    uint8 optionalDVNThreshold;
    address[] requiredDVNs;
    address[] optionalDVNs;
}

contract ReceiveUlnMock {
    mapping(address => mapping(uint32 => UlnConfig)) private _config;

    function setUlnConfig(address oapp, uint32 eid, uint64 confirmations, address[] calldata required, address[] calldata optional, uint8 optionalThreshold) external {
        UlnConfig storage c = _config[oapp][eid];
        c.confirmations = confirmations;
        c.requiredDVNCount = uint8(required.length);
        c.optionalDVNCount = uint8(optional.length);
        c.optionalDVNThreshold = optionalThreshold;
        c.requiredDVNs = required;
        c.optionalDVNs = optional;
    }

    function getUlnConfig(address oapp, uint32 remoteEid) external view returns (UlnConfig memory) {
        UlnConfig memory c = _config[oapp][remoteEid];
        require(c.requiredDVNCount + c.optionalDVNThreshold > 0, "LZ_ULN_AtLeastOneDVN");
        return c;
    }
}
