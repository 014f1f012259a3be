// SPDX-License-Identifier: MIT
// Test-only LayerZero EndpointV2: the receive-library and delegate views, with a per-(receiver, eid) library or the default.
pragma solidity ^0.8.20;

contract LzEndpointMock {
    mapping(address => address) public delegates;
    mapping(address => mapping(uint32 => address)) private _lib;
    mapping(uint32 => address) private _defaultLib;

    function setDelegate(address oapp, address d) external { delegates[oapp] = d; }
    function setReceiveLibrary(address oapp, uint32 eid, address lib) external { _lib[oapp][eid] = lib; }
    function setDefaultReceiveLibrary(uint32 eid, address lib) external { _defaultLib[eid] = lib; }

    function getReceiveLibrary(address receiver, uint32 eid) external view returns (address lib, bool isDefault) {
        lib = _lib[receiver][eid];
        if (lib != address(0)) return (lib, false);
        lib = _defaultLib[eid];
        require(lib != address(0), "LZ_DefaultReceiveLibUnavailable");
        return (lib, true);
    }
}
