// Runs in: background, tests. The Slashing petal judged from live chain reads (method lrt-v0.2, proposed): pure
// functions from the figures lib/sources/eigenlayer.ts and lib/sources/symbiotic.ts produce to a level, the one
// fact it rests on, and the plain sentence the card leads with. Thresholds are explained here and in
// notes/slashing-method.md; they keep lrt-v0.1's rules where those still fit (10% / 50% slashable, HHI 0.15 /
// 0.25, redistribution red) and add what live reads make possible (pending allocations, the veto as read on
// chain, Symbiotic's shared stake).
//
// Order, as in lib/risk/rate.ts: grey first when the figures cannot carry a judgement (missing, partial, stale, a
// needed figure unknown), then red rules, then yellow, and green only when every green condition is known.
import type { TokenExposure } from '../sources/eigenlayer';
import type { VaultExposure } from '../sources/symbiotic';
import type { Level } from './types';

export const SLASHING_METHOD_VERSION = 'lrt-v0.2';

/**
 * lrt-v0.1 kept: above 10% slashable is no longer a small tail risk (green ceiling, risk-method.md §6, "≤10%
 * slashable"); above 50% a holder can lose most of the backing (red floor).
 */
export const SLASHABLE_YELLOW_ABOVE_PCT = 10;
export const SLASHABLE_RED_ABOVE_PCT = 50;
/** lrt-v0.1 kept: Restake Watch's concentration cut-offs (HHI 0.15 "healthy" ceiling, 0.25 critical). */
export const HHI_YELLOW_FROM = 0.15;
export const HHI_RED_ABOVE = 0.25;
/**
 * New. Stake a slasher with no veto window can take: any is yellow (nothing but the AVS's own code or keys stands
 * between a fault claim and the loss, and the chain cannot tell a deterministic contract from a committee); above
 * the 10% green ceiling it is red, risk-method.md's "committee slashing with no veto" at a scale that matters.
 */
export const NO_VETO_RED_ABOVE_PCT = 10;
/**
 * New, Symbiotic only. Above 100% the limits promise the same stake to several networks at once (rehypothecation):
 * one network's slash does not stop the others', so the total can reach the whole stake although each network
 * alone is capped lower. Yellow, not red: the largest single network already carries the size rule.
 */
export const SUM_OF_LIMITS_YELLOW_ABOVE_PCT = 100;

/** What the judge reads, the same for both layers. */
export interface SlashingFigures {
  layer: 'EigenLayer' | 'Symbiotic';
  /** ISO time of the read (the block's). */
  asOf: string;
  /** How long the read stays fresh (the live job's freshness window). */
  ttlMs: number;
  /** Every call the figures depend on was made and answered. */
  complete: boolean;
  /** Nothing can be slashed by construction: a legacy Mellow vault, a Symbiotic vault with no slasher. */
  unslashable: boolean;
  /**
   * The share a holder can lose, in percent of the backing. EigenLayer: the unique slashable share (stake
   * allocated to one set is slashable by that set only, so shares add up). Symbiotic: the largest single network.
   */
  exposurePct: number | null;
  /** More that becomes slashable when pending allocations take effect (EigenLayer); null = not read. */
  pendingIncreasePct: number | null;
  /** Symbiotic: Σ of the network limits over the stake; null for EigenLayer. */
  sumOfLimitsPct: number | null;
  /** Share whose slashed funds go to a third party rather than a burn. */
  redistributingPct: number | null;
  /** Share behind a slasher with no veto window (or, Symbiotic, no resolver). */
  noVetoPct: number | null;
  /** EigenLayer operator concentration (Herfindahl, 0–1); null for Symbiotic. */
  operatorHhi: number | null;
}

export interface SlashingJudgement {
  level: Level;
  /** The one fact the level rests on. */
  fact: string;
  methodVersion: string;
}

const pct = (n: number) => `${Number(n.toFixed(n < 10 ? 1 : 0))}%`;
const j = (level: Level, fact: string): SlashingJudgement => ({ level, fact, methodVersion: SLASHING_METHOD_VERSION });

