// Live data against real local services: anvil with test contracts at the real mainnet addresses (Multicall3 at
// its canonical address) and a local HTTP server replaying DefiLlama-shaped responses. Each fault is its own test;
// in each, the refresh resolves (nothing crashes), the last good value stays with its original time, and the
// cache says what failed.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { getToken } from '../../../lib/registry';
import type { TokenProfile } from '../../../lib/registry/schema';
import { allJobs, type JobContext } from '../../../lib/live/jobs';
import { Refresher, RETRY_MIN } from '../../../lib/live/refresh';
import { ENTRIES_KEY, LiveStore, type KeyValue } from '../../../lib/live/store';
import { freshLimits, tokenLive } from '../../../lib/live/facts';
import { liveView } from '../../../lib/views/live';
import { rateWith } from '../../../lib/risk/live';
import { startAnvil, type Anvil } from '../../support/anvil';
import { placeLrt, placeMulticall3, setReverting } from '../../support/chain';
import { startLlamaServer, type LlamaServer } from '../../support/llama-server';

const ETH = 'ethereum:0x0000000000000000000000000000000000000000';
const tokens = ['ezeth', 'weeth', 'steth'].map((id) => getToken(id)!) as TokenProfile[];
const [ezeth, weeth, steth] = tokens as [TokenProfile, TokenProfile, TokenProfile];
const addr = (t: TokenProfile) => t.deployments.find((d) => d.chain === 'eip155:1' && !d.kind)!.address as `0x${string}`;
const rateContract = (t: TokenProfile) => t.rateSource!.contract as `0x${string}`;
const WEETH_POOL = weeth.defillama!.poolIds[0]!;
const STETH_POOL = steth.defillama!.poolIds[0]!;
const T0 = Date.parse('2026-11-21T12:00:00Z');
const MIN = 60_000;

let anvil: Anvil;
let llama: LlamaServer;

/** An in-memory storage.local. */
function memory(): KeyValue & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

function seedLlama(nowS: number) {
  llama.reset();
  llama.setPrice(ETH, 3000, { symbol: 'ETH', decimals: 18 });
  llama.setPrice(`ethereum:${addr(ezeth)}`, 3000 * 1.02 * 0.999, { symbol: 'ezETH', decimals: 18 });
  llama.setPrice(`ethereum:${addr(weeth)}`, 3000 * 1.07, { symbol: 'weETH', decimals: 18 });
  llama.setPrice(`ethereum:${addr(steth)}`, 2999, { symbol: 'stETH', decimals: 18 });
  const chart = (usd: number) => Array.from({ length: 42 }, (_, i) => ({ timestamp: nowS - (41 - i) * 4 * 3600, price: usd }));
  llama.setChart(ETH, chart(3000), { symbol: 'ETH', decimals: 18 });
  llama.setChart(`ethereum:${addr(ezeth)}`, chart(3000 * 1.02 * 0.999), { symbol: 'ezETH', decimals: 18 });
  llama.setChart(`ethereum:${addr(weeth)}`, chart(3000 * 1.07), { symbol: 'weETH', decimals: 18 });
  const days = (apy: number) =>
    Array.from({ length: 30 }, (_, i) => ({
      timestamp: new Date((nowS - (29 - i) * 86400) * 1000).toISOString(),
      tvlUsd: 1e9,
      apy,
      apyBase: apy,
      apyReward: null,
      il7d: null,
      apyBase7d: null,
    }));
  llama.setYield(WEETH_POOL, days(3.4));
  llama.setYield(STETH_POOL, days(2.9));
  // What /poolsEnriched answers for the two pools: DefiLlama stores symbols upper-cased and chains by name.
  llama.setPoolRow(WEETH_POOL, { project: 'ether.fi-stake', symbol: 'WEETH', chain: 'Ethereum' });
  llama.setPoolRow(STETH_POOL, { project: 'lido', symbol: 'STETH', chain: 'Ethereum' });
  llama.setTvl('renzo', 1.2e9);
  llama.setTvl('ether.fi-stake', 6.5e9);
  llama.setTvl('lido', 2.4e10);
}

