// Runs in: background, tests. From one token's live facts to (a) the live inputs the rating may use (fresh values
// only) and (b) the display-ready live section of the card, each figure with its age and sources.
import type { TokenProfile } from '../registry/schema';
import type { LiveFactView, LiveView, SourceView } from '../messaging/contract';
import type { LiveRisk } from '../risk/rate';
import { agoText } from '../age';
import { EXIT_PETAL_SIZE, type LiveFact, type TokenLive } from './facts';

const EXPLORER: Record<string, string> = { Ethereum: 'https://etherscan.io/address/' };

/** A source string (a URL, or "fn() on 0x… (Ethereum via host)") as a link people can follow to check it. */
export function sourceLink(source: string): SourceView {
  if (/^https?:\/\//.test(source)) {
    let title = source;
    try {
      const u = new URL(source);
      title = `${u.host}${decodeURIComponent(u.pathname).slice(0, 60)}`;
    } catch {
      /* keep the raw string */
    }
    return { id: 'live', title, url: source };
  }
  const m = /^(.*?) on (0x[0-9a-fA-F]{40}) \((\w+)/.exec(source);
  const base = m ? EXPLORER[m[3]!] : undefined;
  return { id: 'live', title: source, url: m && base ? `${base}${m[2]}#readContract` : '' };
}

const links = (f: LiveFact<unknown>) => f.sources.map(sourceLink).filter((s) => s.url);

function n(x: number, digits: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2) });
}

function usd(x: number): string {
  if (x >= 1e9) return `$${n(x / 1e9, 2)}B`;
  if (x >= 1e6) return `$${n(x / 1e6, 2)}M`;
  return `$${n(x, x >= 100 ? 2 : 4)}`;
}

export function liveRisk(t: TokenProfile, l: TokenLive | null): LiveRisk {
  if (!l) return {};
  const out: LiveRisk = {};
  if (l.peg?.fresh) out.peg = { nowPct: l.peg.value.nowPct, maxAbsPct: l.peg.value.maxAbsPct, coverageDays: l.peg.value.coverageDays, asOf: l.peg.okAt, links: links(l.peg) };
  const impact = l.exit?.value.impactPct[EXIT_PETAL_SIZE];
  if (l.exit?.fresh && impact !== undefined) out.exit = { impactPct: impact, sizeLabel: `${Number(EXIT_PETAL_SIZE).toLocaleString('en-US')} ${t.symbol}`, asOf: l.exit.okAt, links: links(l.exit) };
  return out;
}

function view(id: LiveFactView['id'], label: string, f: LiveFact<unknown>, text: string): LiveFactView {
  return { id, label, text, okAt: f.okAt, fresh: f.fresh, failing: f.failing, sources: f.sources.map(sourceLink) };
}

export function liveView(t: TokenProfile, l: TokenLive | null, now: Date, offline: boolean): LiveView {
  if (offline) return { mode: 'offline', note: 'Offline mode: bundled data only, nothing is fetched.', facts: [], pegHistory: [], apyHistory: [] };
  if (!l) return { mode: 'live', note: 'No live data yet: bundled data only.', facts: [], pegHistory: [], apyHistory: [] };
  const facts: LiveFactView[] = [];
  const unit = l.rate?.value.unit ?? t.rateSource?.read?.unit ?? '';
  if (l.rate) facts.push(view('rate', 'Redemption rate', l.rate, `1 ${t.symbol} = ${n(l.rate.value.rate, 6)} ${unit}`));
  if (l.rate && l.rate.value.supply !== null) facts.push(view('supply', 'Supply', l.rate, `${n(l.rate.value.supply, 0)} ${t.symbol}`));
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
  const failing = [...new Set(facts.flatMap((f) => (f.failing ? [f.failing] : [])))];
  let note: string | null = null;
  if (facts.length === 0) {
    note = l.missing.length ? 'No live data yet: the first refresh has not completed, or its sources failed. Bundled data only.' : 'No live source for this token in the registry: bundled data only.';
  } else if (stale.length) {
    const oldest = stale.map((f) => f.okAt).sort()[0]!;
    note = `Live data is out of date: showing the last good values, the oldest from ${agoText(oldest, now)} ago.${failing.length ? ` Now failing: ${failing.slice(0, 2).join('; ')}.` : ''}`;
  } else if (failing.length) {
    note = `The last refresh failed (${failing.slice(0, 2).join('; ')}); the values shown are still fresh.`;
  }
  return { mode: 'live', note, facts, pegHistory: l.peg?.value.history ?? [], apyHistory: l.apy?.value.history ?? [] };
}

/**
 * The card's yield split from live APY: only for a restaking token (a liquid staking token has no restaking premium)
 * with a fresh APY and a plain-staking benchmark (ETH-denominated tokens); null otherwise.
 */
export function yieldSplit(
  l: TokenLive | null,
  category: string,
): { totalApyPct: number; baseApyPct: number; premiumApyPct: number; asOf: string; sources: SourceView[] } | null {
  const a = l?.apy;
  if (category === 'lst' || !a || !a.fresh || a.value.basePct === null || a.value.premiumPct === null) return null;
  return { totalApyPct: a.value.totalPct, baseApyPct: a.value.basePct, premiumApyPct: a.value.premiumPct, asOf: a.okAt, sources: a.sources.map(sourceLink) };
}
