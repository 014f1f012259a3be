// Runs in: e2e tests (node --test). The local services live-data e2e tests run against: anvil (rates and supply
// through Multicall3) and the DefiLlama stand-in (prices, charts, yields, TVL), seeded with one known market; and
// the messages an extension page sends to drive the e2e build (live:refresh, live:status).
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import type { LiveStatus } from '../../../lib/views/schema.ts';
import type { ChromiumSession } from './launch.ts';
import { startAnvil, type Anvil } from '../../support/anvil.ts';
import { placeLrt, placeMulticall3 } from '../../support/chain.ts';
import { startLlamaServer, type ChartPoint, type LlamaServer, type YieldPoint } from '../../support/llama-server.ts';
import { placeSlashingState } from '../../support/slashing-state.ts';
import { placeBackingState } from '../../support/backing-state.ts';
import { placeExitVenues, placeRedemptionPaths, type RedemptionState } from '../../support/venues.ts';
import type { TokenProfile } from '../../../lib/registry/schema.ts';
import type * as AdminState from '../../support/admin-state.ts';

// Registry facts the tests rely on (lib/registry/data/etherfi.ts, renzo.ts, lido.ts). Hardcoded: node --test
// cannot import lib/registry (extensionless imports).
export const WEETH = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee'; // token and rate source (getRate(), 18 decimals, ETH)
export const EZETH = '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110';
export const EZETH_RATE = '0x387dBc0fB00b26fb085aa658527D5BE98302c84C';
export const ETH_KEY = 'ethereum:0x0000000000000000000000000000000000000000';
export const WEETH_KEY = `ethereum:${WEETH}`;
export const EZETH_KEY = `ethereum:${EZETH}`;
export const WEETH_POOL = '46bd2bdf-6d92-4066-b482-e885ee172264';
export const STETH_POOL = '747c1d2a-c668-4682-b9f9-296708a3dd90';

export const ETH_USD = 3000;
export const WEETH_RATE = 1.07;
export const EZETH_RATE_VALUE = 1.05;
/** weETH's market price when it trades `pegPct` percent off its backing (rate × ETH). */
export const weethUsd = (pegPct: number) => WEETH_RATE * ETH_USD * (1 + pegPct / 100);
/** weETH trades 0.2% below its backing. */
export const WEETH_USD = weethUsd(-0.2);
export const EZETH_USD = EZETH_RATE_VALUE * ETH_USD * 0.999;

const wei = (x: number) => BigInt(Math.round(x * 1e6)) * 10n ** 12n;

/** 42 points 4 h apart ending now (the 7-day, 4 h chart the charts job asks for), priced by `usdAt(i)`. */
function chart(usdAt: (i: number) => number): ChartPoint[] {
  const now = Math.floor(Date.now() / 1000);
  return Array.from({ length: 42 }, (_, i) => ({ timestamp: now - (41 - i) * 4 * 3600, price: usdAt(i) }));
}
const ethAt = (i: number) => ETH_USD * (1 + 0.01 * Math.sin(i / 5));

function yieldSeries(apy: number): YieldPoint[] {
  const day = 86_400_000;
  const end = Date.now();
  return Array.from({ length: 30 }, (_, i) => ({
    timestamp: new Date(end - (29 - i) * day).toISOString(),
    tvlUsd: 1e9,
    // A little wobble in the history; the latest point is exactly `apy`.
    apy: i === 29 ? apy : apy + 0.01 * (i % 3),
    apyBase: apy,
    apyReward: null,
    il7d: null,
    apyBase7d: null,
  }));
}

/** Settings v2 in full (lib/settings.ts, written out: node --test cannot import it), with the given depeg alerts. */
export function settingsWithAlerts(alerts: { depegPct: number; watched: string[] }) {
  return { version: 2, siteMode: 'all', disabledSites: [], onlySites: [], markLst: false, offline: false, rpc: {}, refreshMinutes: 10, alerts };
}

/**
 * The registry itself, for placing its venues: node --test cannot import lib/registry (extensionless imports), so
 * it is loaded through jiti, which resolves them.
 */
export async function registryTokens(): Promise<readonly TokenProfile[]> {
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url);
  const { TOKENS } = await jiti.import<{ TOKENS: readonly TokenProfile[] }>('../../../lib/registry/index.ts');
  return TOKENS;
}

/** tests/support/admin-state.ts, loaded through jiti for the same reason as the registry. */
export async function adminState(): Promise<typeof AdminState> {
  const { createJiti } = await import('jiti');
  return createJiti(import.meta.url).import<typeof AdminState>('../../support/admin-state.ts');
}

/**
 * Venue depth per token, whole tokens on each side of every venue (others: 20,000 ETH-token, 500 BTC-token).
 * weETH is deep enough for a green market: constant product sells x·R/(1 − x) within x, about 2,040 within 2%.
 */
export const EXIT_DEPTH: Record<string, number> = { weeth: 100_000 };

/**
 * Withdrawal state: ether.fi 3 pending requests (1,235 ETH) and 320 ETH instant; Kelp 8 days, 35 requests, 1,235
 * ETH committed; Puffer 2,000 ETH liquid at a 1% exit fee.
 */
export const REDEMPTION_STATE: RedemptionState = {
  etherfi: { pending: [400, 500, 335], instantEth: 320 },
  kelp: { delayDays: 8, requests: 35, aheadEth: 1235 },
  puffer: { liquidEth: 2000, exitFeeBps: 100 },
};