beforeAll(async () => {
  [anvil, llama] = await Promise.all([startAnvil(), startLlamaServer()]);
  await placeMulticall3(anvil.url);
  await placeLrt(anvil.url, rateContract(ezeth), { rate: 1020000000000000000n });
  await placeLrt(anvil.url, addr(ezeth), { rate: 0n, supply: 400_000n * 10n ** 18n, symbol: 'ezETH' });
  // weETH's rate provider is the token contract itself.
  await placeLrt(anvil.url, rateContract(weeth), { rate: 1070000000000000000n, supply: 2_000_000n * 10n ** 18n, symbol: 'weETH' });
}, 60_000);

afterAll(async () => {
  await Promise.all([anvil?.stop(), llama?.stop()]);
});

interface Harness {
  kv: ReturnType<typeof memory>;
  store: LiveStore;
  clock: { t: number };
  refresher: Refresher;
  ctx: JobContext;
}

function harness(over: Partial<JobContext> = {}, kv = memory()): Harness {
  const clock = { t: T0 };
  const now = () => new Date(clock.t);
  const ctx: JobContext = {
    tokens,
    endpoints: { coins: llama.coinsUrl, yields: llama.yieldsUrl, api: llama.apiUrl, rpc: { 'eip155:1': [anvil.url] } },
    now,
    timeoutMs: 2_000,
    maxBytes: 200_000,
    ...over,
  };
  const store = new LiveStore(kv);
  // The stand-in answers charts and staleness by the same clock as the refresher.
  llama.setClock(() => clock.t);
  return { kv, store, clock, ctx, refresher: new Refresher({ store, jobs: allJobs(), context: async () => ctx, now }) };
}

beforeEach(async () => {
  seedLlama(Math.floor(T0 / 1000));
  await setReverting(anvil.url, rateContract(ezeth), false);
});

async function goodRun(h: Harness) {
  await h.refresher.runDue();
  const { entries, jobs } = await h.store.read();
  for (const id of ['rates:eip155:1', 'prices', 'charts', 'yields', 'tvl']) expect(jobs[id]?.error, id).toBeNull();
  return entries;
}

/** Runs `job` again 40 minutes later and checks the last good value of `key` survived, with its old time. */
async function failAgain(h: Harness, job: string, key: string) {
  const before = (await h.store.read()).entries[key]!;
  h.clock.t += 40 * MIN;
  await expect(h.refresher.run(job)).resolves.toBeUndefined();
  const { entries, jobs } = await h.store.read();
  const after = entries[key]!;
  expect(after.value).toEqual(before.value);
  expect(after.okAt).toBe(before.okAt);
  expect(after.error).not.toBeNull();
  expect(jobs[job]!.error).not.toBeNull();
  expect(jobs[job]!.failures).toBe(1);
  return { after, job: jobs[job]!, entries };
}

