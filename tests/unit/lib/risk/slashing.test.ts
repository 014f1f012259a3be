// The live Slashing judge (lrt-v0.2 proposal): a table at every threshold edge, the grey rules, and the card's
// plain sentences.
import { describe, expect, test } from 'vitest';
import {
  eigenLayerSentence,
  fromEigenLayer,
  fromSymbiotic,
  judgeSlashingLive,
  symbioticSentence,
  type SlashingFigures,
} from '../../../../lib/risk/slashing';
import type { TokenExposure } from '../../../../lib/sources/eigenlayer';
import type { VaultExposure } from '../../../../lib/sources/symbiotic';

const NOW = new Date('2026-12-01T12:00:00Z');
const TTL = 3 * 3_600_000;
const el = (over: Partial<SlashingFigures> = {}): SlashingFigures => ({
  layer: 'EigenLayer',
  asOf: '2026-12-01T11:00:00Z',
  ttlMs: TTL,
  complete: true,
  unslashable: false,
  exposurePct: 5,
  pendingIncreasePct: 0,
  sumOfLimitsPct: null,
  redistributingPct: 0,
  noVetoPct: 0,
  operatorHhi: 0.1,
  ...over,
});
const sym = (over: Partial<SlashingFigures> = {}): SlashingFigures => el({ layer: 'Symbiotic', operatorHhi: null, pendingIncreasePct: null, sumOfLimitsPct: 50, ...over });
const level = (f: SlashingFigures | null) => judgeSlashingLive(f, NOW).level;

describe('edges', () => {
  test.each([
    // slashable share (EigenLayer unique stake)
    ['exposure 10% is green', el({ exposurePct: 10 }), 'good'],
    ['exposure just over 10% is yellow', el({ exposurePct: 10.0001 }), 'warning'],
    ['exposure 50% is yellow', el({ exposurePct: 50 }), 'warning'],
    ['exposure just over 50% is red', el({ exposurePct: 50.0001 }), 'bad'],
    ['nothing slashable is green', el({ exposurePct: 0 }), 'good'],
    // pending allocations count at their effect block
    ['8% now + 2% pending = 10% is green', el({ exposurePct: 8, pendingIncreasePct: 2 }), 'good'],
    ['8% now + 2.01% pending is yellow', el({ exposurePct: 8, pendingIncreasePct: 2.01 }), 'warning'],
    ['45% now + 6% pending is red', el({ exposurePct: 45, pendingIncreasePct: 6 }), 'bad'],
    ['pending not read: judged on today', el({ exposurePct: 9, pendingIncreasePct: null }), 'good'],
    // redistribution
    ['no redistribution stays green', el({ redistributingPct: 0 }), 'good'],
    ['any redistribution is red', el({ redistributingPct: 0.0001 }), 'bad'],
    // no veto window
    ['no-veto 0% is green', el({ noVetoPct: 0 }), 'good'],
    ['no-veto just above 0 is yellow', el({ noVetoPct: 0.0001 }), 'warning'],
    ['no-veto 10% is yellow', el({ exposurePct: 10, noVetoPct: 10 }), 'warning'],
    ['no-veto just over 10% is red', el({ exposurePct: 10.5, noVetoPct: 10.0001 }), 'bad'],
    // operator concentration
    ['HHI just under 0.15 is green', el({ operatorHhi: 0.1499 }), 'good'],
    ['HHI 0.15 is yellow', el({ operatorHhi: 0.15 }), 'warning'],
    ['HHI 0.25 is yellow', el({ operatorHhi: 0.25 }), 'warning'],
    ['HHI just over 0.25 is red', el({ operatorHhi: 0.2501 }), 'bad'],
    // Symbiotic shared stake: largest single network and the sum of limits
    ['Symbiotic: largest network 10%, limits 100%: green', sym({ exposurePct: 10, sumOfLimitsPct: 100 }), 'good'],
    ['Symbiotic: limits just over 100% are yellow', sym({ exposurePct: 10, sumOfLimitsPct: 100.01 }), 'warning'],
    ['Symbiotic: largest network just over 10% is yellow', sym({ exposurePct: 10.01, sumOfLimitsPct: 20 }), 'warning'],
    ['Symbiotic: largest network just over 50% is red', sym({ exposurePct: 50.01, sumOfLimitsPct: 60 }), 'bad'],
    ['Symbiotic: many small networks over 100% in sum, none large: yellow', sym({ exposurePct: 5, sumOfLimitsPct: 400 }), 'warning'],
    ['Symbiotic: redistribution to the curator is red', sym({ redistributingPct: 20, exposurePct: 20 }), 'bad'],
    ['Symbiotic: unslashable (legacy) is green', sym({ unslashable: true, exposurePct: 0, sumOfLimitsPct: 0 }), 'good'],
  ] as const)('%s', (_, f, want) => {
    expect(level(f)).toBe(want);
  });
});

