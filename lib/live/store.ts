// Runs in: background, tests. The live-data cache: the last good value of every live fact with when it arrived and
// where from, and the state of every refresh job. Kept in storage.local so it survives service-worker restarts and
// browser restarts. Each entry is checked with zod when read: a damaged entry is dropped alone (and reported),
// never the whole cache.
import { ENTRIES_KEY, JOBS_KEY } from '../storage-keys';
import { z } from '../zod';
import type { FailureKind } from '../sources/http';
import { plainText } from '../text';
import { ApiSource, ChainSource, Source } from '../provenance';
import { AdminValue } from './admin-value';
import { APY_PCT, CHART_MAX_POINTS, PRICE_USD, RATE, SUPPLY, TVL_USD, YIELD_MAX_POINTS } from '../sources/bounds';
import { BackingValue, LzRoutesValue } from './backing-values';


export { ENTRIES_KEY, JOBS_KEY };

const iso = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'));
const Fail = z.object({ kind: z.string() as unknown as z.ZodMiniType<FailureKind>, message: z.string().check(z.maxLength(500)), at: iso });
const num = (lo: number, hi: number) => z.number().check(z.gte(lo), z.lte(hi));

const RateValue = z.object({ rate: num(RATE.min, RATE.max), unit: z.string() });
const SupplyValue = num(0, SUPPLY.max);
const PriceValue = z.object({ usd: num(PRICE_USD.min, PRICE_USD.max), priceAt: iso, timeGiven: z._default(z.boolean(), true) });
const ChartValue = z.array(z.object({ t: z.number(), usd: num(PRICE_USD.min, PRICE_USD.max) })).check(z.maxLength(CHART_MAX_POINTS));
const YieldValue = z.object({
  apyPct: num(APY_PCT.min, APY_PCT.max),
  apyBasePct: z.nullable(num(APY_PCT.min, APY_PCT.max)),
  pointAt: iso,
  history: z.array(z.object({ t: z.number(), apyPct: num(APY_PCT.min, APY_PCT.max) })).check(z.maxLength(YIELD_MAX_POINTS)),
});
const PoolCheckValue = z.object({
  listed: z.boolean(),
  project: z.nullable(z.string().check(z.maxLength(80))),
  symbol: z.nullable(z.string().check(z.maxLength(40))),
  chain: z.nullable(z.string().check(z.maxLength(40))),
});
const TvlValue = num(0, TVL_USD.max);
const Sellable = z.object({ size: z.nullable(num(0, 1e9)), basis: z.enum(['interpolated', 'at-least', 'below-smallest']), venue: z.nullable(z.string().check(z.maxLength(200))) });
/** One quoted venue: what it pays out, its impact per ladder size, and the quoting call behind it. */
const VenueValue = z.object({
  venue: z.string().check(z.maxLength(200)),
  exitAsset: z.string().check(z.maxLength(20)),
  impactPct: z.record(z.string(), num(-100, 100)),
  sellable: z.record(z.string(), Sellable),
  source: ChainSource,
});
const ExitValue = z.object({
  venue: z.string(),
  /** Price impact of selling each size, percent (positive = loss), keyed by size in units of the underlying. */
  impactPct: z.record(z.string(), num(-100, 100)),
  /** The quote in full (lib/sources/exit.ts ExitQuote); optional so entries stored before it still read. */
  bestVenue: z.optional(z.record(z.string(), z.string().check(z.maxLength(200)))),
  sellable: z.optional(z.record(z.string(), Sellable)),
  denomination: z.optional(z.enum(['ETH', 'BTC'])),
  reported: z.optional(z.array(num(0, 1e9)).check(z.maxLength(10))),
  venues: z.optional(z.array(VenueValue).check(z.maxLength(40))),
  skipped: z.optional(z.array(z.object({ venue: z.string().check(z.maxLength(200)), reason: z.string().check(z.maxLength(300)) })).check(z.maxLength(40))),
});
/** An aggregator route's exit figures (lib/sources/aggregator.ts AggregatorQuote). */
const RouteValue = z.object({
  via: z.literal('aggregator'),
  denomination: z.enum(['ETH', 'BTC']),
  impactPct: z.record(z.string(), num(0, 100)),
  sellable: z.record(z.string(), z.object({ size: z.nullable(num(0, 1e9)), basis: z.enum(['interpolated', 'at-least', 'below-smallest']) })),
  sources: z.array(ApiSource).check(z.maxLength(8)),
});
/** APY from the token's own rate over `days` (lib/live/rate-apy.ts), with the two samples it rests on. */
const RateApyValue = z.object({
  apyPct: num(APY_PCT.min, APY_PCT.max),
  days: num(0, 31),
  basis: z.string().check(z.maxLength(100)),
  from: z.object({ t: z.number(), rate: num(RATE.min, RATE.max) }),
  to: z.object({ t: z.number(), rate: num(RATE.min, RATE.max) }),
});
const RedemptionValue = z.object({
  protocol: z.string().check(z.maxLength(100)),
  open: z.nullable(z.boolean()),
  instant: z.nullable(z.object({ eth: num(0, SUPPLY.max), feePct: z.nullable(num(0, 100)) })),
  queue: z.nullable(z.object({ requests: num(0, 1e9), aheadEth: z.nullable(num(0, SUPPLY.max)) })),
  delayDays: z.nullable(num(0, 3650)),
  estimate: z.string().check(z.maxLength(300)),
  sources: z.array(ChainSource).check(z.maxLength(30)),
  block: z.string().check(z.regex(/^\d{1,20}$/)),
});

