// Runs in: build, background, tests. The validated registry: every issuer file parsed with zod at load,
// so a bad entry throws at build time (wxt.config imports this) and in tests, never at a user's page.
import { TokenProfile, type TokenProfileInput } from './schema';
import { bountyFor } from './bounties';
import { renzo } from './data/renzo';
import { etherfi } from './data/etherfi';
import { puffer } from './data/puffer';
import { kelp } from './data/kelp';
import { swell } from './data/swell';
import { eigenpie } from './data/eigenpie';
import { bedrock } from './data/bedrock';
import { inception } from './data/inception';
import { mellow } from './data/mellow';
import { karak } from './data/karak';
import { mantle } from './data/mantle';
import { stader } from './data/stader';
import { lido } from './data/lido';
import { lombard } from './data/lombard';
import { solv } from './data/solv';
import { pumpbtc } from './data/pumpbtc';
import { fragmetric } from './data/fragmetric';
import { kyros } from './data/kyros';
import { jito } from './data/jito';

/** One array per issuer file; add new issuer files here. */
export const ISSUER_FILES: Record<string, TokenProfileInput[]> = {
  renzo, etherfi, puffer, kelp, swell, eigenpie, bedrock, inception, mellow, karak, mantle, stader, lido, lombard, solv, pumpbtc, fragmetric, kyros, jito,
};

/** Bumped whenever the data changes in a way users should see (shown in the popup and registry.json). */
export const REGISTRY_VERSION = '2026.11.20-1';

export function parseRegistry(files: Record<string, TokenProfileInput[]>): TokenProfile[] {
  const tokens: TokenProfile[] = [];
  for (const [file, entries] of Object.entries(files)) {
    entries.forEach((entry, i) => {
      const parsed = TokenProfile.safeParse(entry);
      if (!parsed.success) {
        throw new Error(`registry/data/${file}.ts entry ${i}: ${parsed.error.message}`);
      }
      tokens.push(parsed.data);
    });
  }
  const ids = new Set<string>();
  for (const t of tokens) {
    if (ids.has(t.id)) throw new Error(`registry: duplicate id ${t.id}`);
    ids.add(t.id);
  }
  return tokens;
}

/**
 * Each issuer's bug bounty (lib/registry/bounties.ts) joins its tokens' profiles, with its sources, unless a data file
 * already gives one: the issuer's programme is one fact, kept in one place.
 */
export function withBounties(tokens: TokenProfile[]): TokenProfile[] {
  return tokens.map((t) => {
    const b = bountyFor(t.issuer);
    if (!b || t.bounty) return { ...t, bountyChecked: t.bountyChecked || b !== null };
    if (b.status === 'not-found' || b.sources.length === 0) return { ...t, bounty: null, bountyChecked: true };
    const known = new Set(t.sources.map((s) => s.id));
    return {
      ...t,
      bountyChecked: true,
      bounty: { status: b.status, platform: b.platform ?? 'own', maxUsd: b.maxUsd, asOf: b.asOf ?? t.reviewedAt, verified: b.verified, sources: b.sources.map((s) => s.id) },
      sources: [...t.sources, ...b.sources.filter((s) => !known.has(s.id))],
    };
  });
}

export const TOKENS: readonly TokenProfile[] = withBounties(parseRegistry(ISSUER_FILES));

const byId = new Map(TOKENS.map((t) => [t.id, t]));
export function getToken(id: string): TokenProfile | undefined {
  return byId.get(id);
}