describe('live data against local services', () => {
  test('a good refresh gives a live rate, peg, APY split and TVL, all fresh; petals go live', async () => {
    const h = harness();
    const entries = await goodRun(h);
    const live = tokenLive(weeth, entries, new Date(h.clock.t), steth);
    expect(live.rate?.value.rate).toBeCloseTo(1.07, 9);
    expect(live.supply?.value).toBe(2_000_000);
    expect(live.peg?.value.nowPct).toBeCloseTo(0, 6);
    expect(live.peg?.value.coverageDays).toBeGreaterThanOrEqual(6);
    expect(live.apy?.value).toMatchObject({ totalPct: 3.4, basePct: 2.9 });
    expect(live.apy?.value.premiumPct).toBeCloseTo(0.5, 9);
    expect(live.tvl?.value).toBe(6.5e9);
    const ez = tokenLive(ezeth, entries, new Date(h.clock.t), steth);
    expect(ez.peg?.value.nowPct).toBeCloseTo(-0.1, 6);
    const r = rateWith(ezeth, new Date(h.clock.t), { live: ez, offline: false });
    const peg = r.petals.find((p) => p.id === 'peg')!;
    expect(peg).toMatchObject({ method: 'live', level: 'good', asOf: new Date(T0).toISOString() });
    expect(peg.fact).toMatch(/Within 0.1% of its backing over the last 7 days/);
    const view = liveView(weeth, live, new Date(h.clock.t), false);
    expect(view.note).toBeNull();
    expect(view.facts.map((f) => f.id)).toEqual(['rate', 'supply', 'price', 'peg', 'apy', 'tvl']);
    expect(view.facts.every((f) => f.fresh)).toBe(true);
  });

  test('a pool id DefiLlama confirms (project, symbol, chain) shows its APY as verified by DefiLlama', async () => {
    const h = harness();
    const entries = await goodRun(h);
    const live = tokenLive(weeth, entries, new Date(h.clock.t), steth);
    expect(live.apy?.value.check).toMatchObject({ state: 'verified', text: 'verified by DefiLlama: ether.fi-stake, WEETH on Ethereum' });
    const apy = liveView(weeth, live, new Date(h.clock.t), false).facts.find((f) => f.id === 'apy')!;
    expect(apy.text).toBe('3.40%: 2.90% plain ETH staking + 0.50% restaking premium (verified by DefiLlama: ether.fi-stake, WEETH on Ethereum)');
    // The check's own response is among the APY's sources, beside the two chart responses.
    expect(apy.sources.map((s) => (s.kind === 'api' ? s.url : '')).filter((u) => u.includes('poolsEnriched'))).toHaveLength(1);
    expect(llama.countRequests('/yields/poolsEnriched')).toBe(3); // ezETH's, weETH's and stETH's pool, once a day
  });

  test('a pool id DefiLlama says is another pool: its APY is not shown, and the card says why', async () => {
    llama.setPoolRow(WEETH_POOL, { project: 'ether.fi-liquid', symbol: 'WEETH', chain: 'Ethereum' });
    const h = harness();
    const entries = await goodRun(h);
    const live = tokenLive(weeth, entries, new Date(h.clock.t), steth);
    expect(live.apy).toBeNull();
    expect(live.poolCheck?.state).toBe('mismatch');
    const v = liveView(weeth, live, new Date(h.clock.t), false);
    expect(v.facts.find((f) => f.id === 'apy')).toBeUndefined();
    expect(v.note).toContain(`DefiLlama APY not shown: DefiLlama says pool ${WEETH_POOL} is ether.fi-liquid, WEETH on Ethereum, not ether.fi-stake, WEETH on Ethereum.`);
    expect(v.apyHistory).toEqual([]);
  });

  test('a pool id DefiLlama does not list ({data: []}) is treated as not the token\'s pool', async () => {
    llama.setPoolRow(STETH_POOL, { project: 'lido', symbol: 'STETH', chain: 'Arbitrum' });
    const h = harness();
    const entries = await goodRun(h);
    // The benchmark's id names a pool on another chain: no split, the token's own APY stays.
    const live = tokenLive(weeth, entries, new Date(h.clock.t), steth);
    expect(live.apy?.value).toMatchObject({ totalPct: 3.4, basePct: null, premiumPct: null });
    // ezETH's pool id is not listed at all: its check says so.
    expect(tokenLive(ezeth, entries, new Date(h.clock.t), steth).poolCheck).toMatchObject({ state: 'mismatch', text: `DefiLlama lists no pool with id ${ezeth.defillama!.poolIds[0]}` });
  });

  test('the pool check failing: the APY still shows, saying the id is not yet checked; a later check verifies it', async () => {
    llama.fault('/yields/poolsEnriched', { kind: 'status', status: 500 });
    const h = harness();
    let entries = await goodRun(h);
    let live = tokenLive(weeth, entries, new Date(h.clock.t), steth);
    expect(live.apy?.value.check?.state).toBe('unchecked');
    expect(liveView(weeth, live, new Date(h.clock.t), false).facts.find((f) => f.id === 'apy')!.text).toMatch(/\(DefiLlama pool id not yet checked with DefiLlama\)$/);
    llama.clearFaults();
    h.clock.t += 2 * 24 * 60 * MIN;
    await h.refresher.runDue();
    entries = (await h.store.read()).entries;
    live = tokenLive(weeth, entries, new Date(h.clock.t), steth);
    expect(live.apy?.value.check?.state).toBe('verified');
  });

  test('a slower refresh interval keeps figures fresh for three of its periods, not the default 30 min', async () => {
    const h = harness();
    const entries = await goodRun(h);
    const later = new Date(h.clock.t + 45 * 60_000);
    expect(freshLimits()).toMatchObject({ rate: 30, price: 30, chart: 180 });
    expect(freshLimits(60)).toMatchObject({ rate: 180, price: 180, chart: 180, yield: 180 });
    expect(freshLimits(1440)).toMatchObject({ rate: 4320, yield: 4320 });
    // 45 min after the run: grey at the default interval, still fresh when the user asked for hourly refreshes.
    expect(tokenLive(weeth, entries, later, steth).rate?.fresh).toBe(false);
    expect(tokenLive(weeth, entries, later, steth, { refreshMinutes: 60 }).rate?.fresh).toBe(true);
    expect(tokenLive(weeth, entries, later, steth, { refreshMinutes: 60 }).peg?.fresh).toBe(true);
    // Past three hourly periods it is grey again.
    expect(tokenLive(weeth, entries, new Date(h.clock.t + 181 * 60_000), steth, { refreshMinutes: 60 }).rate?.fresh).toBe(false);
  });

  test('HTTP 500: prices keep the last good value and age; the card says the data is out of date and why', async () => {
    const h = harness();
    await goodRun(h);
    llama.fault('/coins/prices', { kind: 'status', status: 500 });
    const { after, job } = await failAgain(h, 'prices', `price:ethereum:${addr(weeth)}`);
    expect(after.error).toMatchObject({ kind: 'http', message: expect.stringMatching(/HTTP 500 from 127\.0\.0\.1/) });
    expect(Date.parse(job.nextDueAt!) - h.clock.t).toBe(RETRY_MIN * MIN);
    const view = liveView(weeth, tokenLive(weeth, (await h.store.read()).entries, new Date(h.clock.t), steth), new Date(h.clock.t), false);
    const price = view.facts.find((f) => f.id === 'price')!;
    expect(price).toMatchObject({ fresh: false, okAt: new Date(T0).toISOString(), text: '$3,210.00' });
    expect(view.note).toMatch(/out of date: showing the last good values, the oldest from 40 min ago\. Now failing: the data service answered with an error\./);
    // The peg petal no longer uses the stale price: it falls back to the curated input (grey here).
    const r = rateWith(weeth, new Date(h.clock.t), { live: tokenLive(weeth, (await h.store.read()).entries, new Date(h.clock.t), steth), offline: false });
    expect(r.petals.find((p) => p.id === 'peg')).toMatchObject({ method: 'curated', level: 'unknown' });
  });

  test('a timeout: the hanging request is abandoned and recorded as a timeout', async () => {
    const h = harness({ timeoutMs: 300 });
    await goodRun(h);
    llama.fault('/api/tvl', { kind: 'hang' });
    const started = Date.now();
    const { after } = await failAgain(h, 'tvl', 'tvl:renzo');
    expect(after.error?.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
    llama.clearFaults();
  });

  test('HTTP 429: backs off for at least the Retry-After the server asked for, and stops asking for the rest', async () => {
    const h = harness();
    await goodRun(h);
    llama.fault('/yields/chart', { kind: 'rate-limit', retryAfterS: 1800 });
    const before = llama.countRequests('/yields/chart');
    const { after, job } = await failAgain(h, 'yields', `yield:${WEETH_POOL}`);
    expect(after.error?.kind).toBe('rate-limited');
    expect(job.error?.message).toMatch(/retry after 1800 s/);
    expect(Date.parse(job.nextDueAt!) - h.clock.t).toBeGreaterThanOrEqual(30 * MIN);
    // Told to slow down on the first pool: the second pool is not requested in the same run.
    expect(llama.countRequests('/yields/chart') - before).toBe(1);
    // Before the backoff ends, nothing is due.
    h.clock.t += 20 * MIN;
    expect((await h.refresher.due()).map((j) => j.id)).not.toContain('yields');
  });

  test('malformed JSON is rejected, not parsed into a value', async () => {
    const h = harness();
    await goodRun(h);
    llama.fault('/coins/prices', { kind: 'malformed' });
    const { after } = await failAgain(h, 'prices', `price:${ETH}`);
    expect(after.error).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/not valid JSON/) });
  });

  test('JSON that breaks the schema (numbers as strings) is rejected by zod, point by point and as a whole', async () => {
    const h = harness();
    await goodRun(h);
    llama.fault('/yields/chart', { kind: 'wrong-shape' });
    const { after } = await failAgain(h, 'yields', `yield:${STETH_POOL}`);
    // Every APY point fails its own check: no plausible point is left.
    expect(after.error).toMatchObject({ kind: 'no-data', message: expect.stringMatching(/no plausible APY points/) });
    llama.fault('/api/tvl', { kind: 'wrong-shape' });
    const tvl = await failAgain(h, 'tvl', 'tvl:lido');
    expect(tvl.after.error).toMatchObject({ kind: 'schema', message: expect.stringMatching(/^127\.0\.0\.1:\d+ sent data in an unexpected shape$/) });
  });

  test('an oversized body is cut off at the cap without being read to the end', async () => {
    const h = harness({ maxBytes: 100_000 });
    await goodRun(h);
    llama.fault('/coins/chart', { kind: 'oversized', bytes: 20_000_000 });
    const { after } = await failAgain(h, 'charts', `chart:${ETH}`);
    expect(after.error).toMatchObject({ kind: 'oversized', message: expect.stringMatching(/more than 100 kB/) });
    const sent = llama.requests.filter((r) => r.path.startsWith('/coins/chart')).at(-1)!;
    expect(sent.bytesSent).toBeLessThan(20_000_000);
  });

  test('an RPC revert fails that token only; the other token in the same multicall stays live', async () => {
    const h = harness();
    await goodRun(h);
    const weBefore = (await h.store.read()).entries['rate:weeth']!;
    await setReverting(anvil.url, rateContract(ezeth), true);
    h.clock.t += 40 * MIN;
    await h.refresher.run('rates:eip155:1');
    const { entries, jobs } = await h.store.read();
    expect(entries['rate:ezeth']).toMatchObject({ okAt: new Date(T0).toISOString(), error: { kind: 'revert' } });
    expect((entries['rate:ezeth']!.value as { rate: number }).rate).toBeCloseTo(1.02, 9);
    expect(entries['rate:weeth']!.okAt).toBe(new Date(h.clock.t).toISOString());
    expect(entries['rate:weeth']!.okAt).not.toBe(weBefore.okAt);
    expect(jobs['rates:eip155:1']!.error).toBeNull();
  });

  test('an RPC on the wrong chain is never used; with no other endpoint the job fails and says so', async () => {
    const goerli = await startAnvil({ chainId: 5 });
    try {
      const h = harness();
      await goodRun(h);
      h.ctx.endpoints = { ...h.ctx.endpoints, rpc: { 'eip155:1': [goerli.url] } };
      const { after, job } = await failAgain(h, 'rates:eip155:1', 'rate:weeth');
      expect(after.error?.kind).toBe('wrong-chain');
      expect(job.error?.message).toMatch(/no RPC endpoint on the right chain/);
      expect(job.notes.join(' ')).toMatch(/is on chain 5, not 1: not used/);
    } finally {
      await goerli.stop();
    }
  });

  test('one RPC down: the next endpoint serves the reads, and the dead one is noted', async () => {
    const dead = await startAnvil();
    await dead.stop();
    const h = harness();
    h.ctx.endpoints = { ...h.ctx.endpoints, rpc: { 'eip155:1': [dead.url, anvil.url] } };
    await h.refresher.run('rates:eip155:1');
    const { entries, jobs } = await h.store.read();
    expect(jobs['rates:eip155:1']).toMatchObject({ error: null, failures: 0 });
    expect(jobs['rates:eip155:1']!.notes.join(' ')).toContain(new URL(dead.url).host);
    expect((entries['rate:weeth']!.value as { rate: number }).rate).toBeCloseTo(1.07, 9);
  });

  test('a user RPC without its host permission is reported in the job status', async () => {
    const h = harness({ endpointNotes: ['rpc.example: host permission not granted, using the default endpoints'] });
    await h.refresher.run('rates:eip155:1');
    const { jobs } = await h.store.read();
    expect(jobs['rates:eip155:1']).toMatchObject({ error: null, notes: ['rpc.example: host permission not granted, using the default endpoints'] });
  });

  test('a corrupted cache entry is dropped alone and reported; the others and the next refresh are fine', async () => {
    const h = harness();
    await goodRun(h);
    const entries = h.kv.data[ENTRIES_KEY] as Record<string, unknown>;
    entries['rate:weeth'] = { value: { rate: 'lots' }, okAt: 'yesterday', source: null, error: null };
    entries['nonsense:x'] = 42;
    const fresh = new LiveStore(h.kv);
    const read = await fresh.read();
    expect(read.entries['rate:weeth']).toBeUndefined();
    expect(read.entries['rate:ezeth']).toBeDefined();
    expect([...fresh.damaged].sort()).toEqual(['nonsense:x', 'rate:weeth']);
    const r = new Refresher({ store: fresh, jobs: allJobs(), context: async () => h.ctx, now: () => new Date(h.clock.t) });
    await r.run('rates:eip155:1');
    expect((await fresh.read()).entries['rate:weeth']).toMatchObject({ error: null });
  });

  test('a whole storage value that is not an object loses nothing else and starts over', async () => {
    const h = harness();
    h.kv.data[ENTRIES_KEY] = 'garbage';
    await expect(h.refresher.runDue()).resolves.toBeDefined();
    expect((await h.store.read()).entries['rate:weeth']).toBeDefined();
  });

  test('a worker stopped mid-refresh restarts without refetching: the run is marked interrupted until it retries', async () => {
    const kv = memory();
    const first = harness({}, kv);
    await goodRun(first);
    first.clock.t += 15 * MIN;
    llama.fault('/coins/prices', { kind: 'hang' });
    const hanging = first.refresher.run('prices');
    await waitFor(() => llama.requests.some((r) => r.path.startsWith('/coins/prices') && r.time >= Date.now() - 5_000 && r.status === undefined));
    // A new worker over the same storage: the old one is gone, its request never answered.
    const second = harness({}, kv);
    second.clock.t = first.clock.t + 10_000;
    const count = llama.countRequests('/coins/prices');
    const ran = await second.refresher.runDue();
    expect(ran).not.toContain('prices');
    expect(llama.countRequests('/coins/prices')).toBe(count);
    const { jobs, entries } = await second.store.read();
    expect(jobs.prices!.runningSince).not.toBeNull();
    expect(entries[`price:${ETH}`]!.okAt).toBe(new Date(T0).toISOString());
    // At the retry time it runs again, once.
    llama.clearFaults();
    second.clock.t = first.clock.t + RETRY_MIN * MIN + 1;
    expect(await second.refresher.runDue()).toContain('prices');
    expect((await second.store.read()).jobs.prices).toMatchObject({ runningSince: null, error: null });
    await hanging.catch(() => undefined);
  });

  test('requests in flight are shared: two refreshes at once make one request', async () => {
    const h = harness();
    const before = llama.countRequests('/coins/prices');
    await Promise.all([h.refresher.run('prices'), h.refresher.run('prices')]);
    expect(llama.countRequests('/coins/prices') - before).toBe(1);
  });

  test('offline mode: no live figure is shown or used', async () => {
    const h = harness();
    const entries = await goodRun(h);
    const live = tokenLive(weeth, entries, new Date(h.clock.t), steth);
    expect(liveView(weeth, live, new Date(h.clock.t), true)).toMatchObject({ mode: 'offline', facts: [] });
    expect(rateWith(weeth, new Date(h.clock.t), { live, offline: true }).petals.every((p) => p.method === 'curated')).toBe(true);
  });
});

async function waitFor(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
