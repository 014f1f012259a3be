// Runs in: background, tests. The six-petal rating: pure functions from a profile's curated inputs (and, later,
// live values) to a level per petal, each against the written thresholds of public/method.html (METHOD_VERSION).
//
// Within a petal, red rules are checked first, then yellow, then grey; green only when no other rule applies and
// every green condition is known.
//
// Two rules hold for every petal:
// - Freshness: a curated fact older than CURATED_MAX_AGE_DAYS (a live value past its TTL) is unknown, never green.
// - Verification: an unverified fact may show a warning or a problem, never green; where it would be green it is
//   unknown instead.
import { isRestaking } from '../categories';
import type { Source } from '../provenance';
import type { TokenProfile } from '../registry/schema';
import { countText, worstOf } from './levels';
import { judgeSlashingLive, type SlashingFigures } from './slashing';
import { judgeBackingLive, type BackingInput } from './backing';
import { judgeExitPetal, type Denomination, type MarketInput, type RedemptionInput } from './exit';
import { METHOD_VERSION, PETALS, type Headline, type Level, type Petal, type PetalId, type Rating } from './types';

export const CURATED_MAX_AGE_DAYS = 90;
const DAY_MS = 86_400_000;

type Judged = { level: Level; fact: string };
type Basis = { asOf: string; verified: boolean; sources: string[] };

const pct = (n: number) => `${Number(n.toFixed(2))}%`;
const days = (n: number) => `${Number(n.toFixed(1))} ${n === 1 ? 'day' : 'days'}`;

export function ageDays(asOf: string, now: Date): number {
  return (now.getTime() - Date.parse(asOf)) / DAY_MS;
}

/** Applies the freshness and verification rules to a judged petal. */
function finish(id: PetalId, judged: Judged, basis: Basis | null, now: Date): Petal {
  const label = PETALS.find((p) => p.id === id)!.label;
  if (!basis) return { id, label, level: 'unknown', fact: judged.fact, sources: [], method: 'curated', asOf: null, verified: false };
  const petal: Petal = { id, label, ...judged, sources: basis.sources, method: 'curated', asOf: basis.asOf, verified: basis.verified };
  if (ageDays(basis.asOf, now) > CURATED_MAX_AGE_DAYS) {
    return { ...petal, level: 'unknown', fact: `${judged.fact} (curated ${basis.asOf}: older than ${CURATED_MAX_AGE_DAYS} days, needs review)` };
  }
  if (!basis.verified && judged.level === 'good') {
    return { ...petal, level: 'unknown', fact: `${judged.fact} (unverified)` };
  }
  return petal;
}

export function judgeSlashing(t: TokenProfile): Judged {
  const s = t.risk.slashing;
  if (!s) {
    if (t.layers.length === 0 && !isRestaking(t.category)) {
      return { level: 'good', fact: 'Not restaked: exposed only to its own chain’s validator penalties.' };
    }
    const layers = t.layers.map((l) => l.layer).join(', ');
    return { level: 'unknown', fact: `How much of the backing is slashable${layers ? ` on ${layers}` : ''} is not known from a source.` };
  }
  if (s.redistributing) return { level: 'bad', fact: 'Part of the stake sits in a redistributing operator set: slashed funds go to a third party.' };
  if (s.committeeWithoutVeto) return { level: 'bad', fact: 'A committee can slash with no veto window.' };
  if (s.slashablePct !== null && s.slashablePct > 50) return { level: 'bad', fact: `${pct(s.slashablePct)} of the backing is slashable (over 50%).` };
  if (s.operatorHhi !== null && s.operatorHhi > 0.25) return { level: 'bad', fact: `Stake is concentrated in few operators (HHI ${s.operatorHhi}, over 0.25).` };
  if (s.slashablePct !== null && s.slashablePct > 10) return { level: 'warning', fact: `${pct(s.slashablePct)} of the backing is slashable (10–50%).` };
  if (s.operatorHhi !== null && s.operatorHhi >= 0.15) return { level: 'warning', fact: `Operator concentration HHI ${s.operatorHhi} (0.15–0.25).` };
  if (s.slashablePct === null) return { level: 'unknown', fact: 'The slashable share of the backing is not known from a source.' };
  if (s.redistributing === null || s.committeeWithoutVeto === null) {
    return { level: 'unknown', fact: `${pct(s.slashablePct)} slashable, but redistribution or veto settings are not known.` };
  }
  return { level: 'good', fact: `${pct(s.slashablePct)} of the backing is slashable (at most 10%), no redistribution, veto-gated or deterministic.` };
}

