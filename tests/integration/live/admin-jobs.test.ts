// The daily admin job end to end against a real chain: anvil holding the admin state of tests/support/admin-state.ts
// at the real addresses of the contracts that matter, the job run through the Refresher into the cache, then into
// TokenLive, the rating and the card view. A changed delay is kept as a "changed, seen on" line; an RPC down keeps the
// last good discovery; a discovery past its TTL no longer judges the petal.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TOKENS, getToken, REGISTRY_VERSION } from '../../../lib/registry';
import type { JobContext } from '../../../lib/live/jobs';
import { Refresher } from '../../../lib/live/refresh';
import { LiveStore, putOk, type KeyValue, type ValueOf } from '../../../lib/live/store';
import { tokenLive } from '../../../lib/live/facts';
import { key } from '../../../lib/live/keys';
import { adminJobs, controlledOn, mergeChanges } from '../../../lib/live/admin-jobs';
import { ADMIN_CHANGES_MAX } from '../../../lib/live/admin-value';
import { ADMIN_DISCOVERY_TTL_MS } from '../../../lib/risk/admin';
import { toCardView } from '../../../lib/views/build';
import { TokenCardView } from '../../../lib/views/schema';
import { startAnvil, type Anvil } from '../../support/anvil';
import { placeMulticall3, send } from '../../support/chain';
import { ownableMockAbi, placeOwned } from '../../support/admin-chain';
import { getAddress } from 'viem';
import { A, EXPECTED, placeAdminState, setTimelockDelay } from '../../support/admin-state';

let anvil: Anvil;

// Faults at uniETH's contracts that matter (Bedrock-Technology/stake@64bcb9e9 README): an implementation slot
// pointing at an address with no code, an ownership cycle, a chain of owners past the depth limit, a reverting owner().
const UNIETH = { token: '0xF1376bceF0f78459C0Ed0ba5ddce976F1ddF51F4', staking: '0x4beFa2aA9c305238AA3E0b5D17eB20C045269E9d', redeem: '0x98169228cB99Ed26c1043eD8Ca53A5Cb371D3B8D', restaking: '0x3F4eaCeb930b0Edfa78a1DFCbaE5c5494E6e9850' } as const;
const t = (n: number) => getAddress(`0x00000000000000000000000000000000000af${n.toString(16).padStart(3, '0')}`);
async function placeFaults(url: string) {
  await placeOwned(url, UNIETH.token, { implementation: t(0xdea), owner: t(0xbee) });
  await placeOwned(url, UNIETH.staking, { owner: t(0xc1a) });
  await placeOwned(url, t(0xc1a), { owner: t(0xc1b) });
  await placeOwned(url, t(0xc1b), { owner: t(0xc1a) });
  const deep = [UNIETH.redeem, t(0xd1), t(0xd2), t(0xd3), t(0xd4), t(0xd5)];
  for (let i = 0; i < deep.length; i++) await placeOwned(url, deep[i]!, { owner: deep[i + 1] ?? t(0xbee) });
  await placeOwned(url, UNIETH.restaking, { owner: t(0xbee) });
  await send(url, UNIETH.restaking, ownableMockAbi, 'setReverting', [true]);
}

