// Runs in: background, tests. The Exit petal judged from market depth and the protocol's own redemption together
// (proposal for method lrt-v0.2; see the notes in exit-method.md). Pure: inputs are already-read values with their
// freshness; nothing is fetched here.
//
// Why these lines:
// - Depth is judged the way Gauntlet and LlamaRisk publish it: the size that can be sold within an impact line,
//   not the impact at one size. The bad line is 5%: Gauntlet's benchmark (half a 10% liquidation penalty; "a trade
//   matching ADV should not move the market more than 5%"). LlamaRisk's Aave framework uses 7.5%, tied to Aave's
//   liquidation bonus; a holder has no bonus to absorb the cost, so the stricter 5% is kept. The comfortable line is
//   2%, about the largest negative deviation Gauntlet saw for weETH and rsETH (-2.0%, -2.3%) and inside Yearn's
//   "1-3%" liquidity tier.
// - Sizes are per denomination so they mean the same in dollars: ETH tokens 100 (meaningful) and 1,000
//   (comfortable), BTC tokens 10 and 50 (each a few million dollars at the larger size, the range of Yearn's
//   $1M / $5M tiers).
// - Redemption softens or hardens the market verdict by one step, as Gauntlet "reduce[s] by a factor of 6 if
//   withdrawals are enabled": an open path that pays at the rate within 7 days (Yearn's "minor delay" tiers reach
//   7 days) or instantly for the comfortable size is strong; closed redemptions are red whatever the market says
//   (ezETH, April 2024); a wait over 21 days caps the petal at yellow.
// - Unknown or stale inputs are grey, never green. An aggregator route (off-chain) can bring bad news but never
//   makes a petal green on its own: it counts as at most yellow, so green needs an on-chain quote from a checked
//   venue, or a strong redemption path next to it.
import type { Level } from './types';

/** The method version these rules are proposed for (the lead sets METHOD_VERSION when adopting them). */
export const EXIT_METHOD_VERSION = 'lrt-v0.2';

export type Denomination = 'ETH' | 'BTC';

/** Impact lines, percent: comfortable and bad. */
export const IMPACT_LINES = { comfortable: 2, bad: 5 } as const;
/** Sizes in whole tokens the lines are judged at. */
export const JUDGED_SIZES: Record<Denomination, { meaningful: number; comfortable: number }> = {
  ETH: { meaningful: 100, comfortable: 1000 },
  BTC: { meaningful: 10, comfortable: 50 },
};
/** Redemption within this many days is strong; over SLOW_DAYS caps the petal at yellow. */
export const STRONG_DAYS = 7;
export const SLOW_DAYS = 21;

export interface Sellable {
  /** Whole tokens; null = not even the smallest quoted size fits the line. */
  size: number | null;
  basis: 'interpolated' | 'at-least' | 'below-smallest';
}

export interface MarketInput {
  denomination: Denomination;
  symbol: string;
  /** Sellable within IMPACT_LINES.comfortable and .bad on the best single venue. */
  within2: Sellable;
  within5: Sellable;
  /** 'chain': quoted on-chain from registry venues; 'aggregator': an off-chain route (KyberSwap and the like). */
  via: 'chain' | 'aggregator';
  /** At least one venue behind the figure is confirmed (registry source, or its holdings checked on-chain). */
  venueChecked: boolean;
  /** Within the data's TTL (the caller's freshness rule). */
  fresh: boolean;
}

export interface RedemptionInput {
  /** false = requests paused or redemptions closed; null = not known. */
  open: boolean | null;
  /** Days from request to claim; 0 = instant; null = not known. */
  delayDays: number | null;
  /** ETH (or BTC) that can leave at once at the rate, when the path has such a buffer. */
  instant: number | null;
  /** The card's line from lib/sources/redemption.ts, or the curated withdrawal text. */
  text: string;
  method: 'live' | 'curated';
  /** Live: within TTL. Curated: verified and within the curated age limit. */
  fresh: boolean;
}

export interface ExitJudgement {
  level: Level;
  fact: string;
  methodVersion: typeof EXIT_METHOD_VERSION;
  market: Level;
  redemption: 'closed' | 'strong' | 'open' | 'slow' | 'unknown';
}

const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 2 : 0 });
const sizeText = (s: Sellable, unit: string) => (s.size === null ? `under the smallest quoted size` : s.basis === 'at-least' ? `${n(s.size)}+ ${unit}` : `about ${n(s.size)} ${unit}`);
const atLeast = (s: Sellable, size: number) => s.size !== null && s.size >= size;

/** The market's own level: depth at the comfortable and meaningful sizes. */
export function judgeMarket(m: MarketInput | null): { level: Level; fact: string } {
  if (!m || !m.fresh) return { level: 'unknown', fact: m ? 'Market depth quotes are stale.' : 'Market depth is not known.' };
  const { meaningful, comfortable } = JUDGED_SIZES[m.denomination];
  const route = m.via === 'aggregator' ? ' (aggregator route)' : '';
  const fact = `${sizeText(m.within2, m.symbol)} sellable within ${IMPACT_LINES.comfortable}% and ${sizeText(m.within5, m.symbol)} within ${IMPACT_LINES.bad}%${route}`;
  if (!atLeast(m.within5, meaningful)) return { level: 'bad', fact: `${fact}: under ${n(meaningful)} ${m.symbol} within ${IMPACT_LINES.bad}%` };
  if (!atLeast(m.within2, comfortable)) return { level: 'warning', fact };
  // Deep, but not from an on-chain quote of a confirmed venue: counted as at most yellow, so only a strong
  // redemption path can lift it to green.
  if (m.via === 'aggregator') return { level: 'warning', fact: `${fact}; an off-chain route counts as at most yellow` };
  if (!m.venueChecked) return { level: 'warning', fact: `${fact}; no venue behind it is confirmed, so at most yellow` };
  return { level: 'good', fact };
}

export function classifyRedemption(r: RedemptionInput | null, denomination: Denomination): ExitJudgement['redemption'] {
  if (!r || !r.fresh) return 'unknown';
  if (r.open === false) return 'closed';
  if (r.delayDays !== null && r.delayDays > SLOW_DAYS) return 'slow';
  const big = JUDGED_SIZES[denomination].comfortable;
  if (r.open === true && ((r.delayDays !== null && r.delayDays <= STRONG_DAYS) || (r.instant !== null && r.instant >= big))) return 'strong';
  if (r.open === true) return 'open';
  return 'unknown';
}

const STEP: Record<Level, Level> = { bad: 'warning', warning: 'good', good: 'good', unknown: 'unknown' };

/** The petal: the market's level moved by the redemption path (see the table in exit-method.md). */
export function judgeExitPetal(market: MarketInput | null, redemption: RedemptionInput | null, denomination: Denomination): ExitJudgement {
  const m = judgeMarket(market);
  const r = classifyRedemption(redemption, denomination);
  const rText = redemption && redemption.fresh ? redemption.text : 'Redemption status is not known from a current source.';
  const fact = (level: Level): ExitJudgement => ({ level, fact: `${m.fact.replace(/\.$/, '')}. ${rText}`, methodVersion: EXIT_METHOD_VERSION, market: m.level, redemption: r });
  if (r === 'closed') return fact('bad');
  let level: Level;
  if (m.level === 'unknown') level = r === 'slow' ? 'warning' : 'unknown';
  else if (r === 'strong') level = STEP[m.level];
  else if (m.level === 'good') level = r === 'open' ? 'good' : r === 'slow' ? 'warning' : 'unknown';
  else level = m.level;
  return fact(level);
}
