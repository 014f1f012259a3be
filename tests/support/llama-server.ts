// A real local HTTP server answering as DefiLlama's own server code does (coins, yields, api), with programmable
// faults. Where DefiLlama is strict, this is strict too (our tests once passed while production could never fetch a
// chart, because an earlier stand-in was kinder than the real service):
// - /coins/chart refuses more than 500 data points, coins asked × timestamps, with HTTP 400 and DefiLlama's message
//   (defillama-server coins/src/getCoinPriceChart.ts, MAX_RECORDS = 500); `span` timestamps (at least one) work
//   back from `end` (default now) by `period`; each takes the stored record closest to it within `searchWidth`
//   (default period / 10); coins with no such record are left out; `start` together with `end` is a 400;
// - keys are matched without regard to case and answered as they were asked (getBasicCoins' PKTransforms);
// - /coins/prices/current leaves out coins whose latest price is older than `searchWidth` (default 6h);
// - a coin's `timestamp` may be null (the cache layer) or missing (the database fallback), and `symbol`/`confidence`
//   may be missing, when a test says so;
// - unknown yield pools and TVL slugs are 404s; a yield chart holds one point per day (the last one of each day).
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type Socket } from 'node:net';

const HOST = '127.0.0.1';

export interface PriceMeta {
  symbol: string;
  decimals: number;
  confidence?: number;
  /** Unix seconds; default: now when served. `null`: answered as null (cache layer); `'omit'`: left out. */
  timestamp?: number | null | 'omit';
  /** Fields DefiLlama's database fallback can leave out. */
  omit?: Array<'symbol' | 'confidence' | 'decimals'>;
}
export interface ChartPoint {
  timestamp: number;
  price: number;
}
export interface ChartMeta {
  symbol: string;
  decimals: number;
  confidence?: number;
}
export interface YieldPoint {
  timestamp: string;
  tvlUsd: number;
  apy: number | null;
  apyBase: number | null;
  apyReward: number | null;
  il7d: number | null;
  apyBase7d: number | null;
}

export type FaultMode =
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'rate-limit'; retryAfterS: number }
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number }
  | { kind: 'malformed' }
  | { kind: 'wrong-shape' }
  | { kind: 'oversized'; bytes?: number }
  | { kind: 'reset' };

/** The identifying columns of a DefiLlama pool row (the real row has ~28 columns; these are the ones we read). */
export interface PoolRow {
  project: string;
  symbol: string;
  chain: string;
  tvlUsd?: number;
  apy?: number;
}

export interface LoggedRequest {
  method: string;
  /** Path without the query string, e.g. `/coins/prices/current/coingecko:ethereum`. */
  path: string;
  /** Path with the query string. */
  url: string;
  /** Date.now() on arrival. */
  time: number;
  /** Response status; undefined while pending and for hang/reset. */
  status?: number;
  /** Body bytes written so far. */
  bytesSent: number;
  /** The Cookie and Referer headers the request carried (undefined when absent). */
  cookie?: string;
  referer?: string;
}

