// Runs in: build (wxt.config), background, tests. The zod schema is the source of truth for the registry;
// TypeScript types are inferred from it.
import { z } from 'zod';
import { isAddress, getAddress } from 'viem';
import { CATEGORIES } from '../categories';

// zod v4 probes `new Function` for its JIT; extension CSPs forbid eval and web-ext lint flags it.
z.config({ jitless: true });

/** CAIP-2 chain ids: `eip155:<chainId>` or `solana:<genesis-hash prefix>`. */
export const ChainId = z
  .string()
  .regex(/^(eip155:[1-9]\d*|solana:[1-9A-HJ-NP-Za-km-z]{32})$/, 'not a CAIP-2 chain id');

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

export const SourceRef = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  url: z.url({ protocol: /^https$/ }),
  /** For a repository file: the commit it was read at (lib/registry/sources.ts repoFile). */
  commit: z.string().regex(/^[0-9a-f]{40}$/).optional(),
});

/** A curated statement with the sources that support it. `verified: false` = shown as UNVERIFIED. */
export const Fact = z.object({
  text: z.string().min(1),
  verified: z.boolean(),
  sources: z.array(z.string()).min(1),
});

export const Deployment = z
  .object({
    chain: ChainId,
    address: z.string(),
    decimals: z.number().int().min(0).max(36).nullable(),
    /** What this contract is on that chain when not the canonical token (e.g. "LayerZero OFT"). */
    kind: z.string().optional(),
    verified: z.boolean(),
    sources: z.array(z.string()).min(1),
  })
  .superRefine((d, ctx) => {
    if (d.chain.startsWith('eip155:')) {
      if (!isChecksummed(d.address)) {
        ctx.addIssue({ code: 'custom', message: `EVM address must be valid and checksummed: ${d.address}` });
      }
    } else if (!BASE58.test(d.address)) {
      ctx.addIssue({ code: 'custom', message: `Solana mint must be base58: ${d.address}` });
    }
  });

export const Audit = z.object({
  firm: z.string().min(1),
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the source gives no date. */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  scope: z.string().min(1),
  verified: z.boolean(),
  sources: z.array(z.string()).min(1),
});

export const Incident = z.object({
  date: z.iso.date(),
  summary: z.string().min(1),
  /**
   * Whether the issuer fixed the cause and made users whole: true, false (an open, unremediated incident), or
   * null when no source says.
   */
  remediated: z.boolean().nullable(),
  sources: z.array(z.string()).min(1),
});

export const Category = z.enum(CATEGORIES);
export const Layer = z.enum(['EigenLayer', 'Symbiotic', 'Karak', 'Babylon', 'Jito Restaking']);

const Sources = z.array(z.string()).min(1);
const date = z.iso.date();

/** Where a curated value comes from and how old it is. */
const Provenance = {
  /** The date the cited sources support the value for (not the date it was typed in). */
  asOf: date,
  verified: z.boolean(),
  sources: Sources,
};

/** The on-chain function that gives the token's rate, for live reads. */
export const RateSource = z.object({
  chain: ChainId,
  contract: z.string(),
  /** Solidity signature as called, e.g. `getRate()` or `convertToAssets(uint256)`. */
  function: z.string().min(3),
  /** What the returned number means, with its scale. */
  returns: z.string().min(1),
  /**
   * How a live read turns the call's result into "units of `unit` per token". Absent (null) when the scale is not
   * confirmed from a source: then the extension does not read the rate live rather than show a wrong number.
   */
  read: z
    .object({
      /** uint256 arguments as decimal strings (e.g. one whole token for `convertToAssets(uint256)`). */
      args: z.array(z.string().regex(/^\d{1,78}$/)).max(2),
      /** Decimals of the returned number. */
      decimals: z.number().int().min(0).max(36),
      /** The call returns tokens per unit (e.g. Inception `ratio()`): the rate is its inverse. */
      invert: z.boolean(),
      /** What the rate is denominated in, e.g. `ETH`, `stETH`, `wstETH`, `BTC`. */
      unit: z.string().min(1).max(16),
      /** DefiLlama coins key for the unit's USD price, e.g. `coingecko:ethereum`. */
      unitCoin: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/),
    })
    .nullable()
    .default(null),
  verified: z.boolean(),
  sources: Sources,
});

export const LayerUse = z.object({
  layer: Layer,
  /** How the token reaches the layer, e.g. "native restaking through EigenPods". */
  via: z.string().optional(),
  /** AVSs / networks / NCNs known to secure with this stake; empty = not known here. */
  avs: z.array(z.string()),
  operators: z.array(z.string()),
  verified: z.boolean(),
  sources: Sources,
});

