// Runs in: background, tests. The refresh jobs: what each fetches for the WHOLE registry (never for the page being
// viewed), how often, and which cache keys it fills. Each job returns per-key outcomes; the refresher stores them.
import type { PublicClient } from 'viem';
import type { TokenProfile } from '../registry/schema';
import type { Endpoints } from '../sources/endpoints';
import { fail, type Failure, type FailureKind, type Outcome } from '../sources/http';
import { fetchPoolMeta, fetchPriceCharts, fetchPrices, fetchTvl, fetchYield, type Batched } from '../sources/llama';
import { chainClient } from '../sources/rpc';
import { readRates, readableOn } from '../sources/rates';
import { quoteExits, quotableOn, type ExitQuote } from '../sources/exit';
import { readRedemptions, redeemableOn } from '../sources/redemption';
import { quoteAggregatorRoutes } from '../sources/aggregator';
import { apiSource, type Source } from '../provenance';
import { key, marketCoin, routable, unitCoin, yieldPool } from './keys';
import { JOB_PERIOD_MIN } from './periods';
import { slashingJobs } from './slashing-jobs';
import { backingJobs } from './backing-jobs';
import { adminJobs } from './admin-jobs';
import type { Entries } from './store';
import type { RateSampleStore } from './rate-apy';

export interface JobContext {
  tokens: readonly TokenProfile[];
  endpoints: Endpoints;
  now: () => Date;
  timeoutMs?: number;
  maxBytes?: number;
  /** Problems with the configured endpoints found before any request (a user RPC without its permission). */
  endpointNotes?: string[];
  /** The cache as it is now: jobs that build on their own earlier results (the slashing staker map) read it. */
  cached?: () => Promise<Entries>;
  /** Pause between aggregator requests (default 500 ms: KyberSwap's keyless tier); tests shorten it. */
  aggregatorPauseMs?: number;
  /** Where the rates job keeps rate samples (per-token records, never inside the live cache); none: no computed APY. */
  rateSamples?: RateSampleStore;
}

export type KeyOutcome = { key: string; ok: true; value: unknown; source: Source } | { key: string; ok: false; kind: FailureKind; message: string };

export interface JobRun {
  outcomes: KeyOutcome[];
  /** A failure of the job as a whole (the API is down): every key of the job keeps its last good value. */
  failure: Failure | null;
  notes: string[];
  /** Requests the run sent (HTTP requests, or JSON-RPC requests including chain-id checks). */
  requests: number;
}

export interface Job {
  id: string;
  /** Minutes between successful runs. */
  periodMin: number;
  /** Every cache key the job is responsible for (so a whole-job failure can be recorded on each). */
  keys(ctx: JobContext): string[];
  run(ctx: JobContext): Promise<JobRun>;
}


const opts = (ctx: JobContext) => ({ timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes, now: ctx.now });

function marketCoins(ctx: JobContext): string[] {
  return [...new Set(ctx.tokens.flatMap((t) => [marketCoin(t), unitCoin(t)].filter((c): c is string => c !== null)))];
}

const whole = (failure: Failure, notes: string[] = [], requests = 0): JobRun => ({ outcomes: [], failure, notes, requests });
const failed = (k: string, f: Failure): KeyOutcome => ({ key: k, ok: false, kind: f.kind, message: f.message });

/** Rates and supplies on one chain, in one multicall at one block; each figure is its own key with its own call. */
const ratesJob = (chain: string): Job => ({
  id: `rates:${chain}`,
  periodMin: JOB_PERIOD_MIN.rates,
  keys: (ctx) => readableOn(ctx.tokens, chain).flatMap((t) => [key.rate(t.id), key.supply(t.id)]),
  async run(ctx) {
    const tokens = readableOn(ctx.tokens, chain);
    if (!tokens.length) return { outcomes: [], failure: null, notes: [], requests: 0 };
    const cc = chainClient(chain, ctx.endpoints.rpc[chain] ?? []);
    if ('ok' in cc) return whole(cc, ctx.endpointNotes);
    const res = await readRates(cc.client, tokens);
    const notes = [...(ctx.endpointNotes ?? []), ...cc.problems];
    if (!res.ok) return whole(res, notes, cc.requests());
    const outcomes: KeyOutcome[] = [];
    for (const [tid, r] of Object.entries(res.data)) {
      outcomes.push(r.rate.ok ? { key: key.rate(tid), ok: true, value: { rate: r.rate.data.rate, unit: r.rate.data.unit }, source: r.rate.data.source } : failed(key.rate(tid), r.rate));
      if (r.supply) outcomes.push(r.supply.ok ? { key: key.supply(tid), ok: true, value: r.supply.data.supply, source: r.supply.data.source } : failed(key.supply(tid), r.supply));
    }
    outcomes.push(...(await rateApys(ctx, tokens, res.data)));
    return { failure: null, notes, outcomes, requests: cc.requests() };
  },
});

