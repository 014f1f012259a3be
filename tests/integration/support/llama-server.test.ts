// Self-test of the local DefiLlama stand-in: DefiLlama's own server behaviour (the chart cap, case-insensitive keys
// echoed as asked, stale coins left out, null or missing fields, 404s, one yield point a day), every fault mode seen
// through plain fetch, CORS, cookies, restart.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type LlamaServer, startLlamaServer } from '../../support/llama-server';
import { freePort } from '../../support/anvil';

let llama: LlamaServer;
const EZETH = 'ethereum:0xbf5495Efe5DB9ce00f80364C8B423567e58d2110';
const POOL = '747c1d2a-c668-4682-b9f9-296708a3dd90';

beforeAll(async () => {
  llama = await startLlamaServer();
});
afterAll(() => llama?.stop());
const NOW = 1_790_030_000;
beforeEach(() => {
  llama.reset();
  llama.setClock(() => NOW * 1000);
  llama.setPrice(EZETH, 3421.5, { symbol: 'ezETH', decimals: 18, timestamp: 1_790_028_800 });
  llama.setPrice('coingecko:ethereum', 3400, { symbol: 'ETH', decimals: 0 });
  llama.setChart(EZETH, [
    { timestamp: 1_790_000_000, price: 3400 },
    { timestamp: 1_790_014_400, price: 3410 },
    { timestamp: 1_790_028_800, price: 3421.5 },
  ], { symbol: 'ezETH', decimals: 18 });
  llama.setYield(POOL, [
    { timestamp: '2026-11-01T23:01:36.000Z', tvlUsd: 123, apy: 3.1, apyBase: 3.1, apyReward: null, il7d: null, apyBase7d: null },
  ]);
  llama.setTvl('renzo', 1_234_567_890.5);
});

const get = (path: string, init?: RequestInit) => fetch(`${llama.url}${path}`, init);

