// Runs in: background, tests. Where live data comes from. These hosts, and only these, are the extension's
// host permissions (wxt.config.ts reads them): a custom RPC the user adds is asked for at run time.

export interface Endpoints {
  /** DefiLlama coins API (prices, price charts). */
  coins: string;
  /** DefiLlama yields API (APY charts per pool). */
  yields: string;
  /** DefiLlama main API (protocol TVL). */
  api: string;
  /** JSON-RPC endpoints per CAIP-2 chain, tried in order (viem `fallback`). */
  rpc: Record<string, string[]>;
  /**
   * KyberSwap's Ethereum route API, for the exit cross-check (lib/sources/aggregator.ts); absent: no cross-check.
   * Asked for the whole registry on a schedule, like every other source, never for the page being viewed.
   */
  aggregator?: string;
}

/**
 * Public Ethereum endpoints that need no key. Chosen from viem's chain definition and DefiLlama chainlist's
 * `extraRpcs.js`, preferring endpoints whose operators state they do not track (see README, Privacy).
 */
export const DEFAULT_ENDPOINTS: Endpoints = {
  coins: 'https://coins.llama.fi',
  yields: 'https://yields.llama.fi',
  api: 'https://api.llama.fi',
  // KyberSwap's Aggregator API (docs.kyberswap.com), the URL DefiLlama's own lsdRates job uses.
  aggregator: 'https://aggregator-api.kyberswap.com/ethereum',
  rpc: {
    'eip155:1': ['https://ethereum-rpc.publicnode.com', 'https://eth.merkle.io', 'https://public.1rpc.io/eth'],
  },
};

/** Host permission patterns for every default endpoint, e.g. `https://coins.llama.fi/*`. */
export function hostPatterns(e: Endpoints = DEFAULT_ENDPOINTS): string[] {
  const urls = [e.coins, e.yields, e.api, ...(e.aggregator ? [e.aggregator] : []), ...Object.values(e.rpc).flat()];
  return [...new Set(urls.map((u) => `${new URL(u).origin}/*`))];
}

/** The user's RPC list for a chain replaces the defaults for that chain; other chains keep theirs. */
export function withUserRpc(e: Endpoints, user: Record<string, string[]>): Endpoints {
  const rpc = { ...e.rpc };
  for (const [chain, urls] of Object.entries(user)) if (urls.length) rpc[chain] = urls;
  return { ...e, rpc };
}