// Slashing (issue 14): the readers' own shapes (lib/sources/eigenlayer.ts, symbiotic.ts, stakers.ts), every
// figure with the call it came from. Big integers are decimal strings, as the readers give them.
const addr = z.string().check(z.regex(/^0x[0-9a-fA-F]{40}$/));
const dec = z.string().check(z.regex(/^\d{1,78}$/));
const hex32 = z.string().check(z.regex(/^0x[0-9a-fA-F]{64}$/));
const read = <T extends z.ZodMiniType>(v: T) => z.object({ value: v, source: ChainSource });
/** Percentages of a backing or a stake: 0 to 100, and up to a few networks' worth for a sum of limits. */
const pctOf = z.number().check(z.gte(0), z.lte(100_000));
const eth = z.number().check(z.gte(-1e12), z.lte(1e12));
const sources = z.array(ChainSource).check(z.maxLength(5000));
const notes = z.array(z.string().check(z.maxLength(500))).check(z.maxLength(2000));

const ElStakersValue = z.object({
  protocol: z.string(),
  tokens: z.array(z.string()),
  verified: z.boolean(),
  stakers: z.array(z.object({ address: addr, source: Source })).check(z.maxLength(2000)),
});
const ElStakerValue = z.object({ staker: addr, operator: read(z.nullable(addr)), shares: read(z.record(z.string(), dec)) });
const SetMetaValue = z.object({
  avs: addr,
  id: z.int().check(z.gte(0)),
  redistributing: read(z.boolean()),
  slasher: read(addr),
  kind: z.enum(['veto', 'no-veto', 'none']),
  veto: z.nullable(z.object({ windowBlocks: read(z.int().check(z.gte(0))), committee: read(addr) })),
});
const ElExposureValue = z.object({
  tokenId: z.string(),
  block: dec,
  complete: z.boolean(),
  missing: notes,
  backingEth: eth,
  undelegatedEth: eth,
  undelegatedPct: z.nullable(pctOf),
  slashableEth: eth,
  slashablePct: z.nullable(pctOf),
  redistributingEth: eth,
  redistributingPct: z.nullable(pctOf),
  noVetoEth: eth,
  noVetoPct: z.nullable(pctOf),
  sets: z.array(
    z.object({
      avs: addr,
      id: z.int(),
      slashableEth: eth,
      pct: pctOf,
      source: ChainSource,
      minimumSlashableStake: z.record(z.string(), z.record(z.string(), dec)),
      meta: z.nullable(SetMetaValue),
    }),
  ).check(z.maxLength(500)),
  largestSet: z.nullable(z.object({ avs: addr, id: z.int(), pct: pctOf })),
  largestAvs: z.nullable(z.object({ avs: addr, pct: pctOf, sets: z.int() })),
  avsCount: z.int().check(z.gte(0)),
  operators: z.array(
    z.object({
      operator: addr,
      eth,
      pct: pctOf,
      slashedBefore: z.boolean(),
      maxMagnitudes: z.nullable(read(z.record(z.string(), dec))),
      allocatedSets: z.nullable(read(z.array(z.object({ avs: addr, id: z.int() })))),
    }),
  ).check(z.maxLength(1000)),
  operatorCount: z.int().check(z.gte(0)),
  topOperatorPct: z.nullable(pctOf),
  operatorHhi: z.nullable(z.number().check(z.gte(0), z.lte(1.000001))),
  pending: z.array(
    z.object({ operator: addr, avs: addr, id: z.int(), strategy: addr, pendingDiff: z.string().check(z.regex(/^-?\d{1,40}$/)), effectBlock: z.int().check(z.gte(0)), eth, source: ChainSource }),
  ).check(z.maxLength(1000)),
  pendingIncreasePct: z.nullable(pctOf),
  pendingMissing: notes,
  unreadStakers: z.array(addr).check(z.maxLength(2000)),
  sources,
});
const NetworkScanValue = z.object({ delegator: addr, subnetworks: z.array(hex32).check(z.maxLength(1000)), scannedTo: dec, source: ChainSource, reachedHead: z.boolean() });
const SymVaultValue = z.object({
  tokenId: z.string(),
  block: dec,
  legacy: z.boolean(),
  vault: z.nullable(read(addr)),
  delegatorType: z.nullable(read(z.enum(['NetworkRestake', 'FullRestake', 'OperatorSpecific', 'OperatorNetworkSpecific']))),
  slasher: z.nullable(z.object({ kind: z.enum(['none', 'instant', 'veto']), address: read(addr), vetoSeconds: z.nullable(read(z.number().check(z.gte(0)))) })),
  activeStake: z.nullable(read(dec)),
  epochSeconds: z.nullable(read(z.number().check(z.gte(0)))),
  networks: z.array(
    z.object({ network: addr, subnetwork: hex32, limit: read(dec), pct: pctOf, resolver: z.nullable(read(addr)), receiver: z.nullable(read(addr)) }),
  ).check(z.maxLength(1000)),
  largestNetworkPct: z.nullable(pctOf),
  sumOfLimitsPct: z.nullable(pctOf),
  receivers: z.array(z.object({ address: addr, burns: z.boolean(), source: ChainSource })).check(z.maxLength(1000)),
  redistributingPct: z.nullable(pctOf),
  noVetoPct: z.nullable(pctOf),
  complete: z.boolean(),
  missing: notes,
  sources,
});

