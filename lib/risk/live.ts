// Runs in: background, tests. The rating entry point with live data: which live values may feed the petals (fresh
// ones only) and the rating of a token with them. Where a petal's level is decided: lib/risk/rate.ts.
import type { TokenProfile } from '../registry/schema';
import type { TokenLive } from '../live/facts';
import { rate, type LiveRisk } from './rate';
import type { Rating } from './types';

/** Live facts for a view: null in offline mode or when nothing is cached (then only bundled data shows). */
export interface LiveInput {
  live: TokenLive | null;
  offline: boolean;
}

export const NO_LIVE: LiveInput = { live: null, offline: false };

/** The exit size the petal judges: the largest quoted. */
function largestSize(impactPct: Record<string, number>): string | null {
  const sizes = Object.keys(impactPct).filter((k) => Number.isFinite(Number(k)) && Number.isFinite(impactPct[k]!));
  return sizes.sort((a, b) => Number(a) - Number(b)).at(-1) ?? null;
}

export function liveRisk(t: TokenProfile, l: TokenLive | null): LiveRisk {
  if (!l) return {};
  const out: LiveRisk = {};
  if (l.peg?.fresh) out.peg = { nowPct: l.peg.value.nowPct, maxAbsPct: l.peg.value.maxAbsPct, coverageDays: l.peg.value.coverageDays, asOf: l.peg.okAt, links: l.peg.sources };
  const size = l.exit ? largestSize(l.exit.value.impactPct) : null;
  if (l.exit?.fresh && size !== null) {
    out.exit = { impactPct: l.exit.value.impactPct[size]!, sizeLabel: `${Number(size).toLocaleString('en-US')} ${t.symbol}`, asOf: l.exit.okAt, links: l.exit.sources };
  }
  return out;
}


/** The rating with whatever live inputs are fresh (none in offline mode). */
export function rateWith(t: TokenProfile, now: Date, input: LiveInput = NO_LIVE): Rating {
  return rate(t, now, input.offline ? {} : liveRisk(t, input.live));
}
