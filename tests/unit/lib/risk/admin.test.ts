// The weakest-path Admin judgement and the bridge verifier rule, at every threshold edge. Discoveries are built
// by hand in the shape lib/sources/admin.ts returns (the chain reads themselves are tested against anvil in
// tests/integration/sources/admin.test.ts).
import { describe, expect, test } from 'vitest';
import { getAddress, type Address } from 'viem';
import { chainSource } from '../../../../lib/provenance';
import type { Classification, Discovery, DiscoveredNode, Edge } from '../../../../lib/sources/admin';
import type { LzRouteSecurity } from '../../../../lib/sources/bridges';
import {
  adminPetal,
  judgeAdminPaths,
  judgeBridgeRoutes,
  judgePause,
  timelockTier,
  weakSafe,
  type CuratedControl,
  type Holder,
} from '../../../../lib/risk/admin';

const DAY = 86_400;
const A = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);
const src = (contract: Address, fn: string) => chainSource('eip155:1', contract, fn, 1n, '2026-11-21T00:00:00.000Z');
const TOKEN = A(0x100);

type Spec = { address: Address; classification?: Classification; controllers?: Array<Omit<Edge, 'source'>>; proxy?: boolean; code?: 'none' | 'contract' };
function discovery(specs: Spec[]): Discovery {
  const nodes: Record<Address, DiscoveredNode> = {};
  specs.forEach((s, i) => {
    nodes[s.address] = {
      address: s.address,
      depth: i,
      reason: i === 0 ? 'root' : 'controller',
      code: { value: s.code ?? (s.classification?.kind === 'key' ? 'none' : 'contract'), source: src(s.address, 'eth_getCode') },
      classification: s.classification ?? { kind: 'owned' },
      proxy: s.proxy === false ? null : i === 0 ? { implementation: { value: A(0x1), source: src(s.address, 'eth_getStorageAt') }, admin: null, beacon: null, beaconImplementation: null } : null,
      controllers: (s.controllers ?? []).map((e) => ({ ...e, source: src(s.address, e.role) })),
      problems: [],
    };
  });
  return { chain: 'eip155:1', block: '1', at: '2026-11-21T00:00:00.000Z', roots: [specs[0]!.address], nodes, truncated: [], cycles: [] };
}
const safeC = (threshold: number, signers: number, modules = 0): Classification => ({
  kind: 'safe',
  threshold: { value: threshold, source: src(A(0x5), 'getThreshold()') },
  owners: { value: Array.from({ length: signers }, (_, i) => A(0x900 + i)), source: src(A(0x5), 'getOwners()') },
  modules: { value: Array.from({ length: modules }, (_, i) => A(0x800 + i)), source: src(A(0x5), 'getModulesPaginated') },
  modulesTruncated: false,
});
const timelockC = (delaySec: number): Classification => ({ kind: 'timelock', minDelaySec: { value: delaySec, source: src(A(0x7), 'getMinDelay()') }, proposersEnumerable: true, anyoneCanExecute: null });
const KEY: Classification = { kind: 'key', delegate: null };

/** token → timelock(delay) → holder. */
function timelocked(delaySec: number, holder: Classification): Discovery {
  return discovery([
    { address: TOKEN, controllers: [{ role: 'owner', to: A(0x7), delaySec: 0 }] },
    { address: A(0x7), classification: timelockC(delaySec), controllers: [{ role: 'proposer', to: A(0x5), delaySec }] },
    { address: A(0x5), classification: holder },
  ]);
}
const judge = (d: Discovery | null, redemptionDays: number | null, curated: CuratedControl[] = []) =>
  judgeAdminPaths({ discovery: d, contracts: [{ address: TOKEN, label: 'the token' }], curated, redemptionDays });

describe('exit window (L2BEAT): delay − redemption; <7 red, 7–30 yellow, ≥30 green', () => {
  test.each([
    [13.99, 7, 'bad', 6.99],
    [14, 7, 'warning', 7],
    [36.99, 7, 'warning', 29.99],
    [37, 7, 'good', 30],
    [3, 7, 'bad', -4],
    [30, 0, 'good', 30],
  ])('delay %s d, redemption %s d → %s (window %s d)', (delayDays, redemption, level, window) => {
    const j = judge(timelocked(Math.round(delayDays * DAY), safeC(4, 7)), redemption);
    expect(j.level).toBe(level);
    expect(j.exitWindowDays).toBeCloseTo(window, 5);
  });

  test.each([
    [6.99 * DAY, 'bad'],
    [7 * DAY, 'unknown'],
  ])('redemption time unknown: delay %s s → %s', (delay, level) => {
    const j = judge(timelocked(delay, safeC(4, 7)), null);
    expect(j.level).toBe(level);
    expect(j.exitWindowDays).toBeNull();
  });
});

