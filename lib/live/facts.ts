// Runs in: background, tests. Turns cache entries into one token's live facts: each with its value, when it last
// arrived, where from, whether it is still fresh, and what is failing now. Pure: no storage, no network.
import { canonicalDeployment, type TokenProfile } from '../registry/schema';
import { chainName, llamaChain } from '../chains';
import type { Source } from '../provenance';
import type { FailureKind } from '../sources/http';
import type { TokenExposure } from '../sources/eigenlayer';
import type { VaultExposure } from '../sources/symbiotic';
import type { Entries, Entry, ValueOf } from './store';
import { key, marketCoin, routable, unitCoin, yieldPool } from './keys';
import { backingFacts, type BackingFact } from './backing-facts';
import type { BackingValue, LzRoutesValue } from './backing-values';
import { MELLOW_VAULTS, specsFor } from './slashing-jobs';
import { FRESH_MIN } from './periods';
import { redeemableOn } from '../sources/redemption';
import { controlsOf } from './admin-jobs';

export { FRESH_MIN };
type Kind = keyof typeof FRESH_MIN;

/**
 * Freshness limits when the user slowed refreshes down (settings.refreshMinutes): still three refresh periods of
 * the job, whose period is now at least the interval, so a figure does not turn grey between two scheduled runs.
 */
export function freshLimits(refreshMinutes = 10): Record<Kind, number> {
  const r = Math.max(0, refreshMinutes) * 3;
  return Object.fromEntries(Object.entries(FRESH_MIN).map(([k, v]) => [k, Math.max(v, r)])) as Record<Kind, number>;
}

export interface LiveFact<T> {
  value: T;
  /** When the value arrived (ISO date-time). */
  okAt: string;
  /** Where it came from: the API responses and contract calls, typed. */
  sources: Source[];
  fresh: boolean;
  /** What kinds of failure came since, if any: the value is the last good one. */
  failing: FailureKind[];
}

export interface PegValue {
  /** Market price ÷ (redemption rate × underlying price) − 1, in percent. */
  nowPct: number;
  /** Largest absolute deviation over the price history we hold (7 days at most), percent; null without history. */
  maxAbsPct: number | null;
  /** Days the history covers. */
  coverageDays: number;
  /** Deviation at each history point, percent, oldest first. */
  history: number[];
  marketUsd: number;
  backingUsd: number;
}

export interface ApyValue {
  totalPct: number;
  /** Plain ETH staking benchmark (the registry's stETH pool); null when the token is not ETH-denominated. */
  basePct: number | null;
  /** totalPct − basePct: what restaking adds (or costs) on top of plain staking. */
  premiumPct: number | null;
  history: number[];
  /**
   * For a DefiLlama APY: whether `/poolsEnriched` answered the project, symbol and chain the registry expects for the
   * pool id (`verified`), or has not been asked successfully yet (`unchecked`). A pool that answers something else is
   * never shown (it is another pool's APY); its check is `mismatch` in `poolCheck()`.
   */
  check?: PoolCheck;
}

export interface PoolCheck {
  state: 'verified' | 'unchecked' | 'mismatch';
  /** What DefiLlama answered, in words: "renzo, EZETH on Ethereum", or why it does not match. */
  text: string;
  source: Source | null;
}

/** A token's slashing read: EigenLayer through its staker contracts, or Symbiotic through its Mellow vault. */
export type SlashingRead =
  | {
      layer: 'EigenLayer';
      exposure: TokenExposure;
      /** The protocol whose staker contracts were read, and whether its registry spec is fully verified. */
      protocol: string;
      verified: boolean;
    }
  | { layer: 'Symbiotic'; vault: VaultExposure; verified: boolean };

export interface TokenLive {
  rate: LiveFact<ValueOf<'rate'>> | null;
  /** Whole tokens of the canonical deployment. */
  supply: LiveFact<number> | null;
  price: LiveFact<number> | null;
  peg: LiveFact<PegValue> | null;
  apy: LiveFact<ApyValue> | null;
  tvl: LiveFact<number> | null;
  exit: LiveFact<ValueOf<'exit'>> | null;
  /** The exit cross-check through an aggregator route (KyberSwap); sources: every route request it made. */
  route?: LiveFact<ValueOf<'route'>> | null;
  /** The protocol's own withdrawal path read on-chain (lib/sources/redemption.ts); sources: every call it made. */
  redemption?: LiveFact<ValueOf<'redemption'>> | null;
  /** APY computed from the token's own rate samples (tokens without a DefiLlama pool), split like `apy`. */
  rateApy?: LiveFact<ApyValue & { days: number; basis: string; unit: string; wholeYield: boolean }> | null;
  /** Slashing exposure read from chain (issue 14); null when the token has no such read or none arrived yet. */
  slashing?: LiveFact<SlashingRead> | null;
  /** Whether the registry's DefiLlama pool id is the token's own pool (null: no pool id). */
  poolCheck?: PoolCheck | null;
  /** The asset mix and the LayerZero routes read from chain (issue 16, lib/live/backing-facts.ts). */
  backing?: BackingFact<BackingValue> | null;
  lzRoutes?: BackingFact<LzRoutesValue> | null;
  /** Who controls the contracts that matter (issue 16), read daily; null when the token has no controls list. */
  admin?: LiveFact<ValueOf<'admin'>> | null;
  /** Keys this token could have live values for but does not (never fetched successfully). */
  missing: string[];
}

