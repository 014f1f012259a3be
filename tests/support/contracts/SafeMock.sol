// SPDX-License-Identifier: MIT
// Test-only Safe: the view functions Safe{Wallet} exposes for owners, threshold and modules.
pragma solidity ^0.8.20;

contract SafeMock {
    address[] private _owners;
    uint256 private _threshold;
    address[] private _modules;
    address internal constant SENTINEL = address(0x1);

    function setOwners(address[] calldata o, uint256 t) external { _owners = o; _threshold = t; }
    function setModules(address[] calldata m) external { _modules = m; }

    function getOwners() external view returns (address[] memory) { return _owners; }
    function getThreshold() external view returns (uint256) { return _threshold; }

    function getModulesPaginated(address start, uint256 pageSize) external view returns (address[] memory array, address next) {
        require(start == SENTINEL, "SafeMock: start at the sentinel");
        uint256 n = _modules.length < pageSize ? _modules.length : pageSize;
        array = new address[](n);
        for (uint256 i = 0; i < n; i++) array[i] = _modules[i];
        next = n < _modules.length ? _modules[n] : SENTINEL;
    }
}
