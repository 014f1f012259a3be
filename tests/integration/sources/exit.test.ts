// Exit liquidity quoted on-chain against local venues placed at the registry's real mainnet addresses (Curve pools,
// Uniswap v3 QuoterV2, Balancer BalancerQueries and Vault) on anvil, with known constant-product reserves, and the
// live exit petal it feeds. The profiles are the registry's own (ezETH, LBTC) or copies with one venue changed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPublicClient, getAddress, http, type Address, type PublicClient } from 'viem';
import { getToken } from '../../../lib/registry';
import { TokenProfile } from '../../../lib/registry/schema';
import { EXIT_LADDER, quoteExits, type ExitQuote } from '../../../lib/sources/exit';
import { chainClient } from '../../../lib/sources/rpc';
import { rate } from '../../../lib/risk/rate';
import { liveRisk } from '../../../lib/risk/live';
import { startAnvil, type Anvil } from '../../support/anvil';
import { ADDRESSES, placeContract, placeProtocolMocks, setBalancerPool, setCurvePool, setFluidPool, setQuoterPool, setReverting } from '../../support/chain';

const WETH: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const WSTETH: Address = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
const WBTC: Address = '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599';
const EZETH = getToken('ezeth')!;
const LBTC = getToken('lbtc')!;
const EZ = EZETH.deployments[0]!.address as Address;
const LB = LBTC.deployments[0]!.address as Address;
const venue = (t: TokenProfile, kind: string, pair?: string) => t.exitVenues.find((v) => v.kind === kind && (!pair || v.pair === pair))!;
const EZ_BALANCER = venue(EZETH, 'balancer');
const EZ_CURVE = venue(EZETH, 'curve');
const EZ_FLUID = venue(EZETH, 'fluid-dex');
const ETH: Address = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
const POOL_ID = (EZ_BALANCER.quote as { poolId: `0x${string}` }).poolId;
const LB_CURVE = venue(LBTC, 'curve', 'LBTC/WBTC');
const LB_TRI = venue(LBTC, 'curve', 'eBTC/LBTC/WBTC (TriBTC)');
const E18 = 10n ** 18n;
const E8 = 10n ** 8n;
const OTHER: Address = '0x0000000000000000000000000000000000000E7E';

let anvil: Anvil;
let url: string;
beforeAll(async () => {
  anvil = await startAnvil();
  url = anvil.url;
  await placeProtocolMocks(url);
  // ezETH: Curve 10,000 / 10,000 with the coins in the registry's pair order; Balancer 50,000 / 50,000 (composable:
  // the Vault also lists the pool's own BPT); Uniswap ezETH/WETH 0.01% 1,000,000 / 1,000,000; Uniswap
  // ezETH/wstETH 0.05% 2,000 / 2,000.
  await setCurvePool(url, EZ_CURVE.address as Address, { coins: [EZ, WETH], balances: [10_000n * E18, 10_000n * E18] });
  await setBalancerPool(url, { poolId: POOL_ID, tokens: [EZ, WETH], balances: [50_000n * E18, 50_000n * E18], vaultTokens: [EZ_BALANCER.address as Address, EZ, WETH] });
  await setQuoterPool(url, { tokenIn: EZ, tokenOut: WETH, fee: 100, reserveIn: 1_000_000n * E18, reserveOut: 1_000_000n * E18 });
  await setQuoterPool(url, { tokenIn: EZ, tokenOut: WSTETH, fee: 500, reserveIn: 2_000n * E18, reserveOut: 2_000n * E18 });
  // Fluid ezETH/ETH 30,000 / 30,000, native ETH listed first (so the sale swaps 1 to 0), filling at most 5,000 ezETH.
  await setFluidPool(url, { dex: EZ_FLUID.address as Address, tokens: [ETH, EZ], reserves: [30_000n * E18, 30_000n * E18], maxIn: 5_000n * E18 });
  // LBTC: the LBTC/WBTC pool lists WBTC first (coin order unlike the pair's name); TriBTC is not placed (no code).
  await setCurvePool(url, LB_CURVE.address as Address, { coins: [WBTC, LB], balances: [500n * E8, 500n * E8] });
}, 60_000);
afterAll(() => anvil?.stop());

