// Runs in: background, tests. A proposal for the Admin petal of method lrt-v0.2, judged on the weakest path: of
// every contract that matters (token, minter, vault, oracle, withdrawal queue, bridge adapter), the shortest delay
// with which any of them can be upgraded or re-pointed, and who holds that path. Pure: it reads a Discovery
// (lib/sources/admin.ts) and curated facts, and never fetches. Pausing is judged apart and only ever warns.
// Bridge routes (lib/sources/bridges.ts) are judged by their verifier count.
//
// Thresholds, with their reasons and anchors (also in /work/notes/admin-method.md):
// - Exit window = shortest upgrade delay − redemption time (L2BEAT, packages/config/src/common/riskView.ts
//   EXIT_WINDOW): under 7 days red, 7–30 days yellow, 30 days or more green. The same 7 d / 30 d bars are DeFiScan's
//   Stage 1 and Stage 2 exit windows, so a green here is what both call a real chance to leave.
// - A single key (an EOA, an EIP-7702 account, a 1-of-n Safe) on the weakest path can never be green (Yearn's
//   curation gates a single EOA to its worst score); behind under 7 days it is red through the window rule.
// - A Safe with fewer than 3 signatures required, or a threshold of half its signers or less, is weak: at best
//   yellow (Yearn: "EOA or <3 signers" gate; DeFiScan's council bar: threshold ≥ 51%).
// - A Safe with modules: modules execute without the signers' threshold, so at best yellow until named.
// - Timelock tiers (Yearn governance scoring, shown beside the delay, not a separate colour): 7 days or more tier 1,
//   24 hours to 7 days tier 2, 12 to 24 hours tier 3, under 12 hours tier 4.
// - Unknown is grey, never green: a path that ends in a contract of unknown kind, a cycle, the depth limit or a
//   failed read makes the petal grey unless a known path is already red, or the unknown path already waits longer
//   than the weakest known one (its delay so far is a lower bound: every hop's wait still applies).
// - Pausing: a single-key pauser is yellow (it can freeze exits, not take funds); a pauser behind a multisig is shown
//   but does not change the colour.
// - Bridges: a route verified by at most one signature (required DVNs + optional threshold ≤ 1) is red (Yearn
//   marks such a route `weak`; DeFiScan's LayerZero PoC: with one required DVN "the attack can happen almost
//   instantly"; the rsETH 1-of-1 route of 2026-04-18). Two or more is acceptable.
import type { Address } from 'viem';
import type { ChainSource } from '../provenance';
import type { Discovery, DiscoveredNode, Edge } from '../sources/admin';
import type { LzRouteSecurity } from '../sources/bridges';
import { ORDER } from './levels';
import { PETALS, type Level, type Petal } from './types';

const DAY_S = 86_400;
export const WINDOW_RED_DAYS = 7;
export const WINDOW_GREEN_DAYS = 30;
export const MIN_SAFE_THRESHOLD = 3;
export const BRIDGE_MIN_VERIFIERS = 2;
/** Discovery runs daily; one missed run is tolerated, then the read is stale and counts as not read. */
export const ADMIN_DISCOVERY_TTL_MS = 2 * DAY_S * 1000;
export const ADMIN_METHOD_VERSION = 'lrt-v0.2';

/** What a path ends in. */
export type Holder =
  | { kind: 'key'; address: Address | null; delegate: Address | null }
  | { kind: 'safe'; address: Address | null; threshold: number; signers: number; modules: number }
  | { kind: 'unresolved'; address: Address | null; why: string };

export interface Hop {
  address: Address;
  /** How the next hop controls this one. */
  role: Edge['role'];
  delaySec: number;
  source: ChainSource | null;
}

export interface ControlPath {
  /** The contract that matters this path upgrades or re-points; null for a curated path named only by label. */
  target: Address | null;
  targetLabel: string;
  hops: Hop[];
  /** Sum of the delays on the path, in seconds: every wait on the way applies. */
  delaySec: number;
  holder: Holder;
  /**
   * Executors a restricted timelock on the path also needs (the weakest known one per timelock). An attacker holding
   * only the proposer cannot execute; the path is as strong as the strongest of its holder and these gates.
   */
  gates: Holder[];
  /** A curated bypass (no generic read shows it), with its sources. */
  curated: { what: string; verified: boolean; sources: string[] } | null;
}

export interface ContractThatMatters {
  address: Address;
  label: string;
}

