// Typed ABIs of the test contracts (checked against the solc output in support-chain.test.ts).
import { parseAbi } from 'viem';

export const multicall3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
  'function getBlockNumber() view returns (uint256)',
  'function getCurrentBlockTimestamp() view returns (uint256)',
  'function getChainId() view returns (uint256)',
  'function getEthBalance(address addr) view returns (uint256)',
]);

export const lrtMockAbi = parseAbi([
  'function rate() view returns (uint256)',
  'function getRate() view returns (uint256)',
  'function rsETHPrice() view returns (uint256)',
  'function exchangeRatio() view returns (uint256)',
  'function exchangeRateToNative() view returns (uint256)',
  'function exchangeRateToLST() view returns (uint256)',
  'function ratio() view returns (uint256)',
  'function stEthPerToken() view returns (uint256)',
  'function getExchangeRate() view returns (uint256)',
  'function convertToAssets(uint256 shares) view returns (uint256)',
  'function mETHToETH(uint256 amount) view returns (uint256)',
  'function getValueByShares(uint256 shares) view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'function setRate(uint256 r)',
  'function setSupply(uint256 s)',
  'function setDecimals(uint8 d)',
  'function setSymbol(string s)',
  'function setReverting(bool r)',
]);

export const curvePoolMockAbi = parseAbi([
  'function get_dy(int128 i, int128 j, uint256 dx) view returns (uint256)',
  'function coins(uint256 i) view returns (address)',
  'function balances(uint256 i) view returns (uint256)',
  'function setBalances(uint256[2] b)',
  'function setCoins(address c0, address c1)',
  'function setReverting(bool r)',
]);

export const quoterV2MockAbi = parseAbi([
  'struct QuoteExactInputSingleParams { address tokenIn; address tokenOut; uint256 amountIn; uint24 fee; uint160 sqrtPriceLimitX96; }',
  'function quoteExactInputSingle(QuoteExactInputSingleParams params) returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
  'function setPool(address tokenIn, address tokenOut, uint24 fee, uint256 reserveIn, uint256 reserveOut)',
  'function setReverting(bool r)',
]);

export const balancerQueriesMockAbi = parseAbi([
  'struct SingleSwap { bytes32 poolId; uint8 kind; address assetIn; address assetOut; uint256 amount; bytes userData; }',
  'struct FundManagement { address sender; bool fromInternalBalance; address recipient; bool toInternalBalance; }',
  'function querySwap(SingleSwap singleSwap, FundManagement funds) returns (uint256)',
  'function setPool(bytes32 poolId, address token0, address token1, uint256 balance0, uint256 balance1)',
  'function setReverting(bool r)',
]);

export const allocationManagerMockAbi = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'function getMaxMagnitude(address operator, address strategy) view returns (uint64)',
  'function getEncumberedMagnitude(address operator, address strategy) view returns (uint64)',
  'function getAllocatedSets(address operator) view returns (OperatorSet[])',
  'function isRedistributingOperatorSet(OperatorSet operatorSet) view returns (bool)',
  'function setMagnitudes(address operator, address strategy, uint64 maxMagnitude, uint64 encumberedMagnitude)',
  'function setAllocatedSets(address operator, OperatorSet[] sets)',
  'function setRedistributing(OperatorSet operatorSet, bool value)',
  'function setReverting(bool r)',
]);

export const delegationManagerMockAbi = parseAbi([
  'function getOperatorShares(address operator, address[] strategies) view returns (uint256[])',
  'function delegatedTo(address staker) view returns (address)',
  'function setOperatorShares(address operator, address strategy, uint256 shares)',
  'function setDelegatedTo(address staker, address operator)',
  'function setReverting(bool r)',
]);

export const balancerVaultMockAbi = parseAbi([
  'function getPoolTokens(bytes32 poolId) view returns (address[] tokens, uint256[] balances, uint256 lastChangeBlock)',
  'function setPoolTokens(bytes32 poolId, address[] tokens)',
  'function setReverting(bool r)',
]);

export const fluidResolverMockAbi = parseAbi([
  'function getPoolTokens(address pool_) view returns (address token0_, address token1_)',
  'function estimateSwapIn(address dex_, bool swap0to1_, uint256 amountIn_, uint256 amountOutMin_) payable returns (uint256 amountOut_)',
  'function setPool(address dex, address token0, address token1, uint256 reserve0, uint256 reserve1, uint256 maxIn)',
  'function setReverting(bool r)',
]);

export const withdrawalsMockAbi = parseAbi([
  'struct WithdrawRequest { uint96 amountOfEEth; uint96 shareOfEEth; bool isValid; uint32 feeGwei; }',
  'function paused() view returns (bool)',
  'function pausedUntil() view returns (uint256)',
  'function nextRequestId() view returns (uint32)',
  'function lastFinalizedRequestId() view returns (uint32)',
  'function getRequest(uint256 id) view returns (WithdrawRequest)',
  'function totalRedeemableAmount(address token) view returns (uint256)',
  'function withdrawalDelayBlocks() view returns (uint256)',
  'function nextUnusedNonce(address asset) view returns (uint256)',
  'function nextLockedNonce(address asset) view returns (uint256)',
  'function assetsCommitted(address asset) view returns (uint256)',
  'function getExitFeeBasisPoints() view returns (uint256)',
  'function balanceOf(address owner) view returns (uint256)',
  'function setPaused(bool p, uint256 until)',
  'function setRequests(uint32 next, uint32 lastFinalized)',
  'function setRequest(uint256 id, uint96 amount)',
  'function setRedeemable(address token, uint256 amount)',
  'function setKelpQueue(address asset, uint256 delayBlocks, uint256 nextUnused, uint256 nextLocked, uint256 committed)',
  'function setExitFee(uint256 bps)',
  'function setBalance(address owner, uint256 amount)',
  'function setReverting(bool r)',
]);

export const setRevertingAbi = parseAbi(['function setReverting(bool r)']);
