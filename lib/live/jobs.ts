// Runs in: background, tests. The refresh jobs: what each fetches for the WHOLE registry (never for the page being
// viewed), how often, and which cache keys it fills. Each job returns per-key outcomes; the refresher stores them.
import type { TokenProfile } from '../registry/schema';
import type { Endpoints } from '../sources/endpoints';
import type { Failure, FailureKind } from '../sources/http';
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

function ratesJob(chain: string): Job {
  return {
    id: `rates:${chain}`,
    periodMin: 10,
    keys: (ctx) => readableOn(ctx.tokens, chain).map((t) => key.rate(t.id)),
    async run(ctx) {
      const tokens = readableOn(ctx.tokens, chain);
      if (!tokens.length) return { outcomes: [], failure: null, notes: [] };
      const cc = await chainClient(chain, ctx.endpoints.rpc[chain] ?? []);
      if ('ok' in cc) return whole(cc);
      const label = `${CHAIN_LABEL[chain] ?? chain} via ${rpcHost(cc.urls[0]!)}`;
      const res = await readRates(cc.client, tokens, label);
      if (!res.ok) return whole(res, cc.problems);
      return {
        failure: null,
        notes: cc.problems,
        outcomes: Object.entries(res.data).map(([id, o]) =>
          o.ok ? { key: key.rate(id), ok: true, value: o.data, source: o.data.call } : { key: key.rate(id), ok: false, kind: o.kind, message: o.message },
        ),
      };
    },
  };
}

function exitJob(chain: string): Job {
  return {
    id: `exit:${chain}`,
    periodMin: 60,
    keys: (ctx) => quotableOn(ctx.tokens, chain).map((t) => key.exit(t.id)),
    async run(ctx) {
      const tokens = quotableOn(ctx.tokens, chain);
      if (!tokens.length) return { outcomes: [], failure: null, notes: [] };
      const cc = await chainClient(chain, ctx.endpoints.rpc[chain] ?? []);
      if ('ok' in cc) return whole(cc);
      const res = await quoteExits(cc.client, tokens, chain, `${CHAIN_LABEL[chain] ?? chain} via ${rpcHost(cc.urls[0]!)}`);
      if (!res.ok) return whole(res, cc.problems);
      return {
        failure: null,
        notes: cc.problems,
        outcomes: Object.entries(res.data).map(([id, o]) =>
          o.ok ? { key: key.exit(id), ok: true, value: o.data, source: o.data.venue } : { key: key.exit(id), ok: false, kind: o.kind, message: o.message },
        ),
      };
    },
  };
}

const pricesJob: Job = {
  id: 'prices',
  periodMin: 10,
  keys: (ctx) => marketCoins(ctx).map(key.price),
  async run(ctx) {
    const coins = marketCoins(ctx);
    const res = await fetchPrices(ctx.endpoints.coins, coins, opts(ctx));
    if (!res.ok) return whole(res);
    return {
      failure: null,
      notes: [],
      outcomes: coins.map((c) => {
        const p = res.data[c];
        return p
          ? { key: key.price(c), ok: true, value: p, source: res.url }
          : { key: key.price(c), ok: false, kind: 'no-data', message: `DefiLlama has no price for ${c}` };
      }),
    };
  },
};

/** Seven days of prices every 4 hours: the peg's 7-day history and sparkline. */
const chartsJob: Job = {
  id: 'charts',
  periodMin: 60,
  keys: (ctx) => marketCoins(ctx).map(key.chart),
  async run(ctx) {
    const coins = marketCoins(ctx);
    const res = await fetchPriceCharts(ctx.endpoints.coins, coins, { days: 7, periodHours: 4 }, opts(ctx));
    if (!res.ok) return whole(res);
    return {
      failure: null,
      notes: [],
      outcomes: coins.map((c) => {
        const p = res.data[c];
        return p && p.length
          ? { key: key.chart(c), ok: true, value: p, source: res.url }
          : { key: key.chart(c), ok: false, kind: 'no-data', message: `DefiLlama has no price history for ${c}` };
      }),
    };
  },
};

function pools(ctx: JobContext): string[] {
  return [...new Set(ctx.tokens.map(yieldPool).filter((p): p is string => p !== null))];
}

/** One request per pool; a pool that fails does not stop the others. */
const yieldsJob: Job = {
  id: 'yields',
  periodMin: 60,
  keys: (ctx) => pools(ctx).map(key.yield),
  async run(ctx) {
    const outcomes: KeyOutcome[] = [];
    for (const pool of pools(ctx)) {
      const res = await fetchYield(ctx.endpoints.yields, pool, opts(ctx));
      outcomes.push(res.ok ? { key: key.yield(pool), ok: true, value: res.data, source: res.url } : { key: key.yield(pool), ok: false, kind: res.kind, message: res.message });
      // Told to slow down: leave the rest for the next run.
      if (!res.ok && res.kind === 'rate-limited') return { outcomes, failure: res, notes: [] };
    }
    return { outcomes, failure: null, notes: [] };
  },
};

function slugs(ctx: JobContext): string[] {
  return [...new Set(ctx.tokens.flatMap((t) => (t.defillama ? [t.defillama.slug] : [])))];
}

const tvlJob: Job = {
  id: 'tvl',
  periodMin: 60,
  keys: (ctx) => slugs(ctx).map(key.tvl),
  async run(ctx) {
    const outcomes: KeyOutcome[] = [];
    for (const slug of slugs(ctx)) {
      const res = await fetchTvl(ctx.endpoints.api, slug, opts(ctx));
      outcomes.push(res.ok ? { key: key.tvl(slug), ok: true, value: res.data, source: res.url } : { key: key.tvl(slug), ok: false, kind: res.kind, message: res.message });
      if (!res.ok && res.kind === 'rate-limited') return { outcomes, failure: res, notes: [] };
    }
    return { outcomes, failure: null, notes: [] };
  },
};

/** Every job, for the chains the registry reads on. */
export function allJobs(): Job[] {
  return [ratesJob('eip155:1'), pricesJob, chartsJob, yieldsJob, tvlJob, exitJob('eip155:1')];
}
