// From the Refresher to the Backing petal, on anvil: the backing job reads each protocol's mix at its real address,
// the LayerZero job reads every curated route of rsETH, weETH and pufETH through EndpointV2 and ReceiveUln302
// mocks at LayerZero's addresses; the cache keeps both, and the Backing petal is judged live on them. A single-DVN
// route turns rsETH red; an unread route leaves it grey; a stale read is not used.
import { getAddress, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TOKENS, getToken } from '../../../lib/registry';
import { CONTROLS, lzRoutesOf } from '../../../lib/registry/controls';
import { LZ_DVN_NAMES_ETHEREUM, lzDeployment } from '../../../lib/registry/layerzero';
import { allJobs, type JobContext } from '../../../lib/live/jobs';
import { Refresher } from '../../../lib/live/refresh';
import { LiveStore, type Entries, type KeyValue } from '../../../lib/live/store';
import { tokenLive } from '../../../lib/live/facts';
import { key } from '../../../lib/live/keys';
import { rateWith } from '../../../lib/risk/live';
import { forgetChainIds } from '../../../lib/sources/rpc';
import { startAnvil, type Anvil } from '../../support/anvil';
import { placeContract, placeMulticall3, send } from '../../support/chain';
import { lzEndpointMockAbi, receiveUlnMockAbi } from '../../support/admin-chain';
import { placeBacking } from '../../support/backing-chain';

const T0 = Date.parse('2026-12-01T12:00:00Z');
const ETH = lzDeployment('eip155:1')!;
const dvn = (name: string) => getAddress(Object.entries(LZ_DVN_NAMES_ETHEREUM).find(([, n]) => n === name)![0]);
const TWO = [dvn('LayerZero Labs'), dvn('Nethermind')];
let anvil: Anvil;

