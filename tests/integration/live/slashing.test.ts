// The slashing jobs end to end against a real chain: anvil with the reader's test contracts at the registry's real
// addresses (tests/support/slashing-state.ts), the whole registry's jobs run through the Refresher into the cache,
// then into TokenLive, the rating and the card view. The staker map fills a slice per run; each run stays inside
// its sub-call budget; an RPC failure keeps the last good values; a stale read falls back to the curated petal.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TOKENS, getToken, REGISTRY_VERSION } from '../../../lib/registry';
import { canonicalDeployment } from '../../../lib/registry/schema';
import { STAKERS } from '../../../lib/registry/stakers';
import { ETHERFI_NODES } from '../../../lib/registry/data/etherfi-nodes';
import type { JobContext } from '../../../lib/live/jobs';
import { Refresher } from '../../../lib/live/refresh';
import { LiveStore, type KeyValue } from '../../../lib/live/store';
import { tokenLive } from '../../../lib/live/facts';
import { key } from '../../../lib/live/keys';
import { ENUMERATION_BUDGET, SLASHING_BUDGET, slashingJobs } from '../../../lib/live/slashing-jobs';
import { REFRESH_BUDGET } from '../../../lib/sources/chain-batch';
import { toCardView } from '../../../lib/views/build';
import { TokenCardView } from '../../../lib/views/schema';
import { startAnvil, type Anvil } from '../../support/anvil';
import { ACTORS, EXPECTED, REGISTRY, placeSlashingState } from '../../support/slashing-state';

let anvil: Anvil;
let pendingEffectBlock = 0;

