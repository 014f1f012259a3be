// Runs in: background, tests. How much of each token's EigenLayer stake can be slashed, by which operator sets,
// through which operators, whether slashed funds are redistributed, and whether a veto stands in the way; read
// from the DelegationManager and AllocationManager (Layr-Labs/eigenlayer-contracts v1.12.0) through Multicall3.
//
// Two paths, because the expensive part changes slowly:
// - slow (`readStakers`, cache a day, rotate): per staker contract its operator (`delegatedTo`) and withdrawable
//   shares per strategy. ether.fi alone has ~475 stakers, more than one refresh's budget.
// - fast (`readExposure`, every refresh): per operator its allocated sets and max magnitudes, per set the minimum
//   slashable stake, and the operators' total shares, which turn a set's slashable stake into a fraction of each
//   operator's stake. Every staker delegated to an operator can lose the same fraction of its shares
//   (AllocationManagerView `_getMinimumAllocatedStake`: shares × currentMagnitude / maxMagnitude).
// Per-set constants (redistribution, slasher, the slasher's veto window) are read once and passed back in.
import { parseAbi, type Abi, type Address, type PublicClient } from 'viem';
import type { ChainSource } from '../provenance';
import { BudgetedBatch, short, type Answer, type BatchOptions, type ViewCall } from './chain-batch';
import { type Outcome } from './http';
import { rpcFailure } from './rpc';

export const EL_CHAIN = 'eip155:1';
/** Mainnet proxies (eigenlayer-contracts README, "Current Deployment Contracts"). */
export const DELEGATION_MANAGER: Address = '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A';
export const ALLOCATION_MANAGER: Address = '0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39';
/** Not a contract: the strategy id native restaked ETH is accounted under (AllocationManagerStorage). */
export const BEACON_CHAIN_ETH_STRATEGY: Address = '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0';
export const EIGEN_STRATEGY: Address = '0xaCB55C530Acdb2849e6d4f36992Cd8c9D50ED8F7';
const ZERO: Address = '0x0000000000000000000000000000000000000000';
const WAD = 10n ** 18n;

const DM = parseAbi([
  'function delegatedTo(address staker) view returns (address)',
  'function getWithdrawableShares(address staker, address[] strategies) view returns (uint256[] withdrawableShares, uint256[] depositShares)',
  'function getOperatorsShares(address[] operators, address[] strategies) view returns (uint256[][])',
]) as Abi;
const AM = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
  'function getAllocatedSets(address operator) view returns (OperatorSet[])',
  'function getMaxMagnitudes(address[] operators, address strategy) view returns (uint64[])',
  'function getMinimumSlashableStake(OperatorSet operatorSet, address[] operators, address[] strategies, uint32 futureBlock) view returns (uint256[][] slashableStake)',
  'function isRedistributingOperatorSet(OperatorSet operatorSet) view returns (bool)',
  'function getSlasher(OperatorSet operatorSet) view returns (address)',
  'function getStrategyAllocations(address operator, address strategy) view returns (OperatorSet[], Allocation[])',
]) as Abi;
const STRATEGY = parseAbi(['function sharesToUnderlyingView(uint256 amountShares) view returns (uint256)']) as Abi;
/** eigenlayer-middleware VetoableSlasher: both immutable, so cacheable with the set. */
const VETOABLE = parseAbi(['function vetoWindowBlocks() view returns (uint32)', 'function vetoCommittee() view returns (address)']) as Abi;

export interface OperatorSetId {
  avs: Address;
  id: number;
}
export const setKey = (s: OperatorSetId) => `${s.avs.toLowerCase()}:${s.id}`;

export interface StrategyInput {
  address: Address;
  /**
   * ETH per unit of the strategy's underlying token, from a sourced rate (1 for beacon chain ETH; stETH is 1 by
   * design). null: the strategy's shares are read but left out of every ETH figure, and the token is partial.
   */
  ethPerUnderlying: number | null;
}

export interface TokenStakers {
  tokenId: string;
  stakers: readonly Address[];
  strategies: readonly StrategyInput[];
}

/** A value and the call it came from. Big integers travel as decimal strings (JSON-safe, exact). */
export interface Read<T> {
  value: T;
  source: ChainSource;
}

export interface StakerEntry {
  staker: Address;
  /** null: not delegated, so not slashable by any AVS. */
  operator: Read<Address | null>;
  /** Withdrawable shares per strategy (already net of past slashing). */
  shares: Read<Record<string, string>>;
}

export interface StakerMap {
  block: string;
  /** Per staker (lower-case address). A failed staker is a Failure of its own. */
  entries: Record<string, Outcome<StakerEntry>>;
  /** Stakers the budget left for a later rotation. */
  notRead: Address[];
  cost: { subCalls: number; ethCalls: number };
}

