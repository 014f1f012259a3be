// Runs in: background, content script, popup, options, tests. What the UI shows: every view a message carries
// (the card, list rows, registry entries, misnomers, the live-data status), as zod/mini schemas. The builders in
// lib/views/build.ts make them; lib/messaging/contract.ts names which message carries which.
import { z } from '../zod';
import { Source } from '../provenance';
import { CATEGORIES } from '../categories';
import { PETAL_IDS } from '../risk/types';

const Category = z.enum(CATEGORIES);


export const TokenId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/), z.maxLength(64));

const Name = z.string().check(z.minLength(2), z.maxLength(64));
/** What a page needs to find tokens (lib/detect DetectConfig): names, misnomers and deployment addresses. */
export const DetectConfig = z.object({
  tokens: z.array(z.object({ id: TokenId, symbol: Name, aliases: z.array(Name) })),
  misnomers: z.array(z.object({ id: TokenId, term: Name })),
  addresses: z.array(z.object({ id: TokenId, address: z.string().check(z.regex(/^(0x[0-9a-fA-F]{40}|[1-9A-HJ-NP-Za-km-z]{32,44})$/)) })),
});

/** A fact's source as data (document, API response, chain read); components/provenance formats it. */
export const SourceView = Source;
export const FactView = z.object({ text: z.string(), verified: z.boolean(), sources: z.array(SourceView) });

export const Level = z.enum(['good', 'warning', 'bad', 'unknown']);
export const PetalView = z.object({
  id: z.enum(PETAL_IDS),
  label: z.string(),
  level: Level,
  fact: z.string(),
  sources: z.array(SourceView),
  method: z.enum(['live', 'curated']),
  asOf: z.nullable(z.string()),
  verified: z.boolean(),
});
export const RatingView = z.object({
  methodVersion: z.string(),
  worst: Level,
  /** e.g. "1 red, 2 yellow, 3 grey" */
  text: z.string(),
  petals: z.array(PetalView),
});
/** The rosette alone: six levels in petal order, for lists. */
export const RatingSummary = z.object({ worst: Level, text: z.string(), petals: z.array(z.object({ label: z.string(), level: Level })) });

/** One live figure: its text, when it arrived, whether it is still fresh, what is failing now, where it came from. */
export const LiveFactView = z.object({
  id: z.enum(['rate', 'supply', 'price', 'peg', 'apy', 'tvl', 'exit', 'exit-sellable', 'exit-venue', 'redemption', 'apy-rate', 'exit-route']),
  label: z.string(),
  text: z.string(),
  okAt: z.string(),
  fresh: z.boolean(),
  failing: z.nullable(z.string()),
  sources: z.array(SourceView),
});
export const LiveView = z.object({
  /** `offline`: the user chose bundled data only; no live figure is shown or used. */
  mode: z.enum(['live', 'offline']),
  /** One line when something shown is not fresh or is failing, or nothing has arrived yet; null when all is fresh. */
  note: z.nullable(z.string()),
  facts: z.array(LiveFactView),
  /** Peg deviation (percent) and APY (percent) histories, oldest first, for sparklines. */
  pegHistory: z.array(z.number()),
  apyHistory: z.array(z.number()),
});

/** One slashing figure read from chain: its text and the calls it rests on (the rest of them counted). */
export const SlashingFigureView = z.object({
  id: z.enum(['slashable', 'largest', 'limits', 'redistributing', 'veto', 'operators', 'pending', 'undelegated']),
  label: z.string(),
  text: z.string(),
  sources: z.array(SourceView),
  moreSources: z.int().check(z.nonnegative()),
});
/** The Slashing section's chain-read part (lib/views/slashing.ts): sentence first, then the figures. */
export const SlashingLiveView = z.object({
  /** `read`: figures below; `not-yet`: none arrived; `unreadable`: no chain reader for this token; `offline`. */
  state: z.enum(['read', 'not-yet', 'unreadable', 'offline']),
  layer: z.nullable(z.enum(['EigenLayer', 'Symbiotic'])),
  sentence: z.string(),
  okAt: z.nullable(z.string()),
  fresh: z.boolean(),
  failing: z.nullable(z.string()),
  /** The block every figure was read at. */
  block: z.nullable(z.string()),
  complete: z.boolean(),
  /** Calls the read needed but did not get (partial read). */
  missingCount: z.int().check(z.nonnegative()),
  /** false: the staker contracts come from an address no primary source confirms. */
  verified: z.boolean(),
  figures: z.array(SlashingFigureView),
  /** Every call the figures rest on (per-staker calls past a few, and any past the cap, counted in moreCalls). */
  calls: z.array(SourceView),
  moreCalls: z.int().check(z.nonnegative()),
});

