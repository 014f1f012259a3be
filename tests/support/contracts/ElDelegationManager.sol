// SPDX-License-Identifier: MIT
// Test-only EigenLayer DelegationManager: the views the slashing reader calls, with the real signatures
// (IDelegationManager v1.12.0), backed by setters. Reading a staker's shares does not touch the strategies.
pragma solidity ^0.8.20;

contract ElDelegationManager {
    mapping(address => address) private _delegatedTo;
    mapping(address => mapping(address => uint256)) private _withdrawable;
    mapping(address => mapping(address => uint256)) private _operatorShares;
    bool public reverting;

    modifier live() {
        require(!reverting, "ElDelegationManager: reverting");
        _;
    }

    function setReverting(bool r) external { reverting = r; }
    function setDelegatedTo(address staker, address operator) external { _delegatedTo[staker] = operator; }
    function setWithdrawable(address staker, address strategy, uint256 shares) external { _withdrawable[staker][strategy] = shares; }
    function setOperatorShares(address operator, address strategy, uint256 shares) external { _operatorShares[operator][strategy] = shares; }

    function delegatedTo(address staker) external view live returns (address) {
        return _delegatedTo[staker];
    }

    function getWithdrawableShares(address staker, address[] calldata strategies)
        external view live returns (uint256[] memory withdrawableShares, uint256[] memory depositShares)
    {
        withdrawableShares = new uint256[](strategies.length);
        depositShares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; i++) {
            withdrawableShares[i] = _withdrawable[staker][strategies[i]];
            depositShares[i] = withdrawableShares[i];
        }
    }

    function getOperatorsShares(address[] calldata operators, address[] calldata strategies) external view live returns (uint256[][] memory shares) {
        shares = new uint256[][](operators.length);
        for (uint256 i = 0; i < operators.length; i++) shares[i] = getOperatorShares(operators[i], strategies);
    }

    function getOperatorShares(address operator, address[] calldata strategies) public view live returns (uint256[] memory shares) {
        shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; i++) shares[i] = _operatorShares[operator][strategies[i]];
    }
}