export interface LlamaServer {
  readonly url: string;
  readonly port: number;
  /** Base URLs standing in for https://coins.llama.fi, https://yields.llama.fi and https://api.llama.fi. */
  readonly coinsUrl: string;
  readonly yieldsUrl: string;
  readonly apiUrl: string;
  readonly running: boolean;
  /** Every request received (OPTIONS included), oldest first. */
  readonly requests: LoggedRequest[];
  /** Requests whose path starts with `prefix`, not counting OPTIONS preflights. */
  countRequests(prefix?: string): number;
  setPrice(key: string, usd: number, meta: PriceMeta): void;
  removePrice(key: string): void;
  setChart(key: string, prices: ChartPoint[], meta?: ChartMeta): void;
  setYield(pool: string, points: YieldPoint[]): void;
  /** The row `/poolsEnriched?pool=<id>` answers for a pool (project, symbol as DefiLlama stores it, chain). */
  setPoolRow(pool: string, row: PoolRow): void;
  setTvl(slug: string, tvl: number): void;
  /** Applies `mode` to GET requests whose path starts with `prefix` ('*' = every path). The longest prefix wins. */
  fault(prefix: string, mode: FaultMode): void;
  /** Removes all faults and drops requests left hanging. */
  clearFaults(): void;
  /** Clears data, faults and the request log. */
  reset(): void;
  /** The server's clock (for `now` in charts and staleness), default Date.now. */
  setClock(now: () => number): void;
  /** Sends `Set-Cookie` on every answer (to prove clients neither keep nor send cookies). */
  setCookies(on: boolean): void;
  /** Closes the port, destroying open connections. State and the log are kept. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'Retry-After',
  'access-control-max-age': '600',
};

type Routed = { status: number; body: unknown };

/** Starts the server on 127.0.0.1 (a free port unless `port` is given). */
export async function startLlamaServer(opts: { port?: number } = {}): Promise<LlamaServer> {
  const prices = new Map<string, { price: number } & PriceMeta>();
  const charts = new Map<string, { prices: ChartPoint[] } & ChartMeta>();
  const yields = new Map<string, YieldPoint[]>();
  const poolRows = new Map<string, PoolRow>();
  const tvls = new Map<string, number>();
  const faults = new Map<string, FaultMode>();
  const requests: LoggedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = opts.port ?? 0;

  let clock: () => number = () => Date.now();
  let cookies = false;
  const UNITS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60 };
  /** DefiLlama's quantisePeriod: `4h`, `d`, `30m`, or plain seconds. */
  const seconds = (p: string | null, dflt: number): number => {
    if (p === null) return dflt;
    const m = /^(\d*)([wdhm])$/i.exec(p);
    return m ? Number(m[1] || 1) * UNITS[m[2]!.toLowerCase()]! : Number(p);
  };
  const coinKey = (k: string) => k.toLowerCase();

  function route(path: string, query: URLSearchParams): Routed {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const [service, ...rest] = parts;
    const now = Math.floor(clock() / 1000);
    if (service === 'coins' && rest[0] === 'prices' && rest[1] === 'current' && rest.length === 3) {
      const width = seconds(query.get('searchWidth'), 6 * 3600);
      const coins: Record<string, unknown> = {};
      for (const key of rest[2]!.split(',')) {
        const p = prices.get(coinKey(key));
        if (!p) continue;
        const ts = typeof p.timestamp === 'number' ? p.timestamp : now;
        if (now - ts > width) continue; // stale: left out
        const out: Record<string, unknown> = { decimals: p.decimals, symbol: p.symbol, price: p.price, timestamp: p.timestamp === null ? null : ts, confidence: p.confidence ?? 0.99 };
        if (p.timestamp === 'omit') delete out.timestamp;
        for (const f of p.omit ?? []) delete out[f];
        coins[key] = out;
      }
      return { status: 200, body: { coins } };
    }
    if (service === 'coins' && rest[0] === 'chart' && rest.length === 2) {
      if (query.has('start') && query.has('end')) return { status: 400, body: { message: 'use either start or end parameter, not both' } };
      const keys = rest[1]!.split(',');
      const period = seconds(query.get('period'), 86400);
      const span = Math.max(1, Number.parseInt(query.get('span') ?? '0', 10) || 0);
      const width = seconds(query.get('searchWidth'), period / 10);
      const forwards = query.has('start');
      const origin = forwards ? Number(query.get('start')) : query.has('end') ? Number(query.get('end')) : now;
      const stamps = Array.from({ length: span }, (_, i) => (forwards ? origin + i * period : origin - i * period));
      const total = keys.length * stamps.length;
      if (total > 500) {
        return { status: 400, body: { message: `Requested ${total} data points (${keys.length} coins × ${stamps.length} timestamps) exceeds the maximum of 500. Reduce the number of coins or the span.` } };
      }
      const coins: Record<string, unknown> = {};
      for (const key of keys) {
        const c = charts.get(coinKey(key));
        if (!c) continue;
        const picked = new Map<number, ChartPoint>();
        for (const ts of stamps) {
          let best: ChartPoint | undefined;
          for (const p of c.prices) if (Math.abs(p.timestamp - ts) <= width && (!best || Math.abs(p.timestamp - ts) < Math.abs(best.timestamp - ts))) best = p;
          if (best) picked.set(best.timestamp, best);
        }
        if (!picked.size) continue;
        coins[key] = { symbol: c.symbol, confidence: c.confidence ?? 0.99, decimals: c.decimals, prices: [...picked.values()].sort((a, b) => a.timestamp - b.timestamp) };
      }
      return { status: 200, body: { coins } };
    }
    if (service === 'yields' && rest[0] === 'chart' && rest.length === 2) {
      const data = yields.get(rest[1]!);
      return data ? { status: 200, body: { status: 'success', data } } : { status: 404, body: { status: 'error', data: 'pool not found' } };
    }
    if (service === 'yields' && rest[0] === 'poolsEnriched' && rest.length === 1) {
      // yield-server src/api/controllers/enriched.js getPoolEnriched: 400 for a non-UUID, else the matching rows.
      const id = query.get('pool');
      if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return { status: 400, body: 'invalid configID!' };
      const row = poolRows.get(id);
      const full = row ? { chain: row.chain, project: row.project, symbol: row.symbol, tvlUsd: row.tvlUsd ?? 1e8, apyBase: row.apy ?? 3, apyReward: null, apy: row.apy ?? 3, rewardTokens: null, pool: id, apyPct1D: 0, apyPct7D: 0, apyPct30D: 0, stablecoin: false, ilRisk: 'no', exposure: 'single', predictions: {}, poolMeta: null, mu: 3, sigma: 0.1, count: 400, outlier: false, underlyingTokens: null, il7d: null, apyBase7d: null, apyMean30d: row.apy ?? 3, volumeUsd1d: null, volumeUsd7d: null, apyBaseInception: null, url: null } : null;
      return { status: 200, body: { status: 'success', data: full ? [full] : [] } };
    }
    if (service === 'api' && rest[0] === 'tvl' && rest.length === 2) {
      const tvl = tvls.get(rest[1]!);
      return tvl === undefined ? { status: 404, body: { message: 'Protocol not found' } } : { status: 200, body: tvl };
    }
    return { status: 404, body: { message: 'not found' } };
  }

