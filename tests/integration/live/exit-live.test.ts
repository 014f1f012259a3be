// From the Refresher to the card, on anvil: the exit and redemption jobs quote every venue the registry names
// (placed at their mainnet addresses) and read the withdrawal contracts; the cache keeps the full quote and the
// read; the card shows sellable within 2% / 5%, impact per size, the best venue and the redemption estimate with
// their calls; the Exit petal is judged live by lrt-v0.2. A paused queue turns the petal red; a stale read is not used.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TOKENS, getToken, REGISTRY_VERSION } from '../../../lib/registry';
import { allJobs, type JobContext } from '../../../lib/live/jobs';
import { Refresher } from '../../../lib/live/refresh';
import { LiveStore, type KeyValue } from '../../../lib/live/store';
import { tokenLive } from '../../../lib/live/facts';
import { key } from '../../../lib/live/keys';
import { toCardView } from '../../../lib/views/build';
import { TokenCardView } from '../../../lib/views/schema';
import { forgetChainIds } from '../../../lib/sources/rpc';
import { startAnvil, type Anvil } from '../../support/anvil';
import { placeExitVenues, placeRedemptionPaths } from '../../support/venues';

const T0 = Date.parse('2026-11-25T12:00:00Z');
let anvil: Anvil;

function memory(): KeyValue {
  const data: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

function harness(at = T0) {
  const store = new LiveStore(memory());
  const ctx: JobContext = { tokens: TOKENS, endpoints: { coins: 'http://127.0.0.1:9', yields: 'http://127.0.0.1:9', api: 'http://127.0.0.1:9', rpc: { 'eip155:1': [anvil.url] } }, now: () => new Date(at), timeoutMs: 5_000 };
  const jobs = allJobs().filter((j) => j.id === 'exit:eip155:1' || j.id === 'redemption:eip155:1');
  return { store, refresher: new Refresher({ store, jobs, context: async () => ctx, now: () => new Date(at) }) };
}

const card = (id: string, entries: Parameters<typeof tokenLive>[1], at = T0) => {
  const t = getToken(id)!;
  return TokenCardView.parse(toCardView(t, REGISTRY_VERSION, new Date(at), { live: tokenLive(t, entries, new Date(at)), offline: false }));
};
const fact = (c: TokenCardView, id: string) => c.live.facts.find((f) => f.id === id);
const exitPetal = (c: TokenCardView) => c.rating.petals.find((p) => p.id === 'exit')!;

beforeAll(async () => {
  anvil = await startAnvil();
  forgetChainIds();
  await placeExitVenues(anvil.url, TOKENS, { weeth: 100_000 });
  await placeRedemptionPaths(anvil.url, { etherfi: { pending: [400, 500, 335], instantEth: 320 }, kelp: { delayDays: 8, requests: 35, aheadEth: 1235 } });
}, 120_000);
afterAll(() => anvil?.stop());

describe('exit and redemption: Refresher to card', () => {
  test('weETH: green from depth and an open queue, every figure with its calls', async () => {
    const h = harness();
    await h.refresher.runDue();
    const { entries, jobs } = await h.store.read();
    expect(jobs['exit:eip155:1']?.error).toBeNull();
    expect(jobs['redemption:eip155:1']?.error).toBeNull();
    expect(entries[key.redemption('weeth')]!.value).toMatchObject({ protocol: 'ether.fi', open: true, queue: { requests: 3, aheadEth: 1235 }, instant: { eth: 320 } });
    const c = card('weeth', entries);
    // 100,000 a side: x·R/(1 − x) ≈ 2,041 within 2%, 5,263 within 5%, on the best single venue.
    expect(fact(c, 'exit-sellable')!.text).toMatch(/^about 2,0\d\d weETH within 2%, about 5,[12]\d\d weETH within 5%/);
    expect(fact(c, 'exit-sellable')!.sources[0]).toMatchObject({ kind: 'chain', chain: 'eip155:1' });
    expect(fact(c, 'exit')!.text).toMatch(/^10 weETH: 0\.\d\d%, 100 weETH: 0\.\d\d%, 1,000 weETH: 0\.\d\d%$/);
    expect(fact(c, 'exit-venue')!.text).toMatch(/(fluid-dex|uniswap-v3|curve) /);
    expect(fact(c, 'redemption')).toMatchObject({ text: 'Redeem instantly up to 320 ETH at once; otherwise wait in the queue (queue: 1,235 ETH ahead, 3 requests); the contract sets no fixed wait.', fresh: true });
    expect(exitPetal(c)).toMatchObject({ level: 'good', method: 'live', verified: true });
    expect(exitPetal(c).sources.map((s) => (s.kind === 'chain' ? s.function : s.kind))).toContain('nextRequestId()');
  });

  test('rsETH: a paused Kelp queue is red whatever the market; unpaused, the 8-day queue leaves the market yellow', async () => {
    await placeRedemptionPaths(anvil.url, { kelp: { delayDays: 8, requests: 35, aheadEth: 1235, paused: true } });
    let h = harness();
    await h.refresher.runDue();
    let c = card('rseth', (await h.store.read()).entries);
    expect(exitPetal(c)).toMatchObject({ level: 'bad', method: 'live' });
    expect(exitPetal(c).fact).toMatch(/Kelp redemption requests are paused on-chain: the only exit now is selling\.$/);
    await placeRedemptionPaths(anvil.url, { kelp: { delayDays: 8, requests: 35, aheadEth: 1235 } });
    h = harness();
    await h.refresher.runDue();
    c = card('rseth', (await h.store.read()).entries);
    expect(exitPetal(c)).toMatchObject({ level: 'warning', method: 'live' });
    expect(fact(c, 'redemption')!.text).toBe('Redeem at the rate in about 8 days (queue: 1,235 ETH ahead, 35 requests).');
  });

  test('LBTC is sized in BTC: impact at 1, 10 and 50', async () => {
    const h = harness();
    await h.refresher.runDue();
    const c = card('lbtc', (await h.store.read()).entries);
    expect(fact(c, 'exit')!.text).toMatch(/^1 LBTC: [\d.]+%, 10 LBTC: [\d.]+%, 50 LBTC: [\d.]+%$/);
    expect(fact(c, 'redemption')).toBeUndefined();
  });

  test('three hours later, with the chain gone, the quote and the read are grey and the petal falls back to curated', async () => {
    const h = harness();
    await h.refresher.runDue();
    const { entries } = await h.store.read();
    const c = card('weeth', entries, T0 + 181 * 60_000);
    expect(fact(c, 'exit-sellable')!.fresh).toBe(false);
    expect(fact(c, 'redemption')!.fresh).toBe(false);
    expect(exitPetal(c).method).toBe('curated');
  });
});