/** The registry token whose DefiLlama pool is the plain-staking benchmark for ETH-denominated tokens. */
export const BENCHMARK_TOKEN = 'steth';
const ETH_UNITS = new Set(['ETH', 'stETH', 'wstETH', 'WETH', 'eETH', 'mETH']);
/** Units worth one ETH each (rebasing or ETH itself): a rate in them grows by the token's whole yield. */
const ETH_PAR_UNITS = new Set(['ETH', 'WETH', 'eETH', 'stETH']);

const age = (okAt: string, now: Date) => (now.getTime() - Date.parse(okAt)) / 60_000;

/**
 * Is the registry's pool id the token's own pool? Checked against the project (the adaptor slug), the symbol the
 * adaptor emits (`poolSymbol`, else the token's) and the canonical deployment's chain. An old check still counts
 * (a pool id never changes what it names), but only a successful one.
 */
export function poolCheck(t: TokenProfile, entries: Entries): PoolCheck | null {
  const pool = yieldPool(t);
  if (!pool || !t.defillama) return null;
  const e = entries[key.poolCheck(pool)] as Entry<ValueOf<'poolcheck'>> | undefined;
  if (!e?.value || !e.okAt) return { state: 'unchecked', text: 'DefiLlama pool id not yet checked with DefiLlama', source: null };
  const v = e.value;
  if (!v.listed) return { state: 'mismatch', text: `DefiLlama lists no pool with id ${pool}`, source: e.source };
  const want = { project: t.defillama.slug, symbol: t.defillama.poolSymbol ?? t.symbol };
  const chain = canonicalDeployment(t).chain;
  const chains = [chainName(chain), llamaChain(chain)].filter((c): c is string => c !== null).map((c) => c.toLowerCase());
  const said = `${v.project}, ${v.symbol} on ${v.chain}`;
  const ok = v.project?.toLowerCase() === want.project.toLowerCase() && v.symbol?.toUpperCase() === want.symbol.toUpperCase() && chains.includes((v.chain ?? '').toLowerCase());
  return ok
    ? { state: 'verified', text: `verified by DefiLlama: ${said}`, source: e.source }
    : { state: 'mismatch', text: `DefiLlama says pool ${pool} is ${said}, not ${want.project}, ${want.symbol.toUpperCase()} on ${chainName(chain)}`, source: e.source };
}

function fact<T>(e: Entry | undefined, limitMin: number, now: Date, map: (v: never) => T): LiveFact<T> | null {
  if (!e || e.value === null || !e.okAt) return null;
  return {
    value: map(e.value as never),
    okAt: e.okAt,
    sources: e.source ? [e.source] : [],
    fresh: age(e.okAt, now) <= limitMin,
    failing: e.error ? [e.error.kind] : [],
  };
}

/** Combines facts: the oldest arrival, every source, fresh only if all are, every failure. */
function combine<T>(parts: Array<LiveFact<unknown>>, value: T): LiveFact<T> {
  const okAt = parts.map((p) => p.okAt).sort()[0]!;
  const failing = [...new Set(parts.flatMap((p) => p.failing))];
  const seen = new Set<string>();
  const sources = parts.flatMap((p) => p.sources).filter((s) => {
    const k = JSON.stringify(s);
    return seen.has(k) ? false : (seen.add(k), true);
  });
  return { value, okAt, sources, fresh: parts.every((p) => p.fresh), failing };
}

function nearest(points: ReadonlyArray<{ t: number; usd: number }>, t: number): number | null {
  let best: { t: number; usd: number } | null = null;
  for (const p of points) if (!best || Math.abs(p.t - t) < Math.abs(best.t - t)) best = p;
  // Points more than 6 hours apart are not the same moment.
  return best && Math.abs(best.t - t) <= 6 * 3_600_000 ? best.usd : null;
}

export interface LiveOptions {
  /** The user's refresh interval (settings.refreshMinutes): figures stay fresh for three of the job's periods. */
  refreshMinutes?: number;
}