describe('grey: never green when unknown, partial or stale', () => {
  test.each([
    ['no read', null],
    ['partial read', el({ complete: false })],
    ['stale by one millisecond', el({ asOf: new Date(NOW.getTime() - TTL - 1).toISOString() })],
    ['an unreadable date', el({ asOf: 'yesterday' })],
    ['slashable share unknown', el({ exposurePct: null })],
    ['redistribution unknown', el({ redistributingPct: null })],
    ['veto unknown', el({ noVetoPct: null })],
    ['EigenLayer concentration unknown with stake at risk', el({ operatorHhi: null })],
    ['Symbiotic sum of limits unknown', sym({ sumOfLimitsPct: null })],
    ['a stale unslashable vault', sym({ unslashable: true, asOf: '2026-11-01T00:00:00Z' })],
  ] as const)('%s', (_, f) => {
    expect(level(f)).toBe('unknown');
  });

  test('exactly at the freshness window is still fresh', () => {
    expect(level(el({ asOf: new Date(NOW.getTime() - TTL).toISOString() }))).toBe('good');
  });

  test('facts name the figure and the edge', () => {
    expect(judgeSlashingLive(el({ exposurePct: 30, pendingIncreasePct: 5 }), NOW)).toEqual({
      level: 'warning',
      fact: '35% of the backing is slashable (30% now, 5% more once pending allocations take effect) (10–50%).',
      methodVersion: 'lrt-v0.2',
    });
    expect(judgeSlashingLive(sym({ exposurePct: 60, sumOfLimitsPct: 160 }), NOW).fact).toBe('One network can slash 60% of the stake (over 50%).');
  });
});

const exposure = (over: Partial<TokenExposure>): TokenExposure =>
  ({
    tokenId: 'ezeth',
    block: '1',
    complete: true,
    missing: [],
    backingEth: 1000,
    undelegatedEth: 0,
    undelegatedPct: 0,
    slashableEth: 120,
    slashablePct: 12,
    redistributingEth: 0,
    redistributingPct: 0,
    noVetoEth: 0,
    noVetoPct: 0,
    sets: [],
    largestSet: null,
    largestAvs: null,
    avsCount: 9,
    operators: [],
    operatorCount: 3,
    topOperatorPct: 40,
    operatorHhi: 0.34,
    pending: [],
    pendingIncreasePct: 0,
    pendingMissing: [],
    unreadStakers: [],
    sources: [],
    ...over,
  }) as TokenExposure;

describe('sentences and adapters', () => {
  test('the card sentence for EigenLayer', () => {
    expect(eigenLayerSentence('ezETH', exposure({}))).toBe("Up to 12% of ezETH's backing can be slashed by 9 AVSs; none redistributes.");
    expect(eigenLayerSentence('rsETH', exposure({ slashablePct: 6.634, avsCount: 1, redistributingPct: 4.468 }))).toBe(
      "Up to 6.6% of rsETH's backing can be slashed by 1 AVS; 4.5% can be redistributed.",
    );
    expect(eigenLayerSentence('pufETH', exposure({ slashableEth: 0, slashablePct: 0, avsCount: 0 }))).toBe("None of pufETH's backing can be slashed now: no AVS has stake of it allocated.");
    expect(eigenLayerSentence('ezETH', exposure({ complete: false }))).toMatch(/\(partial read: some calls are missing, so it may be more\)\.$/);
    expect(eigenLayerSentence('ezETH', exposure({ backingEth: 0, slashablePct: null }))).toBe("How much of ezETH's backing can be slashed could not be read.");
  });

  test('the card sentence for Symbiotic', () => {
    const v = { legacy: false, slasher: { kind: 'veto' }, largestNetworkPct: 100, sumOfLimitsPct: 150, redistributingPct: 100, complete: true, networks: [{}, {}] } as unknown as VaultExposure;
    expect(symbioticSentence('steakLRT', v)).toBe(
      "One network can slash up to 100% of steakLRT's Symbiotic stake; 2 networks together up to 150%; slashed collateral goes to an address that is not a burner.",
    );
    expect(symbioticSentence('amphrETH', { ...v, legacy: true })).toBe('Nothing in amphrETH can be slashed: the vault holds no Symbiotic vault (not migrated).');
  });

  test('adapters: an EigenLayer read with no backing is partial; a Symbiotic vault with no slasher is unslashable', () => {
    expect(fromEigenLayer(exposure({ backingEth: 0 }), NOW.toISOString(), TTL).complete).toBe(false);
    const f = fromEigenLayer(exposure({}), NOW.toISOString(), TTL);
    expect(judgeSlashingLive(f, NOW)).toMatchObject({ level: 'bad', fact: expect.stringContaining('HHI 0.34') });
    const v = { legacy: false, slasher: { kind: 'none' }, complete: true, largestNetworkPct: 0, sumOfLimitsPct: 0, redistributingPct: 0, noVetoPct: 0 } as unknown as VaultExposure;
    expect(judgeSlashingLive(fromSymbiotic(v, NOW.toISOString(), TTL), NOW).level).toBe('good');
  });
});
