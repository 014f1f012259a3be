// SPDX-License-Identifier: MIT
// Test-only LRT staker registries: the getters each protocol lists its EigenLayer stakers with (Kelp and
// Eigenpie getNodeDelegatorQueue, Renzo getOperatorDelegatorsLength/operatorDelegators, Bedrock
// getTotalPods/podOwners, Puffer getModuleWeights/getModuleAddress, Swell's AccessControlManager →
// DepositManager → eigenLayerManager → stakeId/stakerProxyAddresses), one contract answering all of them.
pragma solidity ^0.8.20;

contract LrtStakers {
    address[] private _stakers;
    bytes32[] private _moduleNames;
    mapping(bytes32 => address) private _modules;
    address private _next;
    bool public reverting;

    modifier live() {
        require(!reverting, "LrtStakers: reverting");
        _;
    }

    function setReverting(bool r) external { reverting = r; }
    function setStakers(address[] calldata s) external { _stakers = s; }
    function setNext(address n) external { _next = n; }
    function setModules(bytes32[] calldata names, address[] calldata addrs) external {
        _moduleNames = names;
        for (uint256 i = 0; i < names.length; i++) _modules[names[i]] = addrs[i];
    }

    function getNodeDelegatorQueue() external view live returns (address[] memory) { return _stakers; }
    function getOperatorDelegatorsLength() external view live returns (uint256) { return _stakers.length; }
    function operatorDelegators(uint256 i) external view live returns (address) { return _stakers[i]; }
    function getTotalPods() external view live returns (uint256) { return _stakers.length; }
    function podOwners(uint256 i) external view live returns (address) { return _stakers[i]; }
    function getModuleWeights() external view live returns (bytes32[] memory) { return _moduleNames; }
    function getModuleAddress(bytes32 name) external view live returns (address) { return _modules[name]; }
    function AccessControlManager() external view live returns (address) { return _next; }
    function DepositManager() external view live returns (address) { return _next; }
    function eigenLayerManager() external view live returns (address) { return _next; }
    // Swell numbers its staker proxies from 1 (EigenLayerManager: ++stakeId, then stakerProxyAddresses[stakeId]).
    function stakeId() external view live returns (uint256) { return _stakers.length; }
    function stakerProxyAddresses(uint256 id) external view live returns (address) { return id == 0 ? address(0) : _stakers[id - 1]; }
}
