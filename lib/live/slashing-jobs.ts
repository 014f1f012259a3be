// Runs in: background, tests. The slashing refresh jobs (issue 14), over the readers of lib/sources (eigenlayer.ts,
// symbiotic.ts, stakers.ts): which tokens they read, in what order, under which share of the refresh budget, and
// which cache keys they fill. They read their own earlier results from the cache (the staker map is built a slice
// per run; per-set constants and discovered networks are kept), so each run costs a bounded number of sub-calls.
//
// - el-stakers (hourly): once a day per protocol the staker contracts are enumerated; every run, the stakers whose
//   map entry is missing or oldest are re-read (delegatedTo + withdrawable shares), as many as the budget allows.
// - el-exposure (hourly): the fast path for every token whose stakers are listed, from the cached map.
// - sym-vaults (hourly): the Mellow vaults' Symbiotic exposure, with the delegator's networks discovered from its
//   events once a day (incrementally).
import type { Address, Hex, PublicClient } from 'viem';
import { chainSource, type Source } from '../provenance';
import { canonicalDeployment, type TokenProfile } from '../registry/schema';
import { STAKERS, STAKER_SOURCES, type StakerSpec } from '../registry/stakers';
import { REFRESH_BUDGET } from '../sources/chain-batch';
import { ALLOCATION_MANAGER, EL_CHAIN, readExposure, readStakers, setKey, type SetMeta, type StakerEntry, type StakerMap, type StrategyInput } from '../sources/eigenlayer';
import type { Failure, Outcome } from '../sources/http';
import { chainClient } from '../sources/rpc';
import { enumerateStakers } from '../sources/stakers';
import { discoverNetworks, SYMBIOTIC_CHAIN, readVaults, type VaultInput } from '../sources/symbiotic';
import type { Job, JobContext, JobRun, KeyOutcome } from './jobs';
import { key } from './keys';
import { JOB_PERIOD_MIN } from './periods';
import type { Entries, Entry, Kind, ValueOf } from './store';

/**
 * Sub-calls per run, per job: together at most the refresh budget (300), each eth_call at most 200 (chain-batch).
 * The fast path gets most (a full registry costs about 200 by the reader's estimate); the staker rotation the
 * least, since its map only needs to turn over once a day.
 */
export const SLASHING_BUDGET = { stakers: 70, exposure: 160, vaults: 70 } as const;
/** Of the stakers job's budget, what a day's enumeration may take (about 45 for the registry); the rest rotates. */
export const ENUMERATION_BUDGET = 50;
/** The Mellow vaults read through Symbiotic (issue 14). */
export const MELLOW_VAULTS = ['steaklrt', 're7lrt', 'amphreth', 'rsteth', 'dvsteth'] as const;
/**
 * First block the delegator events are scanned from: mined in January 2024, before Symbiotic's mainnet launch
 * (June 2024), so no SetMaxNetworkLimit event is earlier. A lower bound only costs a few empty log queries. A chain
 * whose head is below it cannot hold that deployment (a test chain) and is scanned from 0.
 */
export const SYMBIOTIC_SCAN_FROM = 19_000_000n;

const DAY_MS = 86_400_000;
/** A protocol whose staker list failed is asked again after this long. */
export const ENUMERATION_RETRY_MS = 6 * 3_600_000;
/** A staker map entry older than this (the rotation stalled, the RPC was down) no longer counts: partial. */
export const STAKER_MAX_AGE_MS = 2 * DAY_MS;
/** `getSlasher` changes only after a 17.5-day delay and redistribution is fixed at creation: a week is safe. */
export const SET_META_MAX_AGE_MS = 7 * DAY_MS;

const whole = (failure: Failure, notes: string[] = [], requests = 0): JobRun => ({ outcomes: [], failure, notes, requests });
const failed = (k: string, f: { kind: Failure['kind']; message: string }): KeyOutcome => ({ key: k, ok: false, kind: f.kind, message: f.message });
const ageMs = (e: Entry | undefined, now: Date) => (e?.okAt ? now.getTime() - Date.parse(e.okAt) : Infinity);
/** An entry's last good value, typed by its kind (the cache validated it on read). */
const value = <K extends Kind>(e: Entry | undefined, _kind: K): ValueOf<K> | null => (e?.okAt && e.value !== null ? (e.value as ValueOf<K>) : null);