/** The Backing section's chain-read part (lib/views/backing.ts): sentence first, the mix, then the bridge routes. */
export const BackingLiveView = z.object({
  /** `read`: a mix or routes below; `not-yet`: nothing arrived; `offline`. */
  state: z.enum(['read', 'not-yet', 'offline']),
  sentence: z.string(),
  mix: z.nullable(
    z.object({
      protocol: z.string(),
      totalEth: z.number(),
      block: z.string(),
      okAt: z.string(),
      fresh: z.boolean(),
      nativePct: z.number(),
      layeredPct: z.number(),
      unattributedPct: z.number(),
      assets: z.array(z.object({ label: z.string(), kind: z.enum(['native', 'token', 'unattributed']), eth: z.number(), pct: z.number(), derived: z.boolean(), sources: z.array(SourceView) })),
      notes: z.array(z.string()),
    }),
  ),
  routes: z.nullable(
    z.object({
      okAt: z.string(),
      fresh: z.boolean(),
      items: z.array(
        z.object({ label: z.string(), blocked: z.boolean(), minVerifiers: z.int(), verifiers: z.array(z.string()), optional: z.string(), confirmations: z.number(), delegate: z.nullable(z.string()), sources: z.array(SourceView) }),
      ),
      unread: z.array(z.object({ label: z.string(), reason: z.string() })),
    }),
  ),
  /** The protocol files the views and addresses were confirmed in. */
  specSources: z.array(SourceView),
});

const Short = (n: number) => z.string().check(z.maxLength(n));
/** One hop of a control path: `from` is controlled by `to` through `role`, after `delay`, as read by `sources`. */
export const AdminHopView = z.object({ from: Short(42), role: Short(200), to: z.nullable(Short(42)), delay: z.nullable(Short(40)), sources: z.array(SourceView) });
/** One path from a contract that matters to its holder: the hops, who holds it, the summed delay and its tier. */
export const AdminPathView = z.object({ hops: z.array(AdminHopView).check(z.maxLength(12)), holder: Short(600), delay: Short(40), tier: z.int(), resolved: z.boolean() });
/** A curated fact (a bypass no generic read shows, a pauser) with its sources. */
export const AdminCuratedView = z.object({ target: Short(200), what: Short(500), holder: Short(600), delay: Short(40), verified: z.boolean(), sources: z.array(SourceView) });
/** The card's Admin section from the daily discovery (lib/views/admin.ts): the weakest path first, then each contract. */
export const AdminLiveView = z.object({
  /** `read`: a discovery (fresh or the last good one); `not-yet`: none arrived; `offline`. */
  state: z.enum(['read', 'not-yet', 'offline']),
  sentence: Short(1200),
  okAt: z.nullable(z.string()),
  fresh: z.boolean(),
  failing: z.nullable(z.string()),
  chain: z.nullable(z.string()),
  block: z.nullable(z.string()),
  /** false: a contract in the list comes from an address no primary source confirms. */
  verified: z.boolean(),
  contracts: z.array(
    z.object({ label: Short(200), address: Short(42), verified: z.boolean(), weakest: z.boolean(), note: z.nullable(Short(200)), paths: z.array(AdminPathView).check(z.maxLength(8)), morePaths: z.int().check(z.nonnegative()) }),
  ).check(z.maxLength(20)),
  bypasses: z.array(AdminCuratedView).check(z.maxLength(10)),
  pausers: z.array(z.extend(AdminCuratedView, { level: Level })).check(z.maxLength(10)),
  /** "changed, seen on <date>" lines, newest first. */
  changes: z.array(z.object({ text: Short(600), seenAt: z.string(), weakens: z.boolean(), sources: z.array(SourceView) })).check(z.maxLength(10)),
  /** What was not read: unresolved holders, faults, the depth limit, cycles. */
  notRead: z.array(Short(600)).check(z.maxLength(12)),
  moreNotRead: z.int().check(z.nonnegative()),
});

