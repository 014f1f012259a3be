// The Slashing petal with live inputs: a fresh chain read is judged by judgeSlashingLive (method `live`, its calls
// as links, per-staker calls capped), an unverified staker list is never green, and without a fresh read the
// curated rule applies. The method version is lrt-v0.2.
import { describe, expect, test } from 'vitest';
import { getToken } from '../../../../lib/registry';
import { FRESH_MIN, tokenLive } from '../../../../lib/live/facts';
import { key } from '../../../../lib/live/keys';
import { putOk, type Entries } from '../../../../lib/live/store';
import { MAX_STAKER_LINKS, keySources, liveRisk, rateWith } from '../../../../lib/risk/live';
import { judgeSlashing } from '../../../../lib/risk/rate';
import { METHOD_VERSION } from '../../../../lib/risk/types';
import { AT, call, exposure, vault } from '../../../support/slashing-values';
import type { TokenProfile } from '../../../../lib/registry/schema';
import type { TokenLive } from '../../../../lib/live/facts';
import { chainSource } from '../../../../lib/provenance';

const NOW = new Date(AT);
const petal = (id: string, e: Entries, now = NOW) => {
  const t = getToken(id)!;
  return rateWith(t, now, { live: tokenLive(t, e, now), offline: false }).petals.find((p) => p.id === 'slashing')!;
};
const withExposure = (tokenId: string, over: Parameters<typeof exposure>[0] = {}) => {
  const e: Entries = {};
  putOk(e, key.elExposure(tokenId), { ...exposure(over), tokenId }, call('getMinimumSlashableStake(x)'), AT);
  return e;
};

test('the method is lrt-v0.2', () => expect(METHOD_VERSION).toBe('lrt-v0.2'));