export function judgeExit(t: TokenProfile): Judged {
  const e = t.risk.exit;
  if (!e) return { level: 'unknown', fact: 'Exit depth and redemption status are not known from a source.' };
  if (e.redemptionsOpen === false) return { level: 'bad', fact: 'Redemptions are closed: the only exit is selling on the market.' };
  if (e.slippagePct !== null && e.slippagePct > 5) return { level: 'bad', fact: `Selling 1,000 units costs ${pct(e.slippagePct)} (over 5%).` };
  if (e.slippagePct !== null && e.slippagePct > 1) return { level: 'warning', fact: `Selling 1,000 units costs ${pct(e.slippagePct)} (1–5%).` };
  if (e.primaryExitDays !== null && e.primaryExitDays > 21) return { level: 'warning', fact: `Redemption takes about ${days(e.primaryExitDays)} (over 21).` };
  if (e.slippagePct === null || e.redemptionsOpen === null) return { level: 'unknown', fact: 'Market depth or redemption status is not known from a source.' };
  return { level: 'good', fact: `Selling 1,000 units costs ${pct(e.slippagePct)} (at most 1%) and redemptions are open.` };
}

/** L2BEAT's exit window: how long users have to leave after an upgrade is announced. */
export function judgeAdmin(t: TokenProfile): Judged {
  const a = t.risk.admin;
  if (!a) return { level: 'unknown', fact: 'Who can upgrade the contracts, and how fast, is not known from a source.' };
  if (a.eoaControl || a.multisig?.threshold === 1) return { level: 'bad', fact: 'A single key can upgrade, mint or pause withdrawals.' };
  if (a.minUpgradeDelayDays === null) return { level: 'unknown', fact: 'The upgrade delay is not known from a source.' };
  const exitDays = t.risk.exit?.primaryExitDays ?? null;
  if (exitDays === null) {
    if (a.minUpgradeDelayDays < 7) return { level: 'bad', fact: `Upgrades can take effect within ${days(a.minUpgradeDelayDays)}: under 7 days to leave.` };
    return { level: 'unknown', fact: `Upgrade delay ${days(a.minUpgradeDelayDays)}, but the redemption time, and so the exit window, is not known.` };
  }
  const window = a.minUpgradeDelayDays - exitDays;
  const text = `Exit window ${days(Math.max(window, 0))}: upgrade delay ${days(a.minUpgradeDelayDays)} minus redemption time ${days(exitDays)}`;
  if (window < 7) return { level: 'bad', fact: `${text} (under 7 days).` };
  if (window < 30) return { level: 'warning', fact: `${text} (7–30 days).` };
  return { level: 'good', fact: `${text} (30 days or more).` };
}

export function judgePeg(t: TokenProfile): Judged {
  const p = t.risk.peg;
  if (!p) return { level: 'unknown', fact: 'Market price against redemption value is not known from a source.' };
  if (p.maxAbsDeviation7dPct !== null && p.maxAbsDeviation7dPct > 2) return { level: 'bad', fact: `Traded ${pct(p.maxAbsDeviation7dPct)} off its backing in the last 7 days (over 2%).` };
  if (p.maxAbsDeviation90dPct !== null && p.maxAbsDeviation90dPct > 5) return { level: 'bad', fact: `Traded ${pct(p.maxAbsDeviation90dPct)} off its backing in the last 90 days (over 5%).` };
  if (p.maxAbsDeviation7dPct === null) return { level: 'unknown', fact: 'The last 7 days of peg deviation are not known.' };
  if (p.maxAbsDeviation7dPct > 0.5) return { level: 'warning', fact: `Traded ${pct(p.maxAbsDeviation7dPct)} off its backing in the last 7 days (0.5–2%).` };
  return { level: 'good', fact: `Within ${pct(p.maxAbsDeviation7dPct)} of its backing over the last 7 days (at most 0.5%).` };
}

