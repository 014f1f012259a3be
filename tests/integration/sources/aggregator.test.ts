// The aggregator cross-check against a local server answering in KyberSwap's route-API shape: impact at the
// reported sizes from constant-product routes, sellable within the lines, a token without a route, a rate limit
// ending the run, the pause between calls, and the petal rule that an aggregator route alone is never green.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { getToken } from '../../../lib/registry';
import { quoteAggregatorRoutes } from '../../../lib/sources/aggregator';
import { EXIT_LADDER } from '../../../lib/sources/exit';
import { judgeExitPetal } from '../../../lib/risk/exit';
import { startKyberServer, type KyberServer } from '../../support/kyberswap-server';

const ETH = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
const WBTC = '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599';
const EZETH = getToken('ezeth')!;
const RSETH = getToken('rseth')!;
const LBTC = getToken('lbtc')!;
const E18 = 10n ** 18n;
const noPause = { pauseMs: 0, sleep: async () => {} };

let k: KyberServer;
beforeAll(async () => {
  k = await startKyberServer();
});
afterAll(() => k?.stop());
beforeEach(() => {
  k.requests.length = 0;
  k.setPool({ tokenIn: EZETH.deployments[0]!.address, tokenOut: ETH, reserveIn: 50_000n * E18, reserveOut: 50_000n * E18 });
  k.setPool({ tokenIn: LBTC.deployments[0]!.address, tokenOut: WBTC, reserveIn: 300n * 10n ** 8n, reserveOut: 300n * 10n ** 8n });
});

const cp = (r: number, n: number, ref: number) => (1 - (r + ref) / (r + n)) * 100;

test('impact at the reported sizes and sellable within the lines, 4 requests per token, labelled aggregator', async () => {
  const res = await quoteAggregatorRoutes(k.base, [EZETH, LBTC], noPause);
  const ez = res.ezeth!;
  if (!ez.ok) throw new Error(ez.message);
  const ref = EXIT_LADDER.ETH.reference;
  expect(ez.data.via).toBe('aggregator');
  expect(ez.data.impactPct['1000']).toBeCloseTo(cp(50_000, 1000, ref), 3);
  expect(ez.data.sellable['2']).toMatchObject({ size: 1000, basis: 'at-least' });
  expect(ez.data.sources).toHaveLength(4);
  expect(ez.data.sources[3]).toMatchObject({ kind: 'api', subject: 'route ezETH → ETH, 1000 ezETH' });
  const lb = res.lbtc!;
  if (!lb.ok) throw new Error(lb.message);
  expect(Object.keys(lb.data.impactPct)).toEqual(['1', '10', '50']);
  expect(lb.data.impactPct['50']).toBeCloseTo(cp(300, 50, EXIT_LADDER.BTC.reference), 3);
  expect(k.requests).toHaveLength(8);
  expect(k.requests[1]!.query).toEqual({ tokenIn: EZETH.deployments[0]!.address, tokenOut: ETH, amountIn: (10n * E18).toString() });
  expect(k.requests.every((r) => r.cookie === undefined)).toBe(true);
});

test('a token with no route fails alone; a rate limit ends the run for the tokens after it', async () => {
  const res = await quoteAggregatorRoutes(k.base, [RSETH, EZETH], noPause);
  expect(res.rseth).toMatchObject({ ok: false, kind: 'http' });
  expect(res.ezeth).toMatchObject({ ok: true });
  k.rateLimit(1, 30);
  const limited = await quoteAggregatorRoutes(k.base, [EZETH, LBTC], noPause);
  expect(limited.ezeth).toMatchObject({ ok: false, kind: 'rate-limited', retryAfterS: 30 });
  expect(limited.lbtc).toMatchObject({ ok: false, kind: 'rate-limited' });
});

test('it pauses between requests (DefiLlama’s 500 ms) unless told otherwise', async () => {
  const waits: number[] = [];
  await quoteAggregatorRoutes(k.base, [EZETH], { sleep: async (ms) => void waits.push(ms) });
  expect(waits).toEqual([500, 500, 500]);
});

test('an aggregator route alone never makes the petal green', async () => {
  const q = (await quoteAggregatorRoutes(k.base, [EZETH], noPause)).ezeth!;
  if (!q.ok) throw new Error(q.message);
  const a = q.data;
  const market = { denomination: a.denomination, symbol: 'ezETH', within2: a.sellable['2']!, within5: a.sellable['5']!, via: a.via, venueChecked: false, fresh: true };
  expect(judgeExitPetal(market, null, 'ETH').level).toBe('warning');
});