const lc = (a: string) => a.toLowerCase();
const isAddr = (v: unknown): v is Address => typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v);
const bigs = (v: unknown): bigint[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'bigint') ? (v as bigint[]) : null);

async function startBatch(client: PublicClient, opts: BatchOptions): Promise<BudgetedBatch> {
  const block = await client.getBlockNumber({ cacheTime: 0 });
  return new BudgetedBatch(client, EL_CHAIN, block, opts);
}

/** The next `size` items after `cursor`, wrapping around, so a daily cache is refreshed a slice per run. */
export function rotation<T>(all: readonly T[], cursor: number, size: number): { slice: T[]; next: number } {
  if (all.length === 0 || size <= 0) return { slice: [], next: 0 };
  const start = ((cursor % all.length) + all.length) % all.length;
  const n = Math.min(size, all.length);
  const slice = Array.from({ length: n }, (_, i) => all[(start + i) % all.length]!);
  return { slice, next: (start + n) % all.length };
}

/** Newer reads replace older ones; a failed newer read keeps the older good entry. Stakers no longer listed drop. */
export function mergeStakerMaps(older: StakerMap['entries'], newer: StakerMap['entries'], listed: readonly Address[]): StakerMap['entries'] {
  const out: StakerMap['entries'] = {};
  for (const a of listed.map(lc)) {
    const n = newer[a];
    const o = older[a];
    if (n?.ok) out[a] = n;
    else if (o?.ok) out[a] = o;
    else if (n) out[a] = n;
    else if (o) out[a] = o;
  }
  return out;
}

/** Slow path: `delegatedTo` and `getWithdrawableShares` per staker, 2 sub-calls each. */
export async function readStakers(
  client: PublicClient,
  stakers: ReadonlyArray<{ staker: Address; strategies: readonly Address[] }>,
  opts: BatchOptions = {},
): Promise<Outcome<StakerMap>> {
  let batch: BudgetedBatch;
  let answers: Array<Answer | null>;
  try {
    batch = await startBatch(client, opts);
    const calls: ViewCall[] = stakers.flatMap(({ staker, strategies }) => [
      { address: DELEGATION_MANAGER, abi: DM, functionName: 'delegatedTo', args: [staker], label: `delegatedTo(${staker})` },
      {
        address: DELEGATION_MANAGER,
        abi: DM,
        functionName: 'getWithdrawableShares',
        args: [staker, strategies],
        label: `getWithdrawableShares(${staker},[${strategies.map(short).join(',')}])`,
      },
    ]);
    // A staker is read whole or not at all: an odd budget leaves its second call for the next rotation.
    const fit = Math.floor(Math.min(batch.remaining, calls.length) / 2) * 2;
    answers = [...(await batch.run(calls.slice(0, fit))), ...calls.slice(fit).map(() => null)];
  } catch (err) {
    return rpcFailure(err, 'EigenLayer stakers');
  }
  const entries: StakerMap['entries'] = {};
  const notRead: Address[] = [];
  stakers.forEach(({ staker, strategies }, i) => {
    const d = answers[2 * i];
    const w = answers[2 * i + 1];
    if (!d || !w) return void notRead.push(staker);
    if (d.result.status !== 'success') return void (entries[lc(staker)] = rpcFailure(d.result.error, `delegatedTo(${short(staker)})`));
    if (w.result.status !== 'success') return void (entries[lc(staker)] = rpcFailure(w.result.error, `getWithdrawableShares(${short(staker)})`));
    const op = d.result.result;
    const withdrawable = Array.isArray(w.result.result) ? bigs(w.result.result[0]) : null;
    if (!isAddr(op) || !withdrawable || withdrawable.length !== strategies.length) {
      entries[lc(staker)] = { ok: false, kind: 'schema', message: `staker ${short(staker)}: DelegationManager answered in an unexpected shape` };
      return;
    }
    entries[lc(staker)] = {
      ok: true,
      url: d.source.contract,
      fetchedAt: d.source.at,
      data: {
        staker,
        operator: { value: lc(op) === ZERO ? null : op, source: d.source },
        shares: { value: Object.fromEntries(strategies.map((k, n) => [lc(k), withdrawable[n]!.toString()])), source: w.source },
      },
    };
  });
  return { ok: true, url: DELEGATION_MANAGER, fetchedAt: new Date().toISOString(), data: { block: batch.block.toString(), entries, notRead, cost: { subCalls: batch.spent, ethCalls: batch.ethCalls } } };
}

