// The Exit petal proposal (lib/risk/exit.ts) at every threshold edge: market depth lines per denomination, the
// redemption classes, and the table combining them; unknown and stale never green; an aggregator never green alone.
import { describe, expect, test } from 'vitest';
import {
  IMPACT_LINES,
  JUDGED_SIZES,
  SLOW_DAYS,
  STRONG_DAYS,
  classifyRedemption,
  judgeExitPetal,
  judgeMarket,
  type MarketInput,
  type RedemptionInput,
} from '../../../../lib/risk/exit';
import { EXIT_LADDER, SELLABLE_LINES } from '../../../../lib/sources/exit';

const at = (size: number | null, basis: 'interpolated' | 'at-least' = 'interpolated') => ({ size, basis: size === null ? ('below-smallest' as const) : basis });
const market = (within2: number | null, within5: number | null, over: Partial<MarketInput> = {}): MarketInput => ({
  denomination: 'ETH',
  symbol: 'ezETH',
  within2: at(within2),
  within5: at(within5),
  via: 'chain',
  venueChecked: true,
  fresh: true,
  ...over,
});
const redemption = (over: Partial<RedemptionInput> = {}): RedemptionInput => ({ open: true, delayDays: 14, instant: null, text: 'Redeem at the rate in about 14 days.', method: 'live', fresh: true, ...over });

describe('market depth', () => {
  test('the judged sizes are among the sizes quoted and the lines are the quoted lines', () => {
    for (const d of ['ETH', 'BTC'] as const) {
      expect(EXIT_LADDER[d].reported).toContain(JUDGED_SIZES[d].meaningful);
      expect(EXIT_LADDER[d].reported).toContain(JUDGED_SIZES[d].comfortable);
    }
    expect(SELLABLE_LINES).toEqual([IMPACT_LINES.comfortable, IMPACT_LINES.bad]);
  });

  test.each([
    // denomination, within 2%, within 5%, level
    ['ETH', 5000, 99.9, 'bad'],
    ['ETH', 50, 100, 'warning'],
    ['ETH', 999.9, 5000, 'warning'],
    ['ETH', 1000, 1000, 'good'],
    ['ETH', null, null, 'bad'],
    ['ETH', null, 150, 'warning'],
    ['BTC', 60, 9.99, 'bad'],
    ['BTC', 5, 10, 'warning'],
    ['BTC', 49.9, 80, 'warning'],
    ['BTC', 50, 80, 'good'],
  ] as const)('%s: %s within 2%%, %s within 5%% → %s', (denomination, w2, w5, level) => {
    expect(judgeMarket(market(w2, w5, { denomination, symbol: denomination === 'BTC' ? 'LBTC' : 'ezETH' })).level).toBe(level);
  });

  test('a lower bound counts as its size', () => {
    expect(judgeMarket(market(null, null, { within2: at(1000, 'at-least'), within5: at(25_000, 'at-least') }))).toMatchObject({
      level: 'good',
      fact: '1,000+ ezETH sellable within 2% and 25,000+ ezETH within 5%',
    });
  });

  test('stale or missing quotes are grey; an aggregator route or an unconfirmed venue is at most yellow', () => {
    expect(judgeMarket(market(5000, 9000, { fresh: false })).level).toBe('unknown');
    expect(judgeMarket(null).level).toBe('unknown');
    expect(judgeMarket(market(5000, 9000, { via: 'aggregator' }))).toMatchObject({ level: 'warning', fact: expect.stringContaining('(aggregator route)') });
    expect(judgeMarket(market(5000, 9000, { venueChecked: false })).level).toBe('warning');
    // Bad news from an aggregator is still bad news.
    expect(judgeMarket(market(10, 20, { via: 'aggregator' })).level).toBe('bad');
  });
});

