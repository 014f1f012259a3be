// Runs in: background, tests. Turns a registry profile, its rating and its live facts into the display-ready views
// the contract carries (card, list row, registry entry, misnomer), resolving every source id to a typed source.
import type { Fact, SourceRef, TokenProfile } from '../registry/schema';
import { TokenCardView as TokenCardSchema } from './schema';
import type { FactView, LiveFigure, MisnomerView, RatingSummary, RegistryEntryView, SourceView, TokenCardView, TokenRowView } from './schema';
import type { Misnomer } from '../registry/misnomers';
import type { Rating } from '../risk/types';
import { NO_LIVE, rateWith, type LiveInput } from '../risk/live';
import { liveView, yieldSplit } from './live';
import { slashingView } from './slashing';
import { backingView } from './backing';
import { adminView } from './admin';

export type { LiveInput };

export function summary(r: Rating): RatingSummary {
  return { worst: r.headline.worst, text: r.headline.text, petals: r.petals.map((p) => ({ label: p.label, level: p.level })) };
}

const figure = (f: { okAt: string; fresh: boolean } | null, pct: number | undefined): LiveFigure | null =>
  f && pct !== undefined && Number.isFinite(pct) ? { pct, fresh: f.fresh, okAt: f.okAt } : null;

/** Who the token is: the same five fields in every view. */
const identity = (t: TokenProfile) => ({ id: t.id, symbol: t.symbol, name: t.name, issuer: t.issuer, category: t.category });

/**
 * The APY a list row shows, in the card's order: DefiLlama's when its pool checked out, else one computed from the
 * token's rate when that is the token's whole yield (a rate in ETH or BTC, not in a yielding LST), else DefiLlama's
 * unchecked one.
 */
const apyOf = (l: LiveInput['live']) => {
  if (!l) return null;
  if (l.apy?.value.check?.state === 'verified') return l.apy;
  return (l.rateApy?.value.wholeYield ? l.rateApy : null) ?? l.apy;
};

/** A list row: rosette, and the live peg and APY when there are any (none in offline mode). */
export function toRowView(t: TokenProfile, now: Date, input: LiveInput = NO_LIVE): TokenRowView {
  const live = input.offline ? null : input.live;
  return {
    ...identity(t),
    rating: summary(rateWith(t, now, input)),
    peg: figure(live?.peg ?? null, live?.peg?.value.nowPct),
    apy: figure(apyOf(live), apyOf(live)?.value.totalPct),
  };
}

/** A search entry: the row plus every name and address the token goes by. */
export function toRegistryEntry(t: TokenProfile, now: Date, input: LiveInput = NO_LIVE): RegistryEntryView {
  return { ...toRowView(t, now, input), aliases: [...t.aliases], addresses: [...new Set(t.deployments.map((d) => d.address))] };
}

/**
 * The card. If its live part breaks the card contract (a value no check caught), the card is shown without it,
 * bundled facts intact, never not at all.
 */
export function toCardView(t: TokenProfile, registryVersion: string, now: Date, input: LiveInput = NO_LIVE): TokenCardView {
  const card = buildCard(t, registryVersion, now, input);
  if (!input.live || TokenCardSchema.safeParse(card).success) return card;
  const bundled = buildCard(t, registryVersion, now, { live: null, offline: input.offline });
  return { ...bundled, live: { ...bundled.live, note: 'Live figures were left out: one failed its checks. Bundled data only.' } };
}

function buildCard(t: TokenProfile, registryVersion: string, now: Date, input: LiveInput): TokenCardView {
  const byId = new Map(t.sources.map((s) => [s.id, s]));
  const refs = (ids: readonly string[]): SourceView[] =>
    ids.flatMap((id) => {
      const s = byId.get(id);
      return s ? [docSource(s)] : [];
    });
  const fact = (f: Fact): FactView => ({ text: f.text, verified: f.verified, sources: refs(f.sources) });
  const r = rateWith(t, now, input);
  return {
    ...identity(t),
    layers: t.layers.map((l) => l.layer),
    rating: {
      methodVersion: r.methodVersion,
      worst: r.headline.worst,
      text: r.headline.text,
      petals: r.petals.map(({ links, ...p }) => ({ ...p, sources: [...refs(p.sources), ...(links ?? [])] })),
    },
    notes: t.notes,
    slashing: fact(t.slashing),
    withdrawal: fact(t.withdrawal),
    liquidity: fact(t.liquidity),
    audits: t.audits.map((a) => ({ firm: a.firm, date: a.date, scope: a.scope, verified: a.verified, sources: refs(a.sources) })),
    incidents: t.incidents.map((i) => ({ date: i.date, summary: i.summary, sources: refs(i.sources) })),
    yield: { sources: t.yieldSources, split: input.offline ? null : yieldSplit(input.live, t.category) },
    peg: {
      model: t.model.kind,
      rate: fact(t.model.rate),
      rateSource: t.rateSource ? `${t.rateSource.function} on ${t.rateSource.contract}` : null,
    },
    live: liveView(t, input.live, now, input.offline),
    ...optional('slashingLive', slashingView(t, input.live, input.offline)),
    ...optional('backingLive', backingView(t, input.live, input.offline)),
    ...optional('adminLive', adminView(t, input.live, input.offline)),
    deployments: t.deployments.map((d) => ({ chain: d.chain, address: d.address, ...(d.kind ? { kind: d.kind } : {}), sources: refs(d.sources) })),
    reviewedAt: t.reviewedAt,
    registryVersion,
  };
}

const optional = <K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } => (v === undefined ? {} : ({ [k]: v } as { [P in K]: V }));

export function toMisnomerView(m: Misnomer, tokens: readonly TokenProfile[]): MisnomerView {
  return {
    id: m.id,
    term: m.term,
    explanation: m.explanation,
    seeAlso: m.seeAlso.flatMap((id) => {
      const t = tokens.find((x) => x.id === id);
      return t ? [{ id: t.id, symbol: t.symbol, issuer: t.issuer }] : [];
    }),
    sources: m.sources.map(docSource),
  };
}

/** A registry source as the views carry it. */
export function docSource(s: SourceRef): SourceView {
  return { kind: 'doc', url: s.url, title: s.title, ...(s.commit ? { commit: s.commit } : {}) };
}
