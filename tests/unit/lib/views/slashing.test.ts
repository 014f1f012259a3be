// The card's Slashing section from chain reads: the sentence first, then each figure with its calls; a block ahead
// turned into a date estimate; exact wording where nothing can be read (Babylon, Jito Restaking, Karak), offline,
// or before the first read; and the card still passes its contract with the section in it.
import { describe, expect, test } from 'vitest';
import { getToken, REGISTRY_VERSION } from '../../../../lib/registry';
import { tokenLive } from '../../../../lib/live/facts';
import { key } from '../../../../lib/live/keys';
import { putOk, type Entries } from '../../../../lib/live/store';
import { toCardView } from '../../../../lib/views/build';
import { TokenCardView } from '../../../../lib/views/schema';
import { blockDate, MAX_FIGURE_LINKS, slashingView } from '../../../../lib/views/slashing';
import { AT, AVS, OPERATOR, call, exposure, vault } from '../../../support/slashing-values';

const NOW = new Date(AT);
const view = (id: string, e: Entries, offline = false) => slashingView(getToken(id)!, tokenLive(getToken(id)!, e, NOW), offline);
const fig = (v: ReturnType<typeof view>, id: string) => v!.figures.find((f) => f.id === id)!;
const fns = (sources: Array<{ kind: string; function?: string }>) => sources.map((s) => s.function ?? s.kind);

function cache(): Entries {
  const e: Entries = {};
  putOk(e, key.elExposure('rseth'), { ...exposure(), tokenId: 'rseth' }, call('getMinimumSlashableStake(x)'), AT);
  putOk(e, key.symVault('steaklrt'), vault(), call('networkLimit(x)'), AT);
  return e;
}

describe('EigenLayer read', () => {
  const v = view('rseth', cache());
  test('the sentence, then every figure, each with its calls', () => {
    expect(v).toMatchObject({ state: 'read', layer: 'EigenLayer', fresh: true, complete: true, verified: true, block: '21000000', okAt: AT });
    expect(v!.sentence).toBe("Up to 12% of rsETH's backing can be slashed by 1 AVS; none redistributes.");
    expect(v!.figures.map((f) => f.id)).toEqual(['slashable', 'largest', 'redistributing', 'veto', 'operators', 'pending', 'undelegated']);
    expect(fig(v, 'slashable').text).toBe('12%: 12 ETH of 100 ETH restaked on EigenLayer, in 1 operator set (minimum slashable stake ÷ operator shares, per operator and strategy).');
    expect(fns(fig(v, 'slashable').sources)).toEqual(expect.arrayContaining([expect.stringMatching(/^getMinimumSlashableStake/), expect.stringMatching(/^getOperatorsShares/)]));
    expect(fig(v, 'largest').text).toBe(`AVS ${AVS} (no curated name) can slash 12% of the backing, through 1 operator set (#1: 12%).`);
    expect(fig(v, 'veto').text).toBe('Every slash is veto-gated: a VetoableSlasher with a window of 50400 blocks and a committee.');
    expect(fig(v, 'operators').text).toBe(`2 operators; the largest (${OPERATOR}) holds 60% of the delegated stake (HHI 0.520). 1 slashed before (max magnitude below 1).`);
    expect(fig(v, 'undelegated').text).toBe('0% of the backing (0 ETH) is delegated to no operator: no AVS can slash it.');
  });

  test('a pending allocation shows its block and the estimated date, said to be an estimate', () => {
    expect(blockDate(21_000_300, '21000000', AT)).toBe('2026-11-25');
    expect(blockDate(21_007_200, '21000000', AT)).toBe('2026-11-26');
    expect(fig(v, 'pending').text).toBe(`AVS ${AVS} set #1: +3 ETH slashable through operator ${OPERATOR} from block 21,000,300 (about 2026-11-25, an estimate at 12 s a block). In all 3% more of the backing once they take effect.`);
    expect(fns(fig(v, 'pending').sources)).toEqual([expect.stringMatching(/^getStrategyAllocations/)]);
  });

  test('per-staker calls are capped per figure and counted; the every-call list has the rest', () => {
    const u = fig(v, 'undelegated');
    expect(u.sources.length).toBeLessThanOrEqual(MAX_FIGURE_LINKS);
    expect(u.sources.length + u.moreSources).toBe(10);
    expect(v!.calls.length + v!.moreCalls).toBe(exposure().sources.length);
  });

  test('a redistributing read says how much and where', () => {
    const e: Entries = {};
    putOk(e, key.elExposure('rseth'), { ...exposure({ redistributingPct: 4.5, redistributingEth: 4.5, noVetoPct: 4.5, noVetoEth: 4.5 }), tokenId: 'rseth' }, call('getMinimumSlashableStake(x)'), AT);
    const r = view('rseth', e);
    expect(r!.sentence).toBe("Up to 12% of rsETH's backing can be slashed by 1 AVS; 4.5% can be redistributed.");
    expect(fig(r, 'redistributing').text).toMatch(/^4\.5% of the backing \(4\.5 ETH\) sits in redistributing operator sets/);
    expect(fig(r, 'veto').text).toMatch(/^4\.5% of the backing can be slashed with no veto window/);
  });
});