async function quote(tokens: TokenProfile[]) {
  const cc = await chainClient('eip155:1', [url]);
  if ('ok' in cc) throw new Error(cc.message);
  const out = await quoteExits(cc.client, tokens, 'eip155:1');
  if (!out.ok) throw new Error(out.message);
  return out.data;
}
const ok = (o: Awaited<ReturnType<typeof quote>>[string] | undefined): ExitQuote => {
  if (!o?.ok) throw new Error(o ? o.message : 'no outcome');
  return o.data;
};

/** Constant-product impact of selling `n` into reserves `r`, relative to a `ref`-token sale, in percent. */
const cp = (r: number, n: number, ref: number) => (1 - (r / (r + n)) / (r / (r + ref))) * 100;
/** The size whose constant-product impact against `ref` is `x` percent. */
const cpSize = (r: number, x: number, ref: number) => ((x / 100) * r + ref) / (1 - x / 100);
const withVenues = (t: TokenProfile, id: string, venues: unknown[]) => TokenProfile.parse({ ...t, id, exitVenues: venues });

describe('exit quotes on every venue of a token', () => {
  test('the registry’s ezETH venues of all four kinds are quoted at their real addresses; each matches its pool', async () => {
    const q = ok((await quote([EZETH])).ezeth);
    const ref = EXIT_LADDER.ETH.reference;
    const by = (kind: string, exit = 'WETH') => q.venues.find((v) => v.kind === kind && v.exitAsset === exit)!;
    expect(q.venues).toHaveLength(5);
    expect(q.skipped).toEqual([]);
    expect(by('curve').impactPct['1000']).toBeCloseTo(cp(10_000, 1000, ref), 6);
    expect(by('balancer').impactPct['100']).toBeCloseTo(cp(50_000, 100, ref), 6);
    // Uniswap's fee is the same fraction at every size, so it cancels out of the impact.
    expect(by('uniswap-v3').impactPct['1000']).toBeCloseTo(cp(1_000_000 / (1 - 1e-4), 1000, ref), 6);
    expect(by('uniswap-v3', 'wstETH').impactPct['100']).toBeCloseTo(cp(2_000 / (1 - 5e-4), 100, ref), 6);
    // Fluid: token order read with getPoolTokens (ETH is token0 here); past its limit the resolver estimates 0, so
    // the sizes over 5,000 are not filled (they count as over every line).
    const fluid = by('fluid-dex', 'ETH');
    expect(fluid.impactPct['1000']).toBeCloseTo(cp(30_000, 1000, ref), 6);
    expect(Object.keys(fluid.impactPct).map(Number).at(-1)).toBe(5000);
    expect(fluid.sellable['5']!.size! / cpSize(30_000, 5, ref)).toBeGreaterThan(0.85);
    expect(fluid.source).toMatchObject({ contract: ADDRESSES.fluidDexResolver, function: 'estimateSwapIn(address,bool,uint256,uint256)' });
    // The reported sizes for an ETH token, each from the venue with the lowest impact there (the deep Uniswap pool).
    expect(Object.keys(q.impactPct)).toEqual(['10', '100', '1000']);
    expect(q.bestVenue['1000']).toBe(by('uniswap-v3').venue);
    expect(q.venue).toBe(by('uniswap-v3').venue);
    expect(q.source).toMatchObject({ kind: 'chain', chain: 'eip155:1', contract: ADDRESSES.quoterV2, function: 'quoteExactInputSingle((address,address,uint256,uint24,uint160))' });
    expect(q.source.block).toBe(q.block);
  });

  test('size sellable within 2% and 5%: bracketed by quoted rungs and close to the pool’s exact answer', async () => {
    const q = ok((await quote([EZETH])).ezeth);
    const ref = EXIT_LADDER.ETH.reference;
    const curve = q.venues.find((v) => v.kind === 'curve')!;
    for (const line of [2, 5] as const) {
      const exact = cpSize(10_000, line, ref);
      const s = curve.sellable[String(line)]!;
      expect(s.basis).toBe('interpolated');
      // Log-linear interpolation between rungs at most 2.5x apart, on a convex curve: within 15% of the exact size.
      expect(s.size! / exact).toBeGreaterThan(0.85);
      expect(s.size! / exact).toBeLessThan(1.15);
    }
    // The deep pool beyond the ladder's top: a lower bound, the largest rung.
    const uni = q.venues.find((v) => v.kind === 'uniswap-v3' && v.exitAsset === 'WETH')!;
    expect(uni.sellable['2']!.basis).toBe('interpolated');
    expect(uni.sellable['2']!.size! / cpSize(1_000_000 / (1 - 1e-4), 2, ref)).toBeGreaterThan(0.85);
    expect(uni.sellable['5']).toMatchObject({ size: 25_000, basis: 'at-least' });
    expect(q.sellable['5']).toMatchObject({ size: 25_000, basis: 'at-least', venue: uni.venue });
  });

  test('a thin venue next to a deep one: the deep one wins every size and the sellable size', async () => {
    const thin = withVenues(EZETH, 'test-thin-deep', [EZ_CURVE, venue(EZETH, 'uniswap-v3', 'ezETH/WETH 0.01%')]);
    await setCurvePool(url, EZ_CURVE.address as Address, { coins: [EZ, WETH], balances: [100n * E18, 100n * E18] }, false);
    try {
      const q = ok((await quote([thin]))['test-thin-deep']);
      const uni = q.venues.find((v) => v.kind === 'uniswap-v3')!.venue;
      expect(Object.values(q.bestVenue)).toEqual([uni, uni, uni]);
      expect(q.impactPct['1000']).toBeLessThan(0.2);
      expect(q.sellable['2']!.venue).toBe(uni);
      // The thin pool alone would be over 5% already at 10 tokens.
      expect(q.venues.find((v) => v.kind === 'curve')!.impactPct['10']).toBeGreaterThan(5);
    } finally {
      await setCurvePool(url, EZ_CURVE.address as Address, { coins: [EZ, WETH], balances: [10_000n * E18, 10_000n * E18] }, false);
    }
  });

  test('a pool whose coin order differs from the pair’s name is quoted with the indexes read on-chain', async () => {
    const q = ok((await quote([LBTC])).lbtc);
    const v = q.venues.find((x) => x.address === LB_CURVE.address)!;
    const ref = EXIT_LADDER.BTC.reference;
    expect(v.impactPct['10']).toBeCloseTo(cp(500, 10, ref), 6);
    // BTC tokens in BTC sizes.
    expect(q.denomination).toBe('BTC');
    expect(Object.keys(q.impactPct)).toEqual(['1', '10', '50']);
    expect(q.impactPct['50']).toBeCloseTo(cp(500, 50, ref), 6);
    // TriBTC has no code on this chain: its coins() cannot be read, so it is skipped, not fatal.
    expect(q.skipped).toContainEqual({ venue: `curve eBTC/LBTC/WBTC (TriBTC) ${LB_TRI.address}`, reason: 'coins(0) could not be read' });
    // Its Fluid pools are not set up on this chain: the resolver does not know them, so they are skipped too.
    expect(q.skipped.filter((s) => s.venue.startsWith('fluid-dex')).map((s) => s.reason)).toEqual(['getPoolTokens failed for the pool', 'getPoolTokens failed for the pool']);
  });

  test('a Curve pool holding other coins, and a venue into another restaking token, are skipped with the reason', async () => {
    const pool: Address = '0x0000000000000000000000000000000000c0ffee';
    await setCurvePool(url, pool, { coins: [EZ, OTHER], balances: [10n * E18, 10n * E18] });
    const c = { ...EZ_CURVE, address: getAddress(pool), pair: 'ezETH/WETH (moved)' };
    const lrt = { ...EZ_CURVE, address: '0x8c65CeC3847ad99BdC02621bDBC89F2acE56934B', pair: 'ezETH/pzETH', quote: { kind: 'curve', tokenOut: '0x8c9532a60E0E7C6BbD2B2c1303F63aCE1c3E9811', outDecimals: 18 } };
    const t = withVenues(EZETH, 'test-skips', [c, lrt, EZ_BALANCER]);
    const q = ok((await quote([t]))['test-skips']);
    expect(q.venues.map((v) => v.kind)).toEqual(['balancer']);
    expect(q.skipped.map((s) => s.reason)).toEqual([
      'pays out 0x8c9532a60E0E7C6BbD2B2c1303F63aCE1c3E9811, not ETH, WETH, stETH or wstETH',
      `the pool holds ${EZ}, ${OTHER}, not both ezETH and WETH`,
    ]);
  });

  test('a venue that reverts is skipped for its token only; a token whose only venue reverts fails with revert', async () => {
    await setReverting(url, ADDRESSES.balancerQueries, true);
    try {
      const onlyBalancer = withVenues(EZETH, 'test-only-balancer', [EZ_BALANCER]);
      const data = await quote([EZETH, onlyBalancer]);
      const q = ok(data.ezeth);
      expect(q.venues.map((v) => v.kind).sort()).toEqual(['curve', 'fluid-dex', 'uniswap-v3', 'uniswap-v3']);
      expect(q.skipped).toEqual([{ venue: `balancer ezETH/WETH ${EZ_BALANCER.address}`, reason: 'the reference quote reverted' }]);
      expect(data['test-only-balancer']).toMatchObject({ ok: false, kind: 'revert' });
    } finally {
      await setReverting(url, ADDRESSES.balancerQueries, false);
    }
  });

  test('a Balancer pool id the Vault does not know is skipped before any quote', async () => {
    const wrong = { ...EZ_BALANCER, quote: { ...EZ_BALANCER.quote!, poolId: `0x${'ab'.repeat(32)}` } };
    const q = (await quote([withVenues(EZETH, 'test-bad-id', [wrong])]))['test-bad-id'];
    expect(q).toMatchObject({ ok: false, kind: 'revert' });
  });

  test('an RPC that is down fails the whole job, not a token', async () => {
    const client = createPublicClient({ transport: http('http://127.0.0.1:9', { retryCount: 0 }) }) as PublicClient;
    const res = await quoteExits(client, [EZETH], 'eip155:1');
    expect(res).toMatchObject({ ok: false, kind: 'network' });
  });

  test('the live exit petal from the quote: lrt-v0.2 rules through liveRisk', async () => {
    await placeContract(url, EZ, 'LrtMock');
    const curveOnly = withVenues(EZETH, 'test-curve', [EZ_CURVE]);
    const q = ok((await quote([curveOnly]))['test-curve']);
    const at = new Date();
    const value = { venue: q.venue, impactPct: q.impactPct, sellable: q.sellable, denomination: q.denomination, venues: q.venues.map((v) => ({ venue: v.venue, exitAsset: v.exitAsset, impactPct: v.impactPct, sellable: v.sellable, source: v.source })) };
    const exitFact = { value, okAt: at.toISOString(), sources: [q.source], fresh: true, failing: [] };
    const l = { rate: null, supply: null, price: null, peg: null, apy: null, tvl: null, exit: exitFact, missing: [] };
    const r = rate(curveOnly, at, liveRisk(curveOnly, l, at));
    const petal = r.petals.find((p) => p.id === 'exit')!;
    // Curve 10,000 / 10,000: n = x·R/(1 − x) gives about 204 ezETH within 2% and 526 within 5%: over 100 within 5%
    // but under 1,000 within 2%, so the market is yellow.
    expect(petal).toMatchObject({ level: 'warning', method: 'live', verified: true });
    expect(petal.fact).toMatch(/^about 2\d\d ezETH sellable within 2% and about 5\d\d ezETH within 5%\. /);
    expect(petal.links![0]).toMatchObject({ kind: 'chain', function: 'get_dy(int128,int128,uint256)' });
  });
});