function memory(): KeyValue {
  const data: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

beforeAll(async () => {
  anvil = await startAnvil();
  ({ pendingEffectBlock } = await placeSlashingState(anvil.url));
}, 120_000);
afterAll(() => anvil?.stop());

function setup(rpc: () => string[]) {
  const store = new LiveStore(memory());
  const context = async (): Promise<JobContext> => ({
    tokens: TOKENS,
    endpoints: { coins: 'http://127.0.0.1:9', yields: 'http://127.0.0.1:9', api: 'http://127.0.0.1:9', rpc: { 'eip155:1': rpc() } },
    now: () => new Date(),
    cached: async () => (await store.read()).entries,
  });
  return { store, refresher: new Refresher({ store, jobs: slashingJobs(), context }) };
}

const stakerSpec = (p: string) => STAKERS.find((s) => s.protocol === p)!;
const fixedAddress = (p: string) => {
  const e = stakerSpec(p).enumerations[0]!;
  return e.kind === 'fixed' ? e.addresses[0] : e.contract.address;
};

test('the state sits at the registry’s own addresses', () => {
  expect(fixedAddress('Renzo')).toBe(REGISTRY.renzoRestakeManager);
  expect(fixedAddress('Kelp')).toBe(REGISTRY.kelpDepositPool);
  expect(fixedAddress('Puffer')).toBe(REGISTRY.pufferProtocol);
  expect(fixedAddress('ether.fi')).toBe(REGISTRY.etherfiRestaker);
  expect(ETHERFI_NODES[0]).toBe(REGISTRY.etherfiNode0);
  expect(canonicalDeployment(getToken('steaklrt')!).address).toBe(REGISTRY.steakLrt);
  expect(canonicalDeployment(getToken('amphreth')!).address).toBe(REGISTRY.amphrEth);
});

test('the three jobs share the refresh budget', () => {
  expect(SLASHING_BUDGET.stakers + SLASHING_BUDGET.exposure + SLASHING_BUDGET.vaults).toBeLessThanOrEqual(REFRESH_BUDGET);
  expect(ENUMERATION_BUDGET).toBeLessThan(SLASHING_BUDGET.stakers);
});

describe('the slashing jobs through the Refresher, into cards', () => {
  const { store, refresher } = setup(() => [anvil.url]);
  const card = async (id: string, now = new Date()) => {
    const t = getToken(id)!;
    const { entries } = await store.read();
    const view = toCardView(t, REGISTRY_VERSION, now, { live: tokenLive(t, entries, now), offline: false });
    expect(TokenCardView.safeParse(view).success, id).toBe(true);
    return view;
  };
  const petal = (v: TokenCardView) => v.rating.petals.find((p) => p.id === 'slashing')!;
  const figure = (v: TokenCardView, id: string) => v.slashingLive!.figures.find((f) => f.id === id)!;
  const fns = (sources: TokenCardView['live']['facts'][number]['sources']) => sources.map((s) => (s.kind === 'chain' ? s.function : s.kind));

  test('the staker map fills in rotation, each run inside its budget', async () => {
    const all = 4 + 2 + 1 + ETHERFI_NODES.length + 7;
    const perRun = Math.floor(SLASHING_BUDGET.stakers / 2);
    let runs = 0;
    const read = async () => Object.keys((await store.read()).entries).filter((k) => k.startsWith('el-staker:')).length;
    // The first run enumerates (part of its budget) and reads the first slice.
    await refresher.run('el-stakers');
    runs++;
    expect(await read()).toBe(Math.floor((SLASHING_BUDGET.stakers - ENUMERATION_BUDGET) / 2));
    // The protocols take turns: after two runs Renzo's, Kelp's and Puffer's stakers are all read, ahead of
    // ether.fi's 475.
    await refresher.run('el-stakers');
    runs++;
    const e2 = (await store.read()).entries;
    for (const s of [...ACTORS.renzoOds, ...ACTORS.kelpNds, ...ACTORS.pufferModules]) expect(e2[key.elStaker(s)]?.okAt, s).toBeTruthy();
    while ((await read()) < all && runs < 40) {
      await refresher.run('el-stakers');
      runs++;
    }
    expect(await read()).toBe(all);
    expect(runs).toBe(1 + Math.ceil((all - Math.floor((SLASHING_BUDGET.stakers - ENUMERATION_BUDGET) / 2)) / perRun));
    const { entries, jobs } = await store.read();
    expect(jobs['el-stakers']).toMatchObject({ failures: 0, error: null });
    // Protocols with no contract on this chain fail alone; the others are listed with their calls.
    expect(entries[key.elStakers('Swell')]).toMatchObject({ value: null, error: { kind: expect.any(String) } });
    expect(entries[key.elStakers('Renzo')]?.value).toMatchObject({ verified: false, stakers: ACTORS.renzoOds.map((address) => ({ address })) });
    expect(entries[key.elStaker(ACTORS.renzoOds[0]!)]?.source).toMatchObject({ kind: 'chain', function: `delegatedTo(${ACTORS.renzoOds[0]})` });
    // One more run re-reads the oldest slice only: the map turns over, it is not re-read whole.
    const okAt = (e: typeof entries) => Object.entries(e).filter(([k]) => k.startsWith('el-staker:')).map(([k, v]) => [k, v.okAt!] as const);
    const oldest = okAt(entries).sort((x, y) => (x[1] < y[1] ? -1 : 1))[0]!;
    await refresher.run('el-stakers');
    const after = new Map(okAt((await store.read()).entries));
    expect(after.get(oldest[0])).not.toBe(oldest[1]);
    expect(okAt(entries).filter(([k, at]) => after.get(k) !== at)).toHaveLength(perRun);
  }, 120_000);

  test('the fast paths fill every token’s read; the cards judge the petal live', async () => {
    await refresher.run('el-exposure');
    await refresher.run('sym-vaults');
    const { jobs, entries } = await store.read();
    expect(jobs['el-exposure']).toMatchObject({ failures: 0 });
    const cost = (id: string) => Number(/(\d+) sub-calls/.exec(jobs[id]!.notes.join(' '))?.[1]);
    expect(cost('el-exposure')).toBeLessThanOrEqual(SLASHING_BUDGET.exposure);
    expect(cost('sym-vaults')).toBeLessThanOrEqual(SLASHING_BUDGET.vaults);
    // 1 getOperatorsShares + 14 getAllocatedSets + 3 getMaxMagnitudes (beacon, stETH, ETHx) + 2 share prices + 3
    // sets + 6 set constants + 4 veto probes (2 slashers) + 14 pending pairs, in 5 eth_calls.
    expect(jobs['el-exposure']!.notes).toContain('fast path: 47 sub-calls in 5 eth_calls');
    // Symbiotic, first run: read, discover, read the new vault again (2 eth_getLogs among 13 requests).
    expect(cost('sym-vaults')).toBe(36);
    // Per-set constants are kept for the next runs.
    expect(Object.keys(entries).filter((k) => k.startsWith('el-set:')).length).toBe(3);
    // The networks were found from the delegator's events in the same run as the vault was first seen.
    expect(entries[key.symNetworks('steaklrt')]?.value).toMatchObject({ reachedHead: true, subnetworks: expect.arrayContaining([expect.stringMatching(/^0x/)]) });

    const ez = await card('ezeth');
    expect(petal(ez)).toMatchObject({ level: EXPECTED.ezeth.level, method: 'live', verified: false });
    expect(petal(ez).fact).toBe('20% of the backing is slashable (10% now, 10% more once pending allocations take effect) (10–50%).');
    expect(ez.slashingLive).toMatchObject({ state: 'read', layer: 'EigenLayer', complete: true, verified: false });
    expect(ez.slashingLive!.sentence).toBe("Up to 10% of ezETH's backing can be slashed by 1 AVS; none redistributes.");
    expect(figure(ez, 'slashable').text).toContain('10%: 20 ETH of 200 ETH restaked on EigenLayer');
    expect(figure(ez, 'operators').text).toContain('4 operators');
    expect(figure(ez, 'operators').text).toContain('HHI 0.250');
    expect(figure(ez, 'pending').text).toContain(`from block ${pendingEffectBlock.toLocaleString('en-US')}`);
    expect(figure(ez, 'pending').text).toMatch(/about \d{4}-\d{2}-\d{2}, an estimate at 12 s a block/);
    expect(figure(ez, 'largest').text).toContain(`AVS ${ACTORS.avsVeto}`);
    expect(fns(figure(ez, 'slashable').sources)).toEqual(expect.arrayContaining([expect.stringMatching(/^getMinimumSlashableStake/), expect.stringMatching(/^getOperatorsShares/)]));

    const rs = await card('rseth');
    expect(petal(rs)).toMatchObject({ level: 'bad', method: 'live', verified: true });
    expect(petal(rs).fact).toBe('14% of the backing can be redistributed: slashed funds go to a third party, not a burn.');
    expect(figure(rs, 'undelegated').text).toContain('32.26% of the backing (50 ETH)');
    expect(fns(figure(rs, 'redistributing').sources)[0]).toMatch(/^isRedistributingOperatorSet/);

    const we = await card('weeth');
    expect(petal(we)).toMatchObject({ level: 'bad', method: 'live' });
    expect(petal(we).fact).toBe('Stake is concentrated in few operators (HHI 0.58, over 0.25).');
    expect(figure(we, 'slashable').text).toContain('3.5%: 10.5 ETH of 300 ETH');
    // 950 per-staker calls: a few linked, the rest counted.
    expect(figure(we, 'undelegated').moreSources).toBeGreaterThan(400);
    expect(petal(we).sources.length).toBeLessThan(40);

    const pf = await card('pufeth');
    expect(petal(pf)).toMatchObject({ level: 'good', method: 'live' });
    expect(petal(pf).fact).toBe('8% of the backing is slashable (at most 10%), none redistributed, every slash veto-gated.');
    expect(figure(pf, 'veto').text).toContain('window of 50400 blocks');

    const st = await card('steaklrt');
    expect(petal(st)).toMatchObject({ level: 'warning', method: 'live' });
    expect(st.slashingLive).toMatchObject({ layer: 'Symbiotic', complete: true });
    expect(st.slashingLive!.sentence).toBe("One network can slash up to 50% of steakLRT's Symbiotic stake; 2 networks together up to 80%; slashed collateral is burned.");
    expect(fns(figure(st, 'slashable').sources)).toEqual(expect.arrayContaining([expect.stringMatching(/^networkLimit/), 'activeStake()']));

    const am = await card('amphreth');
    expect(petal(am)).toMatchObject({ level: 'good', method: 'live' });
    expect(am.slashingLive!.sentence).toBe('Nothing in amphrETH can be slashed: the vault holds no Symbiotic vault (not migrated).');
  }, 120_000);

  test('Babylon, Jito Restaking and Karak tokens say nothing can be read; a plain LST has no section', async () => {
    const withLayer = (l: string) => TOKENS.find((t) => t.layers.some((x) => x.layer === l) && !STAKERS.some((s) => s.tokens.includes(t.id)))!;
    for (const l of ['Babylon', 'Jito Restaking', 'Karak']) {
      const v = await card(withLayer(l).id);
      expect(v.slashingLive, l).toMatchObject({ state: 'unreadable', figures: [] });
      expect(v.slashingLive!.sentence, l).toContain(l);
      expect(petal(v).method, l).toBe('curated');
    }
    expect((await card('steth')).slashingLive).toBeUndefined();
  });

  test('an RPC down keeps the last good values; a read past its time-to-live falls back to the curated petal', async () => {
    let rpc = [anvil.url];
    const faulty = setup(() => rpc);
    // Copy the good cache into a second store whose RPC then goes away.
    const good = await store.read();
    await faulty.store.update((s) => Object.assign(s.entries, good.entries));
    rpc = ['http://127.0.0.1:9'];
    await faulty.refresher.run('el-exposure');
    const { entries, jobs } = await faulty.store.read();
    expect(jobs['el-exposure']).toMatchObject({ failures: 1, error: { kind: expect.any(String) } });
    expect(entries[key.elExposure('ezeth')]).toMatchObject({ okAt: good.entries[key.elExposure('ezeth')]!.okAt, error: { kind: expect.any(String) } });
    const t = getToken('ezeth')!;
    const l = tokenLive(t, entries, new Date());
    expect(l.slashing).toMatchObject({ fresh: true, failing: [expect.any(String)] });
    // Four hours on: past three hourly periods, the section shows the last good value and the petal is curated.
    const later = new Date(Date.now() + 4 * 3_600_000);
    const v = toCardView(t, REGISTRY_VERSION, later, { live: tokenLive(t, entries, later), offline: false });
    expect(v.slashingLive).toMatchObject({ state: 'read', fresh: false, failing: expect.any(String) });
    expect(petal(v).method).toBe('curated');
    // Offline mode: nothing live, and the section says so.
    expect(toCardView(t, REGISTRY_VERSION, new Date(), { live: l, offline: true }).slashingLive).toMatchObject({ state: 'offline' });
  });
});