export function tokenLive(t: TokenProfile, entries: Entries, now: Date, benchmark?: TokenProfile, opts: LiveOptions = {}): TokenLive {
  const FRESH = freshLimits(opts.refreshMinutes);
  const missing: string[] = [];
  const get = (k: string) => {
    const e = entries[k];
    if (!e?.okAt) missing.push(k);
    return e;
  };
  const rate = t.rateSource?.read ? fact(get(key.rate(t.id)), FRESH.rate, now, (v: ValueOf<'rate'>) => v) : null;
  const supplyEntry = t.rateSource?.read ? entries[key.supply(t.id)] : undefined;
  const supply = fact(supplyEntry, FRESH.supply, now, (v: ValueOf<'supply'>) => v);
  const mc = marketCoin(t);
  const uc = unitCoin(t);
  const price = mc ? fact(get(key.price(mc)), FRESH.price, now, (v: ValueOf<'price'>) => v.usd) : null;
  const unitPrice = uc ? fact(get(key.price(uc)), FRESH.price, now, (v: ValueOf<'price'>) => v.usd) : null;

  let peg: LiveFact<PegValue> | null = null;
  const backingUsd = rate && unitPrice ? rate.value.rate * unitPrice.value : NaN;
  const nowPct = price ? (price.value / backingUsd - 1) * 100 : NaN;
  // Derived values that are not finite (absurd but in-bound inputs) are dropped, never shown or rated.
  if (rate && price && unitPrice && Number.isFinite(backingUsd) && backingUsd > 0 && Number.isFinite(nowPct)) {
    const tokChart = mc ? entries[key.chart(mc)] : undefined;
    const unitChart = uc ? entries[key.chart(uc)] : undefined;
    const tc = (tokChart?.value ?? null) as ValueOf<'chart'> | null;
    const ucv = (unitChart?.value ?? null) as ValueOf<'chart'> | null;
    // History uses today's rate for every point: the rate moves about 0.06% a week for a 3% APY token,
    // which the method accepts for a 7-day window.
    const history: number[] = [];
    const times: number[] = [];
    if (tc && ucv) {
      for (const p of tc) {
        const u = nearest(ucv, p.t);
        if (u === null) continue;
        const d = (p.usd / (rate.value.rate * u) - 1) * 100;
        if (!Number.isFinite(d)) continue;
        history.push(d);
        times.push(p.t);
      }
    }
    const chartFresh = !!(tokChart?.okAt && unitChart?.okAt && age(tokChart.okAt, now) <= FRESH.chart && age(unitChart.okAt, now) <= FRESH.chart);
    const coverageDays = times.length > 1 ? (times.at(-1)! - times[0]!) / 86_400_000 : 0;
    const maxAbsPct = history.length && chartFresh ? Math.max(Math.abs(nowPct), ...history.map(Math.abs)) : null;
    const parts: Array<LiveFact<unknown>> = [rate, price, unitPrice];
    peg = combine(parts, { nowPct, maxAbsPct, coverageDays: chartFresh ? coverageDays : 0, history, marketUsd: price.value, backingUsd });
    if (tc && tokChart?.source) peg.sources.push(tokChart.source);
    if (ucv && unitChart?.source) peg.sources.push(unitChart.source);
  }

  let apy: LiveFact<ApyValue> | null = null;
  const pool = yieldPool(t);
  const check = poolCheck(t, entries);
  // The plain-staking benchmark's pool, unless DefiLlama says the id names another pool (then no split).
  const benchPool = benchmark && benchmark.id !== t.id && poolCheck(benchmark, entries)?.state !== 'mismatch' ? yieldPool(benchmark) : null;
  // Another pool's APY is worse than none: a pool id DefiLlama says is something else is not read at all.
  const y = pool && check?.state !== 'mismatch' ? fact(get(key.yield(pool)), FRESH.yield, now, (v: ValueOf<'yield'>) => v) : null;
  if (y) {
    const ethish = t.rateSource?.read ? ETH_UNITS.has(t.rateSource.read.unit) : t.underlying.some((u) => ETH_UNITS.has(u));
    const b = benchPool && ethish ? fact(entries[key.yield(benchPool)], FRESH.yield, now, (v: ValueOf<'yield'>) => v) : null;
    const totalPct = y.value.apyPct;
    const basePct = b ? b.value.apyPct : null;
    const premium = basePct === null ? null : totalPct - basePct;
    apy = combine(b ? [y, b] : [y], {
      totalPct,
      basePct: premium !== null && Number.isFinite(premium) ? basePct : null,
      premiumPct: premium !== null && Number.isFinite(premium) ? premium : null,
      history: y.value.history.map((h) => h.apyPct),
      check: check ?? undefined,
    });
    if (check?.source) apy.sources.push(check.source);
  }

  const tvl = t.defillama ? fact(get(key.tvl(t.defillama.slug)), FRESH.tvl, now, (v: ValueOf<'tvl'>) => v) : null;
  const hasVenue = t.exitVenues.some((v) => v.quote !== null);
  const exit = hasVenue ? fact(get(key.exit(t.id)), FRESH.exit, now, (v: ValueOf<'exit'>) => v) : null;
  // Read without counting as missing: the cross-check exists only where an aggregator endpoint is configured.
  const routeFact = routable([t]).length ? fact(entries[key.route(t.id)], FRESH.aggregator, now, (v: ValueOf<'route'>) => v) : null;
  const route = routeFact && { ...routeFact, sources: routeFact.value.sources.length ? routeFact.value.sources : routeFact.sources };
  let rateApy: TokenLive['rateApy'] = null;
  // Computed whenever DefiLlama's figure is not a verified one: the card prefers a verified DefiLlama APY, then this.
  const ra = !(apy && check?.state === 'verified') && t.rateSource?.read ? fact(entries[key.rateApy(t.id)], FRESH.rateapy, now, (v: ValueOf<'rateapy'>) => v) : null;
  if (ra) {
    // The same split as the DefiLlama APY: plain ETH staking (the stETH benchmark) and what restaking adds; BTC none.
    // Only a rate in ETH itself is the token's whole yield: a rate in a value-accruing LST (wstETH, mETH, ETHx, swETH)
    // grows by what comes on top of that LST's own staking yield, so it gets no split (and the card says so).
    const unit = t.rateSource!.read!.unit;
    const b = benchPool && ETH_PAR_UNITS.has(unit) ? fact(entries[key.yield(benchPool)], FRESH.yield, now, (v: ValueOf<'yield'>) => v) : null;
    const premium = b ? ra.value.apyPct - b.value.apyPct : null;
    const split = premium !== null && Number.isFinite(premium);
    rateApy = combine(b ? [ra, b] : [ra], { totalPct: ra.value.apyPct, basePct: split ? b!.value.apyPct : null, premiumPct: split ? premium : null, history: [], days: ra.value.days, basis: ra.value.basis, unit, wholeYield: ETH_PAR_UNITS.has(unit) || /BTC$/.test(unit) });
  }

  const redeemable = redeemableOn([t], 'eip155:1').length > 0;
  const red = redeemable ? fact(get(key.redemption(t.id)), FRESH.redemption, now, (v: ValueOf<'redemption'>) => v) : null;
  const redemption = red ? { ...red, sources: red.value.sources.length ? red.value.sources : red.sources } : null;
  const slashing = slashingFact(t, entries, now, FRESH.slashing, get);
  const { backing, lzRoutes } = backingFacts(t, entries, now, FRESH, get);
  const controls = controlsOf(t.id);
  const admin = controls ? fact(get(key.admin(controls.token)), FRESH.admin, now, (v: ValueOf<'admin'>) => v) : null;
  return { rate, supply, price, peg, apy, tvl, exit, route, redemption, rateApy, slashing, poolCheck: check, admin, backing, lzRoutes, missing };
}

