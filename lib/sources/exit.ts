// Runs in: background, tests. Exit liquidity: what selling a token on its DEX venues costs, quoted on-chain
// (Curve get_dy, Uniswap v3 QuoterV2, Balancer V2 queries, Fluid DEX estimateSwapIn) for every venue the registry
// names, in two Multicall3 rounds: one that checks what each pool holds (Curve coins(i), Balancer
// Vault.getPoolTokens, Fluid getPoolTokens), one that quotes a ladder of sizes on every venue that passed. Impact
// is measured against a small quote on the same venue, so a market discount is not counted as the cost of size.
// Only exits into the base asset count (ETH tokens: ETH, WETH, stETH, wstETH; BTC tokens: WBTC, cbBTC), as
// Gauntlet counts them: a pool into another restaking token is no exit.
import { formatUnits, getAddress, parseAbi, parseUnits, type Abi, type Address, type PublicClient } from 'viem';
import type { TokenProfile } from '../registry/schema';
import { chainSource, type ChainSource } from '../provenance';
import { IMPACT_LINES, type Denomination } from '../risk/exit';
import { fail, type Failure, type Outcome } from './http';
import { MULTICALL3, rpcFailure, type CallResult } from './rpc';

export type { Denomination };

/**
 * Base assets an exit may end in, by the token's denomination, mainnet addresses from DefiLlama's coreAssets.json
 * (DefiLlama/DefiLlama-Adapters@1eb4e81d:projects/helper/coreAssets.json). stETH and wstETH count as ETH exits
 * (the field's practice); WBTC and cbBTC as BTC exits. 0xEeee… is native ETH (Fluid pools, older Curve pools).
 */