/** A curated control fact: a bypass no generic read reveals, or a pauser. */
export interface CuratedControl {
  kind: 'upgrade' | 'pause';
  target: string;
  /** What it is, for the card: "Community multisig executes through the AccessManager with 0 delay". */
  what: string;
  holder: Holder;
  delaySec: number;
  verified: boolean;
  sources: string[];
}

export interface AdminInput {
  discovery: Discovery | null;
  contracts: readonly ContractThatMatters[];
  curated: readonly CuratedControl[];
  /** Typical redemption time in days (request to receiving the underlying); null when not known. */
  redemptionDays: number | null;
  /** With `now`, a discovery older than `ttlMs` (default ADMIN_DISCOVERY_TTL_MS) is treated as not read. */
  now?: Date;
  ttlMs?: number;
}

export interface AdminJudgement {
  level: Level;
  fact: string;
  /** The path the level rests on (fastest known, weakest holder on a tie). */
  weakest: ControlPath | null;
  /** Every path found, fastest first. */
  paths: ControlPath[];
  /** Exit window in days (may be negative: upgrades land before a redemption completes); null without both inputs. */
  exitWindowDays: number | null;
  timelockTier: 1 | 2 | 3 | 4 | null;
  pause: { level: Level; fact: string; holders: CuratedControl[] } | null;
  /** The reads the weakest path rests on, for the card's links. */
  links: ChainSource[];
  verified: boolean;
  /** When the discovery the judgement rests on was read; null without one. */
  asOf: string | null;
  methodVersion: string;
}

const lc = (a: string) => a.toLowerCase();
export const fmtDelay = (sec: number): string => {
  if (sec === 0) return 'no delay';
  if (sec < 3600) return `${Math.round(sec / 60)} min`;
  if (sec < 2 * DAY_S) return `${Number((sec / 3600).toFixed(1))} h`;
  return `${Number((sec / DAY_S).toFixed(1))} days`;
};

/** Yearn's governance tiers by delay (tier 1 best). */
export function timelockTier(delaySec: number): 1 | 2 | 3 | 4 {
  if (delaySec >= 7 * DAY_S) return 1;
  if (delaySec >= DAY_S) return 2;
  if (delaySec >= 12 * 3600) return 3;
  return 4;
}

/** A Safe is weak when few signatures suffice or a minority of signers can act. */
export function weakSafe(threshold: number, signers: number): boolean {
  return threshold < MIN_SAFE_THRESHOLD || threshold * 2 <= signers;
}

export function holderText(h: Holder): string {
  switch (h.kind) {
    case 'key':
      if (h.delegate) return `a single key (EIP-7702 account${h.address ? ` ${h.address}` : ''} delegating to ${h.delegate})`;
      return `a single key${h.address ? ` (${h.address})` : ''}`;
    case 'safe':
      return `a ${h.threshold}-of-${h.signers} Safe${h.address ? ` (${h.address})` : ''}${h.modules ? ` with ${h.modules} module${h.modules === 1 ? '' : 's'} that can act without the signers` : ''}`;
    case 'unresolved':
      return `a controller whose kind is not readable${h.address ? ` (${h.address})` : ''}: ${h.why}`;
  }
}

/** A discovered node as a path's holder: keys and Safes end a path (a 1-of-n Safe is a single key); others do not. */
export function holderOf(n: DiscoveredNode): Holder | null {
  const c = n.classification;
  if (c.kind === 'key') return { kind: 'key', address: n.address, delegate: c.delegate };
  if (c.kind === 'safe') {
    if (c.threshold.value <= 1) return { kind: 'key', address: n.address, delegate: null };
    return { kind: 'safe', address: n.address, threshold: c.threshold.value, signers: c.owners.value.length, modules: c.modules?.value.length ?? 0 };
  }
  return null;
}

