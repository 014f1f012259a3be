// Runs in: background, tests. Turns a registry profile into the display-ready view the contract carries,
// resolving every source id to its title and link.
import type { Fact, TokenProfile } from './schema';
import type { FactView, SourceView, TokenCardView } from '../messaging/contract';

export function toCardView(t: TokenProfile, registryVersion: string): TokenCardView {
  const byId = new Map(t.sources.map((s) => [s.id, s]));
  const refs = (ids: readonly string[]): SourceView[] =>
    ids.flatMap((id) => {
      const s = byId.get(id);
      return s ? [{ id: s.id, title: s.title, url: s.url }] : [];
    });
  const fact = (f: Fact): FactView => ({ text: f.text, verified: f.verified, sources: refs(f.sources) });
  return {
    id: t.id,
    symbol: t.symbol,
    name: t.name,
    issuer: t.issuer,
    category: t.category,
    layers: t.layers.map((l) => l.layer),
    slashing: fact(t.slashing),
    withdrawal: fact(t.withdrawal),
    liquidity: fact(t.liquidity),
    audits: t.audits.map((a) => ({ firm: a.firm, date: a.date, scope: a.scope, verified: a.verified, sources: refs(a.sources) })),
    incidents: t.incidents.map((i) => ({ date: i.date, summary: i.summary, sources: refs(i.sources) })),
    reviewedAt: t.reviewedAt,
    registryVersion,
  };
}
