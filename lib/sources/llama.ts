// Runs in: background, tests. DefiLlama's public APIs: current prices and price charts (coins), APY charts per pool
// (yields) and protocol TVL (api), as DefiLlama's own server code answers them:
// - a batched answer is checked coin by coin: one odd coin (no timestamp, a price of 0, an absurd number) is dropped
//   or kept with a note, and never takes the other coins with it;
// - the chart endpoint refuses more than 500 data points (coins × timestamps) with HTTP 400
//   (defillama-server coins/src/getCoinPriceChart.ts, MAX_RECORDS), so chart batches are sized under it and run in
//   sequence, each with its own failure and one retry at half the size;
// - keys come back as they were asked; we still match them without regard to case.
// Each value carries the exact URL it came from and when.
import { z } from '../zod';
import { getJson, type Failure, type GetOptions, type HttpFailure, type Outcome } from './http';
import { APY_PCT, CHART_MAX_POINTS, PRICE_USD, TVL_USD, YIELD_MAX_POINTS, plausibleTime, within } from './bounds';


/** The shapes are checked loosely at the top and strictly per item: an item that fails is dropped alone. */
const CoinsResponse = z.object({ coins: z.record(z.string(), z.unknown()) });
const CoinPrice = z.object({
  price: z.number(),
  /** Unix seconds. DefiLlama's cache layer may answer null, its database fallback may leave it out. */
  timestamp: z.optional(z.nullable(z.number())),
});
const ChartCoin = z.object({ prices: z.array(z.unknown()) });
const ChartPointIn = z.object({ timestamp: z.number(), price: z.number() });

const YieldChartResponse = z.object({ status: z.literal('success'), data: z.array(z.unknown()) });
const YieldPointIn = z.object({
  timestamp: z.string(),
  apy: z.nullable(z.number()),
  apyBase: z.optional(z.nullable(z.number())),
});
const TvlResponse = z.number();

/** Keys per price request: keeps URLs well under common 8 kB limits. */
export const COINS_PER_REQUEST = 60;
/** DefiLlama's chart cap: coins × timestamps per request. */
export const CHART_MAX_RECORDS = 500;

export interface Price {
  usd: number;
  /** ISO time DefiLlama says the price is from; when it gave none, the time of our request (`timeGiven: false`). */
  priceAt: string;
  timeGiven: boolean;
}

/** A batched source's answer: every key asked has its own outcome; `requests` counts what was sent. */
export interface Batched<T> {
  items: Record<string, Outcome<T>>;
  requests: number;
  /** For the data status: what was dropped or assumed, in our words. */
  notes: string[];
}

const lower = (k: string) => k.toLowerCase();

/** The response's entry for `key`, matched without regard to case (DefiLlama echoes keys as asked). */
function entryFor(coins: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(coins, key)) return coins[key];
  const k = lower(key);
  const found = Object.keys(coins).find((c) => lower(c) === k);
  return found === undefined ? undefined : coins[found];
}

function chunk<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

const noData = (message: string): Failure => ({ ok: false, kind: 'no-data', message });
const implausible = (message: string): Failure => ({ ok: false, kind: 'implausible', message });

/** Current USD prices for DefiLlama coin keys (`ethereum:0x…`, `coingecko:ethereum`). */
export async function fetchPrices(base: string, keys: readonly string[], opts: GetOptions = {}): Promise<Batched<Price>> {
  const out: Batched<Price> = { items: {}, requests: 0, notes: [] };
  const now = opts.now ?? (() => new Date());
  for (const batch of chunk([...new Set(keys)], COINS_PER_REQUEST)) {
    const url = `${base}/prices/current/${batch.map(encodeURIComponent).join(',')}?searchWidth=4h`;
    out.requests++;
    const res = await getJson(url, CoinsResponse, opts);
    for (const key of batch) {
      if (!res.ok) {
        out.items[key] = res;
        continue;
      }
      const raw = entryFor(res.data.coins, key);
      // DefiLlama leaves out coins it has no recent price for (older than searchWidth).
      if (raw === undefined) {
        out.items[key] = noData(`DefiLlama has no current price for ${key}`);
        continue;
      }
      const p = CoinPrice.safeParse(raw);
      if (!p.success || !within(p.data.price, PRICE_USD.min, PRICE_USD.max)) {
        out.items[key] = implausible(`DefiLlama's price for ${key} is missing or not plausible; dropped`);
        out.notes.push(`price for ${key} dropped: not a plausible USD price`);
        continue;
      }
      const ts = p.data.timestamp;
      const given = typeof ts === 'number' && plausibleTime(ts * 1000, now().getTime());
      if (!given) out.notes.push(`price for ${key} came without a usable time: dated at our request`);
      out.items[key] = {
        ok: true,
        url,
        fetchedAt: res.fetchedAt,
        data: { usd: p.data.price, priceAt: given ? new Date(ts * 1000).toISOString() : res.fetchedAt, timeGiven: given },
      };
    }
  }
  return out;
}

