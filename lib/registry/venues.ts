// Runs in: build, background, tests. Exit venues for the issuer data files: builders for each quote kind and the
// sources they cite. A venue names the pool and the base asset it pays out; how it is quoted (Curve coin indexes,
// the pool's holdings) is read on-chain by lib/sources/exit.ts, never stored here.
import { getAddress } from 'viem';
import type { TokenProfileInput } from './schema';
import { DLA_COMMIT, repoFile } from './sources';

type VenueInput = TokenProfileInput['exitVenues'][number];

const MAINNET = 'eip155:1';
const FLUID_COMMIT = 'a9949b48ba1247d4f478cd0acb40896b5c8bf3f8';

/** A Fluid DEX pool's own deployment file in Fluid's repository (its address and, by name, its pair). */
export const fluidDexSource = (id: string, file: string) =>
  repoFile(id, 'Instadapp/fluid-contracts-public', FLUID_COMMIT, `deployments/mainnet/${file}`, `Fluid DEX deployment ${file.replace(/\.json$/, '')} on Ethereum`);
/** Uniswap v3 QuoterV2 on Ethereum (Uniswap/docs Ethereum-Deployments.md). */
export const UNISWAP_QUOTER_V2 = '0x61fFE014bA17989E743c5F6cB21bF9697530B21e';
/** Balancer V2 BalancerQueries on Ethereum (balancer/balancer-deployments). */
export const BALANCER_QUERIES = '0xE39B5e3B6D74016b2F6A9673D7d7493B6DF549d5';

/** Fluid DexReservesResolver on Ethereum (Instadapp/fluid-contracts-public deployments/mainnet). */
export const FLUID_DEX_RESOLVER = '0x05Bd8269A20C472b148246De20E6852091BF16Ff';