  function faultFor(path: string): FaultMode | undefined {
    let best: [string, FaultMode] | undefined;
    for (const [prefix, mode] of faults) {
      const match = prefix === '*' || path.startsWith(prefix);
      const len = prefix === '*' ? 0 : prefix.length;
      if (match && (!best || len > (best[0] === '*' ? 0 : best[0].length))) best = [prefix, mode];
    }
    return best?.[1];
  }

  function send(res: ServerResponse, log: LoggedRequest, status: number, body: string, headers: Record<string, string> = {}): void {
    log.status = status;
    log.bytesSent = Buffer.byteLength(body);
    res.writeHead(status, { ...CORS, 'content-type': 'application/json', ...(cookies ? { 'set-cookie': 'llama_id=tracker-1; Path=/; Max-Age=86400' } : {}), ...headers });
    res.end(body);
  }

  async function streamOversized(res: ServerResponse, log: LoggedRequest, bytes: number): Promise<void> {
    log.status = 200;
    res.writeHead(200, { ...CORS, 'content-type': 'application/json' }); // No content-length: chunked.
    let closed = false;
    res.once('close', () => (closed = true));
    const write = (s: string) => {
      log.bytesSent += Buffer.byteLength(s);
      return res.write(s);
    };
    write('{"coins":{');
    const ts = Math.floor(Date.now() / 1000);
    for (let i = 0; log.bytesSent < bytes && !closed; i++) {
      let batch = '';
      for (let j = 0; j < 200; j++) {
        const key = `ethereum:0x${(i * 200 + j).toString(16).padStart(40, '0')}`;
        batch += `"${key}":{"decimals":18,"symbol":"PAD","price":1,"timestamp":${ts},"confidence":0.99},`;
      }
      if (!write(batch) && !closed) await drainOrClose(res);
    }
    if (!closed) res.end('"end":{}}}');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://x');
    const log: LoggedRequest = {
      method: req.method ?? 'GET',
      path: u.pathname,
      url: u.pathname + u.search,
      time: Date.now(),
      bytesSent: 0,
      ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
      ...(req.headers.referer ? { referer: req.headers.referer } : {}),
    };
    requests.push(log);
    if (req.method === 'OPTIONS') {
      log.status = 204;
      res.writeHead(204, CORS).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, log, 405, '{"message":"method not allowed"}');
    const mode = faultFor(u.pathname);
    switch (mode?.kind) {
      case 'status':
        return send(res, log, mode.status, mode.body ?? JSON.stringify({ message: `status ${mode.status}` }));
      case 'rate-limit':
        return send(res, log, 429, '{"message":"Too Many Requests"}', { 'retry-after': String(mode.retryAfterS) });
      case 'hang':
        hanging.add(res);
        res.once('close', () => hanging.delete(res));
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'oversized':
        return streamOversized(res, log, mode.bytes ?? 20 * 1024 * 1024);
      case 'delay': {
        let gone = false;
        res.once('close', () => (gone = true));
        await new Promise((r) => setTimeout(r, mode.ms));
        if (gone) return;
        break;
      }
    }
    const { status, body } = route(u.pathname, u.searchParams);
    const json = JSON.stringify(body);
    if (mode?.kind === 'malformed') return send(res, log, 200, truncate(json));
    if (mode?.kind === 'wrong-shape') return send(res, log, 200, JSON.stringify(wrongShape(body)));
    return send(res, log, status, json);
  }

