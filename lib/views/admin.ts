// Runs in: background, tests. The card's Admin section from the daily discovery (issue 16): the sentence first (who
// can upgrade what, how fast, on the weakest path), then each contract that matters with its upgrade paths hop by hop
// (each hop with the read it rests on), the pausers apart, the curated bypasses with their sources, the "changed,
// seen on" lines, and what was not read. Display-ready data only, so the card in pages renders it without React.
import type { TokenProfile, SourceRef } from '../registry/schema';
import type { TokenLive } from '../live/facts';
import { controlsOf } from '../live/admin-jobs';
import { judgeInput, type TokenControls } from '../registry/controls';
import { effectiveHolder, fmtDelay, holderText, judgeAdminPaths, timelockTier, type ControlPath, type CuratedControl, type Hop } from '../risk/admin';
import type { Change, Discovery } from '../sources/admin';
import { FAILURE_TEXT } from '../failures';
import type { AdminLiveView, AdminPathView, SourceView } from './schema';

/** Paths listed per contract (fastest first); the rest are counted. */
export const MAX_PATHS_PER_CONTRACT = 4;
export const MAX_NOT_READ = 12;

const ROLE_TEXT: Record<Hop['role'], string> = {
  'proxy-admin': 'proxy admin (EIP-1967 admin slot)',
  beacon: 'beacon (EIP-1967 beacon slot)',
  owner: 'owner()',
  authority: 'authority() (AccessManager)',
  proposer: 'timelock proposer',
  executor: 'timelock executor',
  'role-member': 'role holder',
  curated: 'control held in code (curated)',
};

const lc = (a: string) => a.toLowerCase();
const doc = (s: SourceRef): SourceView => ({ kind: 'doc', url: s.url, title: s.title, ...(s.commit ? { commit: s.commit } : {}) });

function whoHolds(p: ControlPath): string {
  const held = effectiveHolder(p);
  return held === p.holder ? holderText(p.holder) : `${holderText(p.holder)}, executed only by ${holderText(held)}`;
}

/** A curated hop is no chain read: it cites the curated edge's own sources, and says what the edge is. */
function curatedHop(controls: TokenControls, from: string, to: string | null): { note: string | null; sources: SourceView[] } {
  const e = controls.edges.find((x) => lc(x.from) === lc(from) && to !== null && lc(x.to) === lc(to));
  if (!e) return { note: null, sources: [] };
  return { note: e.note, sources: controls.sources.filter((s) => e.sources.includes(s.id)).map(doc) };
}

function pathView(p: ControlPath, controls: TokenControls): AdminPathView {
  return {
    hops: p.hops.slice(0, 12).map((h, i) => {
      const to = p.hops[i + 1]?.address ?? p.holder.address;
      const curated = h.role === 'curated' ? curatedHop(controls, h.address, to) : null;
      return {
        from: h.address,
        role: curated?.note ? `${ROLE_TEXT.curated}: ${curated.note.slice(0, 150)}` : ROLE_TEXT[h.role],
        to,
        delay: h.delaySec > 0 ? fmtDelay(h.delaySec) : null,
        sources: h.source ? [h.source] : (curated?.sources ?? []),
      };
    }),
    holder: whoHolds(p),
    delay: fmtDelay(p.delaySec),
    tier: timelockTier(p.delaySec),
    resolved: p.holder.kind !== 'unresolved',
  };
}

function curatedView(c: CuratedControl, controls: TokenControls) {
  return {
    target: c.target,
    what: c.what,
    holder: holderText(c.holder),
    delay: fmtDelay(c.delaySec),
    verified: c.verified,
    sources: controls.sources.filter((s) => c.sources.includes(s.id)).map(doc),
  };
}

const CHANGE_TEXT: Record<Change['kind'], string> = {
  'new-implementation': 'new implementation',
  'new-admin': 'new proxy admin',
  'new-beacon': 'new beacon',
  'new-owner': 'new owner',
  'shorter-delay': 'shorter delay',
  'longer-delay': 'longer delay',
  threshold: 'Safe threshold',
  signers: 'Safe signers',
  modules: 'Safe modules',
  kind: 'kind of controller',
  proposers: 'timelock proposers',
  'controller-added': 'controller added',
  'controller-removed': 'controller removed',
};

const delayOf = (v: string) => (/^\d+$/.test(v) ? fmtDelay(Number(v)) : v);

function changeText(c: Change): string {
  const values = c.kind === 'shorter-delay' || c.kind === 'longer-delay' ? `${delayOf(c.from)} → ${delayOf(c.to)}` : `${c.from.slice(0, 250)} → ${c.to.slice(0, 250)}`;
  return `${CHANGE_TEXT[c.kind]} on ${c.address}: ${values}${c.weakens ? ' (weakens control)' : ''}`;
}