export interface PricePoint {
  t: number;
  usd: number;
}

const overLimit = (res: HttpFailure, coins: number, points: number): Failure =>
  res.status === 400
    ? { ok: false, kind: 'over-limit', message: `DefiLlama refused a chart request of ${coins} coins × ${points} points as over its ${CHART_MAX_RECORDS}-point limit (HTTP 400)` }
    : res;

/** Checks one coin's chart point by point: implausible points are dropped; the newest CHART_MAX_POINTS are kept. */
function chartPoints(raw: unknown, nowMs: number): PricePoint[] | null {
  const c = ChartCoin.safeParse(raw);
  if (!c.success) return null;
  const pts: PricePoint[] = [];
  for (const p of c.data.prices) {
    const q = ChartPointIn.safeParse(p);
    if (q.success && within(q.data.price, PRICE_USD.min, PRICE_USD.max) && plausibleTime(q.data.timestamp * 1000, nowMs)) pts.push({ t: q.data.timestamp * 1000, usd: q.data.price });
  }
  pts.sort((a, b) => a.t - b.t);
  return pts.slice(-CHART_MAX_POINTS);
}

/**
 * Price history for coin keys: `days` back, one point per `periodHours`. Requests hold at most
 * CHART_MAX_RECORDS ÷ points coins; they run one after another; a refused or failed batch is tried once more at half
 * its size before its coins are marked failed.
 */
