// SPDX-License-Identifier: MIT
// Test-only Uniswap v3 QuoterV2: quoteExactInputSingle on a constant-product pool per (tokenIn, tokenOut, fee).
pragma solidity ^0.8.20;

contract QuoterV2Mock {
    struct QuoteExactInputSingleParams {
        address tokenIn;
        address tokenOut;
        uint256 amountIn;
        uint24 fee;
        uint160 sqrtPriceLimitX96;
    }

    struct Pool {
        uint256 reserveIn;
        uint256 reserveOut;
        bool exists;
    }

    mapping(bytes32 => Pool) private _pools;
    bool public reverting;

    function setReverting(bool r) external { reverting = r; }

    // One direction only: set the reverse pair separately if a test needs it.
    function setPool(address tokenIn, address tokenOut, uint24 fee, uint256 reserveIn, uint256 reserveOut) external {
        _pools[keccak256(abi.encode(tokenIn, tokenOut, fee))] = Pool(reserveIn, reserveOut, true);
    }

    // Not view, like the real QuoterV2. The fee (hundredths of a bip) is taken from amountIn first.
    // sqrtPriceX96After is sqrt(reserveOut / reserveIn) after the swap, in Q96.
    function quoteExactInputSingle(QuoteExactInputSingleParams memory params)
        external
        returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)
    {
        require(!reverting, "QuoterV2Mock: reverting");
        Pool memory p = _pools[keccak256(abi.encode(params.tokenIn, params.tokenOut, params.fee))];
        require(p.exists, "QuoterV2Mock: unknown pool");
        uint256 inAfterFee = params.amountIn * (1e6 - params.fee) / 1e6;
        amountOut = p.reserveOut * inAfterFee / (p.reserveIn + inAfterFee);
        uint256 newIn = p.reserveIn + inAfterFee;
        uint256 newOut = p.reserveOut - amountOut;
        sqrtPriceX96After = newIn == 0 ? 0 : uint160(_sqrt((newOut << 96) / newIn) << 48);
        initializedTicksCrossed = 1;
        gasEstimate = 80000;
    }

    function _sqrt(uint256 x) private pure returns (uint256 y) {
        if (x == 0) return 0;
        uint256 z = (x + 1) / 2;
        y = x;
        while (z < y) {
            y = z;
            z = (x / z + z) / 2;
        }
    }
}
