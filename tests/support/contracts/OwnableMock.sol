// SPDX-License-Identifier: MIT
// Test-only: a contract whose one control is owner() (a ProxyAdmin, an Ownable or UUPS token), and authority()
// for AccessManaged targets. Zero reads as "not set": owner() then reverts, as a contract without one would.
pragma solidity ^0.8.20;

contract OwnableMock {
    address private _owner;
    address private _authority;
    bool public reverting;

    modifier live() {
        require(!reverting, "OwnableMock: reverting");
        _;
    }

    function setOwner(address o) external { _owner = o; }
    function setAuthority(address a) external { _authority = a; }
    function setReverting(bool r) external { reverting = r; }

    function owner() external view live returns (address) {
        require(_owner != address(0), "OwnableMock: no owner");
        return _owner;
    }

    function authority() external view live returns (address) {
        require(_authority != address(0), "OwnableMock: no authority");
        return _authority;
    }

    // A beacon answers implementation(); a placed OwnableMock doubles as one.
    address private _implementation;
    function setImplementation(address i) external { _implementation = i; }
    function implementation() external view live returns (address) {
        require(_implementation != address(0), "OwnableMock: not a beacon");
        return _implementation;
    }
}
