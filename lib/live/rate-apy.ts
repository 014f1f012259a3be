// Runs in: background, tests. APY computed from a token's own on-chain rate, for tokens DefiLlama has no adaptor
// for: the worker keeps a few rate samples a day per token (one per 6-hour slot, 31 days) and annualises the growth
// over the longest window up to 30 days, once at least 7 days are covered, as the yield-server adaptors do
// (Renzo's 30-day compounding). Samples live in one small record per token behind a key-value backend (a
// storage.local key per token, or an IndexedDB object store), so a refresh rewrites one token's record, never the
// whole live cache. Pure apart from the backend it is given.
import { z } from '../zod';
import { RATE_SAMPLES_PREFIX } from '../storage-keys';

export interface RateSample {
  /** When the rate was read, ms since the epoch (the block's time when known). */
  t: number;
  /** Units of the token's underlying per token. */
  rate: number;
}

/** One sample per slot: 4 a day is plenty for 7- and 30-day growth and keeps a token's record near 2 kB. */
export const SLOT_MS = 6 * 3_600_000;
/** Samples older than this are dropped. */
export const KEEP_DAYS = 31;
/** No figure before the samples cover this many days. */
export const MIN_DAYS = 7;
/** The window annualised: the longest span up to this many days. */
export const WINDOW_DAYS = 30;
/** The newest sample must be at most this old, or the figure is stale (grey), not shown as current. */
export const FRESH_MS = 36 * 3_600_000;

const DAY = 86_400_000;

/**
 * Adds `s` to `samples` (sorted by time) and returns the new list, or the same array when nothing changed: a sample
 * in a slot that already has one, an absurd rate (not finite, not positive) or a time in the future is not kept.
 */
export function addSample(samples: readonly RateSample[], s: RateSample, now: number): readonly RateSample[] {
  if (!Number.isFinite(s.rate) || s.rate <= 0 || !Number.isFinite(s.t) || s.t > now + 60_000) return samples;
  const slot = Math.floor(s.t / SLOT_MS);
  if (samples.some((x) => Math.floor(x.t / SLOT_MS) === slot)) return samples;
  const keepFrom = now - KEEP_DAYS * DAY;
  return [...samples.filter((x) => x.t >= keepFrom), s].sort((a, b) => a.t - b.t);
}

export type ComputedApy =
  | {
      ok: true;
      /** Annualised, compounded, percent; negative when the rate fell (a loss is shown, not hidden). */
      apyPct: number;
      days: number;
      from: RateSample;
      to: RateSample;
      /** The card's words: "computed from the on-chain rate over 30 days". */
      basis: string;
    }
  | { ok: false; reason: 'too-few-days' | 'stale' | 'no-samples'; days: number; message: string };

/** APY from the samples: the newest fresh sample against the oldest one at most WINDOW_DAYS before it. */
export function apyFromSamples(samples: readonly RateSample[], now: number): ComputedApy {
  const to = samples.at(-1);
  if (!to) return { ok: false, reason: 'no-samples', days: 0, message: 'no rate samples yet' };
  const from = samples.find((x) => to.t - x.t <= WINDOW_DAYS * DAY + SLOT_MS)!;
  const days = (to.t - from.t) / DAY;
  if (now - to.t > FRESH_MS) return { ok: false, reason: 'stale', days, message: `the newest rate sample is ${Math.round((now - to.t) / 3_600_000)} hours old` };
  if (days < MIN_DAYS) return { ok: false, reason: 'too-few-days', days, message: `rate samples cover ${days.toFixed(1)} days; ${MIN_DAYS} are needed` };
  const apyPct = (Math.pow(to.rate / from.rate, 365 / days) - 1) * 100;
  const shown = Math.round(days);
  return { ok: true, apyPct, days, from, to, basis: `computed from the on-chain rate over ${shown} day${shown === 1 ? '' : 's'}` };
}

/** What the store needs from storage: per-key get and set (storage.local, an IndexedDB object store, a Map). */
export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** A token's record as stored: times in minutes since the epoch, rates as numbers; version 1. */
const Record1 = z.object({ v: z.literal(1), s: z.array(z.tuple([z.number(), z.number()])).check(z.maxLength(KEEP_DAYS * 4 + 8)) });
type Record1 = z.infer<typeof Record1>;

export const sampleKey = (tokenId: string) => `${RATE_SAMPLES_PREFIX}${tokenId}`;

const encode = (samples: readonly RateSample[]): Record1 => ({ v: 1, s: samples.map((x) => [Math.round(x.t / 60_000), x.rate]) });
const decode = (r: Record1): RateSample[] => r.s.map(([m, rate]) => ({ t: m * 60_000, rate })).filter((x) => Number.isFinite(x.rate) && x.rate > 0);

export interface RateSampleStore {
  /** Adds one reading; writes the token's record only when the sample was kept. Returns the samples after. */
  record(tokenId: string, sample: RateSample, now: number): Promise<readonly RateSample[]>;
  /** The token's samples; a missing or damaged record reads as none (and is overwritten by the next record). */
  samples(tokenId: string): Promise<readonly RateSample[]>;
  apy(tokenId: string, now: number): Promise<ComputedApy>;
}

export function rateSampleStore(backend: KeyValueBackend): RateSampleStore {
  async function samples(tokenId: string): Promise<readonly RateSample[]> {
    const raw = await backend.get(sampleKey(tokenId));
    const parsed = Record1.safeParse(raw);
    return parsed.success ? decode(parsed.data).sort((a, b) => a.t - b.t) : [];
  }
  return {
    samples,
    async record(tokenId, sample, now) {
      const before = await samples(tokenId);
      // Minute resolution is what is stored: round first so the slot test sees what a later read will see.
      const after = addSample(before, { t: Math.round(sample.t / 60_000) * 60_000, rate: sample.rate }, now);
      if (after !== before) await backend.set(sampleKey(tokenId), encode(after));
      return after;
    },
    async apy(tokenId, now) {
      return apyFromSamples(await samples(tokenId), now);
    },
  };
}