export const ExitVenue = z.object({
  chain: ChainId,
  address: z.string(),
  kind: z.enum(['curve', 'uniswap-v3', 'balancer', 'other']),
  pair: z.string(),
  /**
   * How to quote a sale of the token on this venue on-chain (lib/sources/exit.ts); null when the venue's indices,
   * fee tier or pool id are not confirmed from a source.
   */
  quote: z
    .discriminatedUnion('kind', [
      /** Curve `get_dy(int128 i, int128 j, uint256 dx)` on the pool itself. */
      z.object({ kind: z.literal('curve'), i: z.number().int().min(0).max(7), j: z.number().int().min(0).max(7), outDecimals: z.number().int().min(0).max(36) }),
      /** Uniswap v3 QuoterV2 `quoteExactInputSingle` for the pool's pair and fee tier. */
      z.object({ kind: z.literal('uniswap-v3'), quoter: z.string(), tokenOut: z.string(), fee: z.number().int().positive(), outDecimals: z.number().int().min(0).max(36) }),
      /** Balancer V2 BalancerQueries `querySwap` for a pool id. */
      z.object({ kind: z.literal('balancer'), queries: z.string(), poolId: z.string().regex(/^0x[0-9a-fA-F]{64}$/), tokenOut: z.string(), outDecimals: z.number().int().min(0).max(36) }),
    ])
    .nullable()
    .default(null),
  verified: z.boolean(),
  sources: Sources,
});

/**
 * Curated inputs for the six petals (lib/risk). Every number is nullable: null means "not known from a source",
 * which the rating shows as grey, never as good.
 */
export const RiskInputs = z.object({
  slashing: z
    .object({
      /** Share of the token's backing allocated to slashable operator sets / networks, in percent. */
      slashablePct: z.number().min(0).max(100).nullable(),
      /** Any stake in a redistributing operator set (EigenLayer) or a network that redistributes. */
      redistributing: z.boolean().nullable(),
      /** Slashing needs a committee/challenge without a veto window. */
      committeeWithoutVeto: z.boolean().nullable(),
      /** Herfindahl–Hirschman index of stake across operators (0–1). */
      operatorHhi: z.number().min(0).max(1).nullable(),
      ...Provenance,
    })
    .nullable(),
  exit: z
    .object({
      /** Price impact of selling 1,000 units of the underlying's worth, in percent (positive = loss). */
      slippagePct: z.number().min(0).max(100).nullable(),
      redemptionsOpen: z.boolean().nullable(),
      /** Typical days from redemption request to receiving the underlying. */
      primaryExitDays: z.number().min(0).nullable(),
      ...Provenance,
    })
    .nullable(),
  admin: z
    .object({
      /** Shortest delay before an upgrade or parameter change can take effect, in days (0 = instant). */
      minUpgradeDelayDays: z.number().min(0).nullable(),
      /** Multisig threshold controlling upgrades, e.g. { threshold: 3, signers: 5 }. */
      multisig: z.object({ threshold: z.number().int().min(1), signers: z.number().int().min(1) }).nullable(),
      /** A single key (EOA) can upgrade, mint or pause withdrawals. */
      eoaControl: z.boolean().nullable(),
      ...Provenance,
    })
    .nullable(),
  peg: z
    .object({
      /** Largest absolute deviation of market price from redemption value over the last 7 days, in percent. */
      maxAbsDeviation7dPct: z.number().min(0).nullable(),
      /** Largest absolute deviation over the last 90 days, in percent. */
      maxAbsDeviation90dPct: z.number().min(0).nullable(),
      ...Provenance,
    })
    .nullable(),
  backing: z
    .object({
      /** Share of backing in native ETH/BTC/SOL or one top-tier LST, in percent. */
      simpleBackingPct: z.number().min(0).max(100).nullable(),
      /** The smallest number of independent verifiers on any material bridge route; null = not bridged or unknown. */
      bridgeMinVerifiers: z.number().int().min(0).nullable(),
      /** Whether the token has material supply on other chains through a bridge. */
      bridged: z.boolean().nullable(),
      /** Backing held by an off-chain custodian (BTC wrappers and the like). */
      offchainCustody: z.boolean().nullable(),
      ...Provenance,
    })
    .nullable(),
});

export const Bounty = z.object({
  platform: z.string(),
  maxUsd: z.number().int().min(0).nullable(),
  url: z.url().optional(),
  ...Provenance,
});

