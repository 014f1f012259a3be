// SPDX-License-Identifier: MIT
// Test-only Balancer v2 BalancerQueries: querySwap on a constant-product pool per poolId.
pragma solidity ^0.8.20;

contract BalancerQueriesMock {
    enum SwapKind { GIVEN_IN, GIVEN_OUT }

    struct SingleSwap {
        bytes32 poolId;
        SwapKind kind;
        address assetIn;
        address assetOut;
        uint256 amount;
        bytes userData;
    }

    struct FundManagement {
        address sender;
        bool fromInternalBalance;
        address payable recipient;
        bool toInternalBalance;
    }

    struct Pool {
        address token0;
        address token1;
        uint256 balance0;
        uint256 balance1;
        bool exists;
    }

    mapping(bytes32 => Pool) private _pools;
    bool public reverting;

    function setReverting(bool r) external { reverting = r; }

    function setPool(bytes32 poolId, address token0, address token1, uint256 balance0, uint256 balance1) external {
        _pools[poolId] = Pool(token0, token1, balance0, balance1, true);
    }

    // Not view, like the real contract. GIVEN_IN returns amountOut; GIVEN_OUT returns the amountIn needed. No fee.
    function querySwap(SingleSwap memory singleSwap, FundManagement memory) external returns (uint256) {
        require(!reverting, "BalancerQueriesMock: reverting");
        Pool memory p = _pools[singleSwap.poolId];
        require(p.exists, "BAL#500");
        uint256 bIn;
        uint256 bOut;
        if (singleSwap.assetIn == p.token0 && singleSwap.assetOut == p.token1) {
            (bIn, bOut) = (p.balance0, p.balance1);
        } else if (singleSwap.assetIn == p.token1 && singleSwap.assetOut == p.token0) {
            (bIn, bOut) = (p.balance1, p.balance0);
        } else {
            revert("BAL#521");
        }
        if (singleSwap.kind == SwapKind.GIVEN_IN) {
            return bOut * singleSwap.amount / (bIn + singleSwap.amount);
        }
        require(singleSwap.amount < bOut, "BAL#001");
        return bIn * singleSwap.amount / (bOut - singleSwap.amount) + 1;
    }
}
