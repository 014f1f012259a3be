// A real local HTTP server answering KyberSwap's route API in its response shape (GET
// /ethereum/api/v1/routes?tokenIn&tokenOut&amountIn → { code, message, data: { routeSummary: { tokenIn, amountIn,
// tokenOut, amountOut, … }, routerAddress } }, the fields DefiLlama's lsdRates job and KyberSwap's docs name), over
// constant-product pools a test sets, with a rate-limit fault. An unknown pair is an HTTP 400 here: KyberSwap's own
// error body for "no route" is not confirmed, and the reader treats any error alike.
import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface KyberPool {
  tokenIn: string;
  tokenOut: string;
  /** Reserves in base units. */
  reserveIn: bigint;
  reserveOut: bigint;
}

export interface KyberServer {
  readonly base: string;
  setPool(p: KyberPool): void;
  /** The next `n` requests get HTTP 429 with Retry-After. */
  rateLimit(n: number, retryAfterS?: number): void;
  readonly requests: Array<{ path: string; query: Record<string, string>; cookie: string | undefined }>;
  stop(): Promise<void>;
}

export async function startKyberServer(): Promise<KyberServer> {
  const pools = new Map<string, KyberPool>();
  const requests: KyberServer['requests'] = [];
  let limited = 0;
  let retryAfter = 1;
  const key = (a: string, b: string) => `${a.toLowerCase()}>${b.toLowerCase()}`;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ path: url.pathname, query, cookie: req.headers.cookie });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (limited > 0) {
      limited--;
      return json(429, { message: 'too many requests' }, { 'retry-after': String(retryAfter) });
    }
    if (url.pathname !== '/ethereum/api/v1/routes') return json(404, { message: 'not found' });
    const pool = pools.get(key(query.tokenIn ?? '', query.tokenOut ?? ''));
    if (!pool || !/^\d+$/.test(query.amountIn ?? '')) return json(400, { code: 4000, message: 'bad request' });
    const amountIn = BigInt(query.amountIn!);
    const amountOut = (pool.reserveOut * amountIn) / (pool.reserveIn + amountIn);
    json(200, {
      code: 0,
      message: 'successfully',
      data: {
        routeSummary: {
          tokenIn: query.tokenIn,
          amountIn: amountIn.toString(),
          amountInUsd: '0',
          tokenOut: query.tokenOut,
          amountOut: amountOut.toString(),
          amountOutUsd: '0',
          gas: '200000',
          gasPrice: '1000000000',
          gasUsd: '0',
          route: [],
        },
        routerAddress: '0x6131B5fae19EA4f9D964eAc0408E4408b66337b5',
      },
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/ethereum`,
    setPool: (p) => pools.set(key(p.tokenIn, p.tokenOut), p),
    rateLimit: (n, s = 1) => {
      limited = n;
      retryAfter = s;
    },
    requests,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