describe('who holds the weakest path', () => {
  test.each([
    [safeC(3, 5), 'good'],
    [safeC(4, 7), 'good'],
    [safeC(2, 3), 'warning'], // fewer than 3 signatures
    [safeC(3, 6), 'warning'], // half the signers
    [safeC(4, 7, 1), 'warning'], // a module acts without the signers
    [safeC(1, 4), 'warning'], // 1-of-n is a single key
    [KEY, 'warning'],
  ] as const)('behind a 40-day timelock with 7-day redemption: %o → %s', (holder, level) => {
    expect(judge(timelocked(40 * DAY, holder), 7).level).toBe(level);
  });

  test('a single key with no delay is red and says so', () => {
    const d = discovery([{ address: TOKEN, controllers: [{ role: 'owner', to: A(0xbee), delaySec: 0 }] }, { address: A(0xbee), classification: KEY }]);
    const j = judge(d, 7);
    expect(j.level).toBe('bad');
    expect(j.weakest?.holder).toEqual({ kind: 'key', address: A(0xbee), delegate: null });
    expect(j.timelockTier).toBe(4);
  });

  test.each([
    [3, 5, false],
    [2, 5, true],
    [3, 6, true],
    [4, 7, false],
    [4, 8, true],
    [5, 8, false],
  ])('weakSafe(%s of %s) = %s', (t, n, weak) => expect(weakSafe(t, n)).toBe(weak));
});

describe('timelock tiers (Yearn)', () => {
  test.each([
    [7 * DAY, 1],
    [7 * DAY - 1, 2],
    [DAY, 2],
    [DAY - 1, 3],
    [12 * 3600, 3],
    [12 * 3600 - 1, 4],
    [0, 4],
  ])('%s s → tier %s', (s, tier) => expect(timelockTier(s)).toBe(tier));
});

describe('unknown is grey, never green', () => {
  test('no discovery → grey', () => {
    expect(judge(null, 7).level).toBe('unknown');
  });

  test('a faster path into a contract of unknown kind makes a green grey', () => {
    const d = discovery([
      { address: TOKEN, controllers: [{ role: 'owner', to: A(0x7), delaySec: 0 }, { role: 'authority', to: A(0xdead), delaySec: 0 }] },
      { address: A(0x7), classification: timelockC(40 * DAY), controllers: [{ role: 'proposer', to: A(0x5), delaySec: 40 * DAY }] },
      { address: A(0x5), classification: safeC(4, 7) },
      { address: A(0xdead), classification: { kind: 'unknown' } },
    ]);
    const j = judge(d, 7);
    expect(j.level).toBe('unknown');
    expect(j.fact).toContain('another path may be faster');
  });

  test('an unknown path that already waits longer than the weakest known one does not hide a colour', () => {
    const d = discovery([
      { address: TOKEN, controllers: [{ role: 'owner', to: A(0x7), delaySec: 0 }, { role: 'authority', to: A(0x8), delaySec: 0 }] },
      { address: A(0x7), classification: timelockC(40 * DAY), controllers: [{ role: 'proposer', to: A(0x5), delaySec: 40 * DAY }] },
      { address: A(0x5), classification: safeC(4, 7) },
      { address: A(0x8), classification: timelockC(50 * DAY), controllers: [{ role: 'proposer', to: A(0xdead), delaySec: 50 * DAY }] },
      { address: A(0xdead), classification: { kind: 'unknown' } },
    ]);
    expect(judge(d, 7).level).toBe('good');
  });

  test('a red known path stays red whatever is unknown', () => {
    const d = discovery([
      { address: TOKEN, controllers: [{ role: 'owner', to: A(0xbee), delaySec: 0 }, { role: 'authority', to: A(0xdead), delaySec: 0 }] },
      { address: A(0xbee), classification: KEY },
      { address: A(0xdead), classification: { kind: 'unknown' } },
    ]);
    expect(judge(d, 7).level).toBe('bad');
  });

  test('a proxy with no readable controller is grey', () => {
    const d = discovery([{ address: TOKEN, classification: { kind: 'unknown' } }]);
    expect(judge(d, 7).level).toBe('unknown');
  });

  test('a contract that is not a proxy and has no owner contributes no path', () => {
    const d = discovery([{ address: TOKEN, classification: { kind: 'owned' }, proxy: false }]);
    const j = judge(d, 7);
    expect(j.paths).toEqual([]);
    expect(j.level).toBe('unknown');
  });
});

