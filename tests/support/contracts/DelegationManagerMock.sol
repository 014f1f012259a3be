// SPDX-License-Identifier: MIT
// Test-only EigenLayer DelegationManager: operator shares and delegation views, backed by setters.
pragma solidity ^0.8.20;

contract DelegationManagerMock {
    mapping(address => mapping(address => uint256)) private _operatorShares;
    mapping(address => address) private _delegatedTo;
    bool public reverting;

    modifier live() {
        require(!reverting, "DelegationManagerMock: reverting");
        _;
    }

    function setReverting(bool r) external { reverting = r; }
    function setOperatorShares(address operator, address strategy, uint256 shares) external { _operatorShares[operator][strategy] = shares; }
    function setDelegatedTo(address staker, address operator) external { _delegatedTo[staker] = operator; }

    function getOperatorShares(address operator, address[] calldata strategies) external view live returns (uint256[] memory shares) {
        shares = new uint256[](strategies.length);
        for (uint256 i = 0; i < strategies.length; i++) shares[i] = _operatorShares[operator][strategies[i]];
    }

    function delegatedTo(address staker) external view live returns (address) {
        return _delegatedTo[staker];
    }
}
