// A small static file server on 127.0.0.1 for the demo and the e2e tests. Serves files under the given
// roots by URL prefix; `X.html` may have a sibling `X.html.headers.json` with extra response headers
// (e.g. a strict Content-Security-Policy).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** `mounts` maps a URL prefix such as '/fixtures/' to a directory. */
export async function serveStatic(mounts: Record<string, string>, port = 0): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    if (!prefix) {
      res.writeHead(404).end('not found');
      return;
    }
    const dir = mounts[prefix]!;
    let rel = normalize(path.slice(prefix.length));
    if (rel === '.' || rel.endsWith(sep) || rel === '') rel = join(rel, 'index.html');
    const file = join(dir, rel);
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      let extra: Record<string, string> = {};
      try {
        extra = JSON.parse(await readFile(`${file}.headers.json`, 'utf8')) as Record<string, string>;
      } catch {
        // no extra headers for this file
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...extra });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${actual}`;
  return {
    origin,
    url: (p) => origin + p,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
