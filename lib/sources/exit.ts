// Runs in: background, tests. Exit liquidity: the price impact of selling fixed sizes of a token on its deepest
// venues named in the registry, quoted on-chain (Curve get_dy, Uniswap v3 QuoterV2, Balancer queries) in one
// Multicall3 batch. Impact is measured against a 1-token quote on the same venue, so it is the cost of size.
import { formatUnits, parseAbi, parseUnits, type Abi, type Address, type PublicClient } from 'viem';
import type { TokenProfile } from '../registry/schema';
import { chainSource, type ChainSource } from '../provenance';
import { fail, type Outcome } from './http';
import { MULTICALL3, rpcFailure, type CallResult } from './rpc';

/** Sizes quoted, in whole tokens; the exit petal uses the largest. */
export const EXIT_SIZES = [100, 1000] as const;
const REFERENCE = 1;

export interface ExitQuote {
  /** e.g. "curve ezETH/WETH pool 0x…". */
  venue: string;
  impactPct: Record<string, number>;
  source: ChainSource;
}

/** The quoting call as the card cites it. */
const QUOTE_FN = { curve: 'get_dy(int128,int128,uint256)', 'uniswap-v3': 'quoteExactInputSingle((address,address,uint256,uint24,uint160))', balancer: 'querySwap((bytes32,uint8,address,address,uint256,bytes),(address,bool,address,bool))' } as const;

const CURVE = parseAbi(['function get_dy(int128 i, int128 j, uint256 dx) view returns (uint256)']);
const QUOTER = parseAbi([
  'function quoteExactInputSingle((address tokenIn, address tokenOut, uint256 amountIn, uint24 fee, uint160 sqrtPriceLimitX96) params) returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
]);
const BALANCER = parseAbi([
  'function querySwap((bytes32 poolId, uint8 kind, address assetIn, address assetOut, uint256 amount, bytes userData) singleSwap, (address sender, bool fromInternalBalance, address recipient, bool toInternalBalance) funds) returns (uint256)',
]);
const ZERO = '0x0000000000000000000000000000000000000000';

type Venue = TokenProfile['exitVenues'][number];
type Quotable = { t: TokenProfile; venue: Venue & { quote: NonNullable<Venue['quote']> }; token: Address; decimals: number };

/** Tokens with a quotable venue on `chain` and a deployment with known decimals there. */
export function quotableOn(tokens: readonly TokenProfile[], chain: string): TokenProfile[] {
  return tokens.filter((t) => pick(t, chain) !== null);
}

function pick(t: TokenProfile, chain: string): Quotable | null {
  // The token sold is the canonical one on the venue's chain; on another chain, the deployment there.
  const dep = t.deployments.find((d) => d.chain === chain && d.decimals !== null);
  const venue = t.exitVenues.find((v) => v.chain === chain && v.quote !== null);
  if (!dep || !venue?.quote) return null;
  return { t, venue: venue as Quotable['venue'], token: dep.address as Address, decimals: dep.decimals! };
}

function call(q: Quotable, amount: bigint) {
  const v = q.venue.quote;
  switch (v.kind) {
    case 'curve':
      return { address: q.venue.address as Address, abi: CURVE as Abi, functionName: 'get_dy', args: [BigInt(v.i), BigInt(v.j), amount] };
    case 'uniswap-v3':
      return {
        address: v.quoter as Address,
        abi: QUOTER as Abi,
        functionName: 'quoteExactInputSingle',
        args: [{ tokenIn: q.token, tokenOut: v.tokenOut as Address, amountIn: amount, fee: v.fee, sqrtPriceLimitX96: 0n }],
      };
    case 'balancer':
      return {
        address: v.queries as Address,
        abi: BALANCER as Abi,
        functionName: 'querySwap',
        args: [
          { poolId: v.poolId as `0x${string}`, kind: 0, assetIn: q.token, assetOut: v.tokenOut as Address, amount, userData: '0x' },
          { sender: ZERO, fromInternalBalance: false, recipient: ZERO, toInternalBalance: false },
        ],
      };
  }
}

function amountOut(result: unknown): bigint | null {
  if (typeof result === 'bigint') return result;
  if (Array.isArray(result) && typeof result[0] === 'bigint') return result[0];
  return null;
}

export async function quoteExits(client: PublicClient, tokens: readonly TokenProfile[], chain: string): Promise<Outcome<Record<string, Outcome<ExitQuote>>>> {
  const items = tokens.map((t) => pick(t, chain)).filter((q): q is Quotable => q !== null);
  const sizes = [REFERENCE, ...EXIT_SIZES];
  const contracts = items.flatMap((q) => sizes.map((s) => call(q, parseUnits(String(s), q.decimals))));
  if (!contracts.length) return { ok: true, data: {}, url: '', fetchedAt: new Date().toISOString() };
  let block: bigint;
  let results: CallResult[];
  try {
    block = await client.getBlockNumber({ cacheTime: 0 });
    results = (await client.multicall({ contracts, allowFailure: true, multicallAddress: MULTICALL3, blockNumber: block })) as CallResult[];
  } catch (err) {
    return rpcFailure(err, 'exit quotes');
  }
  const fetchedAt = new Date().toISOString();
  const out: Record<string, Outcome<ExitQuote>> = {};
  items.forEach((q, n) => {
    const rs = results.slice(n * sizes.length, (n + 1) * sizes.length);
    const venue = `${q.venue.kind} ${q.venue.pair} pool ${q.venue.address}`;
    const quoter = q.venue.quote.kind === 'curve' ? q.venue.address : q.venue.quote.kind === 'uniswap-v3' ? q.venue.quote.quoter : q.venue.quote.queries;
    const bad = rs.find((r) => r.status !== 'success');
    if (bad) {
      out[q.t.id] = rpcFailure(bad.error, `${q.t.symbol} quote on ${q.venue.kind}`);
      return;
    }
    const outs = rs.map((r) => amountOut(r.result));
    const outDecimals = q.venue.quote.outDecimals;
    const per = outs.map((o, i) => (o === null ? NaN : Number(formatUnits(o, outDecimals)) / sizes[i]!));
    const ref = per[0]!;
    if (!(ref > 0) || per.some((p) => !Number.isFinite(p))) {
      out[q.t.id] = fail('no-data', `${q.t.symbol}: the ${q.venue.kind} venue quoted nothing for a 1-token sale`);
      return;
    }
    const impactPct = Object.fromEntries(EXIT_SIZES.map((s, i) => [String(s), Math.max(0, (1 - per[i + 1]! / ref) * 100)]));
    out[q.t.id] = { ok: true, url: '', fetchedAt, data: { venue, impactPct, source: chainSource(chain, quoter, QUOTE_FN[q.venue.quote.kind], block, fetchedAt) } };
  });
  return { ok: true, data: out, url: '', fetchedAt };
}