/** What a set's slasher is, as far as the chain shows. */
export type SlasherKind =
  /** eigenlayer-middleware VetoableSlasher: a committee can cancel a request within the window. */
  | 'veto'
  /** A slasher that exposes no veto window (an EOA, the AVS itself, an instant slasher): discretionary. */
  | 'no-veto'
  /** `getSlasher` returned zero: the set does not exist or nobody can slash it. */
  | 'none';

export interface SetMeta {
  avs: Address;
  id: number;
  redistributing: Read<boolean>;
  slasher: Read<Address>;
  kind: SlasherKind;
  /** For `veto`: the window in blocks and the committee, each with its call. */
  veto: { windowBlocks: Read<number>; committee: Read<Address> } | null;
}

/** Per-set constants: 2 sub-calls per set, then 2 per distinct slasher (its veto window, probed). */
export async function readSetMeta(client: PublicClient, sets: readonly OperatorSetId[], opts: BatchOptions = {}): Promise<Outcome<Record<string, Outcome<SetMeta>>>> {
  try {
    const batch = await startBatch(client, opts);
    return { ok: true, url: ALLOCATION_MANAGER, fetchedAt: new Date().toISOString(), data: await setMetaIn(batch, sets) };
  } catch (err) {
    return rpcFailure(err, 'EigenLayer operator sets');
  }
}

async function setMetaIn(batch: BudgetedBatch, sets: readonly OperatorSetId[]): Promise<Record<string, Outcome<SetMeta>>> {
  const tuple = (s: OperatorSetId) => ({ avs: s.avs, id: s.id });
  const label = (fn: string, s: OperatorSetId) => `${fn}((${s.avs},${s.id}))`;
  const first = await batch.run(
    sets.flatMap((s) => [
      { address: ALLOCATION_MANAGER, abi: AM, functionName: 'isRedistributingOperatorSet', args: [tuple(s)], label: label('isRedistributingOperatorSet', s) },
      { address: ALLOCATION_MANAGER, abi: AM, functionName: 'getSlasher', args: [tuple(s)], label: label('getSlasher', s) },
    ]),
  );
  const slashers = [
    ...new Set(
      sets.flatMap((_, i) => {
        const g = first[2 * i + 1];
        return g?.result.status === 'success' && isAddr(g.result.result) && lc(g.result.result) !== ZERO ? [g.result.result] : [];
      }),
    ),
  ];
  const probes = await batch.run(
    slashers.flatMap((s) => [
      { address: s, abi: VETOABLE, functionName: 'vetoWindowBlocks', args: [], label: 'vetoWindowBlocks()' },
      { address: s, abi: VETOABLE, functionName: 'vetoCommittee', args: [], label: 'vetoCommittee()' },
    ]),
  );
  const vetoOf = new Map<string, SetMeta['veto'] | 'unread'>();
  slashers.forEach((s, i) => {
    const w = probes[2 * i];
    const c = probes[2 * i + 1];
    if (!w || !c) return void vetoOf.set(lc(s), 'unread');
    // A window of 0 blocks is no veto at all.
    const ok = w.result.status === 'success' && typeof w.result.result === 'number' && w.result.result > 0 && c.result.status === 'success' && isAddr(c.result.result);
    vetoOf.set(lc(s), ok ? { windowBlocks: { value: w.result.result as number, source: w.source }, committee: { value: c.result.result as Address, source: c.source } } : null);
  });
  const out: Record<string, Outcome<SetMeta>> = {};
  sets.forEach((s, i) => {
    const r = first[2 * i];
    const g = first[2 * i + 1];
    const key = setKey(s);
    if (!r || !g) return void (out[key] = { ok: false, kind: 'no-data', message: `operator set ${short(s.avs)}#${s.id}: not read (call budget)` });
    if (r.result.status !== 'success') return void (out[key] = rpcFailure(r.result.error, `isRedistributingOperatorSet(${short(s.avs)}#${s.id})`));
    if (g.result.status !== 'success') return void (out[key] = rpcFailure(g.result.error, `getSlasher(${short(s.avs)}#${s.id})`));
    const slasher = g.result.result;
    if (typeof r.result.result !== 'boolean' || !isAddr(slasher)) return void (out[key] = { ok: false, kind: 'schema', message: `operator set ${short(s.avs)}#${s.id}: unexpected answer` });
    const veto = lc(slasher) === ZERO ? null : vetoOf.get(lc(slasher));
    if (veto === 'unread') return void (out[key] = { ok: false, kind: 'no-data', message: `slasher ${short(slasher)}: veto window not read (call budget)` });
    out[key] = {
      ok: true,
      url: ALLOCATION_MANAGER,
      fetchedAt: g.source.at,
      data: {
        avs: s.avs,
        id: s.id,
        redistributing: { value: r.result.result, source: r.source },
        slasher: { value: slasher, source: g.source },
        kind: lc(slasher) === ZERO ? 'none' : veto ? 'veto' : 'no-veto',
        veto: veto ?? null,
      },
    };
  });
  return out;
}

