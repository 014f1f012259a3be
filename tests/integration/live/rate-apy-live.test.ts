// APY from the token's own rate, from the rates job to the card, on anvil: the job keeps one sample per slot in the
// per-token record (never in the live cache), and once the samples cover 7 days the card shows the APY with its
// basis and, for a rate in ETH, the split against the stETH benchmark; under 7 days, none.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getToken, REGISTRY_VERSION } from '../../../lib/registry';
import { allJobs, type JobContext } from '../../../lib/live/jobs';
import { Refresher } from '../../../lib/live/refresh';
import { LiveStore, ENTRIES_KEY, JOBS_KEY, type KeyValue } from '../../../lib/live/store';
import { tokenLive } from '../../../lib/live/facts';
import { key } from '../../../lib/live/keys';
import { rateSampleStore, sampleKey } from '../../../lib/live/rate-apy';
import { chainSource } from '../../../lib/provenance';
import { putOk } from '../../../lib/live/store';
import { toCardView } from '../../../lib/views/build';
import { forgetChainIds } from '../../../lib/sources/rpc';
import { startAnvil, type Anvil } from '../../support/anvil';
import { placeLrt, placeMulticall3 } from '../../support/chain';

const DAY = 86_400_000;
const T0 = Date.now();
const ez = getToken('ezeth')!;
const RATE = 1.05;
let anvil: Anvil;

beforeAll(async () => {
  anvil = await startAnvil();
  forgetChainIds();
  await placeMulticall3(anvil.url);
  await placeLrt(anvil.url, ez.rateSource!.contract as `0x${string}`, { rate: 1_050_000_000_000_000_000n });
}, 60_000);
afterAll(() => anvil?.stop());

function run(seedDays: number, apyPct: number) {
  const records = new Map<string, unknown>();
  const samples = rateSampleStore({ get: async (k) => structuredClone(records.get(k)), set: async (k, v) => void records.set(k, structuredClone(v)) });
  const cache: Record<string, unknown> = {};
  const kv: KeyValue = { get: async (keys) => Object.fromEntries(keys.filter((k) => k in cache).map((k) => [k, structuredClone(cache[k])])), set: async (items) => void Object.assign(cache, structuredClone(items)) };
  const ctx: JobContext = { tokens: [ez], endpoints: { coins: 'http://127.0.0.1:9', yields: 'http://127.0.0.1:9', api: 'http://127.0.0.1:9', rpc: { 'eip155:1': [anvil.url] } }, now: () => new Date(T0), timeoutMs: 5_000, rateSamples: samples };
  const store = new LiveStore(kv);
  const refresher = new Refresher({ store, jobs: allJobs().filter((j) => j.id === 'rates:eip155:1'), context: async () => ctx, now: () => new Date(T0) });
  return {
    records,
    store,
    cache,
    async go() {
      // One sample a day back to `seedDays`, growing at `apyPct`, ending at today's on-chain rate.
      for (let d = seedDays; d >= 1; d--) await samples.record(ez.id, { t: T0 - d * DAY, rate: RATE / Math.pow(1 + apyPct / 100, d / 365) }, T0);
      await refresher.runDue();
    },
  };
}

describe('APY computed from the rate', () => {
  test('8 days of samples: 3.5% computed over 8 days, split against stETH, samples kept in their own record', async () => {
    const h = run(8, 3.5);
    await h.go();
    expect(Object.keys(h.cache).sort()).toEqual([ENTRIES_KEY, JOBS_KEY]);
    expect(h.records.get(sampleKey(ez.id))).toMatchObject({ v: 1 });
    const { entries } = await h.store.read();
    const v = entries[key.rateApy(ez.id)]!.value as { apyPct: number; days: number };
    expect(v.apyPct).toBeCloseTo(3.5, 2);
    expect(v.days).toBeCloseTo(8, 1);
    // The stETH benchmark from DefiLlama, as the yields job stores it.
    const steth = getToken('steth')!;
    const at = new Date(T0).toISOString();
    putOk(entries, key.yield(steth.defillama!.poolIds[0]!), { apyPct: 2.8, apyBasePct: 2.8, pointAt: at, history: [] }, chainSource('eip155:1', ez.rateSource!.contract, 'x()', null, at), at);
    const card = toCardView(ez, REGISTRY_VERSION, new Date(T0), { live: tokenLive(ez, entries, new Date(T0), steth), offline: false });
    expect(card.live.facts.find((f) => f.id === 'apy-rate')).toMatchObject({ text: '3.50%: 2.80% plain ETH staking + 0.70% restaking premium (computed from the on-chain rate over 8 days)', fresh: true });
    expect(card.live.facts.find((f) => f.id === 'apy-rate')!.sources[0]).toMatchObject({ kind: 'chain', contract: ez.rateSource!.contract });
    expect(card.yield.split).toMatchObject({ totalApyPct: expect.closeTo(3.5, 2), baseApyPct: 2.8 });
  });

  test('6 days of samples: no APY yet', async () => {
    const h = run(6, 3.5);
    await h.go();
    const { entries } = await h.store.read();
    expect(entries[key.rateApy(ez.id)]).toBeUndefined();
    const card = toCardView(ez, REGISTRY_VERSION, new Date(T0), { live: tokenLive(ez, entries, new Date(T0)), offline: false });
    expect(card.live.facts.find((f) => f.id === 'apy-rate')).toBeUndefined();
  });
});
