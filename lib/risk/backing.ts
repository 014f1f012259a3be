// Runs in: background, tests. The Backing petal of method lrt-v0.2 with live inputs: the asset mix read from the
// protocol's views (lib/sources/backing.ts), the weakest LayerZero route read from chain (judgeBridgeRoutes), and
// the curated facts no view reveals (off-chain custody, restaking on several layers, whether supply is bridged),
// the latter only within the method's age limit. Red rules first, then yellow, then grey; green only when the mix
// is read, fully attributed and simple, and every bridge route is known to need two or more verifiers.
import type { Source } from '../provenance';
import type { BackingValue } from '../live/backing-values';
import type { BridgeJudgement } from './admin';
import type { Level } from './types';

/** Share of the backing that may sit in tokens other than native ETH and the top-tier LST before it is a warning. */
export const BACKING_OTHER_TOKENS_MAX_PCT = 10;
/** Share the protocol's views do not attribute to an asset beyond which the mix is not known well enough for green. */
export const BACKING_UNATTRIBUTED_MAX_PCT = 10;

export type BridgeInput =
  /** The live read of the token's curated routes, judged by judgeBridgeRoutes. */
  | { kind: 'live'; judgement: BridgeJudgement }
  /** A dated route fact (the deployer's config or a third party's read) within the age limit. */
  | { kind: 'curated'; minVerifiers: number; verified: boolean; route: string }
  /** Curated: no material supply on other chains. */
  | { kind: 'none' }
  | { kind: 'unknown'; why: string };

export interface BackingInput {
  mix: BackingValue | null;
  /** Restaking layers the token is on (curated). */
  layers: readonly string[];
  /** Backing held by an off-chain custodian, curated and within the age limit; null when not known. */
  offchainCustody: boolean | null;
  bridge: BridgeInput;
}

export interface BackingJudgement {
  level: Level;
  fact: string;
  links: Source[];
}

const pct = (n: number) => `${Number(n.toFixed(1))}%`;

/** Tokens in the mix other than native ETH and the top-tier LST, largest first. */
export function otherTokens(mix: BackingValue): { pct: number; names: string[] } {
  const others = mix.assets.filter((a) => a.kind === 'token' && !a.topTier);
  return { pct: others.reduce((s, a) => s + a.pct, 0), names: others.map((a) => a.label) };
}

function mixText(mix: BackingValue): string {
  const top = mix.assets.slice(0, 3).map((a) => `${a.label} ${pct(a.pct)}`).join(', ');
  return `${mix.protocol} backing ${Math.round(mix.totalEth).toLocaleString('en-US')} ETH: ${top}${mix.assets.length > 3 ? ', …' : ''}; ${pct(mix.layeredPct)} is itself a staking token`;
}

export function judgeBackingLive(b: BackingInput): BackingJudgement {
  const mixLinks: Source[] = b.mix ? b.mix.sources.slice(0, 6) : [];
  const bridgeLinks: Source[] = b.bridge.kind === 'live' ? b.bridge.judgement.links : [];
  const links = [...mixLinks, ...bridgeLinks];
  if (b.offchainCustody) return { level: 'bad', fact: 'Backing is held by an off-chain custodian.', links };
  if (b.bridge.kind === 'live' && b.bridge.judgement.level === 'bad') return { level: 'bad', fact: b.bridge.judgement.fact, links: bridgeLinks };
  if (b.bridge.kind === 'curated' && b.bridge.minVerifiers <= 1) {
    return { level: 'bad', fact: `Bridge route ${b.bridge.route} is secured by ${b.bridge.minVerifiers === 0 ? 'no' : 'a single'} verifier.`, links };
  }
  const several = b.layers.length > 1 ? `Restakes on ${b.layers.length} layers at once (${b.layers.join(', ')}).` : null;
  if (!b.mix) {
    if (several) return { level: 'warning', fact: several, links };
    return { level: 'unknown', fact: 'The mix of assets backing the token was not read.', links };
  }
  const others = otherTokens(b.mix);
  if (others.pct > BACKING_OTHER_TOKENS_MAX_PCT) {
    return { level: 'warning', fact: `${pct(others.pct)} of the backing is in other staking tokens (${others.names.join(', ')}), over ${BACKING_OTHER_TOKENS_MAX_PCT}%. ${mixText(b.mix)}.`, links };
  }
  if (several) return { level: 'warning', fact: `${several} ${mixText(b.mix)}.`, links };
  if (b.mix.unattributedPct > BACKING_UNATTRIBUTED_MAX_PCT) {
    return { level: 'unknown', fact: `${pct(b.mix.unattributedPct)} of the backing is not attributed to an asset by the protocol’s views (over ${BACKING_UNATTRIBUTED_MAX_PCT}%). ${mixText(b.mix)}.`, links };
  }
  const bridged =
    b.bridge.kind === 'none'
      ? 'not bridged'
      : b.bridge.kind === 'curated'
        ? `bridge route ${b.bridge.route}: ${b.bridge.minVerifiers} verifiers${b.bridge.verified ? '' : ' (unverified)'}`
        : b.bridge.kind === 'live'
          ? b.bridge.judgement.fact
          : null;
  if (b.bridge.kind === 'unknown') return { level: 'unknown', fact: `${mixText(b.mix)}. ${b.bridge.why}`, links };
  if (b.bridge.kind === 'live' && b.bridge.judgement.level !== 'good') return { level: 'unknown', fact: `${mixText(b.mix)}. ${b.bridge.judgement.fact}`, links };
  if (b.bridge.kind === 'curated' && !b.bridge.verified) return { level: 'unknown', fact: `${mixText(b.mix)}; ${bridged}.`, links };
  return { level: 'good', fact: `${mixText(b.mix)}; ${bridged}.`, links };
}

/** The bridge input from what is known, best first: the live route read, dated route facts, the curated profile. */
export interface BridgeSources {
  /** Curated routes exist for the token (then only a read of them, or a fresh route fact, can say more). */
  routes: number;
  live: { judgement: BridgeJudgement; fresh: boolean } | null;
  /** Route facts within the age limit. */
  facts: ReadonlyArray<{ route: string; minVerifiers: number; verified: boolean }>;
  /** The profile's curated `bridged` and `bridgeMinVerifiers`, when within the age limit; null otherwise. */
  curated: { bridged: boolean | null; minVerifiers: number | null; verified: boolean } | null;
}

export function bridgeInput(s: BridgeSources): BridgeInput {
  if (s.live?.fresh) return { kind: 'live', judgement: s.live.judgement };
  const weakest = [...s.facts].sort((a, b) => a.minVerifiers - b.minVerifiers)[0];
  if (weakest) return { kind: 'curated', minVerifiers: weakest.minVerifiers, verified: s.facts.every((f) => f.verified), route: weakest.route };
  if (s.routes > 0) return { kind: 'unknown', why: `Its ${s.routes} LayerZero route${s.routes === 1 ? ' has' : 's have'} not been read.` };
  const c = s.curated;
  if (c?.bridged === false) return { kind: 'none' };
  if (c?.bridged && c.minVerifiers !== null) return { kind: 'curated', minVerifiers: c.minVerifiers, verified: c.verified, route: 'on other chains' };
  if (c?.bridged) return { kind: 'unknown', why: 'Bridged supply exists; its verifier setup is not read or sourced.' };
  return { kind: 'unknown', why: 'Whether bridged supply exists, and how it is verified, is not known.' };
}