/** The staker specs of the tokens being refreshed. */
export function specsFor(tokens: readonly TokenProfile[]): StakerSpec[] {
  const ids = new Set(tokens.map((t) => t.id));
  return STAKERS.filter((s) => s.tokens.some((t) => ids.has(t)));
}

const mellowTokens = (tokens: readonly TokenProfile[]) => tokens.filter((t) => (MELLOW_VAULTS as readonly string[]).includes(t.id));

async function cached(ctx: JobContext): Promise<Entries> {
  return (await ctx.cached?.()) ?? {};
}

function client(ctx: JobContext, chain: string): { client: PublicClient; notes: string[]; requests: () => number } | Failure {
  const cc = chainClient(chain, ctx.endpoints.rpc[chain] ?? []);
  if ('ok' in cc) return cc;
  return { client: cc.client, notes: [...(ctx.endpointNotes ?? []), ...cc.problems], requests: cc.requests };
}

/** The staker list a spec had at its last good enumeration. */
function listOf(entries: Entries, spec: StakerSpec): ValueOf<'el-stakers'> | null {
  return value(entries[key.elStakers(spec.protocol)], 'el-stakers');
}

export const stakersJob: Job = {
  id: 'el-stakers',
  periodMin: JOB_PERIOD_MIN.stakers,
  keys: (ctx) => specsFor(ctx.tokens).map((s) => key.elStakers(s.protocol)),
  async run(ctx) {
    const specs = specsFor(ctx.tokens);
    if (!specs.length) return { outcomes: [], failure: null, notes: [], requests: 0 };
    const cc = client(ctx, EL_CHAIN);
    if ('ok' in cc) return whole(cc, ctx.endpointNotes);
    const entries = await cached(ctx);
    const now = ctx.now();
    const outcomes: KeyOutcome[] = [];
    const notes = [...cc.notes];
    const lists = new Map(specs.map((s) => [s.protocol, listOf(entries, s)]));
    let budget: number = SLASHING_BUDGET.stakers;

    // A failed enumeration is retried after a few hours, not every run: each try costs the enumeration's budget.
    const due = specs.filter((s) => {
      const e = entries[key.elStakers(s.protocol)];
      const failedAgo = e?.error ? now.getTime() - Date.parse(e.error.at) : Infinity;
      return ageMs(e, now) > DAY_MS && failedAgo > ENUMERATION_RETRY_MS;
    });
    if (due.length) {
      const res = await enumerateStakers(cc.client, due, STAKER_SOURCES, { budget: ENUMERATION_BUDGET, now: ctx.now });
      if (!res.ok) return whole(res, notes, cc.requests());
      budget -= ENUMERATION_BUDGET;
      for (const spec of due) {
        const o = res.data[spec.protocol];
        const k = key.elStakers(spec.protocol);
        if (!o) continue;
        if (!o.ok) {
          outcomes.push(failed(k, o));
          continue;
        }
        const v: ValueOf<'el-stakers'> = { protocol: spec.protocol, tokens: spec.tokens, verified: spec.verified, stakers: o.data.stakers };
        lists.set(spec.protocol, v);
        outcomes.push({ key: k, ok: true, value: v, source: listSource(spec, o.data.stakers[0]?.source) });
      }
    }

    // Rotation: never-read stakers first, then the oldest entries; among equals the protocols take turns (rank
    // within the protocol's list), so ether.fi's ~475 nodes do not hold back a protocol listed after it.
    const seen = new Set<string>();
    const all = specs.flatMap((s) =>
      (lists.get(s.protocol)?.stakers ?? []).flatMap((x, rank) => {
        const lc = x.address.toLowerCase();
        if (seen.has(lc)) return [];
        seen.add(lc);
        return [{ staker: x.address as Address, strategies: s.strategies.map((k) => k.address as Address), rank }];
      }),
    );
    const order = all
      .map((x, i) => ({ x, i, at: entries[key.elStaker(x.staker)]?.okAt ?? '' }))
      .sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.x.rank !== b.x.rank ? a.x.rank - b.x.rank : a.i - b.i))
      .map((o) => ({ staker: o.x.staker, strategies: o.x.strategies }));
    const slice = order.slice(0, Math.floor(budget / 2));
    if (slice.length) {
      const res = await readStakers(cc.client, slice, { budget, now: ctx.now });
      if (!res.ok) return { outcomes, failure: res, notes, requests: cc.requests() };
      for (const [lc, o] of Object.entries(res.data.entries)) {
        outcomes.push(o.ok ? { key: key.elStaker(lc), ok: true, value: o.data, source: o.data.operator.source } : failed(key.elStaker(lc), o));
      }
      notes.push(`staker map: ${slice.length - res.data.notRead.length} of ${all.length} staker contracts read this run (rotation)`);
    }
    return { outcomes, failure: null, notes, requests: cc.requests() };
  },
};

