// Runs in: build (wxt.config), background, tests. The zod schema is the source of truth for the registry;
// TypeScript types are inferred from it.
import { z } from '../zod';
import { isAddress, getAddress } from 'viem';
import { CATEGORIES } from '../categories';


/** CAIP-2 chain ids: `eip155:<chainId>` or `solana:<genesis-hash prefix>`. */
export const ChainId = z.string().check(z.regex(/^(eip155:[1-9]\d*|solana:[1-9A-HJ-NP-Za-km-z]{32})$/, 'not a CAIP-2 chain id'));

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

export const SourceRef = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  title: z.string().check(z.minLength(1)),
  url: z.url({ protocol: /^https$/ }),
  /** For a repository file: the commit it was read at (lib/registry/sources.ts repoFile). */
  commit: z.optional(z.string().check(z.regex(/^[0-9a-f]{40}$/))),
});

/** A curated statement with the sources that support it. `verified: false` = shown as UNVERIFIED. */
export const Fact = z.object({
  text: z.string().check(z.minLength(1)),
  verified: z.boolean(),
  sources: z.array(z.string()).check(z.minLength(1)),
});

export const Deployment = z
  .object({
    chain: ChainId,
    address: z.string(),
    decimals: z.nullable(z.int().check(z.gte(0), z.lte(36))),
    /** What this contract is on that chain when not the canonical token (e.g. "LayerZero OFT"). */
    kind: z.optional(z.string()),
    verified: z.boolean(),
    sources: z.array(z.string()).check(z.minLength(1)),
  })
  .check(
    z.superRefine((d, ctx) => {
    if (d.chain.startsWith('eip155:')) {
      if (!isChecksummed(d.address)) {
        ctx.addIssue({ code: 'custom', message: `EVM address must be valid and checksummed: ${d.address}` });
      }
    } else if (!BASE58.test(d.address)) {
      ctx.addIssue({ code: 'custom', message: `Solana mint must be base58: ${d.address}` });
    }
    }),
  );

export const Audit = z.object({
  firm: z.string().check(z.minLength(1)),
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the source gives no date. */
  date: z.nullable(z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/))),
  scope: z.string().check(z.minLength(1)),
  verified: z.boolean(),
  sources: z.array(z.string()).check(z.minLength(1)),
});

export const Incident = z.object({
  date: z.iso.date(),
  summary: z.string().check(z.minLength(1)),
  /**
   * Whether the issuer fixed the cause and made users whole: true, false (an open, unremediated incident), or
   * null when no source says.
   */
  remediated: z.nullable(z.boolean()),
  sources: z.array(z.string()).check(z.minLength(1)),
});

export const Category = z.enum(CATEGORIES);
export const Layer = z.enum(['EigenLayer', 'Symbiotic', 'Karak', 'Babylon', 'Jito Restaking']);

const Sources = z.array(z.string()).check(z.minLength(1));
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
  function: z.string().check(z.minLength(3)),
  /** What the returned number means, with its scale. */
  returns: z.string().check(z.minLength(1)),
  /**
   * How a live read turns the call's result into "units of `unit` per token". Absent (null) when the scale is not
   * confirmed from a source: then the extension does not read the rate live rather than show a wrong number.
   */
  read: z._default(
    z.nullable(
    z.object({
      /** uint256 arguments as decimal strings (e.g. one whole token for `convertToAssets(uint256)`). */
      args: z.array(z.string().check(z.regex(/^\d{1,78}$/))).check(z.maxLength(2)),
      /** Decimals of the returned number. */
      decimals: z.int().check(z.gte(0), z.lte(36)),
      /** The call returns tokens per unit (e.g. Inception `ratio()`): the rate is its inverse. */
      invert: z.boolean(),
      /** What the rate is denominated in, e.g. `ETH`, `stETH`, `wstETH`, `BTC`. */
      unit: z.string().check(z.minLength(1), z.maxLength(16)),
      /** DefiLlama coins key for the unit's USD price, e.g. `coingecko:ethereum`. */
      unitCoin: z.string().check(z.regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/)),
    }),
    ),
    null,
  ),
  verified: z.boolean(),
  sources: Sources,
});

export const LayerUse = z.object({
  layer: Layer,
  /** How the token reaches the layer, e.g. "native restaking through EigenPods". */
  via: z.optional(z.string()),
  /** AVSs / networks / NCNs known to secure with this stake; empty = not known here. */
  avs: z.array(z.string()),
  operators: z.array(z.string()),
  verified: z.boolean(),
  sources: Sources,
});