/** Every control path from each contract that matters, through the discovery, to the holders at its ends. */
export function controlPaths(d: Discovery, contracts: readonly ContractThatMatters[]): ControlPath[] {
  const byLc = new Map(Object.values(d.nodes).map((n) => [lc(n.address), n]));
  const truncated = new Set(d.truncated.map((t) => `${lc(t.from)}>${lc(t.to)}`));
  const out: ControlPath[] = [];
  for (const c of contracts) {
    const root = byLc.get(lc(c.address));
    const base = { target: c.address, targetLabel: c.label, curated: null };
    const byNode = (a: Address) => byLc.get(lc(a));
    if (!root) {
      out.push({ ...base, hops: [], delaySec: 0, gates: [], holder: { kind: 'unresolved', address: c.address, why: 'not read' } });
      continue;
    }
    const walk = (n: DiscoveredNode, hops: Hop[], delay: number, onPath: Set<string>, gates: Holder[]) => {
      const h = holderOf(n);
      if (h && n !== root) {
        out.push({ ...base, hops, delaySec: delay, holder: h, gates });
        return;
      }
      const edges = n.controllers.filter((e) => lc(e.to) !== lc(n.address) && e.role !== 'executor');
      const gate = executorGate(n, byNode);
      const nextGates = gate ? [...gates, gate] : gates;
      const k = n.classification.kind;
      if (edges.length === 0) {
        if (n === root && !n.proxy && k !== 'unknown') return; // not a proxy, no owner: nothing upgrades it generically
        if (n === root && !n.proxy && k === 'unknown') {
          out.push({ ...base, hops, delaySec: delay, gates, holder: { kind: 'unresolved', address: n.address, why: 'no proxy slot and no owner read: roles may live in its code' } });
          return;
        }
        const why =
          k === 'timelock'
            ? 'timelock whose proposers are not enumerable'
            : k === 'access-manager'
              ? 'AccessManager whose role members are not enumerable'
              : n.code.value === 'none' && n === root
                ? 'no code'
                : 'a contract of unknown kind';
        out.push({ ...base, hops, delaySec: delay, gates, holder: { kind: 'unresolved', address: n.address, why } });
        return;
      }
      for (const e of edges) {
        const hop: Hop = { address: n.address, role: e.role, delaySec: e.delaySec, source: e.source };
        if (onPath.has(lc(e.to))) {
          out.push({ ...base, hops: [...hops, hop], delaySec: delay + e.delaySec, gates, holder: { kind: 'unresolved', address: e.to, why: 'control loops back (ownership cycle)' } });
          continue;
        }
        const next = byLc.get(lc(e.to));
        // A curated edge names a contract (a timelock, a role registry): no code there means the chain does not
        // match the source, not that a key holds it.
        if (e.role === 'curated' && next?.code.value === 'none') {
          out.push({ ...base, hops: [...hops, hop], delaySec: delay + e.delaySec, gates, holder: { kind: 'unresolved', address: e.to, why: 'the curated controller has no code on chain' } });
          continue;
        }
        if (!next || next.reason === 'implementation') {
          const why = truncated.has(`${lc(n.address)}>${lc(e.to)}`) ? 'depth limit reached: not read' : 'not read';
          out.push({ ...base, hops: [...hops, hop], delaySec: delay + e.delaySec, gates: e.role === 'proposer' ? nextGates : gates, holder: { kind: 'unresolved', address: e.to, why } });
          continue;
        }
        walk(next, [...hops, hop], delay + e.delaySec, new Set([...onPath, lc(e.to)]), e.role === 'proposer' ? nextGates : gates);
      }
    };
    walk(root, [], 0, new Set([lc(root.address)]), []);
  }
  return out;
}

/**
 * The weakest known executor of a timelock whose execution is restricted; null when anyone may execute, or when
 * an executor is not known or not a key or Safe (then no credit is given: the proposer alone decides).
 */
function executorGate(n: DiscoveredNode, node: (a: Address) => DiscoveredNode | undefined): Holder | null {
  const c = n.classification;
  if (c.kind !== 'timelock' || c.anyoneCanExecute?.value !== false) return null;
  const execs = n.controllers.filter((e) => e.role === 'executor').map((e) => node(e.to));
  if (execs.length === 0 || execs.some((x) => !x)) return null;
  const holders = execs.map((x) => holderOf(x!));
  if (holders.some((h) => h === null)) return null;
  return [...(holders as Holder[])].sort((a, b) => strength(a) - strength(b))[0]!;
}

/** Higher is harder to capture: a key, then a weak Safe, then a Safe by its threshold. */
function strength(h: Holder): number {
  if (h.kind === 'key') return 0;
  if (h.kind === 'unresolved') return -1;
  return (weakSafe(h.threshold, h.signers) ? 100 : 1000) + h.threshold;
}

/** The holder a path rests on: its end, or a stronger executor every action on it must also pass. */
export function effectiveHolder(p: ControlPath): Holder {
  if (p.holder.kind === 'unresolved') return p.holder;
  return p.gates.reduce<Holder>((h, g) => (strength(g) > strength(h) ? g : h), p.holder);
}

const rank = (h: Holder) => (h.kind === 'key' ? 0 : h.kind === 'unresolved' ? 1 : 2);
const byWeakness = (a: ControlPath, b: ControlPath) => a.delaySec - b.delaySec || rank(effectiveHolder(a)) - rank(effectiveHolder(b));