describe('curated bypasses and pausers', () => {
  const community: Holder = { kind: 'safe', address: null, threshold: 3, signers: 5, modules: 0 };
  const bypass = (delaySec: number, verified: boolean): CuratedControl => ({
    kind: 'upgrade',
    target: 'pufETH',
    what: 'Community multisig upgrades through the AccessManager',
    holder: community,
    delaySec,
    verified,
    sources: ['puf-acl'],
  });

  test('a zero-delay curated bypass is the weakest path: red', () => {
    const j = judge(timelocked(40 * DAY, safeC(4, 7)), 7, [bypass(0, true)]);
    expect(j.level).toBe('bad');
    expect(j.weakest?.curated?.sources).toEqual(['puf-acl']);
    expect(j.fact).toContain('Community multisig');
  });

  test('an unverified bypass can make a petal red, never green', () => {
    expect(judge(timelocked(40 * DAY, safeC(4, 7)), 7, [bypass(0, false)]).level).toBe('bad');
    expect(judge(timelocked(50 * DAY, safeC(4, 7)), 7, [bypass(45 * DAY, false)]).level).toBe('unknown');
  });

  const pauser = (holder: Holder): CuratedControl => ({ kind: 'pause', target: 'withdrawals', what: 'PAUSER_ROLE', holder, delaySec: 0, verified: true, sources: ['x'] });

  test.each([
    [{ kind: 'key', address: null, delegate: null } as Holder, 'warning'],
    [{ kind: 'safe', address: null, threshold: 1, signers: 3, modules: 0 } as Holder, 'warning'],
    [{ kind: 'safe', address: null, threshold: 2, signers: 11, modules: 0 } as Holder, 'good'],
  ])('pauser %o: pause line %s', (holder, level) => {
    expect(judgePause([pauser(holder)])?.level).toBe(level);
  });

  test('a single-key pauser turns a green Admin petal yellow, and does not soften a red one', () => {
    const key: Holder = { kind: 'key', address: null, delegate: null };
    const green = judge(timelocked(40 * DAY, safeC(4, 7)), 7, [pauser(key)]);
    expect(green.level).toBe('warning');
    expect(green.pause?.fact).toContain('single key can pause');
    expect(judge(timelocked(DAY, safeC(4, 7)), 7, [pauser(key)]).level).toBe('bad');
    expect(judgePause([])).toBeNull();
  });
});

describe('bridge routes: required + optional threshold ≤ 1 is red', () => {
  const route = (n: number, blocked = false): LzRouteSecurity => ({
    route: { oapp: A(0xa), remoteEid: 30100 + n },
    library: { value: A(0xb), source: src(A(0xe), 'getReceiveLibrary') },
    isDefaultLibrary: true,
    blocked,
    delegate: { value: null, source: src(A(0xe), 'delegates') },
    confirmations: 15,
    requiredDVNs: Array.from({ length: n }, (_, i) => A(0xd0 + i)),
    optionalDVNs: [],
    optionalDVNThreshold: 0,
    minVerifiers: n,
    config: src(A(0xb), 'getUlnConfig'),
  });
  test.each([
    [[0], 'bad'],
    [[1], 'bad'],
    [[2], 'good'],
    [[4, 1], 'bad'],
    [[4, 2], 'good'],
  ])('routes with %o verifiers → %s', (ns, level) => {
    expect(judgeBridgeRoutes(ns.map((n) => route(n)), 0).level).toBe(level);
  });
  test('unread routes keep an acceptable read grey; a blocked route does not count', () => {
    expect(judgeBridgeRoutes([route(4)], 1).level).toBe('unknown');
    expect(judgeBridgeRoutes([route(4)], 1).minVerifiers).toBe(4);
    expect(judgeBridgeRoutes([route(1, true)], 0).level).toBe('unknown');
    expect(judgeBridgeRoutes([], 0).level).toBe('unknown');
  });
});