describe('the whole registry', () => {
  test('every mainnet venue the registry names is quoted once the venues exist; two rounds of eth_calls', async () => {
    const { TOKENS } = await import('../../../lib/registry');
    const { placeExitVenues } = await import('../../support/venues');
    const { quotableOn } = await import('../../../lib/sources/exit');
    const other = await startAnvil();
    try {
      await placeExitVenues(other.url, TOKENS);
      const cc = await chainClient('eip155:1', [other.url]);
      if ('ok' in cc) throw new Error(cc.message);
      const res = await quoteExits(cc.client, TOKENS, 'eip155:1');
      if (!res.ok) throw new Error(res.message);
      const quotable = quotableOn(TOKENS, 'eip155:1');
      for (const t of quotable) {
        const q = ok(res.data[t.id]);
        expect(q.skipped, t.id).toEqual([]);
        expect(q.venues.length, t.id).toBe(t.exitVenues.filter((v) => v.quote).length);
        expect(Object.keys(q.impactPct), t.id).toEqual(q.denomination === 'BTC' ? ['1', '10', '50'] : ['10', '100', '1000']);
      }
      // Requests sent for the whole registry: the chain-id check, the block number, then the two multicall rounds
      // (split by viem into calls of at most 8 kB of calldata).
      expect(cc.requests()).toBeLessThanOrEqual(10);
    } finally {
      await other.stop();
    }
  }, 60_000);
});