/** What a card or popup shows about one token: display-ready, each fact with its sources. */
export const TokenCardView = z.object({
  id: TokenId,
  symbol: z.string(),
  name: z.string(),
  issuer: z.string(),
  category: Category,
  layers: z.array(z.string()),
  rating: RatingView,
  notes: z.array(z.string()),
  slashing: FactView,
  withdrawal: FactView,
  liquidity: FactView,
  audits: z.array(
    z.object({ firm: z.string(), date: z.nullable(z.string()), scope: z.string(), verified: z.boolean(), sources: z.array(SourceView) }),
  ),
  incidents: z.array(z.object({ date: z.string(), summary: z.string(), sources: z.array(SourceView) })),
  /** Where the yield comes from (curated names, not individually sourced in the registry), and (when live data exists) how it splits into base staking and restaking premium. */
  yield: z.object({
    sources: z.array(z.string()),
    split: z.nullable(
      z.object({ totalApyPct: z.number(), baseApyPct: z.number(), premiumApyPct: z.number(), asOf: z.string(), sources: z.array(SourceView) }),
    ),
  }),
  /** How the token tracks its underlying (rebasing, value-accruing, 1:1) and the on-chain rate it is redeemed at. */
  peg: z.object({ model: z.enum(['rebasing', 'value-accruing', 'one-to-one']), rate: FactView, rateSource: z.nullable(z.string()) }),
  /** Live figures (rate, supply, market price, peg, APY, TVL, exit) with their ages. */
  live: LiveView,
  /** Slashing exposure read from chain, or why it cannot be; absent for a token with no restaking layer. */
  slashingLive: z.optional(SlashingLiveView),
  /** The asset mix and bridge routes read from chain; absent for a token with neither a backing view nor routes. */
  backingLive: z.optional(BackingLiveView),
  /** Who can upgrade the contracts that matter, read from chain; absent for a token with no controls list. */
  adminLive: z.optional(AdminLiveView),
  /** The token's contracts: the impostor warning lists them. */
  deployments: z.array(z.object({ chain: z.string(), address: z.string(), kind: z.optional(z.string()), sources: z.array(SourceView) })),
  /** Curated data: the date of the last review of this profile, and the registry version it ships in. */
  reviewedAt: z.string(),
  registryVersion: z.string(),
});

/** A name for a token that does not exist as named (lib/registry/misnomers). */
export const MisnomerView = z.object({
  id: TokenId,
  term: z.string(),
  explanation: z.string(),
  seeAlso: z.array(z.object({ id: TokenId, symbol: z.string(), issuer: z.string() })),
  sources: z.array(SourceView),
});

/** A live figure in a list row: its value and whether it is fresh (a stale one shows grey with its age). */
export const LiveFigure = z.object({ pct: z.number(), fresh: z.boolean(), okAt: z.string() });

/** One token in a list (the popup's summary and search): who issues it, its rosette, and its peg and APY when known. */
export const TokenRowView = z.object({
  id: TokenId,
  symbol: z.string(),
  name: z.string(),
  issuer: z.string(),
  category: Category,
  rating: RatingSummary,
  /** Market price against redemption value, percent (negative: below). Null: no live figure (offline or none yet). */
  peg: z.nullable(LiveFigure),
  apy: z.nullable(LiveFigure),
});

export const TabTokenView = z.extend(TokenRowView, { count: z.int().check(z.nonnegative()) });

/** A registry entry for search: the row plus the other names and the addresses it can be found by. */
export const RegistryEntryView = z.extend(TokenRowView, { aliases: z.array(z.string()), addresses: z.array(z.string()) });

const Failure = z.object({ kind: z.string(), message: z.string(), at: z.string() });
/** The state of live data: each refresh job's last run, success, next run and current failure. */
export const LiveStatus = z.object({
  offline: z.boolean(),
  jobs: z.array(
    z.object({
      id: z.string(),
      lastRunAt: z.nullable(z.string()),
      lastOkAt: z.nullable(z.string()),
      nextDueAt: z.nullable(z.string()),
      /** The last run was cut off (the service worker stopped during it). */
      interrupted: z.boolean(),
      failures: z.int().check(z.nonnegative()),
      error: z.nullable(Failure),
      notes: z.array(z.string()),
    }),
  ),
  /** Cache entries found damaged and dropped since the worker started. */
  damaged: z.array(z.string()),
});
export type LiveStatus = z.infer<typeof LiveStatus>;

export type TokenCardView = z.infer<typeof TokenCardView>;
export type TabTokenView = z.infer<typeof TabTokenView>;
export type TokenRowView = z.infer<typeof TokenRowView>;
export type RegistryEntryView = z.infer<typeof RegistryEntryView>;
export type LiveFigure = z.infer<typeof LiveFigure>;
export type MisnomerView = z.infer<typeof MisnomerView>;
export type FactView = z.infer<typeof FactView>;
export type SourceView = z.infer<typeof SourceView>;
export type LiveView = z.infer<typeof LiveView>;
export type LiveFactView = z.infer<typeof LiveFactView>;
export type SlashingLiveView = z.infer<typeof SlashingLiveView>;
export type BackingLiveView = z.infer<typeof BackingLiveView>;
export type SlashingFigureView = z.infer<typeof SlashingFigureView>;
export type AdminLiveView = z.infer<typeof AdminLiveView>;
export type AdminPathView = z.infer<typeof AdminPathView>;
export type LevelView = z.infer<typeof Level>;
export type PetalView = z.infer<typeof PetalView>;
export type RatingSummary = z.infer<typeof RatingSummary>;