/** The call that listed the stakers, or (a fixed list, an empty answer) the registry file the spec rests on. */
function listSource(spec: StakerSpec, first: Source | undefined): Source {
  if (first) return first;
  const ref = STAKER_SOURCES.find((s) => s.id === spec.sources[0]);
  return { kind: 'doc', url: ref?.url ?? 'https://github.com/', title: ref?.title ?? spec.protocol };
}

/** ETH per unit of a strategy's underlying: fixed by design, or the registry token's fresh live rate in ETH. */
function ethPer(entries: Entries, k: StakerSpec['strategies'][number], now: Date): number | null {
  if (k.ethPerUnderlying !== null) return k.ethPerUnderlying;
  if (!k.rateToken) return null;
  const e = entries[key.rate(k.rateToken)];
  const r = value(e, 'rate');
  // Three periods of the rates job, as the card's freshness rule (lib/live/facts.ts).
  return r && r.unit === 'ETH' && ageMs(e, now) <= 3 * JOB_PERIOD_MIN.rates * 60_000 ? r.rate : null;
}

export interface ExposurePlan {
  tokens: Array<{ tokenId: string; strategies: StrategyInput[]; stakers: Address[] }>;
  stakerMap: StakerMap['entries'];
  setMeta: Record<string, Outcome<SetMeta>>;
  /** Tokens whose stakers have not been enumerated yet. */
  unlisted: string[];
}

/** What the fast path reads, from the cache: the listed stakers, their map entries and the per-set constants. */
export function exposurePlan(tokens: readonly TokenProfile[], entries: Entries, now: Date): ExposurePlan {
  const ids = new Set(tokens.map((t) => t.id));
  const plan: ExposurePlan = { tokens: [], stakerMap: {}, setMeta: {}, unlisted: [] };
  for (const spec of specsFor(tokens)) {
    const list = listOf(entries, spec);
    for (const tokenId of spec.tokens.filter((t) => ids.has(t))) {
      if (!list) {
        plan.unlisted.push(tokenId);
        continue;
      }
      plan.tokens.push({
        tokenId,
        strategies: spec.strategies.map((k) => ({ address: k.address as Address, ethPerUnderlying: ethPer(entries, k, now) })),
        stakers: list.stakers.map((s) => s.address as Address),
      });
    }
    for (const s of list?.stakers ?? []) {
      const e = entries[key.elStaker(s.address)];
      const v = value(e, 'el-staker');
      if (v && ageMs(e, now) <= STAKER_MAX_AGE_MS) plan.stakerMap[s.address.toLowerCase()] = { ok: true, url: EL_CHAIN, fetchedAt: e!.okAt!, data: v as StakerEntry };
      else if (e?.error && !v) plan.stakerMap[s.address.toLowerCase()] = { ok: false, kind: e.error.kind, message: e.error.message };
    }
  }
  for (const [k, e] of Object.entries(entries)) {
    if (!k.startsWith('el-set:')) continue;
    const v = value(e, 'el-set');
    if (v && ageMs(e, now) <= SET_META_MAX_AGE_MS) plan.setMeta[setKey(v as SetMeta)] = { ok: true, url: ALLOCATION_MANAGER, fetchedAt: e.okAt!, data: v as SetMeta };
  }
  return plan;
}