/**
 * The slashing read of a token, with every call it rests on. Its age is the read's: the staker map it used may be
 * up to a day older, which the figures say through their block and sources.
 */
// The cache's schemas (lib/live/store.ts) checked these values on read; they differ from the readers' types only
// in typing addresses as plain strings.
function slashingFact(t: TokenProfile, entries: Entries, now: Date, limitMin: number, get: (k: string) => Entry | undefined): LiveFact<SlashingRead> | null {
  const spec = specsFor([t])[0];
  if (spec) {
    const listed = entries[key.elStakers(spec.protocol)]?.value as ValueOf<'el-stakers'> | null | undefined;
    const f = fact(get(key.elExposure(t.id)), limitMin, now, (v: ValueOf<'el-exposure'>): SlashingRead => ({ layer: 'EigenLayer', exposure: v as unknown as TokenExposure, protocol: spec.protocol, verified: listed?.verified ?? spec.verified }));
    return f && { ...f, sources: f.value.layer === 'EigenLayer' ? f.value.exposure.sources : f.sources };
  }
  if ((MELLOW_VAULTS as readonly string[]).includes(t.id)) {
    const f = fact(get(key.symVault(t.id)), limitMin, now, (v: ValueOf<'sym-vault'>): SlashingRead => ({ layer: 'Symbiotic', vault: v as unknown as VaultExposure, verified: true }));
    return f && { ...f, sources: f.value.layer === 'Symbiotic' ? f.value.vault.sources : f.sources };
  }
  return null;
}