describe('redemption classes', () => {
  test.each([
    [{ open: false }, 'closed'],
    [{ open: true, delayDays: STRONG_DAYS }, 'strong'],
    [{ open: true, delayDays: STRONG_DAYS + 0.01 }, 'open'],
    [{ open: true, delayDays: SLOW_DAYS }, 'open'],
    [{ open: true, delayDays: SLOW_DAYS + 0.01 }, 'slow'],
    [{ open: null, delayDays: SLOW_DAYS + 1 }, 'slow'],
    [{ open: true, delayDays: 0 }, 'strong'],
    [{ open: true, delayDays: null, instant: 999 }, 'open'],
    [{ open: true, delayDays: null, instant: 1000 }, 'strong'],
    [{ open: null, delayDays: 3 }, 'unknown'],
    [{ open: true, delayDays: 3, fresh: false }, 'unknown'],
  ] as const)('%o → %s', (over, cls) => {
    expect(classifyRedemption(redemption(over), 'ETH')).toBe(cls);
  });

  test('BTC instant capacity is judged at the BTC size', () => {
    expect(classifyRedemption(redemption({ delayDays: null, instant: 49 }), 'BTC')).toBe('open');
    expect(classifyRedemption(redemption({ delayDays: null, instant: 50 }), 'BTC')).toBe('strong');
    expect(classifyRedemption(null, 'BTC')).toBe('unknown');
  });
});

describe('the petal', () => {
  const M = { good: market(2000, 9000), warning: market(500, 2000), bad: market(10, 50), unknown: market(2000, 9000, { fresh: false }) };
  const R = {
    closed: redemption({ open: false, text: 'Kelp redemption requests are paused on-chain: the only exit now is selling.' }),
    strong: redemption({ delayDays: 3 }),
    open: redemption({ delayDays: 14 }),
    slow: redemption({ delayDays: 30 }),
    unknown: null,
  };
  test.each([
    ['good', 'closed', 'bad'],
    ['good', 'strong', 'good'],
    ['good', 'open', 'good'],
    ['good', 'slow', 'warning'],
    ['good', 'unknown', 'unknown'],
    ['warning', 'closed', 'bad'],
    ['warning', 'strong', 'good'],
    ['warning', 'open', 'warning'],
    ['warning', 'slow', 'warning'],
    ['warning', 'unknown', 'warning'],
    ['bad', 'closed', 'bad'],
    ['bad', 'strong', 'warning'],
    ['bad', 'open', 'bad'],
    ['bad', 'slow', 'bad'],
    ['bad', 'unknown', 'bad'],
    ['unknown', 'closed', 'bad'],
    ['unknown', 'strong', 'unknown'],
    ['unknown', 'open', 'unknown'],
    ['unknown', 'slow', 'warning'],
    ['unknown', 'unknown', 'unknown'],
  ] as const)('market %s, redemption %s → %s', (m, r, level) => {
    const j = judgeExitPetal(M[m], R[r], 'ETH');
    expect(j).toMatchObject({ level, market: m, redemption: r });
  });

  test('an aggregator route is never green alone, but a strong redemption next to it is', () => {
    const agg = market(5000, 9000, { via: 'aggregator' });
    expect(judgeExitPetal(agg, null, 'ETH').level).toBe('warning');
    expect(judgeExitPetal(agg, R.open, 'ETH').level).toBe('warning');
    expect(judgeExitPetal(agg, R.strong, 'ETH').level).toBe('good');
  });

  test('a stale redemption reading is unknown, and the fact says both halves', () => {
    const j = judgeExitPetal(M.good, redemption({ delayDays: 3, fresh: false }), 'ETH');
    expect(j).toMatchObject({ level: 'unknown', redemption: 'unknown' });
    expect(j.fact).toBe('about 2,000 ezETH sellable within 2% and about 9,000 ezETH within 5%. Redemption status is not known from a current source.');
    expect(judgeExitPetal(M.warning, R.closed, 'ETH').fact).toMatch(/within 5%\. Kelp redemption requests are paused on-chain/);
  });
});