function memory(): KeyValue {
  const data: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

beforeAll(async () => {
  anvil = await startAnvil();
  await placeMulticall3(anvil.url);
  await placeAdminState(anvil.url);
  await placeFaults(anvil.url);
}, 120_000);
afterAll(() => anvil?.stop());

const JOB = 'admin:eip155:1';

describe('the admin job through the Refresher, into cards', () => {
  let rpc = () => [anvil.url];
  const store = new LiveStore(memory());
  const context = async (): Promise<JobContext> => ({
    tokens: TOKENS,
    endpoints: { coins: 'http://127.0.0.1:9', yields: 'http://127.0.0.1:9', api: 'http://127.0.0.1:9', rpc: { 'eip155:1': rpc() } },
    now: () => new Date(),
    cached: async () => (await store.read()).entries,
  });
  const refresher = new Refresher({ store, jobs: adminJobs(), context });
  const card = async (id: string, now = new Date()) => {
    const t = getToken(id)!;
    const { entries } = await store.read();
    const view = toCardView(t, REGISTRY_VERSION, now, { live: tokenLive(t, entries, now), offline: false });
    expect(TokenCardView.safeParse(view).success, id).toBe(true);
    return view;
  };
  const petal = (v: TokenCardView) => v.rating.petals.find((p) => p.id === 'admin')!;

  test('one job per chain, for every token with controls', () => {
    expect(adminJobs().map((j) => j.id)).toEqual([JOB]);
    expect(controlledOn(TOKENS, 'eip155:1').map((c) => c.token).sort()).toEqual(['ezeth', 'lbtc', 'pufeth', 'rseth', 'unibtc', 'unieth', 'weeth']);
  });

  test('a run reads every token, through batched JSON-RPC, and the cards judge the Admin petal live', async () => {
    await refresher.run(JOB);
    const { entries, jobs } = await store.read();
    expect(jobs[JOB]).toMatchObject({ failures: 0, error: null });
    const note = jobs[JOB]!.notes.find((n) => n.startsWith('admin discovery:'))!;
    const [, rpcCount, httpCount] = /(\d+) JSON-RPC requests in (\d+) HTTP requests/.exec(note)!.map(Number);
    console.log(`# ${note}`);
    expect(jobs[JOB]!.requests).toBe(rpcCount);
    // Batching: many JSON-RPC requests per HTTP request.
    expect(httpCount).toBeLessThan(rpcCount! / 2);
    for (const id of ['rseth', 'ezeth', 'weeth', 'pufeth', 'lbtc', 'unibtc', 'unieth']) {
      expect(entries[key.admin(id)]?.okAt, id).toBeTruthy();
      expect(entries[key.admin(id)]?.source).toMatchObject({ kind: 'chain', function: 'eth_getCode' });
    }
    for (const [id, want] of Object.entries(EXPECTED)) {
      const p = petal(await card(id));
      expect(p, id).toMatchObject({ level: want.level, method: 'live' });
      expect(p.fact, id).toMatch(want.holder);
      expect(p.fact, id).toContain(want.delay);
    }
    // eETH shares weETH's discovery.
    expect(petal(await card('eeth'))).toMatchObject({ level: 'bad', method: 'live' });
    const rs = petal(await card('rseth'));
    expect(rs.fact).toMatch(/RSETH_OFTAdapter \(LayerZero escrow\) can be upgraded or re-pointed by a 3-of-6 Safe/);
    expect(rs.sources.some((s) => s.kind === 'chain' && s.function === 'owner()' && s.contract === A.kelpOft)).toBe(true);
    // ezETH's RestakeManager and RoleManager addresses are not from Renzo's own repository: never green, flagged.
    expect(petal(await card('ezeth')).verified).toBe(false);
    // LBTC: the deployer key may propose, but only the Safe executes: the 24-hour path is held by the Safe.
    expect(petal(await card('lbtc')).fact).toMatch(/by a 3-of-5 Safe \(0x251a604E8E8f6906d60f8dedC5aAeb8CD38F4892\), with 24 h \(timelock tier 2\)/);
  }, 120_000);

  test('the card’s Admin section: the sentence, each contract with its path hop by hop, pausers apart, what was not read', async () => {
    const rs = (await card('rseth')).adminLive!;
    expect(rs).toMatchObject({ state: 'read', fresh: true, chain: 'eip155:1', verified: true });
    expect(rs.sentence).toMatch(/^Fastest known way to change rsETH: RSETH_OFTAdapter \(LayerZero escrow\) can be upgraded or re-pointed by a 3-of-6 Safe .* with no delay \(timelock tier 4\)\.$/);
    const token = rs.contracts.find((c) => c.address === A.rseth)!;
    expect(token.paths[0]).toMatchObject({ holder: expect.stringMatching(/a 6-of-8 Safe/), delay: '10 days', tier: 1, resolved: true });
    expect(token.paths[0]!.hops.map((h) => [h.from, h.role, h.to])).toEqual([
      [A.rseth, 'proxy admin (EIP-1967 admin slot)', A.kelpProxyAdmin],
      [A.kelpProxyAdmin, 'owner()', A.kelpTimelock],
      [A.kelpTimelock, 'timelock proposer', A.kelpSafe],
    ]);
    expect(token.paths[0]!.hops[0]!.sources[0]).toMatchObject({ kind: 'chain', contract: A.rseth, function: expect.stringMatching(/^eth_getStorageAt\(admin slot/) });
    expect(rs.contracts.find((c) => c.address === A.kelpOft)!.weakest).toBe(true);
    // The curated oracle bypass, with its source; its holder is not named.
    expect(rs.bypasses[0]).toMatchObject({ target: 'rsETH price oracles', verified: false, sources: [expect.objectContaining({ kind: 'doc' })] });
    expect(rs.notRead.some((n) => /rsETH price oracles: a controller whose kind is not readable/.test(n))).toBe(true);
    const we = (await card('weeth')).adminLive!;
    expect(we.pausers).toEqual([expect.objectContaining({ level: 'warning', holder: 'a single key', verified: false })]);
    const weeth = we.contracts.find((c) => c.address === A.weeth)!;
    // The curated hop is no chain read: it says what it is and cites ether.fi's own code.
    expect(weeth.paths[0]!.hops[0]).toMatchObject({ role: expect.stringMatching(/^control held in code \(curated\): weETH is UUPS: _authorizeUpgrade requires RoleRegistry/), to: A.etherfiUpgradeTimelock });
    expect(weeth.paths[0]!.hops[0]!.sources.map((x) => (x.kind === 'doc' ? x.title : ''))).toContain('ether.fi WeETH.sol: _authorizeUpgrade is onlyUpgradeTimelock');
    // Contracts with code but no readable control are said to be not read, never dropped.
    expect(we.notRead.length + we.moreNotRead).toBeGreaterThan(0);
    const pf = (await card('pufeth')).adminLive!;
    expect(pf.pausers).toEqual([expect.objectContaining({ level: 'good', holder: expect.stringMatching(/a 2-of-3 Safe/) })]);
    const lb = (await card('lbtc')).adminLive!;
    expect(lb.contracts.find((c) => c.address === A.lbtc)!.paths.some((p) => /a single key \(0x3F6BF1C36CcBb59eAF8415301a0ceC73c344a079\), executed only by a 3-of-5 Safe/.test(p.holder))).toBe(true);
    const offline = toCardView(getToken('rseth')!, REGISTRY_VERSION, new Date(), { live: null, offline: true });
    expect(offline.adminLive?.state).toBe('offline');
    expect(toCardView(getToken('steth')!, REGISTRY_VERSION, new Date()).adminLive).toBeUndefined();
  });

  test('faults stay contained: the card says what was not read (no code, a cycle, the depth limit, a revert)', async () => {
    const v = (await card('unieth')).adminLive!;
    expect(v.state).toBe('read');
    const lines = v.notRead.join('\n');
    expect(lines).toContain(`implementation ${t(0xdea)} has no code`);
    expect(lines).toMatch(/control loops back/);
    expect(lines).toMatch(/not read: the depth limit was reached/);
    expect(lines).toMatch(/Restaking \(EigenLayer side\): a controller whose kind is not readable/);
    // The token's own path still resolves: an EOA owner with no delay.
    expect(petal(await card('unieth'))).toMatchObject({ level: 'bad', method: 'live' });
  });

  test('a shorter delay is kept as a change, with the date it was seen', async () => {
    await setTimelockDelay(anvil.url, A.kelpTimelock, 9 * 86_400);
    await refresher.run(JOB);
    const v = (await store.read()).entries[key.admin('rseth')]!.value as ValueOf<'admin'>;
    expect(v.changes).toEqual([expect.objectContaining({ address: A.kelpTimelock, kind: 'shorter-delay', from: '864000', to: '777600', weakens: true, seenAt: v.discovery.at })]);
    await setTimelockDelay(anvil.url, A.kelpTimelock, 10 * 86_400);
    await refresher.run(JOB);
    const w = (await store.read()).entries[key.admin('rseth')]!.value as ValueOf<'admin'>;
    expect(w.changes.map((c) => c.kind)).toEqual(['longer-delay', 'shorter-delay']);
    const lines = (await card('rseth')).adminLive!.changes;
    expect(lines[1]).toMatchObject({ text: `shorter delay on ${A.kelpTimelock}: 10 days → 9 days (weakens control)`, weakens: true, seenAt: v.discovery.at });
    expect(lines[1]!.sources[0]).toMatchObject({ kind: 'chain', function: 'getMinDelay()' });
  }, 60_000);

  test('changes are bounded: the newest ten, none older than 90 days', () => {
    const prev = { token: 'x', discovery: { chain: 'eip155:1', block: '1', at: '2026-01-01T00:00:00Z', roots: [], nodes: {}, truncated: [], cycles: [] }, changes: [] } as ValueOf<'admin'>;
    const change = (seenAt: string) => ({ address: A.rseth, kind: 'new-owner' as const, from: 'a', to: 'b', source: null, seenAt, weakens: true });
    const now = new Date('2026-12-01T00:00:00Z');
    const old = { ...prev, changes: [...Array.from({ length: 12 }, () => change('2026-11-30T00:00:00Z')), change('2026-08-01T00:00:00Z')] };
    expect(mergeChanges(old as ValueOf<'admin'>, prev.discovery as never, now)).toHaveLength(ADMIN_CHANGES_MAX);
    expect(mergeChanges({ ...prev, changes: [change('2026-08-01T00:00:00Z')] }, prev.discovery as never, now)).toEqual([]);
  });

  test('the store refuses a discovery outside its bounds, keeping the last good one', async () => {
    const { entries } = await store.read();
    const good = entries[key.admin('rseth')]!;
    const bad = structuredClone(good.value) as ValueOf<'admin'>;
    bad.discovery.block = 'not a block';
    putOk(entries, key.admin('rseth'), bad, good.source!, new Date().toISOString());
    expect(entries[key.admin('rseth')]!.value).toEqual(good.value);
    expect(entries[key.admin('rseth')]!.error?.kind).toBe('implausible');
  });

  test('an RPC down fails the run as a whole and keeps every last good discovery', async () => {
    const before = (await store.read()).entries[key.admin('rseth')]!;
    rpc = () => [`http://127.0.0.1:${1}`];
    await refresher.run(JOB);
    const { entries, jobs } = await store.read();
    expect(jobs[JOB]!.failures).toBe(1);
    expect(entries[key.admin('rseth')]).toMatchObject({ value: before.value, okAt: before.okAt, error: { kind: expect.any(String) } });
    expect(petal(await card('rseth')).method).toBe('live');
    rpc = () => [anvil.url];
  }, 60_000);

  test('a discovery older than the TTL no longer judges the petal: curated or grey, never an old green', async () => {
    const later = new Date(Date.now() + ADMIN_DISCOVERY_TTL_MS + 60_000);
    for (const id of Object.keys(EXPECTED)) {
      const p = petal(await card(id, later));
      expect(p.method, id).toBe('curated');
    }
  });
});