export const exposureJob: Job = {
  id: 'el-exposure',
  periodMin: JOB_PERIOD_MIN.exposure,
  keys: (ctx) => specsFor(ctx.tokens).flatMap((s) => s.tokens.filter((t) => ctx.tokens.some((x) => x.id === t)).map(key.elExposure)),
  async run(ctx) {
    if (!specsFor(ctx.tokens).length) return { outcomes: [], failure: null, notes: [], requests: 0 };
    const cc = client(ctx, EL_CHAIN);
    if ('ok' in cc) return whole(cc, ctx.endpointNotes);
    const now = ctx.now();
    const plan = exposurePlan(ctx.tokens, await cached(ctx), now);
    const outcomes: KeyOutcome[] = plan.unlisted.map((t) => failed(key.elExposure(t), { kind: 'no-data', message: 'its staker contracts have not been enumerated yet' }));
    if (!plan.tokens.length) return { outcomes, failure: null, notes: cc.notes, requests: cc.requests() };
    const res = await readExposure(cc.client, { tokens: plan.tokens, stakerMap: plan.stakerMap, setMeta: plan.setMeta }, { budget: SLASHING_BUDGET.exposure, now: ctx.now });
    if (!res.ok) return { outcomes, failure: res, notes: cc.notes, requests: cc.requests() };
    const at = now.toISOString();
    for (const [tid, t] of Object.entries(res.data.tokens)) {
      const main = t.sources.find((s) => s.function.startsWith('getMinimumSlashableStake')) ?? t.sources[0] ?? chainSource(EL_CHAIN, ALLOCATION_MANAGER, 'getAllocatedSets(operators)', res.data.block, at);
      outcomes.push({ key: key.elExposure(tid), ok: true, value: t, source: main });
    }
    for (const [k, m] of Object.entries(res.data.setMeta)) {
      if (m.ok && !plan.setMeta[k]) outcomes.push({ key: key.elSet(k), ok: true, value: m.data, source: m.data.slasher.source });
    }
    const notes = [...cc.notes, `fast path: ${res.data.cost.subCalls} sub-calls in ${res.data.cost.ethCalls} eth_calls${res.data.budgetExceeded ? ' (budget reached: some figures are partial)' : ''}`];
    return { outcomes, failure: null, notes, requests: cc.requests() };
  },
};

/** The Mellow vaults the job reads: the canonical mainnet deployment of each. */
function vaultTokens(tokens: readonly TokenProfile[]): Array<{ tokenId: string; mellow: Address }> {
  return mellowTokens(tokens).flatMap((t) => {
    const d = canonicalDeployment(t);
    return d.chain === SYMBIOTIC_CHAIN ? [{ tokenId: t.id, mellow: d.address as Address }] : [];
  });
}