export function judgeAdminPaths(input: AdminInput): AdminJudgement {
  const age = input.discovery && input.now ? input.now.getTime() - Date.parse(input.discovery.at) : 0;
  const stale = input.discovery !== null && (!Number.isFinite(age) || age > (input.ttlMs ?? ADMIN_DISCOVERY_TTL_MS));
  const discovery = stale ? null : input.discovery;
  const discovered = discovery ? controlPaths(discovery, input.contracts) : [];
  const curatedPaths: ControlPath[] = input.curated
    .filter((c) => c.kind === 'upgrade')
        .map((c) => ({ target: null, targetLabel: c.target, hops: [], delaySec: c.delaySec, holder: c.holder, gates: [], curated: { what: c.what, verified: c.verified, sources: c.sources } }));
  const paths = [...discovered, ...curatedPaths].sort(byWeakness);
  const known = paths.filter((p) => p.holder.kind !== 'unresolved');
  const unresolved = paths.filter((p) => p.holder.kind === 'unresolved');
  const pause = judgePause(input.curated.filter((c) => c.kind === 'pause'));
  const weakest = known[0] ?? null;
  const links = weakest ? weakest.hops.flatMap((h) => (h.source ? [h.source] : [])) : [];
  const worstOf = (a: Level, b: Level): Level => (ORDER[a] >= ORDER[b] ? a : b);
  const finish = (level: Level, fact: string, exitWindowDays: number | null, verified: boolean): AdminJudgement => {
    const withPause = pause ? worstOf(level, pause.level) : level;
    const pauseText = pause && withPause !== level ? ` ${pause.fact}` : '';
    const staleText = stale ? ` (The last chain read, ${input.discovery!.at}, is stale and was not used.)` : '';
    return {
      level: withPause,
      fact: fact + pauseText + staleText,
      weakest,
      paths,
      exitWindowDays,
      timelockTier: weakest ? timelockTier(weakest.delaySec) : null,
      pause,
      links,
      verified,
      asOf: discovery?.at ?? null,
      methodVersion: ADMIN_METHOD_VERSION,
    };
  };

  if (paths.length === 0) {
    if (!discovery) return finish('unknown', 'Who can upgrade the contracts that matter has not been read from chain.', null, false);
    return finish('unknown', 'No upgrade path was found for the contracts that matter; roles held in code are not readable generically.', null, false);
  }
  if (!weakest) {
    const u = unresolved[0]!;
    return finish('unknown', `Who can upgrade ${u.targetLabel} is not known: ${holderText(u.holder)}.`, null, false);
  }
  const verified = weakest.curated ? weakest.curated.verified : true;
  const held = effectiveHolder(weakest);
  const who =
    held === weakest.holder
      ? holderText(weakest.holder)
      : `${holderText(weakest.holder)}, executed only by ${holderText(held)}`;
  const how = weakest.curated ? weakest.curated.what : `${weakest.targetLabel} can be upgraded or re-pointed by ${who}`;
  const delay = fmtDelay(weakest.delaySec);
  const tier = `timelock tier ${timelockTier(weakest.delaySec)}`;
  const delayDays = weakest.delaySec / DAY_S;
  const window = input.redemptionDays === null ? null : delayDays - input.redemptionDays;
  // An unknown path that may be faster than the weakest known one leaves the delay itself unknown.
  const fasterUnknown = unresolved.find((u) => u.delaySec < weakest.delaySec) ?? null;

  let level: Level;
  let text: string;
  if (window === null) {
    if (delayDays < WINDOW_RED_DAYS) {
      level = 'bad';
      text = `${how}, with ${delay} (${tier}): under ${WINDOW_RED_DAYS} days to leave.`;
    } else {
      level = 'unknown';
      text = `${how}, with ${delay} (${tier}); the redemption time, and so the exit window, is not known.`;
    }
  } else {
    const base = `Exit window ${fmtDays(window)}: ${how} with ${delay} (${tier}), redemption takes ${fmtDays(input.redemptionDays!)}`;
    if (window < WINDOW_RED_DAYS) {
      level = 'bad';
      text = `${base} (under ${WINDOW_RED_DAYS} days).`;
    } else if (window < WINDOW_GREEN_DAYS) {
      level = 'warning';
      text = `${base} (${WINDOW_RED_DAYS}–${WINDOW_GREEN_DAYS} days).`;
    } else {
      level = 'good';
      text = `${base} (${WINDOW_GREEN_DAYS} days or more).`;
    }
  }
  if (level === 'good' || level === 'unknown') {
    const h = held;
    const cap =
      h.kind === 'key'
        ? 'A single key holds this path.'
        : h.kind === 'safe' && weakSafe(h.threshold, h.signers)
          ? `A ${h.threshold}-of-${h.signers} Safe is weak (fewer than ${MIN_SAFE_THRESHOLD} signatures, or half its signers or fewer).`
          : h.kind === 'safe' && h.modules > 0
            ? 'Its Safe has modules that act without the signers.'
            : null;
    if (cap) {
      level = 'warning';
      text = `${text} ${cap}`;
    }
  }
  if (level !== 'bad' && fasterUnknown) {
    level = 'unknown';
    text = `${text} But another path may be faster: ${fasterUnknown.targetLabel} is controlled by ${holderText(fasterUnknown.holder)}.`;
  }
  if (!verified && level === 'good') {
    level = 'unknown';
    text = `${text} (unverified)`;
  }
  return finish(level, text, window, verified);
}

