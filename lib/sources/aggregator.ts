// Runs in: background, tests. A cross-check of exit depth through one keyless aggregator: KyberSwap's route API,
// called the way DefiLlama's own lsdRates job calls it (DefiLlama/yield-server@e638965f:
// src/handlers/triggerLSDRates.js: GET <base>/api/v1/routes?tokenIn&tokenOut=0xEeee…&amountIn, read
// `data.routeSummary`, 500 ms between calls). The route may split across venues, so it can show more depth than
// any single registry venue; being off-chain and unverifiable, it is labelled "aggregator route" and counts as at
// most yellow in the Exit petal (lib/risk/exit.ts). Sequential, a pause between calls, and a 429 ends the run: the
// public tier allows a few requests a second. Whole registry on a schedule, never for the page being viewed.
import { z } from '../zod';
import { formatUnits, parseUnits } from 'viem';
import type { TokenProfile } from '../registry/schema';
import { apiSource, type ApiSource } from '../provenance';
import { fail, getJson, type GetOptions, type Outcome } from './http';
import { EXIT_LADDER, denominationOf, sellableWithin, SELLABLE_LINES, type Denomination, type SellableSize } from './exit';

/** What each denomination is sold into: native ETH (as DefiLlama asks), WBTC for BTC tokens. */
const OUT: Record<Denomination, { address: string; decimals: number; symbol: string }> = {
  ETH: { address: '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE', decimals: 18, symbol: 'ETH' },
  BTC: { address: '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599', decimals: 8, symbol: 'WBTC' },
};
export const PAUSE_MS = 500;

const Uint = z.string().check(z.regex(/^\d{1,78}$/));
const RoutesResponse = z.object({
  data: z.object({ routeSummary: z.object({ tokenIn: z.string(), amountIn: Uint, tokenOut: z.string(), amountOut: Uint }) }),
});

export interface AggregatorQuote {
  via: 'aggregator';
  denomination: Denomination;
  /** Impact at each reported size against the reference quote, percent. */
  impactPct: Record<string, number>;
  /** Sellable within each line, between the reported sizes (coarser than the on-chain ladder). */
  sellable: Record<string, Omit<SellableSize, 'venue'>>;
  sources: ApiSource[];
}

export interface AggregatorOptions extends GetOptions {
  pauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Quotes the reference size and each reported size of every token's canonical mainnet deployment. A token's own
 * failure (an error at any size, an answer for another trade) stays its own; a rate limit stops the run and every
 * token not yet quoted fails with it. Cost: 4 requests per token, about 2.5 s per token with the pause.
 */
export async function quoteAggregatorRoutes(base: string, tokens: readonly TokenProfile[], opts: AggregatorOptions = {}): Promise<Record<string, Outcome<AggregatorQuote>>> {
  const sleep = opts.sleep ?? wait;
  const out: Record<string, Outcome<AggregatorQuote>> = {};
  let first = true;
  let limited: Outcome<never> | null = null;
  for (const t of tokens) {
    const dep = t.deployments[0]!;
    if (dep.chain !== 'eip155:1' || dep.decimals === null) continue;
    if (limited) {
      out[t.id] = limited;
      continue;
    }
    const denom = denominationOf(t);
    const { reference, reported } = EXIT_LADDER[denom];
    const to = OUT[denom];
    const per: number[] = [];
    const sources: ApiSource[] = [];
    let failure: Outcome<never> | null = null;
    for (const size of [reference, ...reported]) {
      if (!first) await sleep(opts.pauseMs ?? PAUSE_MS);
      first = false;
      const amountIn = parseUnits(String(size), dep.decimals);
      const url = `${base}/api/v1/routes?tokenIn=${dep.address}&tokenOut=${to.address}&amountIn=${amountIn}`;
      const res = await getJson(url, RoutesResponse, opts);
      if (!res.ok) {
        // Any failed size fails the token: an error at a large size is not evidence that depth ran out.
        if (res.kind === 'rate-limited') limited = res;
        failure = res;
        break;
      }
      const r = res.data.data.routeSummary;
      if (r.tokenIn.toLowerCase() !== dep.address.toLowerCase() || r.tokenOut.toLowerCase() !== to.address.toLowerCase() || r.amountIn !== amountIn.toString()) {
        failure = fail('schema', `KyberSwap answered for another trade than ${t.symbol} → ${to.symbol}`);
        break;
      }
      per.push(Number(formatUnits(BigInt(r.amountOut), to.decimals)) / size);
      sources.push(apiSource(url, `route ${t.symbol} → ${to.symbol}, ${size} ${t.symbol}`, res.fetchedAt));
    }
    const ref = per[0];
    if (failure || ref === undefined || !(ref > 0)) {
      out[t.id] = failure ?? fail('no-data', `KyberSwap found no route for a ${reference}-token sale of ${t.symbol}`);
      continue;
    }
    const impactPct: Record<string, number> = {};
    reported.forEach((size, i) => {
      const p = per[i + 1]!;
      // A zero output is a size the route cannot fill: left out, so it counts as over every line.
      if (p > 0) impactPct[String(size)] = Math.max(0, (1 - p / ref) * 100);
    });
    const sellable = Object.fromEntries(SELLABLE_LINES.map((line) => [String(line), sellableWithin(reported, impactPct, line)]));
    out[t.id] = { ok: true, url: sources[0]!.url, fetchedAt: sources.at(-1)!.at, data: { via: 'aggregator', denomination: denom, impactPct, sellable, sources } };
  }
  return out;
}
