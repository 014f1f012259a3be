// The whole registry against real local services that answer the way DefiLlama's server and a real chain do: every
// token with a live rate and a price key gets a rate, a supply, a price and a peg (now and its 7-day maximum), each
// citing its own call or coin key; chart batches stay under DefiLlama's 500-point cap; one odd coin never costs the
// others their price; absurd values never reach a card; a depeg two days ago shows red; what a refresh costs.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatUnits, type Address } from 'viem';
import { TOKENS, getToken, REGISTRY_VERSION } from '../../../lib/registry';
import { canonicalDeployment, type TokenProfile } from '../../../lib/registry/schema';
import { allJobs, type JobContext } from '../../../lib/live/jobs';
import { Refresher } from '../../../lib/live/refresh';
import { LiveStore, type KeyValue } from '../../../lib/live/store';
import { tokenLive } from '../../../lib/live/facts';
import { key, marketCoin, unitCoin } from '../../../lib/live/keys';
import { BENCHMARK_TOKEN } from '../../../lib/live/facts';
import { toCardView } from '../../../lib/views/build';
import { TokenCardView } from '../../../lib/views/schema';
import { fetchPriceCharts, fetchPrices, CHART_MAX_RECORDS } from '../../../lib/sources/llama';
import { chainClient, forgetChainIds } from '../../../lib/sources/rpc';
import { readRates, readableOn } from '../../../lib/sources/rates';
import { rateSampleStore } from '../../../lib/live/rate-apy';
import { isRestaking } from '../../../lib/categories';
import { startAnvil, type Anvil } from '../../support/anvil';
import { placeLrt, placeMulticall3 } from '../../support/chain';
import { startLlamaServer, type LlamaServer } from '../../support/llama-server';

const T0 = Date.parse('2026-11-25T12:00:00Z');
const NOW_S = Math.floor(T0 / 1000);
const RATE_OF = (t: TokenProfile) => 1 + (t.id.length % 7) / 100; // 1.00 … 1.06, distinct enough per token
const H4 = 4 * 3600;

let anvil: Anvil;
let llama: LlamaServer;