function memory(): KeyValue {
  const data: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

async function refresh(at = T0): Promise<Entries> {
  const store = new LiveStore(memory());
  const ctx: JobContext = { tokens: TOKENS, endpoints: { coins: 'http://127.0.0.1:9', yields: 'http://127.0.0.1:9', api: 'http://127.0.0.1:9', rpc: { 'eip155:1': [anvil.url] } }, now: () => new Date(at), timeoutMs: 5_000 };
  const jobs = allJobs().filter((j) => j.id === 'backing:eip155:1' || j.id === 'lz-routes:eip155:1');
  expect(jobs).toHaveLength(2);
  await new Refresher({ store, jobs, context: async () => ctx, now: () => new Date(at) }).runDue();
  const { entries, jobs: states } = await store.read();
  expect(states['backing:eip155:1']?.error).toBeNull();
  expect(states['lz-routes:eip155:1']?.error).toBeNull();
  return entries;
}

const petal = (id: string, entries: Entries, at = T0) => {
  const t = getToken(id)!;
  return rateWith(t, new Date(at), { live: tokenLive(t, entries, new Date(at)), offline: false }).petals.find((p) => p.id === 'backing')!;
};

/** Every curated route of the routed tokens gets `dvns`, except those listed in `except`. */
async function configureRoutes(dvns: Address[], except: Record<string, Address[]> = {}) {
  for (const c of CONTROLS) {
    for (const r of lzRoutesOf(c)) {
      await send(anvil.url, getAddress(ETH.endpoint), lzEndpointMockAbi, 'setDefaultReceiveLibrary', [r.remoteEid, getAddress(ETH.receiveUln302)]);
      await send(anvil.url, getAddress(ETH.receiveUln302), receiveUlnMockAbi, 'setUlnConfig', [r.oapp, r.remoteEid, 15n, except[`${c.token}:${r.remoteEid}`] ?? dvns, [], 0]);
    }
  }
}

beforeAll(async () => {
  anvil = await startAnvil();
  forgetChainIds();
  await placeMulticall3(anvil.url);
  await placeBacking(anvil.url);
  await placeContract(anvil.url, getAddress(ETH.endpoint), 'LzEndpointMock');
  await placeContract(anvil.url, getAddress(ETH.receiveUln302), 'ReceiveUlnMock');
  await configureRoutes(TWO);
}, 120_000);
afterAll(() => anvil?.stop());

describe('backing: Refresher to petal', () => {
  test('the cache keeps each mix and route set with its calls; eETH and weETH share ether.fi’s pool', async () => {
    const e = await refresh();
    expect(e[key.backing('ezeth')]!.value).toMatchObject({ protocol: 'Renzo', totalEth: 2150 });
    expect(e[key.backing('rseth')]!.value).toMatchObject({ protocol: 'Kelp' });
    expect(e[key.backing('weeth')]!.value).toMatchObject({ protocol: 'ether.fi', totalEth: 10_000 });
    expect(e[key.backing('eeth')]!.value).toMatchObject({ protocol: 'ether.fi' });
    expect(e[key.backing('pufeth')]!.value).toMatchObject({ protocol: 'Puffer', totalEth: 4000 });
    expect(e[key.backing('ezeth')]!.source).toMatchObject({ kind: 'chain', contract: '0x74a09653A083691711cF8215a6ab074BB4e99ef5', function: 'calculateTVLs()' });
    const rs = e[key.lzRoutes('rseth')]!.value as { routes: unknown[]; unread: unknown[] };
    expect(rs.routes).toHaveLength(lzRoutesOf(CONTROLS.find((c) => c.token === 'rseth')!).length);
    expect(rs.unread).toEqual([]);
  });

  test('the petals: weETH and pufETH green (native and stETH), rsETH yellow on another LST over 10%, ezETH green on its mix and the dated Hyperlane route fact', async () => {
    const e = await refresh();
    const we = petal('weeth', e);
    expect(we).toMatchObject({ level: 'good', method: 'live', verified: true });
    expect(we.fact).toMatch(/^ether\.fi backing 10,000 ETH: ETH \(validators and pool\) 85%, stETH 15%; 15% is itself a staking token; Every route read needs at least 2 verifiers/);
    expect(we.links!.map((l) => (l.kind === 'chain' ? l.function : ''))).toContain('getTotalPooledEther()');
    expect(petal('pufeth', e)).toMatchObject({ level: 'good', method: 'live' });
    const rs = petal('rseth', e);
    expect(rs.level).toBe('warning');
    expect(rs.fact).toMatch(/^11\.3% of the backing is in other staking tokens \(LST2\)/);
    // Renzo: LST2 is 2.3% and the queues 4.7%, both under 10%; Hyperlane's ISM is not read live, the curated fact is.
    const ez = petal('ezeth', e);
    expect(ez.level).toBe('good');
    expect(ez.fact).toMatch(/; bridge route Hyperlane warp route, every origin → Ethereum lockbox: 2 verifiers\.$/);
    // The curated fact it rests on is linked as its document; a live route read needs none.
    expect(ez.links!.some((l) => l.kind === 'doc' && /hyperlane-monorepo/.test(l.url))).toBe(true);
    expect(we.links!.some((l) => l.kind === 'doc')).toBe(false);
  });

  test('one rsETH route verified by a single DVN turns its petal red, naming the route', async () => {
    await configureRoutes(TWO, { 'rseth:30110': [dvn('LayerZero Labs')] });
    const e = await refresh();
    const rs = petal('rseth', e);
    expect(rs.level).toBe('bad');
    expect(rs.fact).toMatch(/^Route Arbitrum → Ethereum → 0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3 is verified by a single verifier/);
    expect(rs.links!.some((l) => l.kind === 'chain' && l.function === 'getUlnConfig(0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3,30110)')).toBe(true);
    await configureRoutes(TWO);
  });

  test('a read older than three periods is not used: the petal falls back to the curated judge', async () => {
    const e = await refresh();
    const later = T0 + 4 * 3_600_000;
    expect(petal('weeth', e, later)).toMatchObject({ method: 'live' }); // the daily route read is still fresh
    const muchLater = T0 + 4 * 86_400_000;
    expect(petal('weeth', e, muchLater)).toMatchObject({ method: 'curated', level: 'unknown' });
  });
});
