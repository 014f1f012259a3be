// SPDX-License-Identifier: MIT
// Test-only EigenLayer AllocationManager with the real view signatures (IAllocationManager v1.12.0). Slashable
// stake follows AllocationManagerView._getMinimumAllocatedStake: operator shares × magnitude / max magnitude,
// counting a pending change only when it is a deallocation due by futureBlock, and 0 when the operator is not
// slashable by the set or its max magnitude is 0.
pragma solidity ^0.8.20;

interface IOperatorShares {
    function getOperatorsShares(address[] calldata operators, address[] calldata strategies) external view returns (uint256[][] memory);
}

contract ElAllocationManager {
    struct OperatorSet {
        address avs;
        uint32 id;
    }

    struct Allocation {
        uint64 currentMagnitude;
        int128 pendingDiff;
        uint32 effectBlock;
    }

    address constant DELEGATION_MANAGER = 0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A;
    uint64 constant WAD = 1e18;

    mapping(address => OperatorSet[]) private _allocatedSets;
    mapping(address => mapping(address => uint64)) private _maxMagnitude;
    mapping(address => mapping(address => bool)) private _maxSet;
    mapping(address => mapping(bytes32 => mapping(address => Allocation))) private _allocations;
    mapping(address => mapping(bytes32 => bool)) private _slashable;
    mapping(bytes32 => bool) private _redistributing;
    mapping(bytes32 => address) private _slasher;
    bool public reverting;

    modifier live() {
        require(!reverting, "ElAllocationManager: reverting");
        _;
    }

    function _key(OperatorSet memory s) internal pure returns (bytes32) {
        return keccak256(abi.encode(s.avs, s.id));
    }

    function setReverting(bool r) external { reverting = r; }

    function setAllocatedSets(address operator, OperatorSet[] calldata sets) external {
        delete _allocatedSets[operator];
        for (uint256 i = 0; i < sets.length; i++) _allocatedSets[operator].push(sets[i]);
    }

    function setMaxMagnitude(address operator, address strategy, uint64 m) external {
        _maxMagnitude[operator][strategy] = m;
        _maxSet[operator][strategy] = true;
    }

    function setAllocation(address operator, OperatorSet calldata s, address strategy, uint64 current, int128 pendingDiff, uint32 effectBlock) external {
        _allocations[operator][_key(s)][strategy] = Allocation(current, pendingDiff, effectBlock);
    }

    function setSlashable(address operator, OperatorSet calldata s, bool v) external { _slashable[operator][_key(s)] = v; }
    function setRedistributing(OperatorSet calldata s, bool v) external { _redistributing[_key(s)] = v; }
    function setSlasher(OperatorSet calldata s, address slasher) external { _slasher[_key(s)] = slasher; }

    function _max(address operator, address strategy) internal view returns (uint64) {
        return _maxSet[operator][strategy] ? _maxMagnitude[operator][strategy] : WAD;
    }

    function getAllocatedSets(address operator) external view live returns (OperatorSet[] memory) {
        return _allocatedSets[operator];
    }

    function getMaxMagnitudes(address[] calldata operators, address strategy) external view live returns (uint64[] memory out) {
        out = new uint64[](operators.length);
        for (uint256 i = 0; i < operators.length; i++) out[i] = _max(operators[i], strategy);
    }

    function getMinimumSlashableStake(OperatorSet calldata s, address[] calldata operators, address[] calldata strategies, uint32 futureBlock)
        external view live returns (uint256[][] memory slashableStake)
    {
        uint256[][] memory delegated = IOperatorShares(DELEGATION_MANAGER).getOperatorsShares(operators, strategies);
        slashableStake = new uint256[][](operators.length);
        for (uint256 i = 0; i < operators.length; i++) {
            slashableStake[i] = new uint256[](strategies.length);
            if (!_slashable[operators[i]][_key(s)]) continue;
            for (uint256 j = 0; j < strategies.length; j++) {
                uint64 maxM = _max(operators[i], strategies[j]);
                if (maxM == 0) continue;
                Allocation memory a = _allocations[operators[i]][_key(s)][strategies[j]];
                uint256 mag = a.currentMagnitude;
                if (a.effectBlock <= futureBlock && a.pendingDiff < 0) mag = uint256(int256(mag) + a.pendingDiff);
                slashableStake[i][j] = delegated[i][j] * mag / maxM;
            }
        }
    }

    function getStrategyAllocations(address operator, address strategy) external view live returns (OperatorSet[] memory sets, Allocation[] memory allocations) {
        OperatorSet[] storage all = _allocatedSets[operator];
        sets = new OperatorSet[](all.length);
        allocations = new Allocation[](all.length);
        for (uint256 i = 0; i < all.length; i++) {
            sets[i] = all[i];
            allocations[i] = _allocations[operator][_key(all[i])][strategy];
        }
    }

    function isRedistributingOperatorSet(OperatorSet calldata s) external view live returns (bool) {
        return _redistributing[_key(s)];
    }

    function getSlasher(OperatorSet calldata s) external view live returns (address) {
        return _slasher[_key(s)];
    }
}
