// Runs in: background, tests. The rating entry point with live data: which live values may feed the petals (fresh
// ones only) and the rating of a token with them. Where a petal's level is decided: lib/risk/rate.ts.
import type { TokenProfile } from '../registry/schema';
import type { TokenLive } from '../live/facts';
import { fromEigenLayer, fromSymbiotic } from './slashing';
import { CURATED_MAX_AGE_DAYS, ageDays, rate, type LiveRisk } from './rate';
import type { MarketInput, RedemptionInput } from './exit';
import { denominationOf } from '../sources/exit';
import type { Source } from '../provenance';
import type { Rating } from './types';
import { backingRisk } from './backing-live';
import { adminPetal, judgeAdminPaths } from './admin';
import { judgeInput } from '../registry/controls';
import { controlsOf } from '../live/admin-jobs';
import type { Discovery } from '../sources/admin';

/** Live facts for a view: null in offline mode or when nothing is cached (then only bundled data shows). */
export interface LiveInput {
  live: TokenLive | null;
  offline: boolean;
}

export const NO_LIVE: LiveInput = { live: null, offline: false };

/** The Exit petal's inputs: the on-chain quote, and the live redemption read while fresh, else the curated facts. */
function exitInputs(t: TokenProfile, l: TokenLive, now: Date): LiveRisk['exitPetal'] {
  const e = l.exit;
  const v = e?.value;
  const within2 = v?.sellable?.['2'];
  const within5 = v?.sellable?.['5'];
  const denomination = v?.denomination ?? denominationOf(t);
  const chain: MarketInput | null =
    e && within2 && within5
      ? { denomination, symbol: t.symbol, within2, within5, via: 'chain', venueChecked: (v.venues ?? []).length > 0, fresh: e.fresh }
      : null;
  // The on-chain quote decides while fresh; an aggregator route stands in only without one, and the judge caps it at
  // yellow (off-chain, unverifiable): it can bring bad news, never good news alone.
  const rt = l.route;
  const viaRoute: MarketInput | null =
    rt?.fresh && rt.value.sellable['2'] && rt.value.sellable['5']
      ? { denomination: rt.value.denomination, symbol: t.symbol, within2: rt.value.sellable['2'], within5: rt.value.sellable['5'], via: 'aggregator', venueChecked: false, fresh: true }
      : null;
  const market = chain?.fresh ? chain : (viaRoute ?? chain);
  const marketFact = market === viaRoute && viaRoute ? rt! : e;
  const r = l.redemption ?? null;
  const c = t.risk.exit;
  let redemption: RedemptionInput | null = null;
  if (r?.fresh) {
    redemption = { open: r.value.open, delayDays: r.value.delayDays, instant: r.value.instant?.eth ?? null, text: r.value.estimate, method: 'live', fresh: true };
  } else if (c) {
    // A curated fact counts only while verified and within the curated age limit, as every curated petal input does.
    const fresh = c.verified && ageDays(c.asOf, now) <= CURATED_MAX_AGE_DAYS;
    redemption = { open: c.redemptionsOpen, delayDays: c.primaryExitDays, instant: null, text: t.withdrawal.text, method: 'curated', fresh };
  } else if (r) {
    redemption = { open: r.value.open, delayDays: r.value.delayDays, instant: r.value.instant?.eth ?? null, text: r.value.estimate, method: 'live', fresh: false };
  }
  const liveRedemption = redemption?.method === 'live' && redemption.fresh;
  if (!market?.fresh && !liveRedemption) return undefined;
  const parts = [market?.fresh ? marketFact : null, liveRedemption ? r : null].filter((x): x is NonNullable<typeof x> => x !== null);
  const links = [...(market?.fresh ? (market.via === 'aggregator' ? rt!.sources : exitLinks(e!)) : []), ...(liveRedemption ? r!.sources : [])];
  return {
    market,
    redemption,
    denomination,
    asOf: parts.map((p) => p.okAt).sort()[0]!,
    links,
    sources: redemption?.method === 'curated' ? [...new Set([...(c?.sources ?? []), ...t.withdrawal.sources])] : [],
    verified: !!market?.venueChecked || liveRedemption,
  };
}

/** The quoting calls behind the figures judged: the venues named in "sellable within", else the entry's source. */
function exitLinks(e: NonNullable<TokenLive['exit']>): Source[] {
  const named = new Set(Object.values(e.value.sellable ?? {}).map((s) => s.venue));
  const calls = (e.value.venues ?? []).filter((v) => named.has(v.venue)).map((v) => v.source);
  return calls.length ? calls : e.sources;
}

/**
 * The Admin petal from a fresh discovery: the weakest path over the contracts that matter and the curated bypasses.
 * A stale or missing discovery gives nothing here, so the curated petal (or grey) applies, never an old green. A
 * contract list with an unverified address cannot reassure: the real contract might be weaker.
 */
function adminInput(t: TokenProfile, l: TokenLive, now: Date): LiveRisk['admin'] {
  const a = l.admin;
  const controls = controlsOf(t.id);
  if (!a?.fresh || !controls) return undefined;
  const discovery = a.value.discovery as Discovery;
  const { contracts, curated } = judgeInput(controls, discovery);
  const r = l.redemption;
  const redemptionDays = r?.fresh && r.value.delayDays !== null ? r.value.delayDays : (t.risk.exit?.primaryExitDays ?? null);
  const judgement = judgeAdminPaths({ discovery, contracts, curated, redemptionDays, now });
  // A read that resolved no path to a holder does not replace the curated petal: it shows on the card as not read.
  if (!judgement.weakest) return undefined;
  const petal = adminPetal(judgement);
  if (petal.method !== 'live' || !petal.asOf) return undefined;
  const docs = controls.sources
    .filter((s) => petal.sources.includes(s.id))
    .map((s): Source => ({ kind: 'doc', url: s.url, title: s.title, ...(s.commit ? { commit: s.commit } : {}) }));
  return { level: petal.level, fact: petal.fact, asOf: petal.asOf, links: [...(petal.links ?? []), ...docs], verified: petal.verified && controls.contracts.every((c) => c.verified) };
}

export function liveRisk(t: TokenProfile, l: TokenLive | null, now: Date = new Date()): LiveRisk {
  if (!l) return {};
  const out: LiveRisk = {};
  if (l.peg?.fresh) out.peg = { nowPct: l.peg.value.nowPct, maxAbsPct: l.peg.value.maxAbsPct, coverageDays: l.peg.value.coverageDays, asOf: l.peg.okAt, links: l.peg.sources };
  const exitPetal = exitInputs(t, l, now);
  if (exitPetal) out.exitPetal = exitPetal;
  const s = l.slashing;
  if (s?.fresh) {
    // tokenLive already decided freshness (three periods, longer with a slower user refresh interval): the judge's
    // own age rule must not undo it, so it gets no shorter limit than the fact's.
    const ttl = Number.MAX_SAFE_INTEGER;
    const figures = s.value.layer === 'EigenLayer' ? fromEigenLayer(s.value.exposure, s.okAt, ttl) : fromSymbiotic(s.value.vault, s.okAt, ttl);
    out.slashing = { figures, asOf: s.okAt, links: keySources(s.sources), verified: s.value.verified };
  }
  const backing = backingRisk(t, l, now);
  if (backing) out.backing = backing;
  const admin = adminInput(t, l, now);
  if (admin) out.admin = admin;
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
  return rate(t, now, input.offline ? {} : liveRisk(t, input.live, now));
}
