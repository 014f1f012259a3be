// Runs in: build, tests. The public registry.json contract:
// { version, method, ratedAt, tokens: [{ id, symbol, name, issuer, category, deployments: [{ chain, address, decimals }],
//   rating: { method, headline, petals: [{ id, level, fact, asOf, verified, sources: [url…] }] } }], misnomers }.
// Keep these fields and their meaning stable; adding fields is fine. The rating is the bundled one (no live data), as
// of the build, so anyone can read offline exactly how the extension rates every token and check it against
// public/method.html.
import { REGISTRY_VERSION, TOKENS } from '../registry';
import { MISNOMERS } from '../registry/misnomers';
import { rate } from '../risk/rate';
import { METHOD_VERSION } from '../risk/types';

export function registryJson(now: Date = new Date()): string {
  const doc = {
    version: REGISTRY_VERSION,
    method: METHOD_VERSION,
    /** The date the bundled ratings are computed for (curated facts older than the method allows are grey). */
    ratedAt: now.toISOString().slice(0, 10),
    tokens: TOKENS.map((t) => ({
      id: t.id,
      symbol: t.symbol,
      aliases: t.aliases,
      name: t.name,
      issuer: t.issuer,
      category: t.category,
      deployments: t.deployments.map((d) => ({
        chain: d.chain,
        address: d.address,
        decimals: d.decimals,
        ...(d.kind ? { kind: d.kind } : {}),
        verified: d.verified,
      })),
      reviewedAt: t.reviewedAt,
      rating: ratingOf(t, now),
    })),
    /** Names used for tokens that do not exist as described, with what they are confused with. */
    misnomers: MISNOMERS.map((m) => ({ id: m.id, term: m.term, explanation: m.explanation, seeAlso: m.seeAlso })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function ratingOf(t: (typeof TOKENS)[number], now: Date) {
  const r = rate(t, now);
  const url = new Map(t.sources.map((s) => [s.id, s.url]));
  return {
    method: r.methodVersion,
    headline: r.headline.text,
    worst: r.headline.worst,
    petals: r.petals.map((p) => ({
      id: p.id,
      level: p.level,
      fact: p.fact,
      asOf: p.asOf,
      verified: p.verified,
      sources: p.sources.flatMap((id) => (url.has(id) ? [url.get(id)!] : [])),
    })),
  };
}