export function judgeSlashingLive(f: SlashingFigures | null, now: Date): SlashingJudgement {
  if (!f) return j('unknown', 'Slashing exposure has not been read from the chain yet.');
  const age = now.getTime() - Date.parse(f.asOf);
  if (!Number.isFinite(age) || age > f.ttlMs) return j('unknown', `The last chain read of slashing exposure is stale (${f.asOf}).`);
  if (!f.complete) return j('unknown', 'The chain read of slashing exposure is partial: some calls failed or were not made.');
  if (f.unslashable) return j('good', 'Nothing can be slashed: no slasher stands behind this stake.');
  if (f.exposurePct === null || f.redistributingPct === null || f.noVetoPct === null) {
    return j('unknown', 'The slashable share, redistribution or veto settings could not be worked out from the chain read.');
  }
  if (f.layer === 'EigenLayer' && f.operatorHhi === null && f.exposurePct > 0) return j('unknown', 'Operator concentration could not be worked out.');
  if (f.layer === 'Symbiotic' && f.sumOfLimitsPct === null) return j('unknown', 'The sum of the network limits could not be worked out.');

  // Judged on the worst case in reach: today's share plus what pending allocations add at their effect block.
  const soon = f.exposurePct + (f.pendingIncreasePct ?? 0);
  const of = f.layer === 'Symbiotic' ? 'the stake' : 'the backing';
  const claim = (p: number) => (f.layer === 'Symbiotic' ? `One network can slash ${pct(p)} of the stake` : `${pct(p)} of the backing is slashable`);
  const pendingNote = f.pendingIncreasePct ? ` (${pct(f.exposurePct)} now, ${pct(f.pendingIncreasePct)} more once pending allocations take effect)` : '';

  if (soon > SLASHABLE_RED_ABOVE_PCT) return j('bad', `${claim(soon)}${pendingNote} (over ${SLASHABLE_RED_ABOVE_PCT}%).`);
  if (f.redistributingPct > 0) return j('bad', `${pct(f.redistributingPct)} of ${of} can be redistributed: slashed funds go to a third party, not a burn.`);
  if (f.noVetoPct > NO_VETO_RED_ABOVE_PCT) return j('bad', `${pct(f.noVetoPct)} of ${of} can be slashed with no veto window (over ${NO_VETO_RED_ABOVE_PCT}%).`);
  if (f.operatorHhi !== null && f.operatorHhi > HHI_RED_ABOVE) return j('bad', `Stake is concentrated in few operators (HHI ${f.operatorHhi.toFixed(2)}, over ${HHI_RED_ABOVE}).`);

  if (soon > SLASHABLE_YELLOW_ABOVE_PCT) return j('warning', `${claim(soon)}${pendingNote} (${SLASHABLE_YELLOW_ABOVE_PCT}–${SLASHABLE_RED_ABOVE_PCT}%).`);
  if (f.noVetoPct > 0) return j('warning', `${pct(f.noVetoPct)} of ${of} can be slashed with no veto window.`);
  if (f.operatorHhi !== null && f.operatorHhi >= HHI_YELLOW_FROM) return j('warning', `Operator concentration HHI ${f.operatorHhi.toFixed(2)} (${HHI_YELLOW_FROM}–${HHI_RED_ABOVE}).`);
  if (f.sumOfLimitsPct !== null && f.sumOfLimitsPct > SUM_OF_LIMITS_YELLOW_ABOVE_PCT) {
    return j('warning', `The network limits add up to ${pct(f.sumOfLimitsPct)} of the stake: the same stake is promised to several networks.`);
  }
  if (soon === 0) return j('good', 'Nothing is slashable now: no operator set or network has stake of this token allocated.');
  return j('good', `${claim(soon)} (at most ${SLASHABLE_YELLOW_ABOVE_PCT}%), none redistributed, every slash veto-gated.`);
}

/** EigenLayer read → judge input. */
export function fromEigenLayer(t: TokenExposure, asOf: string, ttlMs: number): SlashingFigures {
  return {
    layer: 'EigenLayer',
    asOf,
    ttlMs,
    complete: t.complete && t.backingEth > 0,
    unslashable: false,
    exposurePct: t.slashablePct,
    pendingIncreasePct: t.pendingIncreasePct,
    sumOfLimitsPct: null,
    redistributingPct: t.redistributingPct,
    noVetoPct: t.noVetoPct,
    operatorHhi: t.operatorHhi,
  };
}

/** Symbiotic read → judge input: shared stake judged on the largest single network and the sum of limits. */
export function fromSymbiotic(v: VaultExposure, asOf: string, ttlMs: number): SlashingFigures {
  return {
    layer: 'Symbiotic',
    asOf,
    ttlMs,
    complete: v.complete,
    unslashable: v.legacy || v.slasher?.kind === 'none',
    exposurePct: v.largestNetworkPct,
    pendingIncreasePct: null,
    sumOfLimitsPct: v.sumOfLimitsPct,
    redistributingPct: v.redistributingPct,
    noVetoPct: v.noVetoPct,
    operatorHhi: null,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The plain sentence the card's Slashing section starts with, for an EigenLayer read. */
export function eigenLayerSentence(symbol: string, t: TokenExposure): string {
  if (t.backingEth <= 0 || t.slashablePct === null) return `How much of ${symbol}'s backing can be slashed could not be read.`;
  const partial = t.complete ? '' : ' (partial read: some calls are missing, so it may be more)';
  if (t.slashableEth === 0) return `None of ${symbol}'s backing can be slashed now: no AVS has stake of it allocated${partial}.`;
  const redist = (t.redistributingPct ?? 0) > 0 ? `${pct(t.redistributingPct!)} can be redistributed` : 'none redistributes';
  return `Up to ${pct(t.slashablePct)} of ${symbol}'s backing can be slashed by ${plural(t.avsCount, 'AVS', 'AVSs')}; ${redist}${partial}.`;
}

/** The plain sentence for a Symbiotic (Mellow) read. */
export function symbioticSentence(symbol: string, v: VaultExposure): string {
  if (v.legacy) return `Nothing in ${symbol} can be slashed: the vault holds no Symbiotic vault (not migrated).`;
  if (v.slasher?.kind === 'none') return `Nothing in ${symbol} can be slashed: its Symbiotic vault has no slasher.`;
  if (v.largestNetworkPct === null || v.sumOfLimitsPct === null) return `How much of ${symbol}'s Symbiotic stake can be slashed could not be read.`;
  const partial = v.complete ? '' : ' (partial read)';
  if (v.networks.length === 0) return `No network can slash ${symbol}'s Symbiotic stake now${partial}.`;
  const where = (v.redistributingPct ?? 0) > 0 ? 'slashed collateral goes to an address that is not a burner' : 'slashed collateral is burned';
  return `One network can slash up to ${pct(v.largestNetworkPct)} of ${symbol}'s Symbiotic stake; ${plural(v.networks.length, 'network', 'networks')} together up to ${pct(v.sumOfLimitsPct)}; ${where}${partial}.`;
}