export const EXIT_ASSETS: Record<Denomination, ReadonlyArray<{ symbol: string; address: Address; decimals: number }>> = {
  ETH: [
    { symbol: 'ETH', address: '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE', decimals: 18 },
    { symbol: 'WETH', address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', decimals: 18 },
    { symbol: 'stETH', address: '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84', decimals: 18 },
    { symbol: 'wstETH', address: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0', decimals: 18 },
  ],
  BTC: [
    { symbol: 'WBTC', address: '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599', decimals: 8 },
    { symbol: 'cbBTC', address: '0xcbB7C0000aB88B473b1f5aFd9ef808440eed33Bf', decimals: 8 },
  ],
};

/**
 * Sizes per denomination, in whole tokens. `reported` are the sizes shown (1,000 units is millions of dollars for
 * an ETH token but ~30 times more for a BTC token, so BTC tokens get their own). `reference` is the small sale
 * impact is measured against. `ladder` is quoted to find the size sellable within each impact line; it contains
 * every reported size, and its steps are at most 2.5x so the interpolated crossing is bracketed tightly.
 */
export const EXIT_LADDER: Record<Denomination, { reference: number; reported: readonly number[]; ladder: readonly number[] }> = {
  ETH: { reference: 0.1, reported: [10, 100, 1000], ladder: [5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 25_000] },
  BTC: { reference: 0.01, reported: [1, 10, 50], ladder: [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
};

/** Impact lines, percent, for "sellable within": the forms Gauntlet and LlamaRisk publish (lib/risk/exit.ts). */
export const SELLABLE_LINES = [IMPACT_LINES.comfortable, IMPACT_LINES.bad] as const;

export interface SellableSize {
  /** Whole tokens sellable on the best single venue within the line; null when even the smallest rung is over it. */
  size: number | null;
  /** How `size` was found: between two quoted rungs, or a bound because the ladder did not reach the line. */
  basis: 'interpolated' | 'at-least' | 'below-smallest';
  venue: string | null;
}

export interface VenueQuote {
  venue: string;
  kind: string;
  address: string;
  /** The base asset the venue pays out. */
  exitAsset: string;
  /** Percent impact at each ladder size this venue quoted; a size it could not fill is absent. */
  impactPct: Record<string, number>;
  /** Out-asset per token at the reference size (the venue's own price, before impact). */
  referencePrice: number;
  sellable: Record<string, SellableSize>;
  source: ChainSource;
}

export interface ExitQuote {
  /** The venue best at the largest reported size, e.g. "curve ezETH/WETH 0x85dE…". */
  venue: string;
  /** Best (lowest) impact per reported size across venues, percent, keyed by size in whole tokens. */
  impactPct: Record<string, number>;
  /** Which venue gave each reported size's best impact. */
  bestVenue: Record<string, string>;
  /** Size sellable within each line ("2", "5") on the best single venue. */
  sellable: Record<string, SellableSize>;
  denomination: Denomination;
  reported: number[];
  /** Every venue that quoted. */
  venues: VenueQuote[];
  /** Venues that did not quote, with why (reverted, holds other coins, not an exit into the base asset). */
  skipped: Array<{ venue: string; reason: string }>;
  block: string;
  /** The quoting call behind the best venue at the largest reported size. */
  source: ChainSource;
}

const CURVE = parseAbi(['function get_dy(int128 i, int128 j, uint256 dx) view returns (uint256)', 'function coins(uint256 i) view returns (address)']);
const QUOTER = parseAbi([
  'function quoteExactInputSingle((address tokenIn, address tokenOut, uint256 amountIn, uint24 fee, uint160 sqrtPriceLimitX96) params) returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
]);
const BALANCER = parseAbi([
  'function querySwap((bytes32 poolId, uint8 kind, address assetIn, address assetOut, uint256 amount, bytes userData) singleSwap, (address sender, bool fromInternalBalance, address recipient, bool toInternalBalance) funds) returns (uint256)',
]);
/** Balancer V2 Vault (balancer/balancer-deployments@6826feb8:v2/tasks/20210418-vault/output/mainnet.json). */
export const BALANCER_VAULT: Address = '0xBA12222222228d8Ba445958a75a0704d566BF2C8';
const VAULT = parseAbi(['function getPoolTokens(bytes32 poolId) view returns (address[] tokens, uint256[] balances, uint256 lastChangeBlock)']);
/**
 * Fluid DexReservesResolver (Instadapp/fluid-contracts-public@a9949b48: deployments/mainnet/DexReservesResolver.json,
 * contracts/periphery/resolvers/dexReserves/main.sol). estimateSwapIn runs the swap in the pool's estimate mode
 * (recipient 0xdEaD makes the pool revert with the amount) and returns 0 past the pool's limits.
 */
const FLUID = parseAbi([
  'function getPoolTokens(address pool_) view returns (address token0_, address token1_)',
  'function estimateSwapIn(address dex_, bool swap0to1_, uint256 amountIn_, uint256 amountOutMin_) payable returns (uint256 amountOut_)',
]);
const ZERO = '0x0000000000000000000000000000000000000000';
/** Curve pools here hold at most 4 coins; a read past the last coin reverts and ends the list. */
const CURVE_MAX_COINS = 4;

/** The quoting call as the card cites it. */
const QUOTE_FN = {
  curve: 'get_dy(int128,int128,uint256)',
  'uniswap-v3': 'quoteExactInputSingle((address,address,uint256,uint24,uint160))',
  balancer: 'querySwap((bytes32,uint8,address,address,uint256,bytes),(address,bool,address,bool))',
  'fluid-dex': 'estimateSwapIn(address,bool,uint256,uint256)',
} as const;

/** Reads per refresh stay well under common eth_call gas caps: viem splits a multicall into calls of this many bytes. */
const BATCH_BYTES = 8192;

type Venue = TokenProfile['exitVenues'][number];
type Quote = NonNullable<Venue['quote']>;
interface Item {
  t: TokenProfile;
  venue: Venue;
  quote: Quote;
  token: Address;
  decimals: number;
  denom: Denomination;
  out: { symbol: string; address: Address; decimals: number };
  label: string;
}

export function denominationOf(t: TokenProfile): Denomination {
  const unit = t.rateSource?.read?.unit;
  return t.category === 'btc-lrt' || (unit !== undefined && /BTC$/.test(unit)) ? 'BTC' : 'ETH';
}

/** The token sold on `chain`: the canonical (first) deployment when it is there, else the first with decimals. */
function tokenOn(t: TokenProfile, chain: string) {
  const first = t.deployments[0]!;
  if (first.chain === chain && first.decimals !== null) return first;
  return t.deployments.find((d) => d.chain === chain && d.decimals !== null) ?? null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const tokenOutOf = (q: Quote) => q.tokenOut;
const labelOf = (v: Venue) => `${v.kind} ${v.pair} ${v.address}`;

/** Tokens with at least one quotable venue on `chain` and a deployment with known decimals there. */
export function quotableOn(tokens: readonly TokenProfile[], chain: string): TokenProfile[] {
  return tokens.filter((t) => tokenOn(t, chain) !== null && t.exitVenues.some((v) => v.chain === chain && v.quote !== null));
}

/** Every venue of the token on `chain`, sorted into those quoted and those skipped before any call. */
function itemsOf(t: TokenProfile, chain: string): { items: Item[]; skipped: ExitQuote['skipped'] } {
  const dep = tokenOn(t, chain);
  const denom = denominationOf(t);
  const items: Item[] = [];
  const skipped: ExitQuote['skipped'] = [];
  if (!dep) return { items, skipped };
  for (const venue of t.exitVenues) {
    if (venue.chain !== chain || !venue.quote) continue;
    const out = EXIT_ASSETS[denom].find((a) => same(a.address, tokenOutOf(venue.quote!)));
    if (!out) {
      skipped.push({ venue: labelOf(venue), reason: `pays out ${tokenOutOf(venue.quote)}, not ${denom === 'ETH' ? 'ETH, WETH, stETH or wstETH' : 'WBTC or cbBTC'}` });
      continue;
    }
    items.push({ t, venue, quote: venue.quote, token: dep.address as Address, decimals: dep.decimals!, denom, out, label: labelOf(venue) });
  }
  return { items, skipped };
}

interface Check {
  /** Calls of the first round for this item. */
  calls: Array<{ address: Address; abi: Abi; functionName: string; args: readonly unknown[] }>;
  /** Turns their results into the coin indexes (Curve), or a reason the venue cannot be quoted. */
  read(rs: CallResult[]): { i: number; j: number } | { problem: string; error?: unknown };
}

function check(q: Item): Check {
  switch (q.quote.kind) {
    case 'curve':
      return {
        calls: Array.from({ length: CURVE_MAX_COINS }, (_, n) => ({ address: q.venue.address as Address, abi: CURVE as Abi, functionName: 'coins', args: [BigInt(n)] })),
        read(rs) {
          const coins: string[] = [];
          for (const r of rs) {
            if (r.status !== 'success' || typeof r.result !== 'string') break;
            coins.push(r.result);
          }
          if (!coins.length) return { problem: 'coins(0) could not be read', error: rs[0]?.error };
          const i = coins.findIndex((c) => same(c, q.token));
          const j = coins.findIndex((c) => same(c, q.out.address));
          if (i < 0 || j < 0) return { problem: `the pool holds ${coins.join(', ')}, not both ${q.t.symbol} and ${q.out.symbol}` };
          return { i, j };
        },
      };
    case 'balancer':
      return {
        calls: [{ address: BALANCER_VAULT, abi: VAULT as Abi, functionName: 'getPoolTokens', args: [q.quote.poolId] }],
        read([r]) {
          if (!r || r.status !== 'success' || !Array.isArray(r.result)) return { problem: 'Vault.getPoolTokens failed for the pool id', error: r?.error };
          const tokens = r.result[0] as readonly string[];
          if (!tokens.some((c) => same(c, q.token)) || !tokens.some((c) => same(c, q.out.address))) {
            return { problem: `the pool holds ${tokens.join(', ')}, not both ${q.t.symbol} and ${q.out.symbol}` };
          }
          return { i: 0, j: 0 };
        },
      };
    case 'fluid-dex':
      return {
        calls: [{ address: q.quote.resolver as Address, abi: FLUID as Abi, functionName: 'getPoolTokens', args: [q.venue.address] }],
        read([r]) {
          if (!r || r.status !== 'success' || !Array.isArray(r.result)) return { problem: 'getPoolTokens failed for the pool', error: r?.error };
          const [t0, t1] = r.result as [string, string];
          // i = 0 means the token is token0, so the sale swaps 0 to 1.
          if (same(t0, q.token) && same(t1, q.out.address)) return { i: 0, j: 1 };
          if (same(t1, q.token) && same(t0, q.out.address)) return { i: 1, j: 0 };
          return { problem: `the pool holds ${t0}, ${t1}, not both ${q.t.symbol} and ${q.out.symbol}` };
        },
      };
    case 'uniswap-v3':
      // QuoterV2 derives the pool from (tokenIn, tokenOut, fee) through the factory, so nothing to check on-chain;
      // the registry's pool address is checked against that derivation offline (tests).
      return { calls: [], read: () => ({ i: 0, j: 0 }) };
  }
}

function quoteCall(q: Item, idx: { i: number; j: number }, amount: bigint) {
  const v = q.quote;
  switch (v.kind) {
    case 'curve':
      return { address: q.venue.address as Address, abi: CURVE as Abi, functionName: 'get_dy', args: [BigInt(idx.i), BigInt(idx.j), amount] };
    case 'uniswap-v3':
      return {
        address: v.quoter as Address,
        abi: QUOTER as Abi,
        functionName: 'quoteExactInputSingle',
        args: [{ tokenIn: q.token, tokenOut: q.out.address, amountIn: amount, fee: v.fee, sqrtPriceLimitX96: 0n }],
      };
    case 'balancer':
      return {
        address: v.queries as Address,
        abi: BALANCER as Abi,
        functionName: 'querySwap',
        args: [
          { poolId: v.poolId as `0x${string}`, kind: 0, assetIn: q.token, assetOut: q.out.address, amount, userData: '0x' },
          { sender: ZERO, fromInternalBalance: false, recipient: ZERO, toInternalBalance: false },
        ],
      };
    case 'fluid-dex':
      return { address: v.resolver as Address, abi: FLUID as Abi, functionName: 'estimateSwapIn', args: [q.venue.address, idx.i === 0, amount, 0n] };
  }
}

function quoterOf(q: Item): string {
  switch (q.quote.kind) {
    case 'curve':
      return q.venue.address;
    case 'uniswap-v3':
      return q.quote.quoter;
    case 'balancer':
      return q.quote.queries;
    case 'fluid-dex':
      return q.quote.resolver;
  }
}

function amountOut(result: unknown): bigint | null {
  if (typeof result === 'bigint') return result;
  if (Array.isArray(result) && typeof result[0] === 'bigint') return result[0];
  return null;
}

/**
 * The size sellable within `line` percent, from impacts quoted at increasing sizes. A rung the venue could not fill
 * counts as over every line. Between the last rung within the line and the first over it, impact is interpolated
 * linearly in log(size): impact curves of AMMs are smooth and convex there, so this errs slightly small.
 */
export function sellableWithin(ladder: readonly number[], impactPct: Record<string, number>, line: number): { size: number | null; basis: SellableSize['basis'] } {
  let below: number | null = null;
  for (const size of ladder) {
    const pct = impactPct[String(size)];
    if (pct !== undefined && pct <= line) {
      below = size;
      continue;
    }
    if (below === null) return { size: null, basis: 'below-smallest' };
    const a = impactPct[String(below)]!;
    // An unfilled rung: the crossing is somewhere in the bracket; the rung within the line is the honest figure.
    if (pct === undefined) return { size: below, basis: 'interpolated' };
    const f = (line - a) / (pct - a);
    const size_ = Math.exp(Math.log(below) + f * (Math.log(size) - Math.log(below)));
    return { size: Number(size_.toPrecision(3)), basis: 'interpolated' };
  }
  return { size: below, basis: 'at-least' };
}

/**
 * Quotes every registry venue of every token on `chain`. One failing venue (a revert, a pool holding other coins)
 * is recorded in `skipped` for its token and never fails the others; a token fails only when none of its venues
 * quoted. Call cost: round 1 has 4 coins() per Curve venue and 1 getPoolTokens per Balancer or Fluid venue; round 2 has
 * (1 + ladder rungs) quotes per venue that passed (13 for ETH tokens, 12 for BTC tokens). viem splits each round
 * into eth_calls of at most BATCH_BYTES of calldata.
 */
export async function quoteExits(client: PublicClient, tokens: readonly TokenProfile[], chain: string): Promise<Outcome<Record<string, Outcome<ExitQuote>>>> {
  const perToken = tokens.map((t) => ({ t, ...itemsOf(t, chain) }));
  const items = perToken.flatMap((p) => p.items);
  const fetchedAt0 = new Date().toISOString();
  if (!items.length) return { ok: true, data: failuresOnly(perToken), url: '', fetchedAt: fetchedAt0 };

  const checks = items.map(check);
  let block: bigint;
  let first: CallResult[] = [];
  let second: CallResult[];
  const passed: Array<{ q: Item; idx: { i: number; j: number }; at: number }> = [];
  const problems = new Map<Item, { problem: string; error?: unknown }>();
  try {
    block = await client.getBlockNumber({ cacheTime: 0 });
    const round1 = checks.flatMap((c) => c.calls);
    if (round1.length) first = (await client.multicall({ contracts: round1, allowFailure: true, multicallAddress: MULTICALL3, blockNumber: block, batchSize: BATCH_BYTES })) as CallResult[];
    let at = 0;
    const round2: ReturnType<typeof quoteCall>[] = [];
    items.forEach((q, n) => {
      const c = checks[n]!;
      const r = c.read(first.slice(at, at + c.calls.length));
      at += c.calls.length;
      if ('problem' in r) {
        problems.set(q, r);
        return;
      }
      const { reference, ladder } = EXIT_LADDER[q.denom];
      passed.push({ q, idx: r, at: round2.length });
      for (const s of [reference, ...ladder]) round2.push(quoteCall(q, r, parseUnits(String(s), q.decimals)));
    });
    second = round2.length ? ((await client.multicall({ contracts: round2, allowFailure: true, multicallAddress: MULTICALL3, blockNumber: block, batchSize: BATCH_BYTES })) as CallResult[]) : [];
  } catch (err) {
    return rpcFailure(err, 'exit quotes');
  }
  const fetchedAt = new Date().toISOString();

  const quoted = new Map<Item, VenueQuote | { problem: string; error?: unknown }>();
  for (const [q, p] of problems) quoted.set(q, p);
  for (const { q, at } of passed) {
    const { reference, ladder } = EXIT_LADDER[q.denom];
    const rs = second.slice(at, at + 1 + ladder.length);
    const per = (r: CallResult | undefined, size: number) => {
      const o = r?.status === 'success' ? amountOut(r.result) : null;
      return o === null ? null : Number(formatUnits(o, q.out.decimals)) / size;
    };
    const ref = per(rs[0], reference);
    if (ref === null || !(ref > 0) || !Number.isFinite(ref)) {
      quoted.set(q, rs[0]?.status === 'failure' ? { problem: 'the reference quote reverted', error: rs[0].error } : { problem: `quoted nothing for a ${reference}-token sale` });
      continue;
    }
    const impactPct: Record<string, number> = {};
    ladder.forEach((size, n) => {
      const p = per(rs[n + 1], size);
      // A zero or failed quote means the venue cannot fill the size: left out, so it counts as over every line.
      if (p !== null && p > 0) impactPct[String(size)] = Math.max(0, (1 - p / ref) * 100);
    });
    const sellable = Object.fromEntries(SELLABLE_LINES.map((line) => [String(line), { ...sellableWithin(ladder, impactPct, line), venue: q.label }]));
    quoted.set(q, {
      venue: q.label,
      kind: q.venue.kind,
      address: q.venue.address,
      exitAsset: q.out.symbol,
      impactPct,
      referencePrice: ref,
      sellable,
      source: chainSource(chain, getAddress(quoterOf(q)), QUOTE_FN[q.quote.kind], block, fetchedAt),
    });
  }

  const out: Record<string, Outcome<ExitQuote>> = {};
  for (const { t, items: its, skipped } of perToken) {
    if (!its.length && !skipped.length) continue;
    const venues: VenueQuote[] = [];
    const skip = [...skipped];
    let firstError: Failure | null = null;
    for (const q of its) {
      const v = quoted.get(q)!;
      if ('problem' in v) {
        skip.push({ venue: q.label, reason: v.problem });
        firstError ??= v.error !== undefined ? rpcFailure(v.error, `${t.symbol} on ${q.venue.kind} ${q.venue.address}`) : fail('no-data', `${t.symbol} on ${q.label}: ${v.problem}`);
      } else venues.push(v);
    }
    if (!venues.length) {
      out[t.id] = firstError ?? fail('no-data', `${t.symbol}: no venue pays out the base asset (${skip.map((s) => s.reason).join('; ')})`);
      continue;
    }
    out[t.id] = { ok: true, url: '', fetchedAt, data: combine(venues, skip, denominationOf(t), block) };
  }
  return { ok: true, data: out, url: '', fetchedAt };
}

function failuresOnly(perToken: Array<{ t: TokenProfile; items: Item[]; skipped: ExitQuote['skipped'] }>): Record<string, Outcome<ExitQuote>> {
  const out: Record<string, Outcome<ExitQuote>> = {};
  for (const { t, skipped } of perToken) {
    if (skipped.length) out[t.id] = fail('no-data', `${t.symbol}: no venue pays out the base asset (${skipped.map((s) => s.reason).join('; ')})`);
  }
  return out;
}

/** Best per size: the venue with the lowest impact at that size; sellable: the best single venue per line. */
function combine(venues: VenueQuote[], skipped: ExitQuote['skipped'], denom: Denomination, block: bigint): ExitQuote {
  const { reported } = EXIT_LADDER[denom];
  const impactPct: Record<string, number> = {};
  const bestVenue: Record<string, string> = {};
  for (const size of reported) {
    let best: VenueQuote | null = null;
    for (const v of venues) {
      const p = v.impactPct[String(size)];
      if (p !== undefined && (best === null || p < best.impactPct[String(size)]!)) best = v;
    }
    if (best) {
      impactPct[String(size)] = best.impactPct[String(size)]!;
      bestVenue[String(size)] = best.venue;
    }
  }
  const sellable: Record<string, SellableSize> = {};
  for (const line of SELLABLE_LINES) {
    const k = String(line);
    // Largest size wins; at equal sizes a lower bound ("at least") says more than an interpolation.
    const better = (a: SellableSize, b: SellableSize) => (b.size ?? -1) > (a.size ?? -1) || (b.size === a.size && b.basis === 'at-least');
    sellable[k] = venues.map((v) => v.sellable[k]!).reduce((a, b) => (better(a, b) ? b : a));
  }
  const largest = String(reported.at(-1));
  const lead = venues.find((v) => v.venue === bestVenue[largest]) ?? venues.reduce((a, b) => (b.referencePrice > a.referencePrice ? b : a));
  return { venue: lead.venue, impactPct, bestVenue, sellable, denomination: denom, reported: [...reported], venues, skipped, block: block.toString(), source: lead.source };
}