export function judgeCode(t: TokenProfile, now: Date): Judged {
  const openIncident = t.incidents.find((i) => i.remediated === false);
  if (openIncident) return { level: 'bad', fact: `Unremediated incident on ${openIncident.date}: ${openIncident.summary}` };
  const recent = t.incidents.find((i) => ageDays(i.date, now) <= 365);
  if (recent) {
    const how = recent.remediated === null ? 'remediation not confirmed' : 'remediated';
    return { level: 'warning', fact: `Incident within the last 12 months (${recent.date}, ${how}).` };
  }
  if (t.audits.length === 0) return { level: 'unknown', fact: 'No audit report found in the sources checked.' };
  const firms = new Set(t.audits.map((a) => a.firm)).size;
  const audited = `${firms} audit ${firms === 1 ? 'firm' : 'firms'}`;
  const b = t.bounty;
  // A yellow needs a fact: a bounty under $1M, one that ended, one firm, under a year live. Not finding a bounty
  // (or not having looked) is grey: our missing research is never shown as the issuer's weakness.
  if (b?.status === 'ended') return { level: 'warning', fact: `${audited}, but the only bug bounty found (${b.platform}) has ended.` };
  if (b && b.maxUsd !== null && b.maxUsd < 1_000_000) return { level: 'warning', fact: `${audited}, but a $${b.maxUsd.toLocaleString('en-US')} bug bounty (under $1M).` };
  if (firms < 2) return { level: 'warning', fact: 'Audited by one firm only.' };
  const months = t.launchedAt ? ageDays(t.launchedAt.date, now) / 30.44 : null;
  if (months !== null && months < 12) return { level: 'warning', fact: `Live for ${Math.floor(months)} months (under 12).` };
  if (!b) {
    const why = t.bountyChecked ? 'no bug bounty was found in the sources checked' : 'its bug bounty was not checked';
    return { level: 'unknown', fact: `${audited}, but ${why}.` };
  }
  if (b.maxUsd === null) return { level: 'unknown', fact: `${audited} and a bug bounty (${b.platform}) with no stated maximum.` };
  if (months === null) return { level: 'unknown', fact: `${audited} and a bounty, but the launch date is not known.` };
  return { level: 'good', fact: `${audited}, bounty up to $${b.maxUsd.toLocaleString('en-US')}, live over 12 months with no open incident.` };
}

export function judgeBacking(t: TokenProfile): Judged {
  const b = t.risk.backing;
  const layers = t.layers.length;
  if (b?.offchainCustody) return { level: 'bad', fact: 'Backing is held by an off-chain custodian.' };
  if (b?.bridged && b.bridgeMinVerifiers !== null && b.bridgeMinVerifiers <= 1) {
    return { level: 'bad', fact: `A material bridge route is secured by ${b.bridgeMinVerifiers === 0 ? 'no' : 'a single'} verifier.` };
  }
  if (!b || b.simpleBackingPct === null) {
    if (layers > 1) return { level: 'warning', fact: `Restakes on ${layers} layers at once (${t.layers.map((l) => l.layer).join(', ')}).` };
    return { level: 'unknown', fact: 'The mix of assets backing the token is not known from a source.' };
  }
  if (b.simpleBackingPct < 90) return { level: 'warning', fact: `${pct(b.simpleBackingPct)} of the backing is native or one top-tier LST (under 90%).` };
  if (layers > 1) return { level: 'warning', fact: `Restakes on ${layers} layers at once.` };
  if (b.bridged === null) return { level: 'unknown', fact: 'Whether bridged supply exists, and how it is verified, is not known.' };
  if (b.bridged && (b.bridgeMinVerifiers === null || b.bridgeMinVerifiers < 2)) {
    return { level: 'unknown', fact: 'Bridged supply exists; its verifier setup is not known from a source.' };
  }
  return { level: 'good', fact: `${pct(b.simpleBackingPct)} simple backing, one restaking layer${b.bridged ? ', bridges with 2+ verifiers' : ', not bridged'}.` };
}

