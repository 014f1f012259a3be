// liveRisk's Exit inputs: the stored quote becomes MarketInput, the live redemption read (while fresh) or the
// curated facts (verified, within the curated age limit) become RedemptionInput, and rate() judges them by lrt-v0.2.
import { describe, expect, test } from 'vitest';
import { getToken } from '../../../../lib/registry';
import type { TokenProfile } from '../../../../lib/registry/schema';
import type { TokenLive } from '../../../../lib/live/facts';
import { liveRisk, rateWith } from '../../../../lib/risk/live';
import { chainSource } from '../../../../lib/provenance';

const NOW = new Date('2026-11-20T12:00:00Z');
const at = NOW.toISOString();
const weeth = getToken('weeth')!;
const call = (fn: string) => chainSource('eip155:1', '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c', fn, 100n, at);
const quoteCall = chainSource('eip155:1', '0x86f874212335Af27C41cDb855C2255543d1499cE', 'estimateSwapIn(address,bool,uint256,uint256)', 100n, at);
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
    okAt: at,
    sources: [quoteCall],
    fresh,
    failing: [],
  };
}
function redemptionFact(open: boolean | null, delayDays: number | null, fresh = true) {
  return {
    value: { protocol: 'ether.fi', open, instant: null, queue: { requests: 3, aheadEth: 120 }, delayDays, estimate: `Redeem at the rate in about ${delayDays} days (queue: 120 ETH ahead, 3 requests).`, sources: [call('paused()'), call('nextRequestId()')], block: '100' },
    okAt: at,
    sources: [call('paused()'), call('nextRequestId()')],
    fresh,
    failing: [],
  };
}
const live = (x: Partial<TokenLive>): TokenLive => ({ rate: null, supply: null, price: null, peg: null, apy: null, tvl: null, exit: null, missing: [], ...x });
const withCurated = (x: Partial<NonNullable<TokenProfile['risk']['exit']>> | null): TokenProfile => ({
  ...weeth,
  risk: { ...weeth.risk, exit: x === null ? null : { slippagePct: null, redemptionsOpen: true, primaryExitDays: 7, asOf: '2026-11-01', verified: true, sources: ['etherfi-docs'], ...x } },
});
const exitPetal = (t: TokenProfile, l: TokenLive) => rateWith(t, NOW, { live: l, offline: false }).petals.find((p) => p.id === 'exit')!;

describe('liveRisk: Exit inputs', () => {
  test('a fresh quote becomes MarketInput with its venue call as the link', () => {
    const r = liveRisk(weeth, live({ exit: exitFact(1500, 9000) }), NOW);
    expect(r.exitPetal?.market).toMatchObject({ denomination: 'ETH', symbol: 'weETH', within2: { size: 1500 }, within5: { size: 9000 }, via: 'chain', venueChecked: true, fresh: true });
    expect(r.exitPetal?.links).toEqual([quoteCall]);
  });
  test('the live redemption read beats the curated facts while fresh', () => {
    const r = liveRisk(withCurated({ redemptionsOpen: false }), live({ exit: exitFact(1500, 9000), redemption: redemptionFact(true, 5) }), NOW);
    expect(r.exitPetal?.redemption).toMatchObject({ open: true, delayDays: 5, method: 'live', fresh: true });
    expect(r.exitPetal?.links).toContainEqual(call('paused()'));
  });
  test('a stale live read falls back to the curated facts, fresh only when verified and within 90 days', () => {
    const stale = live({ exit: exitFact(1500, 9000), redemption: redemptionFact(true, 5, false) });
    expect(liveRisk(withCurated({}), stale, NOW).exitPetal?.redemption).toMatchObject({ method: 'curated', open: true, delayDays: 7, fresh: true });
    expect(liveRisk(withCurated({ verified: false }), stale, NOW).exitPetal?.redemption).toMatchObject({ method: 'curated', fresh: false });
    expect(liveRisk(withCurated({ asOf: '2026-08-21' }), stale, NOW).exitPetal?.redemption).toMatchObject({ method: 'curated', fresh: false });
    expect(liveRisk(withCurated({ asOf: '2026-08-23' }), stale, NOW).exitPetal?.redemption).toMatchObject({ method: 'curated', fresh: true });
  });
  test('nothing live and fresh: no live exit input, the curated petal stands', () => {
    expect(liveRisk(weeth, live({ exit: exitFact(1500, 9000, false), redemption: redemptionFact(true, 5, false) }), NOW).exitPetal).toBeUndefined();
    expect(exitPetal(weeth, live({ exit: exitFact(1500, 9000, false) })).method).toBe('curated');
  });
});

describe('rate(): the Exit petal by lrt-v0.2', () => {
  test('deep market and a strong redemption: green, live, with both sources', () => {
    const p = exitPetal(weeth, live({ exit: exitFact(1500, 9000), redemption: redemptionFact(true, 5) }));
    expect(p).toMatchObject({ level: 'good', method: 'live', verified: true });
    expect(p.fact).toBe('about 1,500 weETH sellable within 2% and about 9,000 weETH within 5%. Redeem at the rate in about 5 days (queue: 120 ETH ahead, 3 requests).');
    expect(p.links).toEqual([quoteCall, call('paused()'), call('nextRequestId()')]);
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