function memory(): KeyValue {
  const data: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

const live = TOKENS.filter((t) => t.rateSource?.read && marketCoin(t) !== null);
/** Every token whose rate is read live, priced or not (the Mellow vaults have no DefiLlama price). */
const readable = TOKENS.filter((t) => t.rateSource?.read);
/** The restaking tokens that show an APY with the local services (README's coverage line names the same list). */
const APY_FROM_DEFILLAMA = ['eeth', 'ezeth', 'rseth', 'rsweth', 'weeth'];
const APY_FROM_RATE = [
  'amphreth', 'ebtc', 'egeth', 'ineth', 'inethx', 'inmeth', 'insteth', 'insweth', 'lbtc', 'msteth', 'cmeth',
  'pufeth', 'pzeth', 're7lrt', 'rsteth', 'steaklrt', 'unieth', 'weeths',
];
const benchmark = getToken(BENCHMARK_TOKEN)!;

/** The raw uint256 the registry's rate function must return for `rate` units per token. */
function rawRate(t: TokenProfile, rate: number): { stored: bigint } {
  const read = t.rateSource!.read!;
  const value = read.invert ? 1 / rate : rate;
  const raw = BigInt(Math.round(value * 1e6)) * 10n ** BigInt(read.decimals) / 1_000_000n;
  // LrtMock's one-argument getters return arg × stored / 1e18; the others return `stored`.
  const arg = read.args[0] ? BigInt(read.args[0]) : null;
  return { stored: arg ? (raw * 10n ** 18n) / arg : raw };
}

/** Seven days of 4-hourly chart points ending at `endS`, price `usd(i)` at point i (0 = oldest). */
const chart = (endS: number, usd: (i: number) => number) => Array.from({ length: 42 }, (_, i) => ({ timestamp: endS - (41 - i) * H4, price: usd(i) }));

const byMarket = new Map(live.map((t) => [marketCoin(t)!, t]));
const unitName = new Map(live.map((t) => [unitCoin(t)!, t.rateSource!.read!.unit]));
/** A coin's fair USD price: a token's is its rate × its unit's (wstETH is both a unit and a token); base units fixed. */
function fairUsd(coin: string, depth = 0): number {
  const t = byMarket.get(coin);
  if (t && depth < 4) return RATE_OF(t) * fairUsd(unitCoin(t)!, depth + 1);
  return /BTC/.test(unitName.get(coin) ?? '') ? 95_000 : 3_000;
}

async function seed(): Promise<void> {
  llama.reset();
  llama.setClock(() => T0);
  for (const uc of unitName.keys()) {
    if (byMarket.has(uc)) continue;
    const usd = fairUsd(uc);
    llama.setPrice(uc, usd, { symbol: 'UNIT', decimals: 18 });
    llama.setChart(uc, chart(NOW_S, () => usd), { symbol: 'UNIT', decimals: 18 });
  }
  for (const t of live) {
    const mc = marketCoin(t)!;
    const fair = fairUsd(mc);
    llama.setPrice(mc, fair, { symbol: t.symbol, decimals: 18 });
    // ezETH traded 2.5% below its backing two days ago (point 29 of 42) and is back on peg now.
    llama.setChart(mc, chart(NOW_S, (i) => (t.id === 'ezeth' && i === 29 ? fair * 0.975 : fair)), { symbol: t.symbol, decimals: 18 });
  }
}

function harness(tokens: readonly TokenProfile[] = TOKENS) {
  const store = new LiveStore(memory());
  const ctx: JobContext = {
    tokens,
    endpoints: { coins: llama.coinsUrl, yields: llama.yieldsUrl, api: llama.apiUrl, rpc: { 'eip155:1': [anvil.url] } },
    now: () => new Date(T0),
    timeoutMs: 5_000,
  };
  return { store, ctx, refresher: new Refresher({ store, jobs: allJobs(), context: async () => ctx, now: () => new Date(T0) }) };
}

beforeAll(async () => {
  [anvil, llama] = await Promise.all([startAnvil(), startLlamaServer()]);
  await placeMulticall3(anvil.url);
  const placed = new Set<string>();
  for (const t of readable) {
    const rs = t.rateSource!;
    const c = canonicalDeployment(t);
    const { stored } = rawRate(t, RATE_OF(t));
    const supply = BigInt(1000 + t.id.length) * 10n ** BigInt(c.decimals ?? 18);
    // One LrtMock can be both the rate source and the token (weETH): then it carries the supply too.
    await placeLrt(anvil.url, rs.contract as Address, { rate: stored, ...(rs.contract === c.address ? { supply, decimals: c.decimals ?? 18 } : {}) });
    placed.add(rs.contract);
    if (c.address !== rs.contract && c.chain === rs.chain) await placeLrt(anvil.url, c.address as Address, { rate: 0n, supply, decimals: c.decimals ?? 18, symbol: t.symbol });
  }
  await seed();
}, 120_000);

afterAll(async () => {
  await Promise.all([anvil?.stop(), llama?.stop()]);
});

describe('the whole registry, as the real services answer', () => {
  test('every token with a live rate and a price key shows rate, supply, price, peg now and its 7-day maximum, each with its own source', async () => {
    expect(live.length).toBeGreaterThanOrEqual(20);
    expect(live.map((t) => t.id)).toEqual(expect.arrayContaining(['lbtc', 'ezeth', 'weeth', 'rseth', 'pufeth']));
    const h = harness();
    forgetChainIds();
    await h.refresher.runDue();
    const { entries, jobs } = await h.store.read();
    for (const id of ['rates:eip155:1', 'prices', 'charts']) expect(jobs[id]?.error, id).toBeNull();
    const now = new Date(T0);
    for (const t of live) {
      const l = tokenLive(t, entries, now, benchmark);
      const c = canonicalDeployment(t);
      expect(l.rate?.value.rate, t.id).toBeCloseTo(RATE_OF(t), 5);
      expect(l.rate?.sources, t.id).toEqual([expect.objectContaining({ kind: 'chain', contract: t.rateSource!.contract, function: t.rateSource!.function })]);
      expect(l.supply?.value, t.id).toBe(Number(formatUnits(BigInt(1000 + t.id.length) * 10n ** BigInt(c.decimals ?? 18), c.decimals ?? 18)));
      expect(l.supply?.sources, t.id).toEqual([expect.objectContaining({ kind: 'chain', contract: c.address, function: 'totalSupply()' })]);
      expect(l.price?.sources, t.id).toEqual([expect.objectContaining({ kind: 'api', subject: marketCoin(t) })]);
      expect(l.peg?.value.nowPct, t.id).toBeCloseTo(0, 3);
      expect(l.peg?.value.maxAbsPct, t.id).not.toBeNull();
      expect(l.peg?.value.coverageDays, t.id).toBeGreaterThanOrEqual(6);
      // The card names the right coin for the right token, never a neighbour in the same batch.
      const card = toCardView(t, REGISTRY_VERSION, now, { live: l, offline: false });
      const price = card.live.facts.find((f) => f.id === 'price')!;
      expect(price.sources, t.id).toEqual([expect.objectContaining({ subject: marketCoin(t) })]);
      expect(card.live.facts.find((f) => f.id === 'supply')!.sources[0], t.id).toMatchObject({ function: 'totalSupply()' });
    }
    // Chart requests stay within DefiLlama's cap: coins × 42 points ≤ 500.
    const chartReqs = llama.requests.filter((r) => r.path.startsWith('/coins/chart/'));
    expect(chartReqs.every((r) => r.status === 200)).toBe(true);
    for (const r of chartReqs) expect(decodeURIComponent(r.path.split('/').at(-1)!).split(',').length * 42).toBeLessThanOrEqual(CHART_MAX_RECORDS);
    expect(jobs.charts!.requests).toBe(chartReqs.length);
  });

  test('a token 2.5% off its backing two days ago and on peg now is red', async () => {
    const h = harness();
    await h.refresher.runDue();
    const { entries } = await h.store.read();
    const ez = getToken('ezeth')!;
    const card = toCardView(ez, REGISTRY_VERSION, new Date(T0), { live: tokenLive(ez, entries, new Date(T0), benchmark), offline: false });
    const peg = card.rating.petals.find((p) => p.id === 'peg')!;
    expect(peg).toMatchObject({ level: 'bad', method: 'live' });
    expect(peg.fact).toMatch(/Traded up to 2\.50?% off its backing in the last 7 days/);
    // The petal cites the price, the rate, and both charts.
    expect(peg.sources.map((s) => s.kind).sort()).toEqual(expect.arrayContaining(['api', 'chain']));
  });

  test('a batch with one odd coin still prices every other coin; a coin without a timestamp is dated at our request', async () => {
    const coins = live.map((t) => marketCoin(t)!);
    llama.setPrice(coins[0]!, 0, { symbol: 'ZERO', decimals: 18 });
    llama.setPrice(coins[1]!, 3100, { symbol: 'NULLTS', decimals: 18, timestamp: null });
    llama.setPrice(coins[2]!, 1e308, { symbol: 'HUGE', decimals: 18 });
    llama.setPrice(coins[3]!, 3200, { symbol: 'NOTS', decimals: 18, timestamp: 'omit', omit: ['symbol', 'confidence'] });
    try {
      const res = await fetchPrices(llama.coinsUrl, coins, { now: () => new Date(T0) });
      expect(res.items[coins[0]!]).toMatchObject({ ok: false, kind: 'implausible' });
      expect(res.items[coins[2]!]).toMatchObject({ ok: false, kind: 'implausible' });
      expect(res.items[coins[1]!]).toMatchObject({ ok: true, data: { usd: 3100, timeGiven: false } });
      expect(res.items[coins[3]!]).toMatchObject({ ok: true, data: { usd: 3200, timeGiven: false } });
      for (const c of coins.slice(4)) expect(res.items[c], c).toMatchObject({ ok: true, data: { timeGiven: true } });
      expect(res.notes.join(' ')).toMatch(/dropped: not a plausible USD price/);
    } finally {
      await seed();
    }
  });

  test('a chart request over the cap is reported as such (over-limit), never as malformed', async () => {
    // 100 days of hourly points is 2,400 timestamps for one coin: DefiLlama refuses it even alone.
    const res = await fetchPriceCharts(llama.coinsUrl, [marketCoin(live[0]!)!], { days: 100, periodHours: 1 }, { now: () => new Date(T0) });
    const o = Object.values(res.items)[0]!;
    expect(o).toMatchObject({ ok: false, kind: 'over-limit', message: expect.stringMatching(/over its 500-point limit \(HTTP 400\)/) });
    expect(res.requests).toBe(2); // the batch, then its half-size retry
  });

  test('absurd values never reach a card; the card stays up with its bundled facts', async () => {
    const ez = getToken('ezeth')!;
    const h = harness();
    await h.refresher.runDue();
    const good = (await h.store.read()).entries;
    const mc = marketCoin(ez)!;
    llama.setPrice(mc, 1e308, { symbol: 'ezETH', decimals: 18 });
    llama.setChart(mc, chart(NOW_S, (i) => (i === 10 ? 1e-306 : 3000)), { symbol: 'ezETH', decimals: 18 });
    try {
      const later = T0 + 20 * 60_000;
      llama.setClock(() => later);
      const h2 = { ...h, refresher: new Refresher({ store: h.store, jobs: allJobs(), context: async () => ({ ...h.ctx, now: () => new Date(later) }), now: () => new Date(later) }) };
      await h2.refresher.run('prices');
      await h2.refresher.run('charts');
      const { entries } = await h.store.read();
      // The absurd price was not kept: the last good one stands, with its time, and the failure says why.
      expect(entries[key.price(mc)]!.value).toEqual(good[key.price(mc)]!.value);
      expect(entries[key.price(mc)]!.error?.kind).toBe('implausible');
      // The 1e-306 point was dropped alone.
      expect((entries[key.chart(mc)]!.value as unknown[]).length).toBe(41);
      const card = toCardView(ez, REGISTRY_VERSION, new Date(later), { live: tokenLive(ez, entries, new Date(later), benchmark), offline: false });
      expect(TokenCardView.safeParse(card).success).toBe(true);
      expect(card.audits.length).toBeGreaterThan(0);
      expect(card.live.facts.map((f) => f.id)).toEqual(expect.arrayContaining(['rate', 'price', 'peg']));
      for (const f of card.live.facts) expect(f.text.length, f.id).toBeLessThan(200);
    } finally {
      await seed();
    }
  });

  test('what a refresh costs: RPC chain id checked once, the fallbacks never contacted while the first answers', async () => {
    // Two more "endpoints" that would count every request: the stand-in answers anything with a 404.
    const spare = [`${llama.url}/rpc-a`, `${llama.url}/rpc-b`];
    const tokens = readableOn(TOKENS, 'eip155:1');
    forgetChainIds();
    const before = llama.requests.length;
    const cc = chainClient('eip155:1', [anvil.url, ...spare]);
    if ('ok' in cc) throw new Error(cc.message);
    const first = await readRates(cc.client, tokens);
    expect(first.ok).toBe(true);
    // eth_chainId once, eth_blockNumber, one eth_call for the whole multicall.
    expect(cc.requests()).toBe(3);
    const cc2 = chainClient('eip155:1', [anvil.url, ...spare]);
    if ('ok' in cc2) throw new Error(cc2.message);
    await readRates(cc2.client, tokens);
    expect(cc2.requests()).toBe(2); // the chain id is remembered
    expect(llama.requests.slice(before).filter((r) => r.path.startsWith('/rpc-'))).toEqual([]);
    // The first endpoint down: only now is the next one tried (and it is not an RPC, so it fails and says so).
    await anvil.stop();
    try {
      const cc3 = chainClient('eip155:1', [anvil.url, ...spare]);
      if ('ok' in cc3) throw new Error(cc3.message);
      const down = await readRates(cc3.client, tokens);
      expect(down.ok).toBe(false);
      expect(llama.requests.slice(before).filter((r) => r.path.startsWith('/rpc-')).length).toBeGreaterThan(0);
    } finally {
      await anvil.start();
    }
  });
});

test('jobs that start together share one chain-id check of an endpoint', async () => {
  forgetChainIds();
  const a = chainClient('eip155:1', [anvil.url]);
  const b = chainClient('eip155:1', [anvil.url]);
  if ('ok' in a || 'ok' in b) throw new Error('no client');
  await Promise.all([a.client.getBlockNumber(), b.client.getBlockNumber()]);
  // One eth_chainId between them, then each its own eth_blockNumber.
  expect(a.requests() + b.requests()).toBe(3);
});

test('APY for at least 20 of the restaking tokens: verified by DefiLlama where its pool checks out, else computed from the rate', async () => {
  const DAY = 86_400_000;
  const records = new Map<string, unknown>();
  const samples = rateSampleStore({ get: async (k) => structuredClone(records.get(k)), set: async (k, v) => void records.set(k, structuredClone(v)) });
  // Eight days of samples growing at 3% a year up to each token's on-chain rate today.
  for (const t of readable) for (let d = 8; d >= 1; d--) await samples.record(t.id, { t: T0 - d * DAY, rate: RATE_OF(t) / Math.pow(1.03, d / 365) }, T0);
  const days = (apy: number) => Array.from({ length: 30 }, (_, i) => ({ timestamp: new Date(T0 - (29 - i) * DAY).toISOString(), tvlUsd: 1e9, apy, apyBase: apy, apyReward: null, il7d: null, apyBase7d: null }));
  for (const t of TOKENS) {
    const pool = t.defillama?.poolIds[0];
    if (!pool) continue;
    llama.setYield(pool, days(pool === benchmark.defillama!.poolIds[0] ? 2.8 : 3.3));
    llama.setPoolRow(pool, { project: t.defillama!.slug, symbol: (t.defillama!.poolSymbol ?? t.symbol).toUpperCase(), chain: 'Ethereum' });
  }
  const h = harness();
  h.ctx.rateSamples = samples;
  forgetChainIds();
  await h.refresher.runDue();
  const { entries, jobs } = await h.store.read();
  // What the yield side of a refresh costs: one chart per distinct pool hourly, one check per pool daily.
  const pools = new Set(TOKENS.flatMap((t) => t.defillama?.poolIds.slice(0, 1) ?? []));
  expect(pools.size).toBe(6);
  expect(jobs.yields!.requests).toBe(6);
  expect(jobs.poolcheck!.requests).toBe(6);
  expect(jobs.tvl!.requests).toBe(15);
  const now = new Date(T0);
  const shown: Record<string, string> = {};
  for (const t of TOKENS.filter((x) => isRestaking(x.category))) {
    const card = toCardView(t, REGISTRY_VERSION, now, { live: tokenLive(t, entries, now, benchmark), offline: false });
    const f = card.live.facts.find((x) => x.id === 'apy' || x.id === 'apy-rate');
    if (f) shown[t.id] = f.id === 'apy' ? `llama ${f.text}` : `rate ${f.text}`;
  }
  const ids = (prefix: string) => Object.keys(shown).filter((id) => shown[id]!.startsWith(prefix)).sort();
  expect(ids('llama')).toEqual([...APY_FROM_DEFILLAMA].sort());
  expect(ids('rate')).toEqual([...APY_FROM_RATE].sort());
  expect(Object.keys(shown).length).toBeGreaterThanOrEqual(20);
  expect(shown.ezeth).toBe('llama 3.30%: 2.80% plain ETH staking + 0.50% restaking premium (verified by DefiLlama: renzo, EZETH on Ethereum)');
  expect(shown.pufeth).toMatch(/^rate 3\.00%: 2\.80% plain ETH staking \+ 0\.20% restaking premium \(computed from the on-chain rate over 8 days\)$/);
  expect(shown.steaklrt).toMatch(/^rate 3\.00% in wstETH terms, on top of wstETH's own staking yield \(computed from the on-chain rate over 8 days\)$/);
});