describe('timelock executors: a restricted executor set gates a proposer', () => {
  const tl = (open: boolean | null): Classification => ({
    kind: 'timelock',
    minDelaySec: { value: 40 * DAY, source: src(A(0x7), 'getMinDelay()') },
    proposersEnumerable: false,
    anyoneCanExecute: open === null ? null : { value: open, source: src(A(0x7), 'hasRole(EXECUTOR_ROLE,0x0)') },
  });
  const gated = (open: boolean | null, executor: Classification | null) =>
    discovery([
      { address: TOKEN, controllers: [{ role: 'owner', to: A(0x7), delaySec: 0 }] },
      {
        address: A(0x7),
        classification: tl(open),
        controllers: [{ role: 'proposer', to: A(0xbee), delaySec: 40 * DAY }, ...(executor ? [{ role: 'executor' as const, to: A(0x5), delaySec: 0 }] : [])],
      },
      { address: A(0xbee), classification: KEY },
      ...(executor ? [{ address: A(0x5), classification: executor }] : []),
    ]);
  test.each([
    ['restricted, executed by a 4-of-7 Safe: the key proposer is not the holder', false, safeC(4, 7), 'good'],
    ['anyone may execute: the key decides', true, safeC(4, 7), 'warning'],
    ['executor rule not read: no credit', null, safeC(4, 7), 'warning'],
    ['restricted, but the executor is a weak 2-of-3 Safe', false, safeC(2, 3), 'warning'],
    ['restricted, executor of unknown kind: no credit', false, { kind: 'unknown' } as Classification, 'warning'],
    ['restricted, no executor known: no credit', false, null, 'warning'],
  ] as const)('%s → %s', (_, open, executor, level) => {
    expect(judge(gated(open, executor), 7).level).toBe(level);
  });
});

describe('freshness and the petal', () => {
  const d = timelocked(40 * DAY, safeC(4, 7)); // read at 2026-11-21T00:00:00Z
  const at = (iso: string) => judgeAdminPaths({ discovery: d, contracts: [{ address: TOKEN, label: 'the token' }], curated: [], redemptionDays: 7, now: new Date(iso) });
  test.each([
    ['2026-11-22T23:59:59Z', 'good'],
    ['2026-11-23T00:00:00Z', 'good'],
    ['2026-11-23T00:00:01Z', 'unknown'],
  ])('a discovery read 2026-11-21 judged at %s → %s (TTL 2 days)', (now, level) => {
    const j = at(now);
    expect(j.level).toBe(level);
    if (level === 'unknown') {
      expect(j.fact).toContain('stale');
      expect(j.asOf).toBeNull();
    } else expect(j.asOf).toBe('2026-11-21T00:00:00.000Z');
  });

  test('adminPetal: live, with the weakest path’s reads as links', () => {
    const p = adminPetal(at('2026-11-21T12:00:00Z'));
    expect(p).toMatchObject({ id: 'admin', label: 'Admin and upgrade control', level: 'good', method: 'live', asOf: '2026-11-21T00:00:00.000Z', verified: true });
    expect(p.links!.map((l) => (l.kind === 'chain' ? l.function : ''))).toEqual(['owner', 'proposer']);
    expect(adminPetal(judge(null, 7))).toMatchObject({ level: 'unknown', method: 'curated', asOf: null, links: [] });
  });
});

describe('a curated controller with no code on chain (issue 16 wiring)', () => {
  test('is unresolved, never a key: the chain does not match the source', () => {
    const d = discovery([
      { address: TOKEN, controllers: [{ role: 'curated', to: A(0x7), delaySec: 0, note: 'UUPS: role check in a registry' }] },
      { address: A(0x7), classification: KEY, code: 'none' },
    ]);
    const j = judge(d, 7);
    expect(j.weakest).toBeNull();
    expect(j.level).toBe('unknown');
    expect(j.paths[0]!.holder).toEqual({ kind: 'unresolved', address: A(0x7), why: 'the curated controller has no code on chain' });
  });

  test('an owner with no code is still a key (an EOA)', () => {
    const d = discovery([{ address: TOKEN, controllers: [{ role: 'owner', to: A(0x7), delaySec: 0 }] }, { address: A(0x7), classification: KEY, code: 'none' }]);
    expect(judge(d, 7).weakest?.holder.kind).toBe('key');
  });
});