export async function fetchPriceCharts(
  base: string,
  keys: readonly string[],
  { days, periodHours }: { days: number; periodHours: number },
  opts: GetOptions = {},
): Promise<Batched<PricePoint[]>> {
  const out: Batched<PricePoint[]> = { items: {}, requests: 0, notes: [] };
  const now = opts.now ?? (() => new Date());
  // DefiLlama's getTimestampsArray gives `span` timestamps (at least one), working back from now.
  const span = Math.max(1, Math.ceil((days * 24) / periodHours));
  const per = Math.max(1, Math.floor(CHART_MAX_RECORDS / span));
  const run = async (batch: string[], retry: boolean): Promise<void> => {
    const url = `${base}/chart/${batch.map(encodeURIComponent).join(',')}?span=${span}&period=${periodHours}h`;
    out.requests++;
    const res = await getJson(url, CoinsResponse, opts);
    if (!res.ok) {
      if (retry && res.kind !== 'rate-limited') {
        const half = Math.max(1, Math.ceil(batch.length / 2));
        for (const part of chunk(batch, half)) await run(part, false);
        return;
      }
      const f = overLimit(res as HttpFailure, batch.length, span);
      for (const key of batch) out.items[key] = f;
      return;
    }
    for (const key of batch) {
      const raw = entryFor(res.data.coins, key);
      const pts = raw === undefined ? null : chartPoints(raw, now().getTime());
      out.items[key] = pts?.length ? { ok: true, url, fetchedAt: res.fetchedAt, data: pts } : noData(`DefiLlama has no price history for ${key}`);
    }
  };
  for (const batch of chunk([...new Set(keys)], per)) {
    await run(batch, true);
    if (Object.values(out.items).some((o) => !o.ok && o.kind === 'rate-limited')) break;
  }
  return out;
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

/** One pool's APY chart (DefiLlama keeps one point a day); implausible points dropped; the last 30 days kept. */
export async function fetchYield(base: string, pool: string, opts: GetOptions = {}): Promise<Outcome<YieldSeries>> {
  if (!/^[0-9a-f-]{36}$/i.test(pool)) return noData('not a DefiLlama pool id');
  const now = (opts.now ?? (() => new Date()))().getTime();
  const res = await getJson(`${base}/chart/${pool}`, YieldChartResponse, opts);
  if (!res.ok) return (res as HttpFailure).status === 404 ? noData(`DefiLlama does not know pool ${pool}`) : res;
  const points: Array<{ t: number; apy: number; base: number | null }> = [];
  for (const raw of res.data.data) {
    const p = YieldPointIn.safeParse(raw);
    if (!p.success || p.data.apy === null) continue;
    const t = Date.parse(p.data.timestamp);
    if (!plausibleTime(t, now) || !within(p.data.apy, APY_PCT.min, APY_PCT.max)) continue;
    const b = p.data.apyBase;
    points.push({ t, apy: p.data.apy, base: typeof b === 'number' && within(b, APY_PCT.min, APY_PCT.max) ? b : null });
  }
  points.sort((a, b) => a.t - b.t);
  const last = points.at(-1);
  if (!last) return noData(`DefiLlama has no plausible APY points for pool ${pool}`);
  const since = last.t - 30 * 86_400_000;
  return {
    ok: true,
    url: res.url,
    fetchedAt: res.fetchedAt,
    data: {
      apyPct: last.apy,
      apyBasePct: last.base,
      pointAt: new Date(last.t).toISOString(),
      history: points
        .filter((p) => p.t >= since)
        .slice(-YIELD_MAX_POINTS)
        .map((p) => ({ t: p.t, apyPct: p.apy })),
    },
  };
}

/** What DefiLlama says a pool is: the row `/poolsEnriched?pool=<id>` answers (`listed: false` when it has none). */
export interface PoolMeta {
  pool: string;
  listed: boolean;
  /** The adaptor's project slug, e.g. `renzo`. */
  project: string | null;
  /** As DefiLlama stores it (upper case, e.g. `EZETH`). */
  symbol: string | null;
  /** DefiLlama's chain name, e.g. `Ethereum`. */
  chain: string | null;
}

const PoolRow = z.object({ pool: z.string(), project: z.string(), symbol: z.string(), chain: z.string() });

/**
 * One pool's identity, to check that a pool id shipped in the registry is the token's own pool before its APY is
 * shown. DefiLlama's controller (yield-server src/api/controllers/enriched.js, getPoolEnriched) answers 400 for an id
 * that is not a UUID and `{status: 'success', data: []}` for an id it does not know: both mean "not this token's pool".
 */
export async function fetchPoolMeta(base: string, pool: string, opts: GetOptions = {}): Promise<Outcome<PoolMeta>> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(pool)) return noData('not a DefiLlama pool id');
  const res = await getJson(`${base}/poolsEnriched?pool=${pool}`, YieldChartResponse, opts);
  if (!res.ok) return res;
  const rows = res.data.data.flatMap((raw) => {
    const r = PoolRow.safeParse(raw);
    return r.success && r.data.pool.toLowerCase() === pool.toLowerCase() ? [r.data] : [];
  });
  const row = rows[0];
  const data: PoolMeta = row
    ? { pool, listed: true, project: row.project.slice(0, 80), symbol: row.symbol.slice(0, 40), chain: row.chain.slice(0, 40) }
    : { pool, listed: false, project: null, symbol: null, chain: null };
  return { ok: true, url: res.url, fetchedAt: res.fetchedAt, data };
}

/** A protocol's current TVL in USD. */
export async function fetchTvl(base: string, slug: string, opts?: GetOptions): Promise<Outcome<number>> {
  const res = await getJson(`${base}/tvl/${encodeURIComponent(slug)}`, TvlResponse, opts);
  if (!res.ok) return (res as HttpFailure).status === 404 ? noData(`DefiLlama does not know protocol ${slug}`) : res;
  return within(res.data, 0, TVL_USD.max) ? res : implausible(`DefiLlama's TVL for ${slug} is not plausible; dropped`);
}