  function dropHanging(): void {
    for (const res of hanging) res.socket?.destroy();
    hanging.clear();
  }

  function listen(): Promise<void> {
    const srv = createServer((req, res) => {
      handle(req, res).catch(() => res.socket?.destroy());
    });
    srv.on('connection', (s) => {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
    });
    return new Promise((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port, HOST, () => {
        const addr = srv.address();
        if (typeof addr === 'object' && addr) port = addr.port;
        server = srv;
        resolve();
      });
    });
  }

  await listen();
  const url = `http://${HOST}:${port}`;
  return {
    url,
    port,
    coinsUrl: `${url}/coins`,
    yieldsUrl: `${url}/yields`,
    apiUrl: `${url}/api`,
    get running() {
      return server !== undefined;
    },
    requests,
    countRequests: (prefix = '/') => requests.filter((r) => r.method !== 'OPTIONS' && r.path.startsWith(prefix)).length,
    setPrice: (key, usd, meta) => void prices.set(coinKey(key), { price: usd, ...meta }),
    removePrice: (key) => void prices.delete(coinKey(key)),
    setChart: (key, pts, meta = { symbol: key.split(':').pop() ?? key, decimals: 18 }) => void charts.set(coinKey(key), { prices: pts, ...meta }),
    setYield: (pool, points) => void yields.set(pool, dailyLast(points)),
    setPoolRow: (pool, row) => void poolRows.set(pool, row),
    setClock: (now) => void (clock = now),
    setCookies: (on) => void (cookies = on),
    setTvl: (slug, tvl) => void tvls.set(slug, tvl),
    fault: (prefix, mode) => void faults.set(prefix, mode),
    clearFaults() {
      faults.clear();
      dropHanging();
    },
    reset() {
      prices.clear();
      charts.clear();
      yields.clear();
      poolRows.clear();
      tvls.clear();
      faults.clear();
      dropHanging();
      requests.length = 0;
      clock = () => Date.now();
      cookies = false;
    },
    async stop() {
      const srv = server;
      if (!srv) return;
      server = undefined;
      dropHanging();
      const closed = new Promise<void>((r) => srv.close(() => r()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    async start() {
      if (!server) await listen();
    },
  };
}

/** DefiLlama's yield charts hold one point per day: the last point of each UTC day, in time order. */
function dailyLast(points: YieldPoint[]): YieldPoint[] {
  const byDay = new Map<string, YieldPoint>();
  for (const p of [...points].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp))) byDay.set(p.timestamp.slice(0, 10), p);
  return [...byDay.values()];
}

/** Cuts a JSON text so that it no longer parses. */
function truncate(json: string): string {
  const cut = json.slice(0, Math.max(1, Math.floor(json.length / 2)));
  try {
    JSON.parse(cut);
    return `{"${cut}`;
  } catch {
    return cut;
  }
}

/** Valid JSON that breaks the schema: every number becomes a string (a payload without numbers is wrapped in an array). */
function wrongShape(body: unknown): unknown {
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') {
      changed = true;
      return String(v);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(body);
  return changed ? out : [body];
}

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