/**
 * Value schema per key prefix: `rate:<token>`, `supply:<token>`, `price:<coin>`, `chart:<coin>`, `yield:<pool>`,
 * `poolcheck:<pool>`, `tvl:<slug>`, `exit:<token>`, `redemption:<token>`, `rateapy:<token>`, and the slashing keys of lib/live/keys.ts. The bounds are the readers'
 * (lib/sources/bounds.ts): what is fetched can be kept.
 */
export const VALUE_SCHEMAS = {
  rate: RateValue,
  supply: SupplyValue,
  price: PriceValue,
  chart: ChartValue,
  yield: YieldValue,
  poolcheck: PoolCheckValue,
  tvl: TvlValue,
  exit: ExitValue,
  route: RouteValue,
  redemption: RedemptionValue,
  rateapy: RateApyValue,
  'el-stakers': ElStakersValue,
  'el-staker': ElStakerValue,
  'el-set': SetMetaValue,
  'el-exposure': ElExposureValue,
  'sym-networks': NetworkScanValue,
  'sym-vault': SymVaultValue,
  backing: BackingValue,
  'lz-routes': LzRoutesValue,
  admin: AdminValue,
} as const;
export type Kind = keyof typeof VALUE_SCHEMAS;
export type ValueOf<K extends Kind> = z.infer<(typeof VALUE_SCHEMAS)[K]>;

export interface Entry<T = unknown> {
  /** The last good value, kept through any number of failures. */
  value: T | null;
  /** When the last good value arrived (ISO). */
  okAt: string | null;
  /** Where it came from: the exact API response or contract call. */
  source: Source | null;
  /** The latest failure since the last success, if any. */
  error: z.infer<typeof Fail> | null;
}

const EntryShape = z.object({ value: z.unknown(), okAt: z.nullable(iso), source: z.nullable(Source), error: z.nullable(Fail) });

