// SPDX-License-Identifier: MIT
// Test-only TimelockController: getMinDelay and hasRole as OpenZeppelin's; role enumeration
// (AccessControlEnumerable) only when switched on, since the real TimelockController is not enumerable.
pragma solidity ^0.8.20;

contract TimelockMock {
    uint256 private _minDelay;
    bool public enumerable;
    mapping(bytes32 => address[]) private _members;

    function setMinDelay(uint256 d) external { _minDelay = d; }
    function setEnumerable(bool e) external { enumerable = e; }
    function grantRole(bytes32 role, address account) external { _members[role].push(account); }

    function getMinDelay() external view returns (uint256) { return _minDelay; }

    function hasRole(bytes32 role, address account) external view returns (bool) {
        address[] storage m = _members[role];
        for (uint256 i = 0; i < m.length; i++) if (m[i] == account) return true;
        return false;
    }

    function getRoleMemberCount(bytes32 role) external view returns (uint256) {
        require(enumerable, "TimelockMock: not enumerable");
        return _members[role].length;
    }

    function getRoleMember(bytes32 role, uint256 index) external view returns (address) {
        require(enumerable, "TimelockMock: not enumerable");
        return _members[role][index];
    }
}