/** Base assets a venue pays out into, as the data files name them (DefiLlama coreAssets.json; 0xEeee… is native ETH). */
export const OUT = {
  ETH: { address: '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE', decimals: 18 },
  WETH: { address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', decimals: 18 },
  wstETH: { address: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0', decimals: 18 },
  WBTC: { address: '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599', decimals: 8 },
  cbBTC: { address: '0xcbB7C0000aB88B473b1f5aFd9ef808440eed33Bf', decimals: 8 },
} as const;
type Out = keyof typeof OUT;

export const VENUE_SOURCES = {
  uniPoolAddress: repoFile(
    'uni-pool-address',
    'Uniswap/v3-periphery',
    '0682387198a24c7cd63566a2c58398533860a5d1',
    'contracts/libraries/PoolAddress.sol',
    'Uniswap v3 PoolAddress: a pool’s address is CREATE2 of the factory, its tokens and fee tier (the registry’s pool addresses are recomputed from it in tests)',
  ),
  uniDeployments: repoFile(
    'uni-deployments',
    'Uniswap/docs',
    '8c5d09e23f53683b20bac8e7da8898f01b9f068e',
    'docs/contracts/v3/reference/deployments/Ethereum-Deployments.md',
    'Uniswap v3 Ethereum deployments: UniswapV3Factory 0x1F98…F984, QuoterV2 0x61fF…B21e',
  ),
  balancerQueries: repoFile(
    'bal-queries',
    'balancer/balancer-deployments',
    '6826feb824e5b279a2b06b7b0d7923f7e82eef0e',
    'v2/tasks/20220721-balancer-queries/output/mainnet.json',
    'Balancer V2 BalancerQueries on Ethereum (querySwap); the Vault’s getPoolTokens checks each pool id at every read',
  ),
  curveNg: repoFile(
    'curve-ng',
    'curvefi/stableswap-ng',
    '2abe778f40206a6c0fd108a0a53ad3266cbedeee',
    'contracts/main/CurveStableSwapNG.vy',
    'Curve stableswap-ng pool: coins(uint256) and get_dy(int128,int128,uint256); coin order is read at every refresh',
  ),
  gearboxTokens: repoFile(
    'gearbox-tokens',
    'Gearbox-protocol/sdk-gov',
    '528de13cdf76bc30435a2652d69b98c21aa83f6d',
    'src/tokens/token.ts',
    'Gearbox sdk-gov: mainnet Curve pool addresses its adapters trade through (integrator’s list, not the DEX’s)',
  ),
  gearboxContracts: repoFile(
    'gearbox-contracts',
    'Gearbox-protocol/sdk-gov',
    '528de13cdf76bc30435a2652d69b98c21aa83f6d',
    'src/contracts/contracts.ts',
    'Gearbox sdk-gov: each Curve pool’s coins as its adapter lists them',
  ),
  gearboxBalancer: repoFile(
    'gearbox-balancer',
    'Gearbox-protocol/sdk-gov',
    '528de13cdf76bc30435a2652d69b98c21aa83f6d',
    'src/tokens/balancer.ts',
    'Gearbox sdk-gov: Balancer pool ids with their underlying tokens (integrator’s list)',
  ),
  vedaChainValues: repoFile(
    'veda-chainvalues',
    'Veda-Labs/boring-vault',
    '45243c1473d601d18d561397a59f5941b13aa57c',
    'test/resources/ChainValues.sol',
    'Veda boring-vault ChainValues: mainnet pool addresses and Balancer pool ids its strategists use (integrator’s list)',
  ),
  vedaLiquidEthLeafs: repoFile(
    'veda-liquideth-leafs',
    'Veda-Labs/boring-vault',
    '45243c1473d601d18d561397a59f5941b13aa57c',
    'leafs/Mainnet/LiquidEthStrategistLeafs.json',
    'Veda Liquid ETH strategist leafs: weETH/WETH Curve pools it trades (integrator’s list)',
  ),
  fluidResolver: repoFile(
    'fluid-resolver',
    'Instadapp/fluid-contracts-public',
    FLUID_COMMIT,
    'deployments/mainnet/DexReservesResolver.json',
    'Fluid DexReservesResolver on Ethereum: estimateSwapIn(address,bool,uint256,uint256), getPoolTokens(address)',
  ),
  dlaLombardVault: repoFile(
    'dla-lombard-vault',
    'DefiLlama/DefiLlama-Adapters',
    DLA_COMMIT,
    'projects/lombard-vault/index.js',
    'DefiLlama adapter for the Lombard vault: its Curve stableswap-ng pools on Ethereum',
  ),
} as const;

export function uniswapV3(pair: string, pool: string, out: Out, fee: number, sources: string[]): VenueInput {
  return {
    chain: MAINNET,
    address: pool,
    kind: 'uniswap-v3',
    pair,
    quote: { kind: 'uniswap-v3', quoter: UNISWAP_QUOTER_V2, tokenOut: OUT[out].address, fee, outDecimals: OUT[out].decimals },
    // The address is recomputed from the pair and fee tier with Uniswap's own derivation (tests), so it is right by
    // construction; whether the pool holds liquidity is what the live quote measures.
    verified: true,
    sources: ['uni-pool-address', 'uni-deployments', ...sources],
  };
}

export function curve(pair: string, pool: string, out: Out, verified: boolean, sources: string[]): VenueInput {
  return {
    chain: MAINNET,
    address: pool,
    kind: 'curve',
    pair,
    quote: { kind: 'curve', tokenOut: OUT[out].address, outDecimals: OUT[out].decimals },
    verified,
    sources: ['curve-ng', ...sources],
  };
}

export function balancer(pair: string, poolId: string, out: Out, verified: boolean, sources: string[]): VenueInput {
  // A Balancer V2 pool id starts with the pool's address.
  const address = `0x${poolId.slice(2, 42)}`;
  return {
    chain: MAINNET,
    address: getAddress(address),
    kind: 'balancer',
    pair,
    quote: { kind: 'balancer', queries: BALANCER_QUERIES, poolId, tokenOut: OUT[out].address, outDecimals: OUT[out].decimals },
    verified,
    sources: ['bal-queries', ...sources],
  };
}

export function fluidDex(pair: string, pool: string, out: Out, sources: string[]): VenueInput {
  return {
    chain: MAINNET,
    address: pool,
    kind: 'fluid-dex',
    pair,
    quote: { kind: 'fluid-dex', resolver: FLUID_DEX_RESOLVER, tokenOut: OUT[out].address, outDecimals: OUT[out].decimals },
    // The pool's address is from Fluid's own deployment file for the pair; its tokens are read at every refresh.
    verified: true,
    sources: ['fluid-resolver', ...sources],
  };
}
