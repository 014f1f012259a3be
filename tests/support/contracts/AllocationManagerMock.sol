// SPDX-License-Identifier: MIT
// Test-only EigenLayer AllocationManager: the slashing views we read, backed by setters.
pragma solidity ^0.8.20;

contract AllocationManagerMock {
    struct OperatorSet {
        address avs;
        uint32 id;
    }

    struct Magnitudes {
        uint64 max;
        uint64 encumbered;
        bool set;
    }

    mapping(address => mapping(address => Magnitudes)) private _magnitudes;
    mapping(address => OperatorSet[]) private _allocatedSets;
    mapping(bytes32 => bool) private _redistributing;
    bool public reverting;

    modifier live() {
        require(!reverting, "AllocationManagerMock: reverting");
        _;
    }

    function setReverting(bool r) external { reverting = r; }

    function setMagnitudes(address operator, address strategy, uint64 maxMagnitude, uint64 encumberedMagnitude) external {
        _magnitudes[operator][strategy] = Magnitudes(maxMagnitude, encumberedMagnitude, true);
    }

    function setAllocatedSets(address operator, OperatorSet[] calldata sets) external {
        delete _allocatedSets[operator];
        for (uint256 i = 0; i < sets.length; i++) _allocatedSets[operator].push(sets[i]);
    }

    function setRedistributing(OperatorSet calldata operatorSet, bool value) external {
        _redistributing[keccak256(abi.encode(operatorSet.avs, operatorSet.id))] = value;
    }

    // Like the real contract, an operator never slashed has max magnitude WAD (1e18).
    function getMaxMagnitude(address operator, address strategy) external view live returns (uint64) {
        Magnitudes memory m = _magnitudes[operator][strategy];
        return m.set ? m.max : 1e18;
    }

    function getEncumberedMagnitude(address operator, address strategy) external view live returns (uint64) {
        return _magnitudes[operator][strategy].encumbered;
    }

    function getAllocatedSets(address operator) external view live returns (OperatorSet[] memory) {
        return _allocatedSets[operator];
    }

    function isRedistributingOperatorSet(OperatorSet calldata operatorSet) external view live returns (bool) {
        return _redistributing[keccak256(abi.encode(operatorSet.avs, operatorSet.id))];
    }
}
