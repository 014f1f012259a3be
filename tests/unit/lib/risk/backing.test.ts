// The live Backing petal (method lrt-v0.2) at every threshold edge: other staking tokens at 10% and just over,
// the unattributed share at 10% and just over, each bridge input, custody and several layers. Unknown is grey,
// never green; an unverified route fact never gives green.
import { describe, expect, test } from 'vitest';
import type { BackingValue } from '../../../../lib/live/backing-values';
import type { BridgeJudgement } from '../../../../lib/risk/admin';
import {
  BACKING_OTHER_TOKENS_MAX_PCT,
  BACKING_UNATTRIBUTED_MAX_PCT,
  bridgeInput,
  judgeBackingLive,
  otherTokens,
  type BackingInput,
  type BridgeInput,
} from '../../../../lib/risk/backing';

const src = { kind: 'chain' as const, chain: 'eip155:1', contract: '0x74a09653A083691711cF8215a6ab074BB4e99ef5', function: 'calculateTVLs()', block: '1', at: '2026-12-01T00:00:00.000Z' };

/** A mix of 1,000 ETH: native, stETH, another LST and an unattributed part, in percent. */
function mix(native: number, steth: number, other: number, unattributed = 0): BackingValue {
  const part = (label: string, kind: 'native' | 'token' | 'unattributed', p: number, topTier = false) => ({ asset: null, label, kind, topTier, eth: p * 10, pct: p, derived: false, sources: [src] });
  const assets = [part('ETH', 'native', native), part('stETH', 'token', steth, true), part('ETHx', 'token', other), part('queues', 'unattributed', unattributed)].filter((a) => a.pct > 0);
  return { protocol: 'Kelp', chain: 'eip155:1', block: '1', totalEth: 1000, assets, nativePct: native, layeredPct: steth + other, simplePct: native + steth, unattributedPct: unattributed, notes: [], sources: [src] };
}

const judgement = (level: BridgeJudgement['level'], minVerifiers: number | null, fact = 'routes'): BridgeJudgement => ({ level, fact, minVerifiers, weakest: null, links: [] });
const liveBridge = (level: BridgeJudgement['level'], n: number | null): BridgeInput => ({ kind: 'live', judgement: judgement(level, n, `weakest needs ${n}`) });
const input = (over: Partial<BackingInput> = {}): BackingInput => ({ mix: mix(80, 20, 0), layers: ['EigenLayer'], offchainCustody: false, bridge: liveBridge('good', 4), ...over });
const level = (over: Partial<BackingInput>) => judgeBackingLive(input(over)).level;

describe('the mix', () => {
  test('native and stETH only, routes of 4: green, the sentence names the mix and the layered share', () => {
    const j = judgeBackingLive(input());
    expect(j.level).toBe('good');
    expect(j.fact).toMatch(/^Kelp backing 1,000 ETH: ETH 80%, stETH 20%; 20% is itself a staking token; weakest needs 4\.$/);
    expect(j.links).toContainEqual(src);
  });

  test(`other staking tokens at exactly ${BACKING_OTHER_TOKENS_MAX_PCT}% stay green; just over is yellow and named`, () => {
    expect(level({ mix: mix(70, 20, 10) })).toBe('good');
    const j = judgeBackingLive(input({ mix: mix(69.9, 20, 10.1) }));
    expect(j.level).toBe('warning');
    expect(j.fact).toMatch(/^10\.1% of the backing is in other staking tokens \(ETHx\), over 10%/);
    expect(otherTokens(mix(69.9, 20, 10.1)).pct).toBeCloseTo(10.1, 9);
  });

  test('stETH at any share is the top-tier LST: not "other"', () => {
    expect(level({ mix: mix(0, 100, 0) })).toBe('good');
  });

  test(`unattributed at exactly ${BACKING_UNATTRIBUTED_MAX_PCT}% stays green; just over is grey, never yellow or green`, () => {
    expect(level({ mix: mix(70, 20, 0, 10) })).toBe('good');
    const j = judgeBackingLive(input({ mix: mix(69.9, 20, 0, 10.1) }));
    expect(j.level).toBe('unknown');
    expect(j.fact).toMatch(/^10\.1% of the backing is not attributed/);
  });

  test('no mix read: grey; with several layers, yellow on the curated layers alone', () => {
    expect(level({ mix: null })).toBe('unknown');
    expect(level({ mix: null, layers: ['EigenLayer', 'Symbiotic'] })).toBe('warning');
    expect(level({ layers: ['EigenLayer', 'Symbiotic'] })).toBe('warning');
  });
});

