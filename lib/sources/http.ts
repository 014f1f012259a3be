// Runs in: background, tests. One HTTP GET of JSON from a public data API, bounded in time and size, parsed with
// zod. Never throws: every outcome is a value, so one misbehaving API cannot crash a refresh or reach a page.
import type { z } from '../zod';
import { plainText } from '../text';
import type { FailureKind } from '../failures';

/** Why a source produced no value this time. Shown to users as "what failed". */
export type { FailureKind };

export interface Failure {
  ok: false;
  kind: FailureKind;
  /** One line for people: "HTTP 500 from coins.llama.fi". */
  message: string;
  /** For `rate-limited`: seconds the server asked us to wait (Retry-After), when it said. */
  retryAfterS?: number;
}

export interface Success<T> {
  ok: true;
  data: T;
  /** The URL the data came from, shown as the fact's source. */
  url: string;
  /** ISO date-time the response arrived. */
  fetchedAt: string;
}

export type Outcome<T> = Success<T> | Failure;

/** A status other than 2xx or 429: the caller may name what it means for its API (DefiLlama's 400 = over a cap). */
export interface HttpFailure extends Failure {
  status?: number;
}

export interface GetOptions {
  timeoutMs?: number;
  /** Bodies larger than this are cut off and rejected, not parsed. */
  maxBytes?: number;
  signal?: AbortSignal;
  now?: () => Date;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 2_000_000;

export function fail(kind: FailureKind, message: string, retryAfterS?: number): Failure {
  return retryAfterS === undefined ? { ok: false, kind, message } : { ok: false, kind, message, retryAfterS };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}

/** Retry-After in seconds (delta or HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  if (Number.isFinite(s) && s >= 0) return Math.min(s, 86_400);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.min((at - now.getTime()) / 1000, 86_400));
}

/** Reads at most `maxBytes` of the body; null when the body is larger (the rest is cancelled, not downloaded). */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return await res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** What every request the extension makes carries: no cookies sent or kept, no referrer, no HTTP cache. */
export const PRIVATE_FETCH = { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' } as const satisfies RequestInit;

export async function getJson<S extends z.ZodMiniType>(url: string, schema: S, opts: GetOptions = {}): Promise<Outcome<z.infer<S>> | HttpFailure> {
  const now = opts.now ?? (() => new Date());
  const host = hostOf(url);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    // No cookies, no referrer: the request says nothing about the user beyond its IP address.
    const res = await fetch(url, { ...PRIVATE_FETCH, signal, headers: { accept: 'application/json' } });
    if (res.status === 429) {
      await res.body?.cancel().catch(() => undefined);
      const wait = retryAfterSeconds(res.headers.get('retry-after'), now());
      return fail('rate-limited', `${host} asked us to slow down (HTTP 429${wait !== undefined ? `, retry after ${Math.round(wait)} s` : ''})`, wait);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ...fail('http', `HTTP ${res.status} from ${host}`), status: res.status } as HttpFailure;
    }
    const text = await readCapped(res, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    if (text === null) return fail('oversized', `${host} sent more than ${Math.round((opts.maxBytes ?? DEFAULT_MAX_BYTES) / 1000)} kB; ignored`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail('malformed', `${host} sent a response that is not valid JSON`);
    }
    const parsed = schema.safeParse(json);
    // Our words only: zod's issue paths would echo the response's own keys into the data status.
    if (!parsed.success) return fail('schema', `${host} sent data in an unexpected shape`);
    return { ok: true, data: parsed.data, url, fetchedAt: now().toISOString() };
  } catch (err) {
    if (timeout.aborted) return fail('timeout', `${host} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    if (opts.signal?.aborted) return fail('network', `request to ${host} was cancelled`);
    return fail('network', `${host} could not be reached${err instanceof Error && err.message ? ` (${plainText(err.message, 80)})` : ''}`);
  }
}