describe('Symbiotic read', () => {
  test('largest network, all together, where slashed collateral goes, veto, operators not read', () => {
    const v = view('steaklrt', cache());
    expect(v!.sentence).toBe("One network can slash up to 40% of steakLRT's Symbiotic stake; 2 networks together up to 70%; slashed collateral is burned.");
    expect(v!.figures.map((f) => f.id)).toEqual(['slashable', 'limits', 'redistributing', 'veto', 'operators']);
    expect(fig(v, 'slashable').text).toMatch(/can slash up to 40% of the Symbiotic vault's active stake \(1,000 units of collateral\)/);
    expect(fns(fig(v, 'slashable').sources)).toEqual(expect.arrayContaining([expect.stringMatching(/^networkLimit/), 'activeStake()']));
    expect(fig(v, 'limits').text).toBe('2 networks with a limit, adding up to 70% of the stake (the stake is shared: each can slash it up to its own limit).');
    expect(fig(v, 'veto').text).toBe('VetoSlasher with a 3-day veto window; every network has a resolver.');
    expect(fig(v, 'operators').text).toMatch(/^Not read for Symbiotic vaults/);
  });

  test('a legacy vault says nothing can be slashed, and why', () => {
    const e: Entries = {};
    putOk(e, key.symVault('amphreth'), vault({ tokenId: 'amphreth', legacy: true, vault: null, networks: [], largestNetworkPct: 0, sumOfLimitsPct: 0 }), call('symbioticVault()'), AT);
    const v = view('amphreth', e);
    expect(v!.sentence).toBe('Nothing in amphrETH can be slashed: the vault holds no Symbiotic vault (not migrated).');
    expect(v!.figures).toHaveLength(1);
  });
});

describe('where nothing is read', () => {
  test.each([
    ['lbtc', "Nothing about LBTC's slashing exposure can be read from chain: Babylon stakes BTC on Bitcoin and the Babylon chain, which Restake Lens does not read. The petal rests on curated facts."],
    ['fragsol', 'Jito Restaking runs on Solana, where Restake Lens has no slashing reader'],
    ['kweeth', 'Restake Lens has no reader for Karak'],
  ])('%s says exactly that', (id, text) => {
    const v = view(id, {});
    expect(v).toMatchObject({ state: 'unreadable', figures: [], calls: [] });
    expect(v!.sentence).toContain(text);
  });
  test('a token with no restaking layer has no section', () => expect(view('steth', {})).toBeUndefined());
  test('before the first read, and offline', () => {
    expect(view('pufeth', {})).toMatchObject({ state: 'not-yet', layer: 'EigenLayer', sentence: "No chain read of pufETH's slashing exposure has arrived yet." });
    expect(view('rseth', cache(), true)).toMatchObject({ state: 'offline', figures: [] });
  });
});

test('the card carries the section and passes its contract', () => {
  const t = getToken('rseth')!;
  const card = toCardView(t, REGISTRY_VERSION, NOW, { live: tokenLive(t, cache(), NOW), offline: false });
  expect(TokenCardView.safeParse(card).success).toBe(true);
  expect(card.slashingLive?.state).toBe('read');
  expect(card.rating.petals[0]).toMatchObject({ id: 'slashing', method: 'live' });
});
