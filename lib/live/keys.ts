// Runs in: background, tests. Which live facts exist for a token and under which cache keys: the one place that
// ties registry fields to DefiLlama coin keys, pool ids and slugs.
import { canonicalDeployment, type TokenProfile } from '../registry/schema';
import { llamaChain } from '../chains';
import { isRestaking } from '../categories';


/** The DefiLlama coins key for the token's market price: its canonical deployment, whatever its `kind`. */
export function marketCoin(t: TokenProfile): string | null {
  const d = canonicalDeployment(t);
  if (d.chain.startsWith('solana:')) return `solana:${d.address}`;
  const chain = llamaChain(d.chain);
  return chain ? `${chain}:${d.address}` : null;
}

/** The coin whose price the token's rate is denominated in, when the rate is read live. */
export function unitCoin(t: TokenProfile): string | null {
  return t.rateSource?.read?.unitCoin ?? null;
}

/** The DefiLlama yields pool for the token's own staking APY: the first pool id in the registry. */
export function yieldPool(t: TokenProfile): string | null {
  return t.defillama?.poolIds[0] ?? null;
}

/**
 * The restaking tokens the aggregator cross-check quotes: traded ones (a DefiLlama price key) whose canonical
 * deployment is on Ethereum with known decimals. Off-chain and unverifiable, it never decides alone (lib/risk/exit.ts).
 */
export function routable(tokens: readonly TokenProfile[]): TokenProfile[] {
  return tokens.filter((t) => isRestaking(t.category) && t.deployments[0]!.chain === 'eip155:1' && t.deployments[0]!.decimals !== null && marketCoin(t) !== null);
}

export const key = {
  rate: (tokenId: string) => `rate:${tokenId}`,
  price: (coin: string) => `price:${coin}`,
  chart: (coin: string) => `chart:${coin}`,
  yield: (pool: string) => `yield:${pool}`,
  /** What DefiLlama says a shipped pool id is (project, symbol, chain): its APY is shown as verified only on a match. */
  poolCheck: (pool: string) => `poolcheck:${pool}`,
  tvl: (slug: string) => `tvl:${slug}`,
  supply: (tokenId: string) => `supply:${tokenId}`,
  exit: (tokenId: string) => `exit:${tokenId}`,
  /** The exit cross-check through an aggregator's route (off-chain; at most yellow in the Exit petal). */
  route: (tokenId: string) => `route:${tokenId}`,
  /** One protocol's EigenLayer staker contracts (lib/registry/stakers.ts), enumerated daily. */
  elStakers: (protocol: string) => `el-stakers:${protocol}`,
  /** One staker contract's operator and withdrawable shares: the slow path, refreshed in rotation. */
  elStaker: (staker: string) => `el-staker:${staker.toLowerCase()}`,
  /** One operator set's constants (redistribution, slasher, veto window). */
  elSet: (setKey: string) => `el-set:${setKey.toLowerCase()}`,
  /** One token's EigenLayer slashing exposure: the fast path. */
  elExposure: (tokenId: string) => `el-exposure:${tokenId}`,
  /** The subnetworks found on one Mellow vault's Symbiotic delegator, and how far its events were scanned. */
  symNetworks: (tokenId: string) => `sym-networks:${tokenId}`,
  /** One Mellow vault's Symbiotic exposure. */
  symVault: (tokenId: string) => `sym-vault:${tokenId}`,
  redemption: (tokenId: string) => `redemption:${tokenId}`,
  /** APY computed from the token's own rate samples, for tokens without a DefiLlama pool. */
  rateApy: (tokenId: string) => `rateapy:${tokenId}`,
  /** The asset mix behind a token, read from its protocol's views (issue 16). */
  backing: (tokenId: string) => `backing:${tokenId}`,
  /** The LayerZero routes into a token's bridge adapter and their verifier sets. */
  lzRoutes: (tokenId: string) => `lz-routes:${tokenId}`,
  /** Who controls the contracts that matter for one token's controls list (lib/registry/controls.ts), read daily. */
  admin: (controlsId: string) => `admin:${controlsId}`,
};