describe('routes and shapes', () => {
  test('current prices: known keys present, unknown keys absent', async () => {
    const res = await get(`/coins/prices/current/${EZETH},coingecko:ethereum,solana:J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { coins: Record<string, { price: number; timestamp: number }> };
    expect(Object.keys(body.coins).sort()).toEqual(['coingecko:ethereum', EZETH].sort());
    expect(body.coins[EZETH]).toEqual({ decimals: 18, symbol: 'ezETH', price: 3421.5, timestamp: 1_790_028_800, confidence: 0.99 });
    expect(body.coins['coingecko:ethereum']!.timestamp).toBe(NOW);
  });

  test('keys match without regard to case and come back as asked', async () => {
    const asked = EZETH.toLowerCase();
    const body = (await (await get(`/coins/prices/current/${asked}`)).json()) as { coins: Record<string, unknown> };
    expect(Object.keys(body.coins)).toEqual([asked]);
  });

  test('a coin whose latest price is older than searchWidth is left out', async () => {
    llama.setPrice('coingecko:old', 1, { symbol: 'OLD', decimals: 0, timestamp: NOW - 5 * 3600 });
    const narrow = (await (await get('/coins/prices/current/coingecko:old?searchWidth=4h')).json()) as { coins: Record<string, unknown> };
    expect(narrow.coins).toEqual({});
    const wide = (await (await get('/coins/prices/current/coingecko:old?searchWidth=6h')).json()) as { coins: Record<string, unknown> };
    expect(Object.keys(wide.coins)).toEqual(['coingecko:old']);
  });

  test("null or missing timestamp and missing fields, as DefiLlama's cache and database fallback answer", async () => {
    llama.setPrice('coingecko:a', 1, { symbol: 'A', decimals: 0, timestamp: null });
    llama.setPrice('coingecko:b', 2, { symbol: 'B', decimals: 0, timestamp: 'omit', omit: ['symbol', 'confidence'] });
    const body = (await (await get('/coins/prices/current/coingecko:a,coingecko:b')).json()) as { coins: Record<string, Record<string, unknown>> };
    expect(body.coins['coingecko:a']).toMatchObject({ price: 1, timestamp: null });
    expect(body.coins['coingecko:b']).toEqual({ decimals: 0, price: 2 });
  });

  test('base URLs stand in for the three hosts', async () => {
    expect(await (await fetch(`${llama.apiUrl}/tvl/renzo`)).json()).toBe(1_234_567_890.5);
    expect(((await (await fetch(`${llama.yieldsUrl}/chart/${POOL}`)).json()) as { status: string }).status).toBe('success');
    expect((await fetch(`${llama.coinsUrl}/prices/current/${EZETH}`)).status).toBe(200);
  });

  test('chart: span timestamps back from now by period, each the closest record within period / 10', async () => {
    // now = 1_790_030_000: asks 1_790_030_000 and 1_790_015_600; the records 1_790_028_800 (20 min off) and
    // 1_790_014_400 (20 min off) are within 24 min; 1_790_000_000 is not asked for.
    const body = (await (await get(`/coins/chart/${EZETH}?span=2&period=4h`)).json()) as { coins: Record<string, { prices: unknown[] }> };
    expect(body.coins[EZETH]).toEqual({ symbol: 'ezETH', confidence: 0.99, decimals: 18, prices: [{ timestamp: 1_790_014_400, price: 3410 }, { timestamp: 1_790_028_800, price: 3421.5 }] });
    // A narrower searchWidth finds nothing: the coin is left out.
    const narrow = (await (await get(`/coins/chart/${EZETH}?span=2&period=4h&searchWidth=10m`)).json()) as { coins: Record<string, unknown> };
    expect(narrow.coins).toEqual({});
  });

  test("chart: more than 500 points (coins × timestamps) is an HTTP 400 with DefiLlama's message", async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `coingecko:c${i}`).join(',');
    expect((await get(`/coins/chart/${eleven}?span=42&period=4h`)).status).toBe(200); // 462 points
    const twelve = `${eleven},coingecko:c11`;
    const res = await get(`/coins/chart/${twelve}?span=42&period=4h`); // 504 points
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe('Requested 504 data points (12 coins × 42 timestamps) exceeds the maximum of 500. Reduce the number of coins or the span.');
    expect((await get(`/coins/chart/${EZETH}?start=1&end=2`)).status).toBe(400);
  });

  test('yield charts hold one point per day: the last of each day', async () => {
    llama.setYield(POOL, [
      { timestamp: '2026-11-02T01:00:00.000Z', tvlUsd: 1, apy: 3.0, apyBase: 3.0, apyReward: null, il7d: null, apyBase7d: null },
      { timestamp: '2026-11-02T23:00:00.000Z', tvlUsd: 1, apy: 3.2, apyBase: 3.2, apyReward: null, il7d: null, apyBase7d: null },
      { timestamp: '2026-11-01T23:01:36.000Z', tvlUsd: 1, apy: 2.9, apyBase: 2.9, apyReward: null, il7d: null, apyBase7d: null },
    ]);
    const body = (await (await get(`/yields/chart/${POOL}`)).json()) as { data: Array<{ timestamp: string; apy: number }> };
    expect(body.data.map((p) => [p.timestamp.slice(0, 10), p.apy])).toEqual([['2026-11-01', 2.9], ['2026-11-02', 3.2]]);
  });

  test('cookies: set when asked, and the request log shows what a client sent', async () => {
    llama.setCookies(true);
    const res = await get('/api/tvl/renzo', { headers: { cookie: 'a=1', referer: 'https://example.org/' } });
    expect(res.headers.get('set-cookie')).toMatch(/^llama_id=/);
    expect(llama.requests.at(-1)).toMatchObject({ cookie: 'a=1', referer: 'https://example.org/' });
  });

  test('yields chart and unknown ids', async () => {
    const body = await (await get(`/yields/chart/${POOL}`)).json();
    expect(body).toEqual({ status: 'success', data: [{ timestamp: '2026-11-01T23:01:36.000Z', tvlUsd: 123, apy: 3.1, apyBase: 3.1, apyReward: null, il7d: null, apyBase7d: null }] });
    expect((await get('/yields/chart/nope')).status).toBe(404);
    expect((await get('/api/tvl/nope')).status).toBe(404);
    expect((await get('/elsewhere')).status).toBe(404);
  });

  test('OPTIONS preflight answers with CORS headers', async () => {
    const res = await get('/coins/prices/current/x', { method: 'OPTIONS', headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'GET' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
  });

  test('request log counts GETs per prefix', async () => {
    await Promise.all([get('/coins/prices/current/a'), get('/coins/prices/current/b'), get('/api/tvl/renzo'), get('/coins/x', { method: 'OPTIONS' })]);
    expect(llama.countRequests('/coins')).toBe(2);
    expect(llama.countRequests()).toBe(3);
    expect(llama.requests).toHaveLength(4);
    expect(llama.requests.every((r) => r.time <= Date.now() && r.path.startsWith('/'))).toBe(true);
  });
});

describe('fault modes', () => {
  test('status', async () => {
    llama.fault('/coins', { kind: 'status', status: 500 });
    const res = await get(`/coins/prices/current/${EZETH}`);
    expect(res.status).toBe(500);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('/api/tvl/renzo')).status).toBe(200); // Other prefixes unaffected.
  });

  test('rate-limit sends 429 with Retry-After', async () => {
    llama.fault('*', { kind: 'rate-limit', retryAfterS: 30 });
    const res = await get('/api/tvl/renzo');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
  });

  test('the longest prefix wins; clearFaults restores service', async () => {
    llama.fault('*', { kind: 'status', status: 503 });
    llama.fault('/coins/prices', { kind: 'status', status: 502 });
    expect((await get(`/coins/prices/current/${EZETH}`)).status).toBe(502);
    expect((await get(`/coins/chart/${EZETH}`)).status).toBe(503);
    llama.clearFaults();
    expect((await get(`/coins/chart/${EZETH}`)).status).toBe(200);
  });

  test('hang never answers: AbortSignal.timeout aborts it', async () => {
    llama.fault('/yields', { kind: 'hang' });
    const t = Date.now();
    await expect(get(`/yields/chart/${POOL}`, { signal: AbortSignal.timeout(150) })).rejects.toThrow(/timeout|aborted/i);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    llama.clearFaults();
    expect((await get(`/yields/chart/${POOL}`)).status).toBe(200);
  });

  test('delay answers after the delay', async () => {
    llama.fault('/api', { kind: 'delay', ms: 200 });
    const t = Date.now();
    expect(await (await get('/api/tvl/renzo')).json()).toBe(1_234_567_890.5);
    expect(Date.now() - t).toBeGreaterThanOrEqual(190);
  });

  test('malformed: 200 with a body that fails JSON.parse', async () => {
    llama.fault('*', { kind: 'malformed' });
    for (const path of [`/coins/prices/current/${EZETH}`, '/api/tvl/renzo', `/yields/chart/${POOL}`]) {
      const res = await get(path);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(() => JSON.parse(text), `${path}: ${text}`).toThrow(SyntaxError);
    }
  });

  test('wrong-shape: valid JSON, numbers turned into strings', async () => {
    llama.fault('*', { kind: 'wrong-shape' });
    const prices = (await (await get(`/coins/prices/current/${EZETH}`)).json()) as { coins: Record<string, { price: unknown }> };
    expect(prices.coins[EZETH]!.price).toBe('3421.5');
    expect(await (await get('/api/tvl/renzo')).json()).toBe('1234567890.5');
    expect(Array.isArray(await (await get('/coins/prices/current/unknown:x')).json())).toBe(true);
  });

  test('oversized streams past any cap and stops when the client cancels', async () => {
    const bytes = 64 * 1024 * 1024;
    llama.fault('/coins', { kind: 'oversized', bytes });
    const res = await get(`/coins/prices/current/${EZETH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull();
    const cap = 2 * 1024 * 1024;
    const reader = res.body!.getReader();
    let read = 0;
    while (read <= cap) {
      const { value, done } = await reader.read();
      if (done) break;
      read += value.byteLength;
    }
    expect(read).toBeGreaterThan(cap);
    await reader.cancel();
    const log = llama.requests.at(-1)!;
    await new Promise((r) => setTimeout(r, 100));
    const sent = log.bytesSent;
    await new Promise((r) => setTimeout(r, 100));
    expect(log.bytesSent).toBe(sent); // The server stopped writing.
    expect(sent).toBeLessThan(bytes);
  });

  test('oversized default is a complete, valid 20 MB body', async () => {
    llama.fault('/coins', { kind: 'oversized' });
    const text = await (await get(`/coins/prices/current/${EZETH}`)).text();
    expect(text.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    expect(Object.keys((JSON.parse(text) as { coins: object }).coins).length).toBeGreaterThan(100_000);
  });

  test('reset destroys the socket', async () => {
    llama.fault('/api', { kind: 'reset' });
    await expect(get('/api/tvl/renzo')).rejects.toThrow(TypeError);
  });
});

describe('lifecycle', () => {
  test('stop refuses connections; start listens on the same port with the same data', async () => {
    const port = llama.port;
    await llama.stop();
    expect(llama.running).toBe(false);
    await expect(get('/api/tvl/renzo')).rejects.toThrow(TypeError);
    await llama.start();
    expect(llama.port).toBe(port);
    expect(await (await get('/api/tvl/renzo')).json()).toBe(1_234_567_890.5);
  });

  test('a given port is used', async () => {
    const port = await freePort();
    const other = await startLlamaServer({ port });
    try {
      expect(other.url).toBe(`http://127.0.0.1:${port}`);
    } finally {
      await other.stop();
    }
  });
});