describe('custody and bridges', () => {
  test('off-chain custody is red whatever the mix; unknown custody does not block green', () => {
    expect(level({ offchainCustody: true })).toBe('bad');
    expect(level({ offchainCustody: null })).toBe('good');
  });

  test('live routes: 1 verifier red, unread routes grey, 2+ green', () => {
    expect(level({ bridge: liveBridge('bad', 1) })).toBe('bad');
    expect(level({ bridge: liveBridge('unknown', 3) })).toBe('unknown');
    expect(level({ bridge: liveBridge('good', 2) })).toBe('good');
  });

  test('a red route outranks a yellow mix', () => {
    expect(level({ mix: mix(50, 0, 50), bridge: liveBridge('bad', 1) })).toBe('bad');
  });

  test('curated route facts: ≤1 red, 2+ green only when verified', () => {
    expect(level({ bridge: { kind: 'curated', minVerifiers: 1, verified: true, route: 'A → B' } })).toBe('bad');
    expect(level({ bridge: { kind: 'curated', minVerifiers: 0, verified: false, route: 'A → B' } })).toBe('bad');
    expect(level({ bridge: { kind: 'curated', minVerifiers: 2, verified: true, route: 'A → B' } })).toBe('good');
    expect(level({ bridge: { kind: 'curated', minVerifiers: 4, verified: false, route: 'A → B' } })).toBe('unknown');
  });

  test('not bridged: green on the mix; bridging unknown: grey', () => {
    expect(level({ bridge: { kind: 'none' } })).toBe('good');
    expect(level({ bridge: { kind: 'unknown', why: 'not known' } })).toBe('unknown');
  });
});

describe('bridgeInput: the best source known', () => {
  const none = { routes: 0, live: null, facts: [], curated: null };
  test('a fresh live read first; a stale one is not used', () => {
    expect(bridgeInput({ ...none, routes: 3, live: { judgement: judgement('good', 4), fresh: true } }).kind).toBe('live');
    expect(bridgeInput({ ...none, routes: 3, live: { judgement: judgement('good', 4), fresh: false } })).toEqual({ kind: 'unknown', why: 'Its 3 LayerZero routes have not been read.' });
  });
  test('route facts next, the weakest decides and any unverified one makes them unverified', () => {
    const facts = [{ route: 'a', minVerifiers: 4, verified: true }, { route: 'b', minVerifiers: 2, verified: false }];
    expect(bridgeInput({ ...none, routes: 2, facts })).toEqual({ kind: 'curated', minVerifiers: 2, verified: false, route: 'b' });
  });
  test('the curated profile last: not bridged, bridged with a count, bridged without, unknown', () => {
    expect(bridgeInput({ ...none, curated: { bridged: false, minVerifiers: null, verified: true } })).toEqual({ kind: 'none' });
    expect(bridgeInput({ ...none, curated: { bridged: true, minVerifiers: 3, verified: true } })).toMatchObject({ kind: 'curated', minVerifiers: 3 });
    expect(bridgeInput({ ...none, curated: { bridged: true, minVerifiers: null, verified: true } }).kind).toBe('unknown');
    expect(bridgeInput(none).kind).toBe('unknown');
  });
});
