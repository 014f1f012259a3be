// SPDX-License-Identifier: MIT
// Test-only Balancer V2 Vault: getPoolTokens for pool ids set by the test (balances are not used by the readers).
pragma solidity ^0.8.20;

contract BalancerVaultMock {
    mapping(bytes32 => address[]) private _tokens;
    bool public reverting;

    function setReverting(bool r) external { reverting = r; }
    function setPoolTokens(bytes32 poolId, address[] calldata tokens) external { _tokens[poolId] = tokens; }

    function getPoolTokens(bytes32 poolId) external view returns (address[] memory tokens, uint256[] memory balances, uint256 lastChangeBlock) {
        require(!reverting, "BalancerVaultMock: reverting");
        tokens = _tokens[poolId];
        require(tokens.length > 0, "BAL#500");
        balances = new uint256[](tokens.length);
        lastChangeBlock = block.number;
    }
}