export interface SetExposure {
  avs: Address;
  id: number;
  /** ETH of this token's backing the set can slash now, and as a share of the backing. */
  slashableEth: number;
  pct: number;
  /** The getMinimumSlashableStake call the figure rests on, and its answer for this token's operators (shares, per strategy). */
  source: ChainSource;
  minimumSlashableStake: Record<string, Record<string, string>>;
  /** null when the per-set constants were not read (then the token is partial). */
  meta: SetMeta | null;
}

export interface OperatorExposure {
  operator: Address;
  /** This token's ETH delegated to the operator, and its share of the token's delegated ETH. */
  eth: number;
  pct: number;
  /** Max magnitude below 1e18 for some strategy: the operator was slashed before. 0 = nothing left to slash. */
  slashedBefore: boolean;
  maxMagnitudes: Read<Record<string, string>> | null;
  allocatedSets: Read<OperatorSetId[]> | null;
}

export interface PendingAllocation {
  operator: Address;
  avs: Address;
  id: number;
  strategy: Address;
  /** Magnitude change in WAD (1e18 = all of the operator's stake), positive = more becomes slashable. */
  pendingDiff: string;
  effectBlock: number;
  /** This token's ETH the change adds (positive) or removes once it takes effect. */
  eth: number;
  source: ChainSource;
}

export interface TokenExposure {
  tokenId: string;
  block: string;
  /** false when a call this token's figures depend on failed or was not made; `missing` says which. */
  complete: boolean;
  missing: string[];
  /** Backing = the sum of the withdrawable shares read for the token's stakers, in ETH (priced strategies only). */
  backingEth: number;
  /** Shares held by stakers delegated to no operator: not slashable by any AVS. */
  undelegatedEth: number;
  undelegatedPct: number | null;
  /** Σ over operators and strategies of shares × min(1, Σ over sets of the slashable fraction). */
  slashableEth: number;
  slashablePct: number | null;
  /** Slashable ETH in redistributing sets. Native ETH (beacon chain strategy) and EIGEN are never redistributed. */
  redistributingEth: number;
  redistributingPct: number | null;
  /** Slashable ETH behind a slasher that exposes no veto window. */
  noVetoEth: number;
  noVetoPct: number | null;
  sets: SetExposure[];
  largestSet: { avs: Address; id: number; pct: number } | null;
  largestAvs: { avs: Address; pct: number; sets: number } | null;
  /** Distinct AVSs with slashable stake of this token. */
  avsCount: number;
  operators: OperatorExposure[];
  operatorCount: number;
  topOperatorPct: number | null;
  /** Herfindahl index of the delegated ETH over operators (0–1). */
  operatorHhi: number | null;
  pending: PendingAllocation[];
  /** Share of the backing that becomes slashable when the pending allocations take effect (increases only); null when not all were read. */
  pendingIncreasePct: number | null;
  /** Pending allocations not read: they leave `complete` alone (today's figures stand) but null the increase. */
  pendingMissing: string[];
  /** Stakers whose map entry is missing or failed. */
  unreadStakers: Address[];
  /** Every call the figures rest on. */
  sources: ChainSource[];
}

export interface ExposureInput {
  tokens: ReadonlyArray<{ tokenId: string; strategies: readonly StrategyInput[]; stakers: readonly Address[] }>;
  /** The slow path's map (possibly a merge of several rotations). */
  stakerMap: StakerMap['entries'];
  /** Per-set constants from earlier runs; sets missing here are read this run, within the budget. */
  setMeta?: Record<string, Outcome<SetMeta>>;
  /** Read pending allocations (getStrategyAllocations per operator and strategy held). Default true. */
  pending?: boolean;
}

export interface ExposureRead {
  block: string;
  tokens: Record<string, TokenExposure>;
  /** Per-set constants, old and new, for the caller's cache. */
  setMeta: Record<string, Outcome<SetMeta>>;
  /** True when the budget cut something; each token's `missing` says what. */
  budgetExceeded: boolean;
  cost: { subCalls: number; ethCalls: number };
}

type Num = (x: bigint) => number;
const toEth: Num = (x) => Number(x) / 1e18;
const pctOf = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

/** Fast path. One RPC failure fails the whole read (the caller keeps its last good value); anything else is per item. */
export async function readExposure(client: PublicClient, input: ExposureInput, opts: BatchOptions = {}): Promise<Outcome<ExposureRead>> {
  try {
    const batch = await startBatch(client, opts);
    return { ok: true, url: ALLOCATION_MANAGER, fetchedAt: new Date().toISOString(), data: await exposureIn(batch, input) };
  } catch (err) {
    return rpcFailure(err, 'EigenLayer exposure');
  }
}

