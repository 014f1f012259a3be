// The exit cross-check wired end to end against a local server answering in KyberSwap's route-API shape: the
// scheduled job quotes the whole registry's traded restaking tokens (never an LST, never because of a page), the
// card shows the route labelled as an off-chain aggregator route with its requests as sources, and the Exit petal
// takes it only without a fresh on-chain quote, never above yellow.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { getToken, REGISTRY_VERSION, TOKENS } from '../../../lib/registry';
import { allJobs, type JobContext } from '../../../lib/live/jobs';
import { Refresher } from '../../../lib/live/refresh';
import { LiveStore, type KeyValue } from '../../../lib/live/store';
import { tokenLive } from '../../../lib/live/facts';
import { key, routable } from '../../../lib/live/keys';
import { toCardView } from '../../../lib/views/build';
import { hostPatterns, DEFAULT_ENDPOINTS } from '../../../lib/sources/endpoints';
import { startKyberServer, type KyberServer } from '../../support/kyberswap-server';

const ETH = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
const E18 = 10n ** 18n;
const T0 = Date.parse('2026-11-28T12:00:00Z');
const ezeth = getToken('ezeth')!;
const rseth = getToken('rseth')!;
const steth = getToken('steth')!;

let k: KyberServer;
beforeAll(async () => {
  k = await startKyberServer();
});
afterAll(() => k?.stop());
beforeEach(() => {
  k.requests.length = 0;
  // ezETH deep (50,000 ETH a side), rsETH thin (300 ETH a side).
  k.setPool({ tokenIn: ezeth.deployments[0]!.address, tokenOut: ETH, reserveIn: 50_000n * E18, reserveOut: 50_000n * E18 });
  k.setPool({ tokenIn: rseth.deployments[0]!.address, tokenOut: ETH, reserveIn: 300n * E18, reserveOut: 300n * E18 });
});

function memory(): KeyValue {
  const data: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries(keys.filter((x) => x in data).map((x) => [x, structuredClone(data[x])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

async function refresh(tokens = [ezeth, rseth, steth], aggregator: string | null = k.base) {
  const store = new LiveStore(memory());
  const ctx: JobContext = {
    tokens,
    endpoints: { coins: 'http://127.0.0.1:9', yields: 'http://127.0.0.1:9', api: 'http://127.0.0.1:9', rpc: {}, ...(aggregator ? { aggregator } : {}) },
    now: () => new Date(T0),
    timeoutMs: 2_000,
    aggregatorPauseMs: 0,
  };
  const refresher = new Refresher({ store, jobs: allJobs().filter((j) => j.id === 'aggregator'), context: async () => ctx, now: () => new Date(T0) });
  await refresher.runDue();
  return store.read();
}

test('the job quotes each traded restaking token, never an LST; the card labels the route and cites every request', async () => {
  const { entries, jobs } = await refresh();
  expect(jobs.aggregator?.error).toBeNull();
  expect(jobs.aggregator?.requests).toBe(8); // two tokens × (reference + 3 sizes)
  expect(entries[key.route('steth')]).toBeUndefined();
  expect(k.requests.every((r) => r.query.tokenIn !== steth.deployments[0]!.address)).toBe(true);
  const now = new Date(T0);
  const card = toCardView(ezeth, REGISTRY_VERSION, now, { live: tokenLive(ezeth, entries, now, steth), offline: false });
  const f = card.live.facts.find((x) => x.id === 'exit-route')!;
  expect(f.label).toBe('Aggregator route (KyberSwap, off-chain)');
  expect(f.text).toMatch(/^at least 1,000 ezETH within 2%, at least 1,000 ezETH within 5%; impact 10 ezETH: 0\.0\d%, 100 ezETH: 0\.\d\d%, 1,000 ezETH: [12]\.\d\d%$/);
  expect(f.sources).toHaveLength(4);
  expect(f.sources.every((s) => s.kind === 'api' && s.url.startsWith(`${k.base}/api/v1/routes?tokenIn=${ezeth.deployments[0]!.address}`))).toBe(true);
});

test('without an on-chain quote, a deep route alone is yellow (never green) and a thin one red', async () => {
  const { entries } = await refresh();
  const now = new Date(T0);
  const petal = (t: typeof ezeth) => toCardView(t, REGISTRY_VERSION, now, { live: tokenLive(t, entries, now, steth), offline: false }).rating.petals.find((p) => p.id === 'exit')!;
  const ez = petal(ezeth);
  expect(ez.level).not.toBe('good');
  expect(ez.fact).toContain('(aggregator route)');
  const rs = petal(rseth);
  expect(rs.level).toBe('bad');
  expect(rs.fact).toMatch(/within 5% \(aggregator route\): under 100 rsETH within 5%/);
});

test('no aggregator endpoint configured: the job asks nothing and the card has no route line', async () => {
  const { entries, jobs } = await refresh([ezeth], null);
  expect(k.requests).toHaveLength(0);
  expect(jobs.aggregator?.requests ?? 0).toBe(0);
  expect(entries[key.route('ezeth')]).toBeUndefined();
});

test('the default endpoints include KyberSwap, so the manifest asks for its host; the routable set is the traded restaking tokens', () => {
  expect(DEFAULT_ENDPOINTS.aggregator).toBe('https://aggregator-api.kyberswap.com/ethereum');
  expect(hostPatterns()).toContain('https://aggregator-api.kyberswap.com/*');
  const ids = routable(TOKENS).map((t) => t.id);
  expect(ids).toEqual(expect.arrayContaining(['ezeth', 'weeth', 'rseth', 'pufeth', 'lbtc']));
  expect(ids).not.toContain('steth');
  // 4 requests a token, 500 ms apart: the whole registry's run stays near a minute.
  expect(ids.length * 4 * 0.5).toBeLessThan(90);
});