function basisFor(t: TokenProfile, id: PetalId): Basis | null {
  const r = t.risk;
  const fromInput = (x: { asOf: string; verified: boolean; sources: string[] } | null) =>
    x ? { asOf: x.asOf, verified: x.verified, sources: x.sources } : null;
  switch (id) {
    case 'slashing':
      if (r.slashing) return fromInput(r.slashing);
      // An un-restaked LST rests on the profile's own review.
      return t.layers.length === 0 && !isRestaking(t.category) ? { asOf: t.reviewedAt, verified: t.model.rate.verified, sources: t.model.rate.sources } : null;
    case 'exit':
      return fromInput(r.exit);
    case 'admin':
      return fromInput(r.admin);
    case 'peg':
      return fromInput(r.peg);
    case 'backing':
      if (r.backing) return fromInput(r.backing);
      return t.layers.length > 1 ? { asOf: t.reviewedAt, verified: t.layers.every((l) => l.verified), sources: t.layers.flatMap((l) => l.sources) } : null;
    case 'code': {
      // Audits, bounty, launch date and incidents, as of the profile's review.
      const sources = [...t.audits.flatMap((a) => a.sources), ...(t.bounty?.sources ?? []), ...t.incidents.flatMap((i) => i.sources), ...(t.launchedAt?.sources ?? [])];
      if (!sources.length) return null;
      const verified = t.audits.every((a) => a.verified) && (t.bounty?.verified ?? true) && (t.launchedAt?.verified ?? true);
      return { asOf: t.reviewedAt, verified, sources: [...new Set(sources)] };
    }
  }
}


/** Worst level first ("weakest link"), then the counts in words. An all-grey rating is grey, never green. */
export function headline(petals: readonly Petal[]): Headline {
  const counts: Record<Level, number> = { bad: 0, warning: 0, unknown: 0, good: 0 };
  for (const p of petals) counts[p.level]++;
  return { worst: worstOf(petals.map((p) => p.level)), counts, text: countText(petals.map((p) => p.level)) };
}

/**
 * Live inputs: only values still within their time-to-live are passed here (lib/live/facts.ts decides). A petal
 * with a live input is judged on it and marked `live`; without one it falls back to the curated input.
 */
export interface LiveRisk {
  peg?: {
    /** Deviation now, percent. */
    nowPct: number;
    /** Largest absolute deviation over the history held, percent (includes now); null without history. */
    maxAbsPct: number | null;
    /** Days that history covers. */
    coverageDays: number;
    asOf: string;
    links: Link[];
  };
  /** Market depth and redemption for the lrt-v0.2 Exit petal (lib/risk/exit.ts); set when either is live and fresh. */
  exitPetal?: {
    market: MarketInput | null;
    redemption: RedemptionInput | null;
    denomination: Denomination;
    asOf: string;
    links: Link[];
    /** Curated sources behind a curated redemption input. */
    sources: string[];
    /** A quoted venue passed its holdings check, or the redemption path was read on-chain. */
    verified: boolean;
  };
  /** Slashing figures read from chain (lib/risk/slashing.ts judges them); `verified`: the staker list is sourced. */
  slashing?: { figures: SlashingFigures; asOf: string; links: Link[]; verified: boolean };
  /** The Backing petal from the live mix and route read (lib/risk/backing.ts), set when either is fresh. */
  backing?: { input: BackingInput; asOf: string; verified: boolean; docs: Link[] };
  /** The Admin petal judged on the weakest path read from chain (lib/risk/admin.ts); set only while the read is fresh. */
  admin?: { level: Level; fact: string; asOf: string; links: Link[]; verified: boolean };
}

