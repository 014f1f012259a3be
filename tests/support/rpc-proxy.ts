// A local JSON-RPC front for anvil that behaves like a tracking RPC operator would: it forwards each request to the
// node, answers every one with a Set-Cookie, and logs the Cookie and Referer headers that reached it. Tests use it to
// prove the extension neither sends cookies or referrers nor keeps the cookies a server sets.
import { createServer, type Server } from 'node:http';

export interface ProxiedRequest {
  time: number;
  cookie?: string;
  referer?: string;
  /** JSON-RPC method(s) of the request body. */
  methods: string[];
}

export interface RpcProxy {
  readonly url: string;
  readonly requests: ProxiedRequest[];
  stop(): Promise<void>;
}

export async function startRpcProxy(target: string): Promise<RpcProxy> {
  const requests: ProxiedRequest[] = [];
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST, OPTIONS' };
  const server: Server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let methods: string[] = [];
      try {
        const j = JSON.parse(body) as { method?: string } | Array<{ method?: string }>;
        methods = (Array.isArray(j) ? j : [j]).map((x) => String(x.method));
      } catch {
        /* not JSON: forwarded as is */
      }
      requests.push({ time: Date.now(), methods, ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}), ...(req.headers.referer ? { referer: req.headers.referer } : {}) });
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (r) => {
          res.writeHead(r.status, { ...cors, 'content-type': 'application/json', 'set-cookie': 'rpc_id=tracker-1; Path=/; Max-Age=86400' });
          res.end(await r.text());
        })
        .catch(() => res.socket?.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
