// Runs in: background, tests. From one token's live facts to the display-ready live section of the card and its
// yield split, each figure with its age and its own typed sources. (The rating's live inputs: lib/risk/live.ts.)
// What fails is said in our words, by kind: no response text, no host name (a user's own RPC host is unique to them,
// and cards are shown inside web pages).
import type { TokenProfile } from '../registry/schema';
import type { LiveFactView, LiveView } from '../views/schema';
import type { FailureKind } from '../sources/http';
import { FAILURE_TEXT } from '../failures';
import { agoText } from '../age';
import { isRestaking } from '../categories';
import type { LiveFact, TokenLive } from '../live/facts';
import { shortAddress } from '../chains';

const failingText = (kinds: readonly FailureKind[]): string | null => (kinds.length ? [...new Set(kinds.map((k) => FAILURE_TEXT[k] ?? 'failed'))].join('; ') : null);

function n(x: number, digits: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2) });
}

function usd(x: number): string {
  if (x >= 1e9) return `$${n(x / 1e9, 2)}B`;
  if (x >= 1e6) return `$${n(x / 1e6, 2)}M`;
  return `$${n(x, x >= 100 ? 2 : 4)}`;
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
  // A verified DefiLlama APY first, then one computed from the token's own rate, then an unchecked DefiLlama one.
  const check = l.apy?.value.check;
  const llamaFirst = l.apy !== null && (check?.state === 'verified' || !l.rateApy);
  if (l.apy && llamaFirst) {
    const a = l.apy.value;
    const split = a.basePct !== null && a.premiumPct !== null ? `: ${n(a.basePct, 2)}% plain ETH staking + ${n(a.premiumPct, 2)}% restaking premium` : '';
    facts.push(view('apy', 'APY', l.apy, `${n(a.totalPct, 2)}%${split} (${check?.text ?? 'DefiLlama pool id not yet checked with DefiLlama'})`));
  } else if (l.rateApy) {
    const a = l.rateApy.value;
    const split = a.basePct !== null && a.premiumPct !== null ? `: ${n(a.basePct, 2)}% plain ETH staking + ${n(a.premiumPct, 2)}% restaking premium` : '';
    const terms = a.wholeYield ? '' : ` in ${a.unit} terms, on top of ${a.unit}'s own staking yield`;
    facts.push(view('apy-rate', 'APY', l.rateApy, `${n(a.totalPct, 2)}%${terms}${split} (${a.basis})`));
  }
  if (l.tvl) facts.push(view('tvl', 'Protocol TVL', l.tvl, `${usd(l.tvl.value)} (${t.issuer}, DefiLlama)`));
  if (l.exit) {
    const parts = Object.entries(l.exit.value.impactPct).map(([size, pct]) => `${Number(size).toLocaleString('en-US')} ${t.symbol}: ${n(pct, 2)}%`);
    facts.push(view('exit', 'Price impact of selling', l.exit, parts.join(', ')));
    facts.push(...exitFacts(t, l.exit));
  }
  if (l.route) {
    // A cross-check, labelled as such: an off-chain route may split across venues, so it can show more depth than
    // any one venue, and nothing checks it on-chain.
    const r = l.route.value;
    const s2 = r.sellable['2'];
    const s5 = r.sellable['5'];
    const size = (s: typeof s2) => (!s ? 'unknown' : s.size === null ? 'under the smallest quoted size' : `${s.basis === 'at-least' ? 'at least' : 'about'} ${n(s.size, s.size < 10 ? 2 : 0)} ${t.symbol}`);
    const impact = Object.entries(r.impactPct).map(([sz, pct]) => `${Number(sz).toLocaleString('en-US')} ${t.symbol}: ${n(pct, 2)}%`).join(', ');
    facts.push(view('exit-route', 'Aggregator route (KyberSwap, off-chain)', l.route, `${size(s2)} within 2%, ${size(s5)} within 5%${impact ? `; impact ${impact}` : ''}`));
  }
  if (l.redemption) facts.push(view('redemption', 'Redemption', l.redemption, l.redemption.value.estimate));
  const stale = facts.filter((f) => !f.fresh);
  const failing = failingText([l.rate, l.supply, l.price, l.peg, l.apy, l.tvl, l.exit, l.route, l.redemption, l.rateApy].flatMap((f) => f?.failing ?? []));
  let note: string | null = null;
  if (facts.length === 0) {
    note = l.missing.length ? 'No live data yet: the first refresh has not completed, or its sources failed. Bundled data only.' : 'No live source for this token in the registry: bundled data only.';
  } else if (stale.length) {
    const oldest = stale.map((f) => f.okAt).sort()[0]!;
    note = `Live data is out of date: showing the last good values, the oldest from ${agoText(oldest, now)} ago.${failing ? ` Now failing: ${failing}.` : ''}`;
  } else if (failing) {
    note = `The last refresh failed (${failing}); the values shown are still fresh.`;
  }
  // A pool id DefiLlama says is another pool: its APY was not used, and the card says why.
  if (l.poolCheck?.state === 'mismatch') note = [note, `DefiLlama APY not shown: ${l.poolCheck.text}.`].filter(Boolean).join(' ');
  return { mode: 'live', note, facts, pegHistory: l.peg?.value.history ?? [], apyHistory: l.apy && llamaFirst ? l.apy.value.history : [] };
}