async function exposureIn(batch: BudgetedBatch, input: ExposureInput): Promise<ExposureRead> {
  const strategies = uniq(input.tokens.flatMap((t) => t.strategies.map((s) => s.address)));
  const entryOf = (s: Address) => input.stakerMap[lc(s)];
  const operators = uniq(
    input.tokens.flatMap((t) => t.stakers.flatMap((s) => {
      const e = entryOf(s);
      return e?.ok && e.data.operator.value ? [e.data.operator.value] : [];
    })),
  );
  let budgetExceeded = false;
  const cut = <T>(xs: Array<T | null>) => (xs.some((x) => x === null) ? ((budgetExceeded = true), xs) : xs);

  // 1. Operators: allocated sets, total shares (one call), max magnitudes (one call per strategy), LST prices.
  const lsts = strategies.filter((k) => lc(k) !== lc(BEACON_CHAIN_ETH_STRATEGY));
  const p1 = cut(
    await batch.run([
      ...(operators.length
        ? [{ address: DELEGATION_MANAGER, abi: DM, functionName: 'getOperatorsShares', args: [operators, strategies], label: `getOperatorsShares([${operators.length} operators],[${strategies.map(short).join(',')}])` }]
        : []),
      ...operators.map((o) => ({ address: ALLOCATION_MANAGER, abi: AM, functionName: 'getAllocatedSets', args: [o], label: `getAllocatedSets(${o})` })),
      ...(operators.length
        ? strategies.map((k) => ({ address: ALLOCATION_MANAGER, abi: AM, functionName: 'getMaxMagnitudes', args: [operators, k], label: `getMaxMagnitudes([${operators.length} operators],${k})` }))
        : []),
      ...lsts.map((k) => ({ address: k, abi: STRATEGY, functionName: 'sharesToUnderlyingView', args: [WAD], label: 'sharesToUnderlyingView(1e18)' })),
    ]),
  );
  let at = 0;
  const sharesAns = operators.length ? p1[at++] : null;
  const setsAns = operators.map(() => p1[at++]);
  const maxAns = operators.length ? strategies.map(() => p1[at++]) : [];
  const priceAns = lsts.map(() => p1[at++]);

  const opShares = new Map<string, bigint[]>(); // operator → shares per strategy (strategies order)
  const sharesRow = sharesAns?.result.status === 'success' && Array.isArray(sharesAns.result.result) ? (sharesAns.result.result as unknown[]) : null;
  operators.forEach((o, i) => {
    const row = sharesRow ? bigs(sharesRow[i]) : null;
    if (row && row.length === strategies.length) opShares.set(lc(o), row);
  });
  const allocated = new Map<string, Read<OperatorSetId[]>>();
  operators.forEach((o, i) => {
    const a = setsAns[i];
    if (a?.result.status === 'success' && Array.isArray(a.result.result)) {
      const sets = (a.result.result as Array<{ avs: Address; id: number }>).map((s) => ({ avs: s.avs, id: Number(s.id) }));
      allocated.set(lc(o), { value: sets, source: a.source });
    }
  });
  const maxMag = new Map<string, Read<Record<string, string>>>();
  operators.forEach((o, i) => {
    const row: Record<string, string> = {};
    let source: ChainSource | null = null;
    strategies.forEach((k, n) => {
      const a = maxAns[n];
      const vals = a?.result.status === 'success' ? bigs(a.result.result) : null;
      if (a && vals && vals[i] !== undefined) {
        row[lc(k)] = vals[i]!.toString();
        source ??= a.source;
      }
    });
    if (source) maxMag.set(lc(o), { value: row, source });
  });
  // ETH per strategy share: beacon chain shares are wei; an LST share is worth sharesToUnderlyingView(1e18)/1e18 units.
  const ethPerShare = new Map<string, { value: number; source: ChainSource | null } | null>();
  ethPerShare.set(lc(BEACON_CHAIN_ETH_STRATEGY), { value: 1, source: null });
  lsts.forEach((k, i) => {
    const a = priceAns[i];
    const units = a?.result.status === 'success' && typeof a.result.result === 'bigint' ? toEth(a.result.result) : null;
    ethPerShare.set(lc(k), units === null || !Number.isFinite(units) || units <= 0 || !a ? null : { value: units, source: a.source });
  });

  // 2. Sets: minimum slashable stake of our operators in each set, one call per set.
  const members = new Map<string, { set: OperatorSetId; ops: Address[] }>();
  for (const o of operators) {
    for (const s of allocated.get(lc(o))?.value ?? []) {
      const m = members.get(setKey(s)) ?? { set: s, ops: [] };
      m.ops.push(o);
      members.set(setKey(s), m);
    }
  }
  const setList = [...members.values()];
  const future = Number(batch.block) + 1;
  const p2 = cut(
    await batch.run(
      setList.map(({ set, ops }) => ({
        address: ALLOCATION_MANAGER,
        abi: AM,
        functionName: 'getMinimumSlashableStake',
        args: [{ avs: set.avs, id: set.id }, ops, strategies, future],
        label: `getMinimumSlashableStake((${set.avs},${set.id}),[${ops.length} operators],[${strategies.length} strategies],${future})`,
      })),
    ),
  );
  // fraction[set][operator][strategy] = slashable / operator shares
  const fraction = new Map<string, { source: ChainSource; byOp: Map<string, number[]>; raw: Map<string, bigint[]> }>();
  setList.forEach(({ set, ops }, i) => {
    const a = p2[i];
    if (a?.result.status !== 'success' || !Array.isArray(a.result.result)) return;
    const byOp = new Map<string, number[]>();
    const raw = new Map<string, bigint[]>();
    ops.forEach((o, n) => {
      const row = bigs((a.result.result as unknown[])[n]);
      const total = opShares.get(lc(o));
      if (!row || !total) return;
      raw.set(lc(o), row);
      byOp.set(lc(o), row.map((v, k) => (total[k]! > 0n ? Math.min(1, Number((v * WAD) / total[k]!) / 1e18) : 0)));
    });
    fraction.set(setKey(set), { source: a.source, byOp, raw });
  });

  // 3. Per-set constants not cached yet.
  const setMeta: Record<string, Outcome<SetMeta>> = { ...(input.setMeta ?? {}) };
  const unknownSets = setList.map((m) => m.set).filter((s) => !setMeta[setKey(s)]?.ok);
  if (unknownSets.length) {
    const before = batch.remaining;
    Object.assign(setMeta, await setMetaIn(batch, unknownSets));
    if (before < unknownSets.length * 2) budgetExceeded = true;
  }

  // 4. Pending allocations, per operator and strategy the token holds with it.
  const pendingAns = new Map<string, Answer | null>();
  if (input.pending !== false) {
    const pairs = uniq(
      input.tokens.flatMap((t) => t.stakers.flatMap((s) => {
        const e = entryOf(s);
        if (!e?.ok || !e.data.operator.value) return [];
        const o = e.data.operator.value;
        return Object.entries(e.data.shares.value).filter(([, v]) => v !== '0').map(([k]) => `${lc(o)}|${k}`);
      })),
    );
    const ans = cut(
      await batch.run(
        pairs.map((p) => {
          const [o, k] = p.split('|') as [Address, Address];
          return { address: ALLOCATION_MANAGER, abi: AM, functionName: 'getStrategyAllocations', args: [o, k], label: `getStrategyAllocations(${o},${k})` };
        }),
      ),
    );
    pairs.forEach((p, i) => pendingAns.set(p, ans[i] ?? null));
  }

  const tokens: Record<string, TokenExposure> = {};
  for (const t of input.tokens) {
    tokens[t.tokenId] = derive(t, {
      block: batch.block.toString(),
      entryOf,
      strategies,
      ethPerShare,
      opShares,
      allocated,
      maxMag,
      fraction,
      setMeta,
      pendingAns,
      pendingRead: input.pending !== false,
      sharesSource: sharesAns?.source ?? null,
    });
  }
  return { block: batch.block.toString(), tokens, setMeta, budgetExceeded, cost: { subCalls: batch.spent, ethCalls: batch.ethCalls } };
}

