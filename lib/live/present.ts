// Runs in: background, tests. From one token's live facts to (a) the live inputs the rating may use (fresh values
// only) and (b) the display-ready live section of the card, each figure with its age and its own typed sources.
// What fails is said in our words, by kind: no response text, no host name (a user's own RPC host is unique to them,
// and cards are shown inside web pages).
import type { TokenProfile } from '../registry/schema';
import type { LiveFactView, LiveView } from '../messaging/contract';
import type { LiveRisk } from '../risk/rate';
import type { FailureKind } from '../sources/http';
import { agoText } from '../age';
import type { LiveFact, TokenLive } from './facts';

/** What a failure means, for a card: short, ours, no outside text. */
export const FAILURE_TEXT: Record<FailureKind, string> = {
  http: 'the data service answered with an error',
  'over-limit': 'the data service refused a request as too large',
  timeout: 'the source did not answer in time',
  'rate-limited': 'the source asked us to slow down',
  malformed: 'the source sent data that could not be read',
  schema: 'the source sent data in an unexpected shape',
  implausible: 'the source sent a value outside plausible bounds',
  oversized: 'the source sent too much data',
  network: 'the source could not be reached',
  revert: 'the contract call reverted',
  'wrong-chain': 'no RPC endpoint on the right chain',
  'no-data': 'the source has no value for it',
  budget: 'the read was cut short by its call budget',
};

const failingText = (kinds: readonly FailureKind[]): string | null => (kinds.length ? [...new Set(kinds.map((k) => FAILURE_TEXT[k] ?? 'failed'))].join('; ') : null);

function n(x: number, digits: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2) });
}

function usd(x: number): string {
  if (x >= 1e9) return `$${n(x / 1e9, 2)}B`;
  if (x >= 1e6) return `$${n(x / 1e6, 2)}M`;
  return `$${n(x, x >= 100 ? 2 : 4)}`;
}

/** The exit size the petal judges: the largest quoted. */
function largestSize(impactPct: Record<string, number>): string | null {
  const sizes = Object.keys(impactPct).filter((k) => Number.isFinite(Number(k)) && Number.isFinite(impactPct[k]!));
  return sizes.sort((a, b) => Number(a) - Number(b)).at(-1) ?? null;
}

export function liveRisk(t: TokenProfile, l: TokenLive | null): LiveRisk {
  if (!l) return {};
  const out: LiveRisk = {};
  if (l.peg?.fresh) out.peg = { nowPct: l.peg.value.nowPct, maxAbsPct: l.peg.value.maxAbsPct, coverageDays: l.peg.value.coverageDays, asOf: l.peg.okAt, links: l.peg.sources };
  const size = l.exit ? largestSize(l.exit.value.impactPct) : null;
  if (l.exit?.fresh && size !== null) {
    out.exit = { impactPct: l.exit.value.impactPct[size]!, sizeLabel: `${Number(size).toLocaleString('en-US')} ${t.symbol}`, asOf: l.exit.okAt, links: l.exit.sources };
  }
  return out;
}

function view(id: LiveFactView['id'], label: string, f: LiveFact<unknown>, text: string): LiveFactView {
  return { id, label, text, okAt: f.okAt, fresh: f.fresh, failing: failingText(f.failing), sources: f.sources };
}

export function liveView(t: TokenProfile, l: TokenLive | null, now: Date, offline: boolean): LiveView {
  if (offline) return { mode: 'offline', note: 'Offline mode: bundled data only, nothing is fetched.', facts: [], pegHistory: [], apyHistory: [] };
  if (!l) return { mode: 'live', note: 'No live data yet: bundled data only.', facts: [], pegHistory: [], apyHistory: [] };
  const facts: LiveFactView[] = [];
  if (l.rate) facts.push(view('rate', 'Redemption rate', l.rate, `1 ${t.symbol} = ${n(l.rate.value.rate, 6)} ${l.rate.value.unit}`));
  if (l.supply) facts.push(view('supply', 'Supply', l.supply, `${n(l.supply.value, 0)} ${t.symbol}`));
  if (l.price) facts.push(view('price', 'Market price', l.price, usd(l.price.value)));
  if (l.peg) {
    const p = l.peg.value;
    const dir = p.nowPct < 0 ? 'below' : 'above';
    const hist = p.maxAbsPct !== null ? `; up to ${n(p.maxAbsPct, 2)}% off over ${n(p.coverageDays, 1)} days` : '';
    facts.push(view('peg', 'Peg', l.peg, `${n(Math.abs(p.nowPct), 2)}% ${dir} backing (${usd(p.marketUsd)} vs ${usd(p.backingUsd)})${hist}`));
  }
  if (l.apy) {
    const a = l.apy.value;
    const split = a.basePct !== null && a.premiumPct !== null ? `: ${n(a.basePct, 2)}% plain ETH staking + ${n(a.premiumPct, 2)}% restaking premium` : '';
    const unconfirmed = t.defillama && !t.defillama.poolIdsVerified ? ' (DefiLlama pool id unverified)' : '';
    facts.push(view('apy', 'APY', l.apy, `${n(a.totalPct, 2)}%${split}${unconfirmed}`));
  }
  if (l.tvl) facts.push(view('tvl', 'Protocol TVL', l.tvl, `${usd(l.tvl.value)} (${t.issuer}, DefiLlama)`));
  if (l.exit) {
    const parts = Object.entries(l.exit.value.impactPct).map(([size, pct]) => `${Number(size).toLocaleString('en-US')} ${t.symbol}: ${n(pct, 2)}%`);
    facts.push(view('exit', 'Price impact of selling', l.exit, parts.join(', ')));
  }
  const stale = facts.filter((f) => !f.fresh);
  const failing = failingText([l.rate, l.supply, l.price, l.peg, l.apy, l.tvl, l.exit].flatMap((f) => f?.failing ?? []));
  let note: string | null = null;
  if (facts.length === 0) {
    note = l.missing.length ? 'No live data yet: the first refresh has not completed, or its sources failed. Bundled data only.' : 'No live source for this token in the registry: bundled data only.';
  } else if (stale.length) {
    const oldest = stale.map((f) => f.okAt).sort()[0]!;
    note = `Live data is out of date: showing the last good values, the oldest from ${agoText(oldest, now)} ago.${failing ? ` Now failing: ${failing}.` : ''}`;
  } else if (failing) {
    note = `The last refresh failed (${failing}); the values shown are still fresh.`;
  }
  return { mode: 'live', note, facts, pegHistory: l.peg?.value.history ?? [], apyHistory: l.apy?.value.history ?? [] };
}

/**
 * The card's yield split from live APY: only for a restaking token (a liquid staking token has no restaking premium)
 * with a fresh APY and a plain-staking benchmark (ETH-denominated tokens); null otherwise.
 */
export function yieldSplit(l: TokenLive | null, category: string): LiveYieldSplit | null {
  const a = l?.apy;
  if (category === 'lst' || !a || !a.fresh || a.value.basePct === null || a.value.premiumPct === null) return null;
  return { totalApyPct: a.value.totalPct, baseApyPct: a.value.basePct, premiumApyPct: a.value.premiumPct, asOf: a.okAt, sources: a.sources };
}

export type LiveYieldSplit = { totalApyPct: number; baseApyPct: number; premiumApyPct: number; asOf: string; sources: LiveFact<unknown>['sources'] };
