// Runs in: build. The public registry.json contract:
// { version, tokens: [{ id, symbol, name, issuer, category, deployments: [{ chain, address, decimals }] }] }.
// Keep these fields and their meaning stable; adding fields is fine.
import { REGISTRY_VERSION, TOKENS } from './index';
import { MISNOMERS } from './misnomers';

export function registryJson(): string {
  const doc = {
    version: REGISTRY_VERSION,
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
    })),
    /** Names used for tokens that do not exist as described, with what they are confused with. */
    misnomers: MISNOMERS.map((m) => ({ id: m.id, term: m.term, explanation: m.explanation, seeAlso: m.seeAlso })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