function fmtDays(d: number): string {
  const v = Number(d.toFixed(1));
  return `${v} ${Math.abs(v) === 1 ? 'day' : 'days'}`;
}


/**
 * The Admin petal from a judgement: live when it rests on a chain read, with the reads of the weakest path as its
 * links and the curated sources of any curated fact it rests on.
 */
export function adminPetal(j: AdminJudgement): Petal {
  const label = PETALS.find((p) => p.id === 'admin')!.label;
  const sources = [...new Set([...(j.weakest?.curated?.sources ?? []), ...(j.pause?.holders.flatMap((h) => h.sources) ?? [])])];
  return { id: 'admin', label, level: j.level, fact: j.fact, sources, links: j.links, method: j.asOf ? 'live' : 'curated', asOf: j.asOf, verified: j.verified };
}

/** Pausers: a single key can freeze withdrawals (yellow); a multisig pauser is shown without changing the colour. */
export function judgePause(pausers: readonly CuratedControl[]): AdminJudgement['pause'] {
  if (pausers.length === 0) return null;
  const key = pausers.find((p) => p.holder.kind === 'key' || (p.holder.kind === 'safe' && p.holder.threshold <= 1));
  if (key) return { level: 'warning', fact: `A single key can pause ${key.target} (${key.what}).`, holders: [...pausers] };
  const list = pausers.map((p) => `${p.target}: ${holderText(p.holder)}`).join('; ');
  return { level: 'good', fact: `Pausing: ${list}.`, holders: [...pausers] };
}

export interface BridgeJudgement {
  level: Level;
  fact: string;
  /** Smallest verifier count over the routes read; null when none was read. */
  minVerifiers: number | null;
  weakest: LzRouteSecurity | null;
  links: ChainSource[];
}

/** The weakest inbound route decides: a forged message on any route releases escrowed tokens. */
export function judgeBridgeRoutes(routes: readonly LzRouteSecurity[], unread: number, label: (r: LzRouteSecurity) => string = (r) => `eid ${r.route.remoteEid}`): BridgeJudgement {
  const live = routes.filter((r) => !r.blocked);
  if (live.length === 0) {
    return { level: 'unknown', fact: unread ? `${unread} bridge route${unread === 1 ? '' : 's'} could not be read.` : 'No bridge route was read.', minVerifiers: null, weakest: null, links: [] };
  }
  const weakest = [...live].sort((a, b) => a.minVerifiers - b.minVerifiers)[0]!;
  const n = weakest.minVerifiers;
  const links = [weakest.library.source, weakest.config];
  const route = `${label(weakest)} → ${weakest.route.oapp}`;
  const quorum = `${weakest.requiredDVNs.length} required${weakest.optionalDVNThreshold ? ` + ${weakest.optionalDVNThreshold} of ${weakest.optionalDVNs.length} optional` : ''}`;
  if (n < BRIDGE_MIN_VERIFIERS) {
    return { level: 'bad', fact: `Route ${route} is verified by ${n === 0 ? 'no' : 'a single'} verifier (${quorum}).`, minVerifiers: n, weakest, links };
  }
  if (unread > 0) {
    return { level: 'unknown', fact: `Weakest route read needs ${n} verifiers (${quorum}), but ${unread} route${unread === 1 ? '' : 's'} could not be read.`, minVerifiers: n, weakest, links };
  }
  return { level: 'good', fact: `Every route read needs at least ${n} verifiers; weakest ${route} (${quorum}).`, minVerifiers: n, weakest, links };
}
