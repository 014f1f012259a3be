// Runs in: background, tests. The rating entry point with live data: which live values may feed the petals (fresh
// ones only) and the rating of a token with them. Where a petal's level is decided: lib/risk/rate.ts.
import type { TokenProfile } from '../registry/schema';
import type { TokenLive } from '../live/facts';
import { fromEigenLayer, fromSymbiotic } from './slashing';
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
  const s = l.slashing;
  if (s?.fresh) {
    // tokenLive already decided freshness (three periods, longer with a slower user refresh interval): the judge's
    // own age rule must not undo it, so it gets no shorter limit than the fact's.
    const ttl = Number.MAX_SAFE_INTEGER;
    const figures = s.value.layer === 'EigenLayer' ? fromEigenLayer(s.value.exposure, s.okAt, ttl) : fromSymbiotic(s.value.vault, s.okAt, ttl);
    out.slashing = { figures, asOf: s.okAt, links: keySources(s.sources), verified: s.value.verified };
  }
  return out;
}

/** Per-staker calls past this many are counted, not linked: ether.fi alone has ~475 stakers. */
export const MAX_STAKER_LINKS = 4;
const PER_STAKER = /^(delegatedTo|getWithdrawableShares)\(/;

/** The calls a petal links: every operator, set and vault call, and the first few per-staker calls. */
export function keySources<T extends { kind: string; function?: string }>(sources: readonly T[]): T[] {
  let staker = 0;
  return sources.filter((s) => !(s.kind === 'chain' && PER_STAKER.test(s.function ?? '') && ++staker > MAX_STAKER_LINKS));
}


/** The rating with whatever live inputs are fresh (none in offline mode). */
export function rateWith(t: TokenProfile, now: Date, input: LiveInput = NO_LIVE): Rating {
  return rate(t, now, input.offline ? {} : liveRisk(t, input.live));
}