export const ExitVenue = z.object({
  chain: ChainId,
  address: z.string(),
  kind: z.enum(['curve', 'uniswap-v3', 'balancer', 'fluid-dex', 'other']),
  pair: z.string(),
  /**
   * How to quote a sale of the token on this venue on-chain (lib/sources/exit.ts); null when the venue's indices,
   * fee tier or pool id are not confirmed from a source.
   */
  quote: z._default(
    z.nullable(
    z.discriminatedUnion('kind', [
      /**
       * Curve `get_dy(int128 i, int128 j, uint256 dx)` on the pool itself. The coin indexes are not stored: they are
       * read with `coins(i)` at every refresh, so a wrong guess of the coin order can never price the wrong coin.
       */
      z.object({ kind: z.literal('curve'), tokenOut: z.string(), outDecimals: z.int().check(z.gte(0), z.lte(36)) }),
      /** Uniswap v3 QuoterV2 `quoteExactInputSingle` for the pool's pair and fee tier. */
      z.object({ kind: z.literal('uniswap-v3'), quoter: z.string(), tokenOut: z.string(), fee: z.int().check(z.positive()), outDecimals: z.int().check(z.gte(0), z.lte(36)) }),
      /** Balancer V2 BalancerQueries `querySwap` for a pool id. */
      z.object({ kind: z.literal('balancer'), queries: z.string(), poolId: z.string().check(z.regex(/^0x[0-9a-fA-F]{64}$/)), tokenOut: z.string(), outDecimals: z.int().check(z.gte(0), z.lte(36)) }),
      /**
       * Fluid DEX: DexReservesResolver `estimateSwapIn(address dex, bool swap0to1, uint256 amountIn, uint256 amountOutMin)`;
       * the pool's token order is read with the resolver's `getPoolTokens(address)` at every refresh.
       */
      z.object({ kind: z.literal('fluid-dex'), resolver: z.string(), tokenOut: z.string(), outDecimals: z.int().check(z.gte(0), z.lte(36)) }),
    ]),
    ),
    null,
  ),
  verified: z.boolean(),
  sources: Sources,
});

/**
 * Curated inputs for the six petals (lib/risk). Every number is nullable: null means "not known from a source",
 * which the rating shows as grey, never as good.
 */
export const RiskInputs = z.object({
  slashing: z.nullable(
    z.object({
      /** Share of the token's backing allocated to slashable operator sets / networks, in percent. */
      slashablePct: z.nullable(z.number().check(z.gte(0), z.lte(100))),
      /** Any stake in a redistributing operator set (EigenLayer) or a network that redistributes. */
      redistributing: z.nullable(z.boolean()),
      /** Slashing needs a committee/challenge without a veto window. */
      committeeWithoutVeto: z.nullable(z.boolean()),
      /** Herfindahl–Hirschman index of stake across operators (0–1). */
      operatorHhi: z.nullable(z.number().check(z.gte(0), z.lte(1))),
      ...Provenance,
    }),
    ),
  exit: z.nullable(
    z.object({
      /** Price impact of selling 1,000 units of the underlying's worth, in percent (positive = loss). */
      slippagePct: z.nullable(z.number().check(z.gte(0), z.lte(100))),
      redemptionsOpen: z.nullable(z.boolean()),
      /** Typical days from redemption request to receiving the underlying. */
      primaryExitDays: z.nullable(z.number().check(z.gte(0))),
      ...Provenance,
    }),
    ),
  admin: z.nullable(
    z.object({
      /** Shortest delay before an upgrade or parameter change can take effect, in days (0 = instant). */
      minUpgradeDelayDays: z.nullable(z.number().check(z.gte(0))),
      /** Multisig threshold controlling upgrades, e.g. { threshold: 3, signers: 5 }. */
      multisig: z.nullable(z.object({ threshold: z.int().check(z.gte(1)), signers: z.int().check(z.gte(1)) })),
      /** A single key (EOA) can upgrade, mint or pause withdrawals. */
      eoaControl: z.nullable(z.boolean()),
      ...Provenance,
    }),
    ),
  peg: z.nullable(
    z.object({
      /** Largest absolute deviation of market price from redemption value over the last 7 days, in percent. */
      maxAbsDeviation7dPct: z.nullable(z.number().check(z.gte(0))),
      /** Largest absolute deviation over the last 90 days, in percent. */
      maxAbsDeviation90dPct: z.nullable(z.number().check(z.gte(0))),
      ...Provenance,
    }),
    ),
  backing: z.nullable(
    z.object({
      /** Share of backing in native ETH/BTC/SOL or one top-tier LST, in percent. */
      simpleBackingPct: z.nullable(z.number().check(z.gte(0), z.lte(100))),
      /** The smallest number of independent verifiers on any material bridge route; null = not bridged or unknown. */
      bridgeMinVerifiers: z.nullable(z.int().check(z.gte(0))),
      /** Whether the token has material supply on other chains through a bridge. */
      bridged: z.nullable(z.boolean()),
      /** Backing held by an off-chain custodian (BTC wrappers and the like). */
      offchainCustody: z.nullable(z.boolean()),
      ...Provenance,
    }),
    ),
});