export const JobState = z.object({
  lastRunAt: z.nullable(iso),
  lastOkAt: z.nullable(iso),
  /** Set when a run starts, cleared when it ends: still set after a restart means the run was interrupted. */
  runningSince: z.nullable(iso),
  nextDueAt: z.nullable(iso),
  failures: z.int().check(z.nonnegative()),
  error: z.nullable(Fail),
  /** Endpoint problems seen on the last run that did not stop it (an RPC down, on the wrong chain). */
  notes: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(10)),
  /** Requests the last run sent (HTTP, or JSON-RPC including chain-id checks): what a refresh costs. */
  requests: z._default(z.int().check(z.nonnegative()), 0),
});
export type JobState = z.infer<typeof JobState>;

export const EMPTY_JOB: JobState = { lastRunAt: null, lastOkAt: null, runningSince: null, nextDueAt: null, failures: 0, error: null, notes: [], requests: 0 };

export type Entries = Record<string, Entry>;

export function kindOf(key: string): Kind | null {
  const k = key.slice(0, key.indexOf(':'));
  return Object.hasOwn(VALUE_SCHEMAS, k) ? (k as Kind) : null;
}

/** Validates stored entries one by one. Returns the good ones and the keys that were damaged. */
export function parseEntries(raw: unknown): { entries: Entries; damaged: string[] } {
  const entries: Entries = {};
  const damaged: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { entries, damaged: raw === undefined ? [] : ['(all entries)'] };
  for (const [key, v] of Object.entries(raw)) {
    // Entries written before sources were typed (a plain string) are dropped quietly: the next refresh re-reads them.
    if (v && typeof v === 'object' && typeof (v as { source?: unknown }).source === 'string') continue;
    const kind = kindOf(key);
    const shape = EntryShape.safeParse(v);
    const value = kind && shape.success && shape.data.value !== null ? VALUE_SCHEMAS[kind].safeParse(shape.data.value) : null;
    if (!kind || !shape.success || (value && !value.success)) {
      damaged.push(key);
      continue;
    }
    entries[key] = { ...shape.data, value: value ? value.data : null };
  }
  return { entries, damaged };
}

export function parseJobs(raw: unknown): Record<string, JobState> {
  const jobs: Record<string, JobState> = {};
  if (typeof raw !== 'object' || raw === null) return jobs;
  for (const [k, v] of Object.entries(raw)) {
    const p = JobState.safeParse(v);
    if (p.success) jobs[k] = p.data;
  }
  return jobs;
}

/** Storage as the store needs it: browser.storage.local in the extension, an in-memory map in tests. */
export interface KeyValue {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Reads and writes the cache. Writes are serialised through one chain so two jobs finishing together cannot
 * overwrite each other's entries.
 */
export class LiveStore {
  private chain: Promise<unknown> = Promise.resolve();
  /** Keys dropped as damaged since this store was created (reported in the data status). */
  readonly damaged = new Set<string>();

  constructor(private readonly kv: KeyValue) {}

  async read(): Promise<{ entries: Entries; jobs: Record<string, JobState> }> {
    const raw = await this.kv.get([ENTRIES_KEY, JOBS_KEY]);
    const { entries, damaged } = parseEntries(raw[ENTRIES_KEY]);
    for (const d of damaged) this.damaged.add(d);
    return { entries, jobs: parseJobs(raw[JOBS_KEY]) };
  }

  /** Read-modify-write under the store's lock. */
  update(fn: (s: { entries: Entries; jobs: Record<string, JobState> }) => void): Promise<void> {
    const next = this.chain.then(async () => {
      const s = await this.read();
      fn(s);
      await this.kv.set({ [ENTRIES_KEY]: s.entries, [JOBS_KEY]: s.jobs });
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}

/** Records a success: the value replaces the last good one and the error clears. */
export function putOk(entries: Entries, key: string, value: unknown, source: Source, at: string): void {
  // A value the cache would reject on its next read must not replace the last good one.
  const kind = kindOf(key);
  if (!kind || !VALUE_SCHEMAS[kind].safeParse(value).success || !Source.safeParse(source).success) {
    putFail(entries, key, 'implausible', 'the value read is outside plausible bounds; the last good value is kept', at);
    return;
  }
  entries[key] = { value, okAt: at, source, error: null };
}

/** Records a failure: the last good value and its time stay as they are. */
export function putFail(entries: Entries, key: string, kind: FailureKind, message: string, at: string): void {
  const prev = entries[key] ?? { value: null, okAt: null, source: null, error: null };
  entries[key] = { ...prev, error: { kind, message: plainText(message, 500), at } };
}