describe('the Slashing petal from a fresh chain read', () => {
  test('judged live: level and fact from the read, its calls as links', () => {
    const p = petal('rseth', withExposure('rseth'));
    expect(p).toMatchObject({ method: 'live', asOf: AT, verified: true, level: 'bad', fact: 'Stake is concentrated in few operators (HHI 0.52, over 0.25).' });
    expect(p.links!.map((s) => (s.kind === 'chain' ? s.function : ''))).toEqual(expect.arrayContaining([expect.stringMatching(/^getMinimumSlashableStake/), expect.stringMatching(/^getSlasher/)]));
  });

  test('per-staker calls past a few are left out of the links', () => {
    const links = liveRisk(getToken('rseth')!, tokenLive(getToken('rseth')!, withExposure('rseth'), NOW)).slashing!.links;
    const perStaker = links.filter((s) => s.kind === 'chain' && /^(delegatedTo|getWithdrawableShares)\(/.test(s.function));
    expect(perStaker).toHaveLength(MAX_STAKER_LINKS);
    expect(keySources(exposure().sources)).toHaveLength(exposure().sources.length - 20 + MAX_STAKER_LINKS);
  });

  test('green needs a verified staker list: Renzo’s is not, so a green read is grey', () => {
    const green = { operatorHhi: 0.1, slashablePct: 5, slashableEth: 5, pendingIncreasePct: 0 };
    expect(petal('rseth', withExposure('rseth', green))).toMatchObject({ level: 'good', method: 'live' });
    expect(petal('ezeth', withExposure('ezeth', green))).toMatchObject({ level: 'unknown', method: 'live', verified: false, fact: expect.stringContaining('(staker contract list unverified)') });
    // A warning stands even when unverified.
    expect(petal('ezeth', withExposure('ezeth', { ...green, slashablePct: 20 }))).toMatchObject({ level: 'warning', verified: false });
  });

  test('a partial read is grey, live', () => {
    expect(petal('rseth', withExposure('rseth', { complete: false, missing: ['staker 0x1: not in the staker map yet'] }))).toMatchObject({ level: 'unknown', method: 'live' });
  });

  test('a Mellow vault is judged on its largest network and the sum of its limits', () => {
    const e: Entries = {};
    putOk(e, key.symVault('steaklrt'), vault({ largestNetworkPct: 40, sumOfLimitsPct: 120 }), call('networkLimit(x)'), AT);
    expect(petal('steaklrt', e)).toMatchObject({ level: 'warning', method: 'live', fact: 'One network can slash 40% of the stake (10–50%).' });
    putOk(e, key.symVault('steaklrt'), vault({ largestNetworkPct: 8, sumOfLimitsPct: 100.01 }), call('networkLimit(x)'), AT);
    expect(petal('steaklrt', e).fact).toMatch(/add up to 100%/);
  });

  test('past its time-to-live the curated rule applies again', () => {
    const later = new Date(NOW.getTime() + FRESH_MIN.slashing * 60_000 + 1);
    const p = petal('rseth', withExposure('rseth'), later);
    expect(p.method).toBe('curated');
    expect(p.fact).toContain(judgeSlashing(getToken('rseth')!).fact.slice(0, 30));
  });

  test('a slower refresh interval keeps the read judged for three of its periods', () => {
    const t = getToken('rseth')!;
    const later = new Date(NOW.getTime() + 5 * 3_600_000);
    const p = rateWith(t, later, { live: tokenLive(t, withExposure('rseth'), later, undefined, { refreshMinutes: 1440 }), offline: false }).petals[0]!;
    expect(p).toMatchObject({ id: 'slashing', method: 'live', level: 'bad' });
  });

  test('offline mode uses no live read', () => {
    const t = getToken('rseth')!;
    expect(rateWith(t, NOW, { live: tokenLive(t, withExposure('rseth'), NOW), offline: true }).petals[0]!.method).toBe('curated');
  });
});

// liveRisk's Exit inputs: the stored quote becomes MarketInput, the live redemption read (while fresh) or the
// curated facts (verified, within the curated age limit) become RedemptionInput, and rate() judges them by lrt-v0.2.
const EXIT_NOW = new Date('2026-11-20T12:00:00Z');
const exitAt = EXIT_NOW.toISOString();
const weeth = getToken('weeth')!;
const nftCall = (fn: string) => chainSource('eip155:1', '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c', fn, 100n, exitAt);
const quoteCall = chainSource('eip155:1', '0x86f874212335Af27C41cDb855C2255543d1499cE', 'estimateSwapIn(address,bool,uint256,uint256)', 100n, exitAt);
const venue = 'fluid-dex weETH/ETH 0x86f8…';

function exitFact(within2: number | null, within5: number | null, fresh = true) {
  const s = (size: number | null) => ({ size, basis: 'interpolated' as const, venue });
  return {
    value: {
      venue,
      impactPct: { '10': 0.1, '100': 0.5, '1000': 3 },
      bestVenue: { '10': venue, '100': venue, '1000': venue },
      sellable: { '2': s(within2), '5': s(within5) },
      denomination: 'ETH' as const,
      reported: [10, 100, 1000],
      venues: [{ venue, exitAsset: 'ETH', impactPct: { '10': 0.1 }, sellable: { '2': s(within2), '5': s(within5) }, source: quoteCall }],
      skipped: [],
    },
    okAt: exitAt,
    sources: [quoteCall],
    fresh,
    failing: [],
  };
}
function redemptionFact(open: boolean | null, delayDays: number | null, fresh = true) {
  return {
    value: { protocol: 'ether.fi', open, instant: null, queue: { requests: 3, aheadEth: 120 }, delayDays, estimate: `Redeem at the rate in about ${delayDays} days (queue: 120 ETH ahead, 3 requests).`, sources: [nftCall('paused()'), nftCall('nextRequestId()')], block: '100' },
    okAt: exitAt,
    sources: [nftCall('paused()'), nftCall('nextRequestId()')],
    fresh,
    failing: [],
  };
}
const live = (x: Partial<TokenLive>): TokenLive => ({ rate: null, supply: null, price: null, peg: null, apy: null, tvl: null, exit: null, missing: [], ...x });
const withCurated = (x: Partial<NonNullable<TokenProfile['risk']['exit']>> | null): TokenProfile => ({
  ...weeth,
  risk: { ...weeth.risk, exit: x === null ? null : { slippagePct: null, redemptionsOpen: true, primaryExitDays: 7, asOf: '2026-11-01', verified: true, sources: ['etherfi-docs'], ...x } },
});
const exitPetal = (t: TokenProfile, l: TokenLive) => rateWith(t, EXIT_NOW, { live: l, offline: false }).petals.find((p) => p.id === 'exit')!;

describe('liveRisk: Exit inputs', () => {
  test('a fresh quote becomes MarketInput with its venue call as the link', () => {
    const r = liveRisk(weeth, live({ exit: exitFact(1500, 9000) }), EXIT_NOW);
    expect(r.exitPetal?.market).toMatchObject({ denomination: 'ETH', symbol: 'weETH', within2: { size: 1500 }, within5: { size: 9000 }, via: 'chain', venueChecked: true, fresh: true });
    expect(r.exitPetal?.links).toEqual([quoteCall]);
  });
  test('the live redemption read beats the curated facts while fresh', () => {
    const r = liveRisk(withCurated({ redemptionsOpen: false }), live({ exit: exitFact(1500, 9000), redemption: redemptionFact(true, 5) }), EXIT_NOW);
    expect(r.exitPetal?.redemption).toMatchObject({ open: true, delayDays: 5, method: 'live', fresh: true });
    expect(r.exitPetal?.links).toContainEqual(nftCall('paused()'));
  });
  test('a stale live read falls back to the curated facts, fresh only when verified and within 90 days', () => {
    const stale = live({ exit: exitFact(1500, 9000), redemption: redemptionFact(true, 5, false) });
    expect(liveRisk(withCurated({}), stale, EXIT_NOW).exitPetal?.redemption).toMatchObject({ method: 'curated', open: true, delayDays: 7, fresh: true });
    expect(liveRisk(withCurated({ verified: false }), stale, EXIT_NOW).exitPetal?.redemption).toMatchObject({ method: 'curated', fresh: false });
    expect(liveRisk(withCurated({ asOf: '2026-08-21' }), stale, EXIT_NOW).exitPetal?.redemption).toMatchObject({ method: 'curated', fresh: false });
    expect(liveRisk(withCurated({ asOf: '2026-08-23' }), stale, EXIT_NOW).exitPetal?.redemption).toMatchObject({ method: 'curated', fresh: true });
  });
  test('nothing live and fresh: no live exit input, the curated petal stands', () => {
    expect(liveRisk(weeth, live({ exit: exitFact(1500, 9000, false), redemption: redemptionFact(true, 5, false) }), EXIT_NOW).exitPetal).toBeUndefined();
    expect(exitPetal(weeth, live({ exit: exitFact(1500, 9000, false) })).method).toBe('curated');
  });
});

describe('rate(): the Exit petal by lrt-v0.2', () => {
  test('deep market and a strong redemption: green, live, with both sources', () => {
    const p = exitPetal(weeth, live({ exit: exitFact(1500, 9000), redemption: redemptionFact(true, 5) }));
    expect(p).toMatchObject({ level: 'good', method: 'live', verified: true });
    expect(p.fact).toBe('about 1,500 weETH sellable within 2% and about 9,000 weETH within 5%. Redeem at the rate in about 5 days (queue: 120 ETH ahead, 3 requests).');
    expect(p.links).toEqual([quoteCall, nftCall('paused()'), nftCall('nextRequestId()')]);
  });
  test('paused redemption is red whatever the market', () => {
    expect(exitPetal(weeth, live({ exit: exitFact(1500, 9000), redemption: redemptionFact(false, 5) })).level).toBe('bad');
  });
  test('under 100 weETH within 5% is red; a strong redemption lifts it one step', () => {
    expect(exitPetal(withCurated(null), live({ exit: exitFact(20, 99) })).level).toBe('bad');
    expect(exitPetal(weeth, live({ exit: exitFact(20, 99), redemption: redemptionFact(true, 7) })).level).toBe('warning');
  });
  test('a live redemption alone, market not quoted: strong redemption with unknown market stays grey', () => {
    const p = exitPetal(weeth, live({ redemption: redemptionFact(true, 5) }));
    expect(p).toMatchObject({ level: 'unknown', method: 'live' });
    expect(p.fact).toMatch(/^Market depth is not known\. Redeem at the rate/);
  });
});
