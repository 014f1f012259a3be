// SPDX-License-Identifier: MIT
// Test-only AccessControl contract (a RoleManager): hasRole and a setter, nothing else readable.
pragma solidity ^0.8.20;

contract RoleManagerMock {
    mapping(bytes32 => mapping(address => bool)) private _has;

    function grantRole(bytes32 role, address account) external { _has[role][account] = true; }
    function hasRole(bytes32 role, address account) external view returns (bool) { return _has[role][account]; }
}
