// SPDX-License-Identifier: MIT
// Test-only Fluid DexReservesResolver: getPoolTokens and estimateSwapIn on a constant-product pool per dex address.
// Like the real resolver, estimateSwapIn returns 0 (not a revert) when the swap is past the pool's limit.
pragma solidity ^0.8.20;

contract FluidResolverMock {
    struct Pool {
        address token0;
        address token1;
        uint256 reserve0;
        uint256 reserve1;
        uint256 maxIn;
        bool exists;
    }

    mapping(address => Pool) private _pools;
    bool public reverting;

    function setReverting(bool r) external { reverting = r; }

    function setPool(address dex, address token0, address token1, uint256 reserve0, uint256 reserve1, uint256 maxIn) external {
        _pools[dex] = Pool(token0, token1, reserve0, reserve1, maxIn, true);
    }

    function getPoolTokens(address pool_) external view returns (address token0_, address token1_) {
        require(!reverting, "FluidResolverMock: reverting");
        Pool memory p = _pools[pool_];
        require(p.exists, "FluidResolverMock: unknown pool");
        return (p.token0, p.token1);
    }

    // Payable and not view, like the real resolver.
    function estimateSwapIn(address dex_, bool swap0to1_, uint256 amountIn_, uint256) external payable returns (uint256 amountOut_) {
        require(!reverting, "FluidResolverMock: reverting");
        Pool memory p = _pools[dex_];
        require(p.exists, "FluidResolverMock: unknown pool");
        if (amountIn_ > p.maxIn) return 0;
        (uint256 rIn, uint256 rOut) = swap0to1_ ? (p.reserve0, p.reserve1) : (p.reserve1, p.reserve0);
        return rOut * amountIn_ / (rIn + amountIn_);
    }
}