/**
 * Keeps one rate sample per token and slot, then the APY computed from the samples (`rateapy:<token>`), for every
 * token with a rate read: the card shows it when DefiLlama's APY is missing or not verified for the token. Until the
 * samples cover enough days, no value.
 */
async function rateApys(ctx: JobContext, tokens: readonly TokenProfile[], read: Awaited<ReturnType<typeof readRates>> extends Outcome<infer D> ? D : never): Promise<KeyOutcome[]> {
  const store = ctx.rateSamples;
  if (!store) return [];
  const now = ctx.now().getTime();
  const out: KeyOutcome[] = [];
  for (const t of tokens) {
    const r = read[t.id]?.rate;
    if (!r?.ok) continue;
    try {
      await store.record(t.id, { t: now, rate: r.data.rate }, now);
      const a = await store.apy(t.id, now);
      if (a.ok) out.push({ key: key.rateApy(t.id), ok: true, value: { apyPct: a.apyPct, days: a.days, basis: a.basis, from: a.from, to: a.to }, source: r.data.source });
    } catch {
      // Storage full or unavailable: the rate itself is still stored; only the history misses a sample.
    }
  }
  return out;
}

/**
 * A job reading every eligible token on one chain through one reader (its own multicalls at one block); each
 * token's outcome is its own key. Only the first RPC endpoint is contacted unless it fails.
 */
function chainJob<T>(
  id: string,
  periodMin: number,
  chain: string,
  eligible: (tokens: readonly TokenProfile[], chain: string) => TokenProfile[],
  keyOf: (tokenId: string) => string,
  read: (client: PublicClient, tokens: TokenProfile[], chain: string) => Promise<Outcome<Record<string, Outcome<T>>>>,
  outcome: (key: string, o: Outcome<T>) => KeyOutcome,
): Job {
  return {
    id,
    periodMin,
    keys: (ctx) => eligible(ctx.tokens, chain).map((t) => keyOf(t.id)),
    async run(ctx) {
      const tokens = eligible(ctx.tokens, chain);
      if (!tokens.length) return { outcomes: [], failure: null, notes: [], requests: 0 };
      const cc = chainClient(chain, ctx.endpoints.rpc[chain] ?? []);
      if ('ok' in cc) return whole(cc, ctx.endpointNotes);
      const res = await read(cc.client, tokens, chain);
      const notes = [...(ctx.endpointNotes ?? []), ...cc.problems];
      if (!res.ok) return whole(res, notes, cc.requests());
      return { failure: null, notes, requests: cc.requests(), outcomes: Object.entries(res.data).map(([tid, o]) => outcome(keyOf(tid), o)) };
    },
  };
}

const exitJob = (chain: string): Job =>
  chainJob(`exit:${chain}`, JOB_PERIOD_MIN.exit, chain, quotableOn, key.exit, quoteExits, (k, o) =>
    o.ok ? { key: k, ok: true, value: exitValue(o.data), source: o.data.source } : failed(k, o),
  );

/** The quote as the cache keeps it (store.ts ExitValue): every figure the card shows, each venue with its own call. */
function exitValue(q: ExitQuote) {
  return {
    venue: q.venue,
    impactPct: q.impactPct,
    bestVenue: q.bestVenue,
    sellable: q.sellable,
    denomination: q.denomination,
    reported: q.reported,
    venues: q.venues.slice(0, 40).map((v) => ({ venue: v.venue, exitAsset: v.exitAsset, impactPct: v.impactPct, sellable: v.sellable, source: v.source })),
    skipped: q.skipped.slice(0, 40).map((x) => ({ venue: x.venue.slice(0, 200), reason: x.reason.slice(0, 300) })),
  };
}

/** Each protocol's own withdrawal path (lib/sources/redemption.ts), hourly, in one or two multicalls at one block. */
const redemptionJob = (chain: string): Job =>
  chainJob(`redemption:${chain}`, JOB_PERIOD_MIN.redemption, chain, redeemableOn, key.redemption, readRedemptions, (k, o) =>
    o.ok && o.data.sources[0] ? { key: k, ok: true, value: o.data, source: o.data.sources[0] } : failed(k, o.ok ? fail('revert', 'no withdrawal call answered') : o),
  );

/** Every 6 hours: each routable token's sizes through KyberSwap's route API, in sequence, 500 ms apart. */
const aggregatorJob: Job = {
  id: 'aggregator',
  periodMin: JOB_PERIOD_MIN.aggregator,
  keys: (ctx) => (ctx.endpoints.aggregator ? routable(ctx.tokens).map((t) => key.route(t.id)) : []),
  async run(ctx) {
    const base = ctx.endpoints.aggregator;
    const tokens = routable(ctx.tokens);
    if (!base || tokens.length === 0) return { outcomes: [], failure: null, notes: [], requests: 0 };
    const res = await quoteAggregatorRoutes(base, tokens, { ...opts(ctx), pauseMs: ctx.aggregatorPauseMs });
    const outcomes = Object.entries(res).map(([id, o]): KeyOutcome => (o.ok ? { key: key.route(id), ok: true, value: o.data, source: o.data.sources[0]! } : failed(key.route(id), o)));
    // A quoted token made one request per source; a failed one is counted once, though it may have made up to 4.
    const requests = Object.values(res).reduce((n, o) => n + (o.ok ? o.data.sources.length : 1), 0);
    return { outcomes, failure: null, notes: [], requests };
  },
};