export type Link = Source;

/** Days of price history the live peg rule needs before it can say "the last 7 days". */
export const PEG_HISTORY_MIN_DAYS = 6;

export function judgePegLive(p: NonNullable<LiveRisk['peg']>): Judged {
  const now = `${pct(Math.abs(p.nowPct))} ${p.nowPct < 0 ? 'below' : 'above'} its backing now`;
  const enough = p.maxAbsPct !== null && p.coverageDays >= PEG_HISTORY_MIN_DAYS;
  if (Math.abs(p.nowPct) > 2) return { level: 'bad', fact: `Trades ${now} (over 2%).` };
  if (enough && p.maxAbsPct! > 2) return { level: 'bad', fact: `Traded up to ${pct(p.maxAbsPct!)} off its backing in the last 7 days (over 2%); ${now}.` };
  if (Math.abs(p.nowPct) > 0.5) return { level: 'warning', fact: `Trades ${now} (0.5–2%).` };
  if (!enough) return { level: 'unknown', fact: `Trades ${now}; the last 7 days of prices are not available yet.` };
  if (p.maxAbsPct! > 0.5) return { level: 'warning', fact: `Traded up to ${pct(p.maxAbsPct!)} off its backing in the last 7 days (0.5–2%); ${now}.` };
  return { level: 'good', fact: `Within ${pct(p.maxAbsPct!)} of its backing over the last 7 days (at most 0.5%); ${now}.` };
}

function live(id: PetalId, judged: Judged, asOf: string, links: Link[], verified: boolean, unverifiedWhat = 'rate function'): Petal {
  const label = PETALS.find((p) => p.id === id)!.label;
  const petal: Petal = { id, label, ...judged, sources: [], links, method: 'live', asOf, verified };
  return !verified && judged.level === 'good' ? { ...petal, level: 'unknown', fact: `${judged.fact} (${unverifiedWhat} unverified)` } : petal;
}

export function rate(t: TokenProfile, now: Date, liveRisk: LiveRisk = {}): Rating {
  const judged: Record<PetalId, Judged> = {
    slashing: judgeSlashing(t),
    exit: judgeExit(t),
    admin: judgeAdmin(t),
    peg: judgePeg(t),
    code: judgeCode(t, now),
    backing: judgeBacking(t),
  };
  const petals = PETALS.map(({ id }) => {
    if (id === 'peg' && liveRisk.peg) return live(id, judgePegLive(liveRisk.peg), liveRisk.peg.asOf, liveRisk.peg.links, t.rateSource?.verified ?? false);
    if (id === 'slashing' && liveRisk.slashing) {
      const s = liveRisk.slashing;
      const { level, fact } = judgeSlashingLive(s.figures, now);
      return live(id, { level, fact }, s.asOf, s.links, s.verified, 'staker contract list');
    }
    if (id === 'admin' && liveRisk.admin) {
      const a = liveRisk.admin;
      return live(id, { level: a.level, fact: a.fact }, a.asOf, a.links, a.verified, 'contract list');
    }
    if (id === 'backing' && liveRisk.backing) {
      const b = liveRisk.backing;
      const j = judgeBackingLive(b.input);
      return live(id, { level: j.level, fact: j.fact }, b.asOf, [...j.links, ...b.docs], b.verified, 'backing source');
    }
    if (id === 'exit' && liveRisk.exitPetal) {
      const e = liveRisk.exitPetal;
      const j = judgeExitPetal(e.market, e.redemption, e.denomination);
      return { ...live(id, { level: j.level, fact: j.fact }, e.asOf, e.links, e.verified, 'exit venue'), sources: e.sources };
    }
    return finish(id, judged[id], basisFor(t, id), now);
  });
  return { methodVersion: METHOD_VERSION, petals, headline: headline(petals) };
}