export const TokenProfile = z
  .object({
    /** Stable registry id: the value of `data-lrt-token`. Never reuse or rename one. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    symbol: z.string().min(2).max(24),
    aliases: z.array(z.string().min(2).max(32)),
    name: z.string().min(1),
    issuer: z.string().min(1),
    category: Category,
    /**
     * Every contract or mint of the token. The FIRST is the canonical token (the one prices, supply and the rate
     * refer to), whatever its `kind` says it is; the others are bridged forms and copies on other chains.
     */
    deployments: z.array(Deployment).min(1),
    model: z.object({ kind: z.enum(['rebasing', 'value-accruing', 'one-to-one']), rate: Fact }),
    /** The on-chain rate getter for live reads; null when no source names one. */
    rateSource: RateSource.nullable(),
    underlying: z.array(z.string().min(1)).min(1),
    layers: z.array(LayerUse),
    slashing: Fact,
    withdrawal: Fact,
    liquidity: Fact,
    exitVenues: z.array(ExitVenue),
    audits: z.array(Audit),
    bounty: Bounty.nullable(),
    incidents: z.array(Incident),
    /** First mainnet deployment (for "time live"); null when no source gives it. */
    launchedAt: z.object({ date, verified: z.boolean(), sources: Sources }).nullable(),
    yieldSources: z.array(z.string().min(1)),
    defillama: z
      .object({
        slug: z.string().min(1),
        /** DefiLlama yields pool UUIDs; the first is the token's own staking APY. */
        poolIds: z.array(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)),
        /** The slug is confirmed from DefiLlama's own code. */
        verified: z.boolean(),
        /**
         * The pool ids are confirmed from DefiLlama itself. Pool ids are random per pool and published only in the live
         * `/pools` listing, so ids taken from third-party copies of it stay false (the card says so).
         */
        poolIdsVerified: z.boolean().default(false),
      })
      .nullable(),
    risk: RiskInputs,
    /** Free-text notes shown to users: traps, renames, caveats. */
    notes: z.array(z.string()),
    sources: z.array(SourceRef).min(1),
    reviewedAt: z.iso.date(),
  })
  .superRefine((t, ctx) => {
    // Every fact must cite a source that the profile lists.
    const known = new Set(t.sources.map((s) => s.id));
    const r = t.risk;
    const cited = [
      ...t.deployments.flatMap((d) => d.sources),
      ...t.model.rate.sources,
      ...(t.rateSource?.sources ?? []),
      ...t.layers.flatMap((l) => l.sources),
      ...t.slashing.sources,
      ...t.withdrawal.sources,
      ...t.liquidity.sources,
      ...t.exitVenues.flatMap((v) => v.sources),
      ...t.audits.flatMap((a) => a.sources),
      ...(t.bounty?.sources ?? []),
      ...t.incidents.flatMap((i) => i.sources),
      ...(t.launchedAt?.sources ?? []),
      ...[r.slashing, r.exit, r.admin, r.peg, r.backing].flatMap((x) => x?.sources ?? []),
    ];
    for (const [what, a] of [
      ...(t.rateSource?.chain.startsWith('eip155:') ? [['rateSource', t.rateSource.contract] as const] : []),
      ...t.exitVenues.filter((v) => v.chain.startsWith('eip155:')).map((v) => ['exitVenue', v.address] as const),
    ]) {
      if (!isChecksummed(a)) ctx.addIssue({ code: 'custom', message: `${t.id}: ${what} address must be checksummed: ${a}` });
    }
    // The canonical token is where the rate is read.
    if (t.rateSource && t.deployments[0]!.chain !== t.rateSource.chain) {
      ctx.addIssue({ code: 'custom', message: `${t.id}: the first deployment (the canonical token) must be on the rate source's chain` });
    }
    for (const id of cited) {
      if (!known.has(id)) ctx.addIssue({ code: 'custom', message: `${t.id}: cites unknown source "${id}"` });
    }
  });

export type SourceRef = z.infer<typeof SourceRef>;
export type Fact = z.infer<typeof Fact>;
export type Deployment = z.infer<typeof Deployment>;
export type Audit = z.infer<typeof Audit>;
export type TokenProfile = z.infer<typeof TokenProfile>;
export type TokenProfileInput = z.input<typeof TokenProfile>;
export type Category = z.infer<typeof Category>;
export type RiskInputs = z.infer<typeof RiskInputs>;

/** The canonical deployment: the first listed (see `deployments`). */
export function canonicalDeployment(t: Pick<TokenProfile, 'deployments'>): Deployment {
  return t.deployments[0]!;
}

/** EVM address check shared by deployments, rate sources and exit venues. */
export function isChecksummed(address: string): boolean {
  return isAddress(address, { strict: false }) && getAddress(address) === address;
}