export interface LiveServices {
  anvil: Anvil;
  llama: LlamaServer;
  /** What the e2e build reads from storage.local['dev:endpoints']. */
  endpoints: { coins: string; yields: string; api: string; rpc: Record<string, string[]> };
  stop(): Promise<void>;
}

/**
 * Starts anvil and the DefiLlama stand-in, seeded with weETH, ezETH, ETH and the stETH benchmark; with `slashing`,
 * anvil also holds the EigenLayer and Symbiotic state of tests/support/slashing-state.ts (its EXPECTED figures).
 */
export async function startLiveServices(opts: { slashing?: boolean; admin?: boolean; backing?: boolean } = {}): Promise<LiveServices> {
  const [anvil, llama] = await Promise.all([startAnvil(), startLlamaServer()]);
  await placeMulticall3(anvil.url);
  // Every exit venue the registry names, and the withdrawal contracts the redemption job reads (first: the venue
  // mocks include EigenLayer's, which the slashing state then fills).
  await placeExitVenues(anvil.url, await registryTokens(), EXIT_DEPTH);
  await placeRedemptionPaths(anvil.url, REDEMPTION_STATE);
  if (opts.slashing) await placeSlashingState(anvil.url);
  // LrtMock at both the rate sources and the token addresses: getRate() and totalSupply()/decimals() all answer.
  await placeLrt(anvil.url, WEETH, { rate: wei(WEETH_RATE), supply: 1_234_567n * 10n ** 18n, decimals: 18, symbol: 'weETH' });
  await placeLrt(anvil.url, EZETH_RATE, { rate: wei(EZETH_RATE_VALUE) });
  await placeLrt(anvil.url, EZETH, { rate: wei(EZETH_RATE_VALUE), supply: 987_654n * 10n ** 18n, decimals: 18, symbol: 'ezETH' });
  if (opts.backing) await placeBackingState(anvil.url);
  // Last: the admin state sets only slots where another mock already sits (tests/support/admin-state.ts, via jiti).
  if (opts.admin) await (await adminState()).placeAdminState(anvil.url);

  llama.setPrice(ETH_KEY, ETH_USD, { symbol: 'ETH', decimals: 18 });
  llama.setPrice(WEETH_KEY, WEETH_USD, { symbol: 'weETH', decimals: 18 });
  llama.setPrice(EZETH_KEY, EZETH_USD, { symbol: 'ezETH', decimals: 18 });
  llama.setChart(ETH_KEY, chart(ethAt), { symbol: 'ETH', decimals: 18 });
  llama.setChart(WEETH_KEY, chart((i) => WEETH_RATE * ethAt(i) * (0.998 - 0.0005 * Math.cos(i))), { symbol: 'weETH', decimals: 18 });
  llama.setChart(EZETH_KEY, chart((i) => EZETH_RATE_VALUE * ethAt(i) * 0.999), { symbol: 'ezETH', decimals: 18 });
  llama.setYield(WEETH_POOL, yieldSeries(3.1));
  llama.setYield(STETH_POOL, yieldSeries(2.8));
  // /poolsEnriched answers each registry pool id with the adaptor's project, symbol (upper-cased, as DefiLlama stores
  // it) and chain, so every shipped id checks out; ezETH's pool has no chart here, so its card shows the APY
  // computed from its rate (tests/e2e/apy-chromium.test.ts).
  for (const t of await registryTokens()) {
    const pool = t.defillama?.poolIds[0];
    if (pool) llama.setPoolRow(pool, { project: t.defillama!.slug, symbol: (t.defillama!.poolSymbol ?? t.symbol).toUpperCase(), chain: 'Ethereum' });
  }
  llama.setTvl('ether.fi-stake', 6.5e9);
  llama.setTvl('renzo', 1.2e9);
  llama.setTvl('lido', 30e9);

  return {
    anvil,
    llama,
    endpoints: { coins: llama.coinsUrl, yields: llama.yieldsUrl, api: llama.apiUrl, rpc: { 'eip155:1': [anvil.url] } },
    stop: async () => {
      await Promise.all([anvil.stop(), llama.stop()]);
    },
  };
}

/** Points the e2e build's background at the local services (until then it fetches nothing). */
export async function pointAt(session: ChromiumSession, services: LiveServices): Promise<void> {
  await session.worker.evaluate((e) => chrome.storage.local.set({ 'dev:endpoints': e }), services.endpoints);
}

/** An extension page (the popup) to send `ui` messages and read storage from. */
export async function extensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export function send<T>(page: Page, name: string, input: object = {}): Promise<Reply<T>> {
  return page.evaluate(([n, i]) => chrome.runtime.sendMessage({ channel: 'restake-lens/1', name: n, input: i }), [name, input] as const) as Promise<Reply<T>>;
}

/** `live:refresh`: runs every job now and answers when they (and the after-refresh steps) are done. */
export async function refresh(page: Page): Promise<LiveStatus> {
  const r = await send<LiveStatus>(page, 'live:refresh');
  assert.ok(r.ok, `live:refresh failed: ${JSON.stringify(r)}`);
  return r.data;
}

export async function status(page: Page): Promise<LiveStatus> {
  const r = await send<LiveStatus>(page, 'live:status');
  assert.ok(r.ok, `live:status failed: ${JSON.stringify(r)}`);
  return r.data;
}
