// Runs in: background, tests. DefiLlama's public APIs: current prices and price charts (coins), APY charts per pool
// (yields) and protocol TVL (api). Each function makes its requests, checks the shape with zod, and returns
// normalised records carrying the URL they came from and when.
import { z } from 'zod';
import { getJson, type GetOptions, type Outcome } from './http';

z.config({ jitless: true });

const CoinPrice = z.object({
  price: z.number().finite().positive(),
  symbol: z.string().optional(),
  decimals: z.number().optional(),
  /** Unix seconds of the price DefiLlama holds. */
  timestamp: z.number().finite(),
  confidence: z.number().optional(),
});
const PricesResponse = z.object({ coins: z.record(z.string(), CoinPrice) });

const ChartResponse = z.object({
  coins: z.record(
    z.string(),
    z.object({ symbol: z.string().optional(), prices: z.array(z.object({ timestamp: z.number().finite(), price: z.number().finite().positive() })).max(5000) }),
  ),
});

const YieldPoint = z.object({
  timestamp: z.string(),
  tvlUsd: z.number().nullable().optional(),
  apy: z.number().finite().nullable(),
  apyBase: z.number().finite().nullable().optional(),
  apyReward: z.number().finite().nullable().optional(),
});
const YieldChartResponse = z.object({ status: z.literal('success'), data: z.array(YieldPoint).max(20_000) });

const TvlResponse = z.number().finite().nonnegative();

/** Keys per request: keeps URLs well under common 8 kB limits. */
export const COINS_PER_REQUEST = 60;

export interface Price {
  usd: number;
  /** ISO time DefiLlama says the price is from. */
  priceAt: string;
}

/** Current USD prices for DefiLlama coin keys (`ethereum:0x…`, `coingecko:ethereum`). Unknown keys are absent. */
export async function fetchPrices(base: string, keys: readonly string[], opts?: GetOptions): Promise<Outcome<Record<string, Price>>> {
  const out: Record<string, Price> = {};
  let url = '';
  let fetchedAt = '';
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += COINS_PER_REQUEST) {
    const batch = unique.slice(i, i + COINS_PER_REQUEST);
    const res = await getJson(`${base}/prices/current/${batch.map(encodeURIComponent).join(',')}?searchWidth=4h`, PricesResponse, opts);
    if (!res.ok) return res;
    url ||= res.url;
    fetchedAt = res.fetchedAt;
    for (const [k, p] of Object.entries(res.data.coins)) out[k] = { usd: p.price, priceAt: new Date(p.timestamp * 1000).toISOString() };
  }
  return { ok: true, data: out, url, fetchedAt };
}

export interface PricePoint {
  t: number;
  usd: number;
}

/** Price history for coin keys: `days` back, one point per `period` (DefiLlama `span`/`period`). */
export async function fetchPriceCharts(
  base: string,
  keys: readonly string[],
  { days, periodHours }: { days: number; periodHours: number },
  opts?: GetOptions,
): Promise<Outcome<Record<string, PricePoint[]>>> {
  const out: Record<string, PricePoint[]> = {};
  let url = '';
  let fetchedAt = '';
  const unique = [...new Set(keys)];
  const span = Math.ceil((days * 24) / periodHours);
  // The chart endpoint returns every key's series in one body: smaller batches keep each body small.
  const per = 20;
  for (let i = 0; i < unique.length; i += per) {
    const batch = unique.slice(i, i + per);
    const res = await getJson(`${base}/chart/${batch.map(encodeURIComponent).join(',')}?span=${span}&period=${periodHours}h`, ChartResponse, opts);
    if (!res.ok) return res;
    url ||= res.url;
    fetchedAt = res.fetchedAt;
    for (const [k, c] of Object.entries(res.data.coins)) out[k] = c.prices.map((p) => ({ t: p.timestamp * 1000, usd: p.price }));
  }
  return { ok: true, data: out, url, fetchedAt };
}

export interface YieldSeries {
  /** Latest total APY, percent. */
  apyPct: number;
  /** Latest base APY (without token rewards), percent, when DefiLlama gives it. */
  apyBasePct: number | null;
  /** ISO time of the latest point. */
  pointAt: string;
  /** Daily APY for the last 30 days, oldest first (sparkline). */
  history: Array<{ t: number; apyPct: number }>;
}

/** One pool's APY chart; the last 30 days are kept. */
export async function fetchYield(base: string, pool: string, opts?: GetOptions): Promise<Outcome<YieldSeries>> {
  if (!/^[0-9a-f-]{36}$/i.test(pool)) return { ok: false, kind: 'no-data', message: `not a DefiLlama pool id: ${pool.slice(0, 40)}` };
  const res = await getJson(`${base}/chart/${pool}`, YieldChartResponse, opts);
  if (!res.ok) return res;
  const points = res.data.data
    .map((p) => ({ t: Date.parse(p.timestamp), apy: p.apy, base: p.apyBase ?? null }))
    .filter((p): p is { t: number; apy: number; base: number | null } => Number.isFinite(p.t) && p.apy !== null)
    .sort((a, b) => a.t - b.t);
  const last = points.at(-1);
  if (!last) return { ok: false, kind: 'no-data', message: `DefiLlama has no APY points for pool ${pool}` };
  const since = last.t - 30 * 86_400_000;
  return {
    ok: true,
    url: res.url,
    fetchedAt: res.fetchedAt,
    data: {
      apyPct: last.apy,
      apyBasePct: last.base,
      pointAt: new Date(last.t).toISOString(),
      history: points.filter((p) => p.t >= since).map((p) => ({ t: p.t, apyPct: p.apy })),
    },
  };
}

/** A protocol's current TVL in USD. */
export async function fetchTvl(base: string, slug: string, opts?: GetOptions): Promise<Outcome<number>> {
  return getJson(`${base}/tvl/${encodeURIComponent(slug)}`, TvlResponse, opts);
}
