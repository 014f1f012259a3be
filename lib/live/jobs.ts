// Runs in: background, tests. The refresh jobs: what each fetches for the WHOLE registry (never for the page being
// viewed), how often, and which cache keys it fills. Each job returns per-key outcomes; the refresher stores them.
import type { TokenProfile } from '../registry/schema';
import type { Endpoints } from '../sources/endpoints';
import type { PublicClient } from 'viem';
import type { Failure, FailureKind, Outcome } from '../sources/http';
import { fetchPriceCharts, fetchPrices, fetchTvl, fetchYield } from '../sources/llama';
import { chainClient, rpcHost } from '../sources/rpc';
import { readRates, readableOn } from '../sources/rates';
import { quoteExits, quotableOn } from '../sources/exit';
import { key, marketCoin, unitCoin, yieldPool } from './keys';

export interface JobContext {
  tokens: readonly TokenProfile[];
  endpoints: Endpoints;
  now: () => Date;
  timeoutMs?: number;
  maxBytes?: number;
  /** Problems with the configured endpoints found before any request (a user RPC without its permission). */
  endpointNotes?: string[];
}

export type KeyOutcome = { key: string; ok: true; value: unknown; source: string } | { key: string; ok: false; kind: FailureKind; message: string };

export interface JobRun {
  outcomes: KeyOutcome[];
  /** A failure of the job as a whole (the API is down): every key of the job keeps its last good value. */
  failure: Failure | null;
  notes: string[];
}

export interface Job {
  id: string;
  /** Minutes between successful runs. */
  periodMin: number;
  /** Every cache key the job is responsible for (so a whole-job failure can be recorded on each). */
  keys(ctx: JobContext): string[];
  run(ctx: JobContext): Promise<JobRun>;
}

const CHAIN_LABEL: Record<string, string> = { 'eip155:1': 'Ethereum' };
const opts = (ctx: JobContext) => ({ timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes, now: ctx.now });

function marketCoins(ctx: JobContext): string[] {
  return [...new Set(ctx.tokens.flatMap((t) => [marketCoin(t), unitCoin(t)].filter((c): c is string => c !== null)))];
}

const whole = (failure: Failure, notes: string[] = []): JobRun => ({ outcomes: [], failure, notes });

/** A job reading every eligible token on one chain in a single multicall; each token's outcome is its own key. */
function chainJob<T>(
  id: string,
  periodMin: number,
  chain: string,
  eligible: (tokens: readonly TokenProfile[], chain: string) => TokenProfile[],
  keyOf: (tokenId: string) => string,
  read: (client: PublicClient, tokens: TokenProfile[], label: string) => Promise<Outcome<Record<string, Outcome<T>>>>,
  sourceOf: (value: T) => string,
): Job {
  return {
    id,
    periodMin,
    keys: (ctx) => eligible(ctx.tokens, chain).map((t) => keyOf(t.id)),
    async run(ctx) {
      const tokens = eligible(ctx.tokens, chain);
      if (!tokens.length) return { outcomes: [], failure: null, notes: [] };
      const cc = await chainClient(chain, ctx.endpoints.rpc[chain] ?? []);
      if ('ok' in cc) return whole(cc, ctx.endpointNotes);
      const notes = [...(ctx.endpointNotes ?? []), ...cc.problems];
      const res = await read(cc.client, tokens, `${CHAIN_LABEL[chain] ?? chain} via ${rpcHost(cc.urls[0]!)}`);
      if (!res.ok) return whole(res, notes);
      return {
        failure: null,
        notes,
        outcomes: Object.entries(res.data).map(([tid, o]) =>
          o.ok ? { key: keyOf(tid), ok: true, value: o.data, source: sourceOf(o.data) } : { key: keyOf(tid), ok: false, kind: o.kind, message: o.message },
        ),
      };
    },
  };
}

const ratesJob = (chain: string) => chainJob(`rates:${chain}`, 10, chain, readableOn, key.rate, readRates, (v) => v.call);
const exitJob = (chain: string) =>
  chainJob(`exit:${chain}`, 60, chain, quotableOn, key.exit, (client, tokens, label) => quoteExits(client, tokens, chain, label), (v) => v.venue);

/** One request per item: a failing item does not stop the others, but a rate limit ends the run there. */
async function oneByOne(items: readonly string[], keyOf: (item: string) => string, fetchOne: (item: string) => Promise<Outcome<unknown>>): Promise<JobRun> {
  const outcomes: KeyOutcome[] = [];
  for (const item of items) {
    const res = await fetchOne(item);
    outcomes.push(res.ok ? { key: keyOf(item), ok: true, value: res.data, source: res.url } : { key: keyOf(item), ok: false, kind: res.kind, message: res.message });
    if (!res.ok && res.kind === 'rate-limited') return { outcomes, failure: res, notes: [] };
  }
  return { outcomes, failure: null, notes: [] };
}

/** A job making one batched DefiLlama coins request for every coin; a coin missing from the answer is its own failure. */
function coinsJob<T>(id: string, periodMin: number, keyOf: (coin: string) => string, what: string, fetchAll: (ctx: JobContext, coins: string[]) => Promise<Outcome<Record<string, T>>>, has: (v: T) => boolean): Job {
  return {
    id,
    periodMin,
    keys: (ctx) => marketCoins(ctx).map(keyOf),
    async run(ctx) {
      const coins = marketCoins(ctx);
      const res = await fetchAll(ctx, coins);
      if (!res.ok) return whole(res);
      return {
        failure: null,
        notes: [],
        outcomes: coins.map((c) => {
          const v = res.data[c];
          return v !== undefined && has(v)
            ? { key: keyOf(c), ok: true, value: v, source: res.url }
            : { key: keyOf(c), ok: false, kind: 'no-data', message: `DefiLlama has no ${what} for ${c}` };
        }),
      };
    },
  };
}

const pricesJob = coinsJob('prices', 10, key.price, 'price', (ctx, coins) => fetchPrices(ctx.endpoints.coins, coins, opts(ctx)), () => true);

/** Seven days of prices every 4 hours: the peg's 7-day history and sparkline. */
const chartsJob = coinsJob(
  'charts',
  60,
  key.chart,
  'price history',
  (ctx, coins) => fetchPriceCharts(ctx.endpoints.coins, coins, { days: 7, periodHours: 4 }, opts(ctx)),
  (points) => points.length > 0,
);

function pools(ctx: JobContext): string[] {
  return [...new Set(ctx.tokens.map(yieldPool).filter((p): p is string => p !== null))];
}

const yieldsJob: Job = {
  id: 'yields',
  periodMin: 60,
  keys: (ctx) => pools(ctx).map(key.yield),
  run: (ctx) => oneByOne(pools(ctx), key.yield, (pool) => fetchYield(ctx.endpoints.yields, pool, opts(ctx))),
};

function slugs(ctx: JobContext): string[] {
  return [...new Set(ctx.tokens.flatMap((t) => (t.defillama ? [t.defillama.slug] : [])))];
}

const tvlJob: Job = {
  id: 'tvl',
  periodMin: 60,
  keys: (ctx) => slugs(ctx).map(key.tvl),
  run: (ctx) => oneByOne(slugs(ctx), key.tvl, (slug) => fetchTvl(ctx.endpoints.api, slug, opts(ctx))),
};

/** Every job, for the chains the registry reads on. */
export function allJobs(): Job[] {
  return [ratesJob('eip155:1'), pricesJob, chartsJob, yieldsJob, tvlJob, exitJob('eip155:1')];
}