/** Why a contract that matters shows no path: no code where the list says it is, or not read at all. */
function contractNote(d: Discovery, address: string): string | null {
  const n = Object.values(d.nodes).find((x) => lc(x.address) === lc(address));
  if (!n) return 'not read';
  if (n.code.value === 'none') return 'no code at this address on chain';
  return null;
}

/** What the discovery could not read, one line each. */
function notRead(d: Discovery, paths: readonly ControlPath[], controls: TokenControls): string[] {
  const out = new Set<string>();
  for (const c of controls.contracts) {
    const why = contractNote(d, c.address);
    if (why) out.add(`${c.label} (${c.address}): ${why}`);
  }
  for (const p of paths) if (p.holder.kind === 'unresolved') out.add(`${p.targetLabel}: ${holderText(p.holder)}`);
  for (const n of Object.values(d.nodes)) for (const pr of n.problems) out.add(`${n.address}: ${pr}`);
  for (const t of d.truncated) out.add(`${t.to}, controller of ${t.from}, not read: ${t.why === 'depth' ? 'the depth limit was reached' : 'the address limit was reached'}`);
  for (const c of d.cycles) out.add(`control loops back: ${c.join(' → ')}`);
  return [...out];
}

const empty = (state: AdminLiveView['state'], sentence: string): AdminLiveView => ({
  state,
  sentence,
  okAt: null,
  fresh: false,
  failing: null,
  chain: null,
  block: null,
  verified: false,
  contracts: [],
  bypasses: [],
  pausers: [],
  changes: [],
  notRead: [],
  moreNotRead: 0,
});

/** The Admin section's live part, or undefined for a token with no controls list (the curated petal line says it all). */
export function adminView(t: TokenProfile, l: TokenLive | null, offline: boolean): AdminLiveView | undefined {
  const controls = controlsOf(t.id);
  if (!controls) return undefined;
  if (offline) return empty('offline', 'Offline mode: who can upgrade the contracts is not read from chain.');
  const f = l?.admin;
  if (!f) return empty('not-yet', `No chain read of who can upgrade ${t.symbol}'s contracts has arrived yet.`);
  const discovery = f.value.discovery as Discovery;
  const { contracts, curated } = judgeInput(controls, discovery);
  // The last good discovery is shown whatever its age (the card says how old); the petal judges only a fresh one.
  const j = judgeAdminPaths({ discovery, contracts, curated, redemptionDays: null });
  const w = j.weakest;
  const sentence = w
    ? w.curated
      ? `Fastest known way to change ${t.symbol}: ${w.curated.what} (${whoHolds(w)}, ${fmtDelay(w.delaySec)}, timelock tier ${timelockTier(w.delaySec)}).`
      : `Fastest known way to change ${t.symbol}: ${w.targetLabel} can be upgraded or re-pointed by ${whoHolds(w)} with ${fmtDelay(w.delaySec)} (timelock tier ${timelockTier(w.delaySec)}).`
    : `No upgrade path of ${t.symbol}'s contracts was resolved to a holder: ${j.fact}`;
  const lines = notRead(discovery, j.paths, controls);
  return {
    state: 'read',
    sentence,
    okAt: f.okAt,
    fresh: f.fresh,
    failing: f.failing.length ? [...new Set(f.failing.map((k) => FAILURE_TEXT[k] ?? 'failed'))].join('; ') : null,
    chain: discovery.chain,
    block: discovery.block,
    verified: controls.contracts.every((c) => c.verified),
    contracts: controls.contracts.slice(0, 20).map((c) => {
      const paths = j.paths.filter((p) => p.target && lc(p.target) === lc(c.address));
      return {
        label: c.label,
        address: c.address,
        verified: c.verified,
        weakest: !!w?.target && lc(w.target) === lc(c.address),
        note: contractNote(discovery, c.address),
        paths: paths.slice(0, MAX_PATHS_PER_CONTRACT).map((p) => pathView(p, controls)),
        morePaths: Math.max(0, paths.length - MAX_PATHS_PER_CONTRACT),
      };
    }),
    bypasses: curated.filter((c) => c.kind === 'upgrade').slice(0, 10).map((c) => curatedView(c, controls)),
    pausers: curated
      .filter((c) => c.kind === 'pause')
      .slice(0, 10)
      // As judgePause: a single key can freeze exits (a warning); a multisig pauser is shown without a colour change.
      .map((c) => ({ ...curatedView(c, controls), level: c.holder.kind === 'key' || (c.holder.kind === 'safe' && c.holder.threshold <= 1) ? ('warning' as const) : ('good' as const) })),
    changes: (f.value.changes as Change[]).slice(0, 10).map((c) => ({ text: changeText(c), seenAt: c.seenAt, weakens: c.weakens, sources: c.source ? [c.source] : [] })),
    notRead: lines.slice(0, MAX_NOT_READ),
    moreNotRead: Math.max(0, lines.length - MAX_NOT_READ),
  };
}