/** A venue as the card names it: its kind, pair and a shortened address. */
const venueText = (v: string) => v.replace(/0x[0-9a-fA-F]{40}/g, (a) => shortAddress(a));

/**
 * The full quote's figures: the size sellable within 2% and 5% and the venues behind each reported size, each with
 * the quoting calls of the venues it names (an entry stored before the full quote has none of these).
 */
function exitFacts(t: TokenProfile, e: NonNullable<TokenLive['exit']>): LiveFactView[] {
  const v = e.value;
  const callsOf = (names: ReadonlyArray<string | null>) => {
    const calls = (v.venues ?? []).filter((q) => names.includes(q.venue)).map((q) => q.source);
    return calls.length ? calls : e.sources;
  };
  const out: LiveFactView[] = [];
  const s2 = v.sellable?.['2'];
  const s5 = v.sellable?.['5'];
  if (s2 && s5) {
    const size = (s: typeof s2) => (s.size === null ? `under the smallest quoted size` : `${s.basis === 'at-least' ? 'at least' : 'about'} ${n(s.size, s.size < 10 ? 2 : 0)} ${t.symbol}`);
    const on = s2.venue && s2.venue === s5.venue ? ` (best single venue: ${venueText(s2.venue)})` : '';
    out.push({ ...view('exit-sellable', 'Sellable within 2% / within 5%', e, `${size(s2)} within 2%, ${size(s5)} within 5%${on}`), sources: callsOf([s2.venue, s5.venue]) });
  }
  const best = v.bestVenue ? Object.entries(v.bestVenue) : [];
  if (best.length) {
    const names = [...new Set(best.map(([, name]) => name))];
    const text =
      names.length === 1
        ? `${venueText(names[0]!)} at every reported size`
        : best.map(([size, name]) => `${Number(size).toLocaleString('en-US')} ${t.symbol}: ${venueText(name)}`).join('; ');
    const skipped = v.skipped?.length ? `; ${v.skipped.length} venue${v.skipped.length === 1 ? '' : 's'} not counted (${v.skipped.map((x) => `${venueText(x.venue)}: ${x.reason}`).join('; ')})` : '';
    out.push({ ...view('exit-venue', 'Best venue', e, `${text}${skipped}`), sources: callsOf(names) });
  }
  return out;
}

/**
 * The card's yield split from live APY: only for a restaking token (a liquid staking token has no restaking premium)
 * with a fresh APY and a plain-staking benchmark (ETH-denominated tokens); null otherwise.
 */
export function yieldSplit(l: TokenLive | null, category: string): LiveYieldSplit | null {
  const a = l?.apy ?? (l?.rateApy?.value.wholeYield ? l.rateApy : null);
  if (!isRestaking(category) || !a || !a.fresh || a.value.basePct === null || a.value.premiumPct === null) return null;
  return { totalApyPct: a.value.totalPct, baseApyPct: a.value.basePct, premiumApyPct: a.value.premiumPct, asOf: a.okAt, sources: a.sources };
}

export type LiveYieldSplit = { totalApyPct: number; baseApyPct: number; premiumApyPct: number; asOf: string; sources: LiveFact<unknown>['sources'] };
