// Runs in: background, tests. The live-data cache: the last good value of every live fact with when it arrived and
// where from, and the state of every refresh job. Kept in storage.local so it survives service-worker restarts and
// browser restarts. Each entry is checked with zod when read: a damaged entry is dropped alone (and reported),
// never the whole cache.
import { z } from 'zod';
import type { FailureKind } from '../sources/http';

z.config({ jitless: true });

export const ENTRIES_KEY = 'live:entries';
export const JOBS_KEY = 'live:jobs';

const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const Fail = z.object({ kind: z.string() as z.ZodType<FailureKind>, message: z.string().max(500), at: iso });

const RateValue = z.object({ rate: z.number().positive().finite(), unit: z.string(), supply: z.number().nonnegative().nullable(), call: z.string(), block: z.string() });
const PriceValue = z.object({ usd: z.number().positive().finite(), priceAt: iso });
const ChartValue = z.array(z.object({ t: z.number(), usd: z.number().positive().finite() })).max(2000);
const YieldValue = z.object({
  apyPct: z.number().finite(),
  apyBasePct: z.number().finite().nullable(),
  pointAt: iso,
  history: z.array(z.object({ t: z.number(), apyPct: z.number().finite() })).max(400),
});
const TvlValue = z.number().nonnegative().finite();
const ExitValue = z.object({
  venue: z.string(),
  /** Price impact of selling each size, percent (positive = loss), keyed by size in units of the underlying. */
  impactPct: z.record(z.string(), z.number().finite()),
  block: z.string(),
});

/** Value schema per key prefix: `rate:<token>`, `price:<coin>`, `chart:<coin>`, `yield:<pool>`, `tvl:<slug>`, `exit:<token>`. */
export const VALUE_SCHEMAS = { rate: RateValue, price: PriceValue, chart: ChartValue, yield: YieldValue, tvl: TvlValue, exit: ExitValue } as const;
export type Kind = keyof typeof VALUE_SCHEMAS;
export type ValueOf<K extends Kind> = z.infer<(typeof VALUE_SCHEMAS)[K]>;

export interface Entry<T = unknown> {
  /** The last good value, kept through any number of failures. */
  value: T | null;
  /** When the last good value arrived (ISO). */
  okAt: string | null;
  /** Where it came from: a URL or an on-chain call. */
  source: string | null;
  /** The latest failure since the last success, if any. */
  error: z.infer<typeof Fail> | null;
}

/** A source can be a batched DefiLlama URL (up to COINS_PER_REQUEST coin keys, about 3.5 kB): the cap must admit it. */
const SOURCE_MAX = 4096;
const EntryShape = z.object({ value: z.unknown(), okAt: iso.nullable(), source: z.string().max(SOURCE_MAX).nullable(), error: Fail.nullable() });

export const JobState = z.object({
  lastRunAt: iso.nullable(),
  lastOkAt: iso.nullable(),
  /** Set when a run starts, cleared when it ends: still set after a restart means the run was interrupted. */
  runningSince: iso.nullable(),
  nextDueAt: iso.nullable(),
  failures: z.number().int().nonnegative(),
  error: Fail.nullable(),
  /** Endpoint problems seen on the last run that did not stop it (an RPC down, on the wrong chain). */
  notes: z.array(z.string().max(300)).max(10),
});
export type JobState = z.infer<typeof JobState>;

export const EMPTY_JOB: JobState = { lastRunAt: null, lastOkAt: null, runningSince: null, nextDueAt: null, failures: 0, error: null, notes: [] };

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
export function putOk(entries: Entries, key: string, value: unknown, source: string, at: string): void {
  entries[key] = { value, okAt: at, source, error: null };
}

/** Records a failure: the last good value and its time stay as they are. */
export function putFail(entries: Entries, key: string, kind: FailureKind, message: string, at: string): void {
  const prev = entries[key] ?? { value: null, okAt: null, source: null, error: null };
  entries[key] = { ...prev, error: { kind, message: message.slice(0, 500), at } };
}