interface Ctx {
  block: string;
  entryOf: (s: Address) => Outcome<StakerEntry> | undefined;
  strategies: Address[];
  ethPerShare: Map<string, { value: number; source: ChainSource | null } | null>;
  opShares: Map<string, bigint[]>;
  allocated: Map<string, Read<OperatorSetId[]>>;
  maxMag: Map<string, Read<Record<string, string>>>;
  fraction: Map<string, { source: ChainSource; byOp: Map<string, number[]>; raw: Map<string, bigint[]> }>;
  setMeta: Record<string, Outcome<SetMeta>>;
  pendingAns: Map<string, Answer | null>;
  pendingRead: boolean;
  sharesSource: ChainSource | null;
}

function derive(t: ExposureInput['tokens'][number], c: Ctx): TokenExposure {
  const missing: string[] = [];
  const pendingMissing: string[] = [];
  const sources: ChainSource[] = [];
  const unreadStakers: Address[] = [];
  const kIndex = new Map(c.strategies.map((k, i) => [lc(k), i]));
  const priced = new Map(t.strategies.map((s) => [lc(s.address), s.ethPerUnderlying]));
  // ETH per share for this token's strategies: the chain's share price × the caller's sourced ETH rate.
  const perShare = (k: string): number | null => {
    const p = c.ethPerShare.get(k);
    const rate = priced.get(k);
    if (!p || rate === null || rate === undefined) return null;
    if (p.source) sources.push(p.source);
    return p.value * rate;
  };
  let backing = 0;
  let undelegated = 0;
  const byOp = new Map<string, Map<string, number>>(); // operator → strategy → ETH
  for (const s of t.stakers) {
    const e = c.entryOf(s);
    if (!e?.ok) {
      unreadStakers.push(s);
      missing.push(e ? `staker ${s}: ${e.message}` : `staker ${s}: not in the staker map yet`);
      continue;
    }
    sources.push(e.data.operator.source, e.data.shares.source);
    for (const [k, v] of Object.entries(e.data.shares.value)) {
      if (v === '0') continue;
      const ps = perShare(k);
      if (ps === null) {
        missing.push(`strategy ${k}: no ETH price, its shares are left out`);
        continue;
      }
      const eth = toEth(BigInt(v)) * ps;
      backing += eth;
      const o = e.data.operator.value;
      if (!o) {
        undelegated += eth;
        continue;
      }
      const m = byOp.get(lc(o)) ?? new Map<string, number>();
      m.set(k, (m.get(k) ?? 0) + eth);
      byOp.set(lc(o), m);
    }
  }
  const delegated = backing - undelegated;
  const opAddr = new Map<string, Address>();
  for (const s of t.stakers) {
    const e = c.entryOf(s);
    if (e?.ok && e.data.operator.value) opAddr.set(lc(e.data.operator.value), e.data.operator.value);
  }

  const perSet = new Map<string, { eth: number; set: OperatorSetId }>();
  let slashable = 0;
  let redistributing = 0;
  let noVeto = 0;
  let pendingIncrease = 0;
  const pending: PendingAllocation[] = [];
  const operators: OperatorExposure[] = [];
  for (const [o, holdings] of byOp) {
    const op = opAddr.get(o)!;
    const sets = c.allocated.get(o);
    const mm = c.maxMag.get(o) ?? null;
    if (!sets) missing.push(`operator ${op}: getAllocatedSets not read`);
    else sources.push(sets.source);
    if (!c.opShares.has(o)) missing.push(`operator ${op}: getOperatorsShares not read`);
    else if (c.sharesSource) sources.push(c.sharesSource);
    if (!mm) missing.push(`operator ${op}: getMaxMagnitudes not read`);
    else sources.push(mm.source);
    // Past slashing on any strategy read counts: it is the operator's record, not only this token's loss.
    const slashedBefore = mm ? Object.values(mm.value).some((v) => BigInt(v) < WAD) : false;
    const opEth = [...holdings.values()].reduce((a, b) => a + b, 0);
    operators.push({ operator: op, eth: opEth, pct: delegated > 0 ? (opEth / delegated) * 100 : 0, slashedBefore, maxMagnitudes: mm, allocatedSets: sets ?? null });

    for (const [k, eth] of holdings) {
      const ki = kIndex.get(k)!;
      let total = 0;
      for (const s of sets?.value ?? []) {
        const f = c.fraction.get(setKey(s));
        if (!f) {
          missing.push(`operator set ${s.avs}#${s.id}: getMinimumSlashableStake not read`);
          continue;
        }
        const frac = f.byOp.get(o)?.[ki];
        if (frac === undefined) continue;
        sources.push(f.source);
        if (frac <= 0) continue;
        total += frac;
        const cur = perSet.get(setKey(s)) ?? { eth: 0, set: s };
        cur.eth += eth * frac;
        perSet.set(setKey(s), cur);
        const meta = c.setMeta[setKey(s)];
        if (!meta?.ok) {
          missing.push(`operator set ${s.avs}#${s.id}: redistribution and slasher not read`);
          continue;
        }
        sources.push(meta.data.redistributing.source, meta.data.slasher.source);
        if (meta.data.veto) sources.push(meta.data.veto.windowBlocks.source, meta.data.veto.committee.source);
        // ELIP-006: redistribution moves ERC-20 strategy tokens; native ETH and EIGEN are burned or locked.
        if (meta.data.redistributing.value && k !== lc(BEACON_CHAIN_ETH_STRATEGY) && k !== lc(EIGEN_STRATEGY)) redistributing += eth * frac;
        if (meta.data.kind !== 'veto') noVeto += eth * frac;
      }
      // Sets can together allocate at most the whole magnitude; min(1, …) guards against rounding.
      slashable += eth * Math.min(1, total);

      if (!c.pendingRead) continue;
      const pa = c.pendingAns.get(`${o}|${k}`);
      if (!pa || pa.result.status !== 'success' || !Array.isArray(pa.result.result)) {
        pendingMissing.push(`operator ${op}: pending allocations ${pa ? 'failed' : 'not read (call budget)'}`);
        continue;
      }
      sources.push(pa.source);
      const [aSets, allocs] = pa.result.result as [Array<{ avs: Address; id: number }>, Array<{ currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number }>];
      const maxM = mm?.value[k] ? BigInt(mm.value[k]!) : WAD;
      aSets.forEach((s, n) => {
        const a = allocs[n];
        if (!a || a.pendingDiff === 0n || maxM === 0n) return;
        const share = Number((a.pendingDiff * WAD) / maxM) / 1e18;
        const delta = eth * share;
        pending.push({ operator: op, avs: s.avs, id: Number(s.id), strategy: c.strategies[ki]!, pendingDiff: a.pendingDiff.toString(), effectBlock: Number(a.effectBlock), eth: delta, source: pa.source });
        if (delta > 0) pendingIncrease += delta;
      });
    }
  }

  const setRows: SetExposure[] = [...perSet.values()]
    .map(({ eth, set }) => {
      const meta = c.setMeta[setKey(set)];
      const f = c.fraction.get(setKey(set))!;
      const minimumSlashableStake: Record<string, Record<string, string>> = {};
      for (const o of byOp.keys()) {
        const row = f.raw.get(o);
        if (row) minimumSlashableStake[o] = Object.fromEntries(c.strategies.map((k, i) => [lc(k), row[i]!.toString()]));
      }
      return { avs: set.avs, id: set.id, slashableEth: eth, pct: pctOf(eth, backing) ?? 0, source: f.source, minimumSlashableStake, meta: meta?.ok ? meta.data : null };
    })
    .sort((a, b) => b.slashableEth - a.slashableEth);
  const avs = new Map<string, { avs: Address; eth: number; sets: number }>();
  for (const s of setRows) {
    const a = avs.get(lc(s.avs)) ?? { avs: s.avs, eth: 0, sets: 0 };
    a.eth += s.slashableEth;
    a.sets += 1;
    avs.set(lc(s.avs), a);
  }
  const topAvs = [...avs.values()].sort((a, b) => b.eth - a.eth)[0];
  operators.sort((a, b) => b.eth - a.eth);
  const hhi = delegated > 0 ? operators.reduce((h, o) => h + (o.eth / delegated) ** 2, 0) : null;
  const seen = new Set<string>();
  const uniqSources = sources.filter((s) => {
    const k = `${s.contract}|${s.function}|${s.block}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  return {
    tokenId: t.tokenId,
    block: c.block,
    complete: missing.length === 0,
    missing: [...new Set(missing)],
    backingEth: backing,
    undelegatedEth: undelegated,
    undelegatedPct: pctOf(undelegated, backing),
    slashableEth: slashable,
    slashablePct: pctOf(slashable, backing),
    redistributingEth: redistributing,
    redistributingPct: pctOf(redistributing, backing),
    noVetoEth: noVeto,
    noVetoPct: pctOf(noVeto, backing),
    sets: setRows,
    largestSet: setRows[0] ? { avs: setRows[0].avs, id: setRows[0].id, pct: setRows[0].pct } : null,
    largestAvs: topAvs ? { avs: topAvs.avs, pct: pctOf(topAvs.eth, backing) ?? 0, sets: topAvs.sets } : null,
    avsCount: avs.size,
    operators,
    operatorCount: operators.length,
    topOperatorPct: operators[0] ? operators[0].pct : null,
    operatorHhi: hhi,
    pending,
    pendingIncreasePct: c.pendingRead && pendingMissing.length === 0 ? pctOf(pendingIncrease, backing) : null,
    pendingMissing: [...new Set(pendingMissing)],
    unreadStakers,
    sources: uniqSources,
  };
}

function uniq(xs: readonly Address[]): Address[];
function uniq(xs: readonly string[]): string[];
function uniq(xs: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const x of xs) if (!seen.has(lc(x))) seen.set(lc(x), x);
  return [...seen.values()];
}

/**
 * Sub-calls a full refresh costs, for the report and the scheduler: the slow path over every staker (2 each) and
 * the fast path (operators, sets, strategies, pending pairs), plus per-set constants when not cached.
 */
export function refreshCost(n: { stakers: number; operators: number; sets: number; strategies: number; lsts: number; pendingPairs: number; uncachedSets: number; slashers: number }) {
  const slow = 2 * n.stakers;
  const fast = (n.operators ? 1 + n.strategies : 0) + n.operators + n.lsts + n.sets + n.pendingPairs;
  const meta = 2 * n.uncachedSets + 2 * n.slashers;
  return { slow, fast, meta, total: slow + fast + meta };
}