/** One request per item: a failing item does not stop the others, but a rate limit ends the run there. */
async function oneByOne(items: readonly string[], keyOf: (item: string) => string, fetchOne: (item: string) => Promise<Outcome<unknown>>): Promise<JobRun> {
  const outcomes: KeyOutcome[] = [];
  let requests = 0;
  for (const item of items) {
    const res = await fetchOne(item);
    requests++;
    outcomes.push(res.ok ? { key: keyOf(item), ok: true, value: res.data, source: apiSource(res.url, item, res.fetchedAt) } : failed(keyOf(item), res));
    if (!res.ok && res.kind === 'rate-limited') return { outcomes, failure: res, notes: [], requests };
  }
  return { outcomes, failure: null, notes: [], requests };
}

/**
 * A job over DefiLlama's batched coins endpoints: every coin its own outcome and its own source (the request that
 * carried it, named by its own key). A rate limit on any batch stops the job as a whole.
 */
function coinsJob<T>(id: string, periodMin: number, keyOf: (coin: string) => string, fetchAll: (ctx: JobContext, coins: string[]) => Promise<Batched<T>>): Job {
  return {
    id,
    periodMin,
    keys: (ctx) => marketCoins(ctx).map(keyOf),
    async run(ctx) {
      const coins = marketCoins(ctx);
      const res = await fetchAll(ctx, coins);
      const limited = Object.values(res.items).find((o): o is Failure => !o.ok && o.kind === 'rate-limited');
      return {
        failure: limited ?? null,
        notes: res.notes.slice(0, 10),
        requests: res.requests,
        outcomes: coins.flatMap((c): KeyOutcome[] => {
          const o = res.items[c];
          if (!o) return [];
          return [o.ok ? { key: keyOf(c), ok: true, value: o.data, source: apiSource(o.url, c, o.fetchedAt) } : failed(keyOf(c), o)];
        }),
      };
    },
  };
}

const pricesJob = coinsJob('prices', JOB_PERIOD_MIN.prices, key.price, (ctx, coins) => fetchPrices(ctx.endpoints.coins, coins, opts(ctx)));

/** Seven days of prices every 4 hours: the peg's 7-day history and sparkline. */
const chartsJob = coinsJob('charts', JOB_PERIOD_MIN.charts, key.chart, (ctx, coins) => fetchPriceCharts(ctx.endpoints.coins, coins, { days: 7, periodHours: 4 }, opts(ctx)));

function pools(ctx: JobContext): string[] {
  return [...new Set(ctx.tokens.map(yieldPool).filter((p): p is string => p !== null))];
}

const yieldsJob: Job = {
  id: 'yields',
  periodMin: JOB_PERIOD_MIN.yields,
  keys: (ctx) => pools(ctx).map(key.yield),
  run: (ctx) => oneByOne(pools(ctx), key.yield, (pool) => fetchYield(ctx.endpoints.yields, pool, opts(ctx))),
};

/** Daily: what DefiLlama says each shipped pool id is, so a wrong id never shows another pool's APY as the token's. */
const poolCheckJob: Job = {
  id: 'poolcheck',
  periodMin: JOB_PERIOD_MIN.poolcheck,
  keys: (ctx) => pools(ctx).map(key.poolCheck),
  run: (ctx) => oneByOne(pools(ctx), key.poolCheck, (pool) => fetchPoolMeta(ctx.endpoints.yields, pool, opts(ctx))),
};

function slugs(ctx: JobContext): string[] {
  return [...new Set(ctx.tokens.flatMap((t) => (t.defillama ? [t.defillama.slug] : [])))];
}

const tvlJob: Job = {
  id: 'tvl',
  periodMin: JOB_PERIOD_MIN.tvl,
  keys: (ctx) => slugs(ctx).map(key.tvl),
  run: (ctx) => oneByOne(slugs(ctx), key.tvl, (slug) => fetchTvl(ctx.endpoints.api, slug, opts(ctx))),
};

/** Every job, for the chains the registry reads on. */
export function allJobs(): Job[] {
  return [ratesJob('eip155:1'), pricesJob, chartsJob, yieldsJob, poolCheckJob, tvlJob, exitJob('eip155:1'), aggregatorJob, redemptionJob('eip155:1'), ...slashingJobs(), ...adminJobs(), ...backingJobs()];
}