export const Bounty = z.object({
  /** `ended`: the only programme found was time-boxed and is over (a fact, unlike finding none). */
  status: z._default(z.enum(['active', 'ended']), 'active'),
  platform: z.string(),
  maxUsd: z.nullable(z.int().check(z.gte(0))),
  url: z.optional(z.url()),
  ...Provenance,
});

export const TokenProfile = z
  .object({
    /** Stable registry id: the value of `data-lrt-token`. Never reuse or rename one. */
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
    symbol: z.string().check(z.minLength(2), z.maxLength(24)),
    aliases: z.array(z.string().check(z.minLength(2), z.maxLength(32))),
    name: z.string().check(z.minLength(1)),
    issuer: z.string().check(z.minLength(1)),
    category: Category,
    /**
     * Every contract or mint of the token. The FIRST is the canonical token (the one prices, supply and the rate
     * refer to), whatever its `kind` says it is; the others are bridged forms and copies on other chains.
     */
    deployments: z.array(Deployment).check(z.minLength(1)),
    model: z.object({ kind: z.enum(['rebasing', 'value-accruing', 'one-to-one']), rate: Fact }),
    /** The on-chain rate getter for live reads; null when no source names one. */
    rateSource: z.nullable(RateSource),
    underlying: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    layers: z.array(LayerUse),
    slashing: Fact,
    withdrawal: Fact,
    liquidity: Fact,
    exitVenues: z.array(ExitVenue),
    audits: z.array(Audit),
    bounty: z.nullable(Bounty),
    /**
     * Whether the issuer's bug bounty was looked for (lib/registry/bounties.ts). With no bounty, a search that
     * found none is grey ("none found in the sources checked"), never a warning: absence is not a fact.
     */
    bountyChecked: z._default(z.boolean(), false),
    incidents: z.array(Incident),
    /** First mainnet deployment (for "time live"); null when no source gives it. */
    launchedAt: z.nullable(z.object({ date, verified: z.boolean(), sources: Sources })),
    yieldSources: z.array(z.string().check(z.minLength(1))),
    defillama: z.nullable(
      z.object({
        slug: z.string().check(z.minLength(1)),
        /** DefiLlama yields pool UUIDs; the first is the token's own staking APY. */
        poolIds: z.array(z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/))),
        /** The slug is confirmed from DefiLlama's own code. */
        verified: z.boolean(),
        /**
         * The pool ids are confirmed from DefiLlama itself. Pool ids are random per pool and published only in the live
         * `/pools` listing, so ids taken from third-party copies of it stay false (the card says so).
         */
        poolIdsVerified: z._default(z.boolean(), false),
        /**
         * The pool key the yield-server adaptor emits (`pool:` in its index.js, cited by the profile), e.g. the token
         * address. Pools first seen before 2026-07-02 keep a random UUID, so the key cannot be turned into a pool id
         * offline; it is what a maintainer matches in `/pools` (or `/configPool`) to find and check the id.
         */
        poolKey: z._default(z.nullable(z.string().check(z.minLength(1))), null),
        /**
         * The symbol the adaptor emits for the first pool (`symbol:` in its index.js, e.g. `weETH` for eETH too):
         * at run time `/poolsEnriched?pool=<id>` must answer this symbol, the slug as project and the canonical
         * chain, or the pool's APY is not shown. Null: the token's own symbol.
         */
        poolSymbol: z._default(z.nullable(z.string().check(z.minLength(1), z.maxLength(40))), null),
      }),
    ),
    risk: RiskInputs,
    /** Free-text notes shown to users: traps, renames, caveats. */
    notes: z.array(z.string()),
    sources: z.array(SourceRef).check(z.minLength(1)),
    reviewedAt: z.iso.date(),
  })
  .check(
    z.superRefine((t, ctx) => {
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
    }),
  );

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
