// SPDX-License-Identifier: MIT
// Test-only OpenZeppelin v5 AccessManager: the views that say who may call a target's function, and with what delay.
pragma solidity ^0.8.20;

contract AccessManagerMock {
    uint64 public constant ADMIN_ROLE = type(uint64).min;
    uint64 public constant PUBLIC_ROLE = type(uint64).max;
    mapping(address => mapping(bytes4 => uint64)) private _targetRole;
    mapping(uint64 => mapping(address => uint32)) private _delay;
    mapping(uint64 => mapping(address => bool)) private _member;

    function setTargetFunctionRole(address target, bytes4 selector, uint64 role) external { _targetRole[target][selector] = role; }
    function grantRole(uint64 role, address account, uint32 executionDelay) external {
        _member[role][account] = true;
        _delay[role][account] = executionDelay;
    }

    function getTargetFunctionRole(address target, bytes4 selector) external view returns (uint64) { return _targetRole[target][selector]; }

    function hasRole(uint64 roleId, address account) external view returns (bool isMember, uint32 executionDelay) {
        if (roleId == PUBLIC_ROLE) return (true, 0);
        return (_member[roleId][account], _delay[roleId][account]);
    }
}