export const vaultsJob: Job = {
  id: 'sym-vaults',
  periodMin: JOB_PERIOD_MIN.vaults,
  keys: (ctx) => vaultTokens(ctx.tokens).map((v) => key.symVault(v.tokenId)),
  async run(ctx) {
    const vaults = vaultTokens(ctx.tokens);
    if (!vaults.length) return { outcomes: [], failure: null, notes: [], requests: 0 };
    const cc = client(ctx, SYMBIOTIC_CHAIN);
    if ('ok' in cc) return whole(cc, ctx.endpointNotes);
    const entries = await cached(ctx);
    const now = ctx.now();
    const outcomes: KeyOutcome[] = [];
    const notes = [...cc.notes];
    let head: bigint;
    try {
      head = await cc.client.getBlockNumber({ cacheTime: 0 });
    } catch {
      return whole({ ok: false, kind: 'network', message: 'the Symbiotic RPC did not answer eth_blockNumber' }, notes, cc.requests());
    }
    const scans = new Map<string, ValueOf<'sym-networks'>>();
    for (const v of vaults) {
      const s = value(entries[key.symNetworks(v.tokenId)], 'sym-networks');
      if (s) scans.set(v.tokenId, s);
    }

    /** Discovers (or continues discovering) the networks of each vault whose delegator is known. */
    const discover = async (delegators: Map<string, Address>) => {
      for (const v of vaults) {
        const d = delegators.get(v.tokenId);
        if (!d) continue;
        const prev = scans.get(v.tokenId);
        const same = prev && prev.delegator.toLowerCase() === d.toLowerCase();
        if (same && prev.reachedHead && ageMs(entries[key.symNetworks(v.tokenId)], now) <= DAY_MS) continue;
        const from = same ? BigInt(prev.scannedTo) + 1n : head < SYMBIOTIC_SCAN_FROM ? 0n : SYMBIOTIC_SCAN_FROM;
        const res = await discoverNetworks(cc.client, d, { fromBlock: from, now: ctx.now });
        if (!res.ok) {
          outcomes.push(failed(key.symNetworks(v.tokenId), res));
          continue;
        }
        const subnetworks = [...new Set([...(same ? prev.subnetworks : []), ...res.data.subnetworks])] as Hex[];
        const scan: ValueOf<'sym-networks'> = { ...res.data, subnetworks, reachedHead: BigInt(res.data.scannedTo) >= head };
        scans.set(v.tokenId, scan);
        entries[key.symNetworks(v.tokenId)] = { value: scan, okAt: now.toISOString(), source: res.data.source, error: null };
        outcomes.push({ key: key.symNetworks(v.tokenId), ok: true, value: scan, source: res.data.source });
      }
    };
    const delegatorOf = (tokenId: string): Address | null => {
      const prev = value(entries[key.symVault(tokenId)], 'sym-vault');
      return (prev?.delegatorType?.source.contract as Address | undefined) ?? null;
    };
    const inputs = (): VaultInput[] =>
      vaults.map((v) => {
        const s = scans.get(v.tokenId);
        const d = delegatorOf(v.tokenId);
        const usable = !!s && !!d && s.delegator.toLowerCase() === d.toLowerCase();
        return { tokenId: v.tokenId, mellowVault: v.mellow, subnetworks: usable ? (s.subnetworks as Hex[]) : [], networksScanned: usable && s.reachedHead };
      });

    await discover(new Map(vaults.flatMap((v) => (delegatorOf(v.tokenId) ? [[v.tokenId, delegatorOf(v.tokenId)!] as const] : []))));
    const res = await readVaults(cc.client, inputs(), { budget: SLASHING_BUDGET.vaults, now: ctx.now });
    if (!res.ok) return { outcomes, failure: res, notes, requests: cc.requests() };
    const read = { ...res.data.vaults };
    let spent = res.data.cost.subCalls;
    // A vault seen for the first time (or whose delegator changed): its networks are found now and it is read again
    // with what is left of the budget, so a first refresh does not wait a day for them.
    const found = new Map<string, Address>();
    for (const v of vaults) {
      const got = read[v.tokenId]?.delegatorType;
      if (got && got.source.contract.toLowerCase() !== delegatorOf(v.tokenId)?.toLowerCase()) {
        found.set(v.tokenId, got.source.contract as Address);
        entries[key.symVault(v.tokenId)] = { value: read[v.tokenId]!, okAt: now.toISOString(), source: got.source, error: null };
      }
    }
    if (found.size) {
      await discover(found);
      const again = await readVaults(cc.client, inputs().filter((i) => found.has(i.tokenId)), { budget: SLASHING_BUDGET.vaults - spent, now: ctx.now });
      if (again.ok) {
        spent += again.data.cost.subCalls;
        Object.assign(read, again.data.vaults);
      }
    }
    for (const [tid, v] of Object.entries(read)) {
      const main = v.networks[0]?.limit.source ?? v.vault?.source ?? v.sources[0];
      if (main) outcomes.push({ key: key.symVault(tid), ok: true, value: v, source: main });
      else outcomes.push(failed(key.symVault(tid), { kind: 'no-data', message: v.missing[0] ?? 'nothing was read' }));
    }
    notes.push(`Symbiotic: ${spent} sub-calls`);
    return { outcomes, failure: null, notes, requests: cc.requests() };
  },
};

export const slashingJobs = (): Job[] => [stakersJob, exposureJob, vaultsJob];

export { REFRESH_BUDGET };
