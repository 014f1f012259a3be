import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { getAddress } from 'viem';
import { ISSUER_FILES, REGISTRY_VERSION, TOKENS, getToken, parseRegistry } from '../../../../lib/registry';
import { registryJson } from '../../../../lib/views/registry-json';
import { rate } from '../../../../lib/risk/rate';
import { METHOD_VERSION } from '../../../../lib/risk/types';
import { TokenProfile, type TokenProfileInput } from '../../../../lib/registry/schema';
import { LAYERS } from '../../../../lib/registry/layers';
import { MISNOMERS } from '../../../../lib/registry/misnomers';
import { classifyLink, linkContext } from '../../../../lib/detect/links';
import { createTextMatcher } from '../../../../lib/detect/text';
import { detectConfig } from '../../../../lib/registry/detect-config';

describe('registry data', () => {
  test.each(Object.entries(ISSUER_FILES))('issuer file %s validates', (_name, entries) => {
    for (const e of entries) expect(TokenProfile.safeParse(e).error).toBeUndefined();
  });

  test('no (chain, address) appears twice', () => {
    const seen = new Map<string, string>();
    for (const t of TOKENS) {
      for (const d of t.deployments) {
        const key = `${d.chain}/${d.address.toLowerCase()}`;
        expect(seen.get(key), `${key} in ${t.id} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, t.id);
      }
    }
  });

  test('EVM addresses are stored checksummed', () => {
    for (const t of TOKENS) {
      for (const d of t.deployments.filter((x) => x.chain.startsWith('eip155:'))) expect(d.address).toBe(getAddress(d.address));
    }
  });

  test('every profile has sources and a review date', () => {
    for (const t of TOKENS) {
      expect(t.sources.length).toBeGreaterThan(0);
      expect(t.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('the vertical slice tokens are present with their issuers (traps from the research notes)', () => {
    expect(getToken('ezeth')?.issuer).toBe('Renzo'); // not ether.fi
    expect(getToken('weeth')?.issuer).toBe('ether.fi');
    expect(getToken('eeth')?.model.kind).toBe('rebasing'); // weETH's getRate() is not eETH's
    expect(getToken('weeth')?.model.kind).toBe('value-accruing');
    expect(getToken('pufeth')?.issuer).toBe('Puffer Finance');
    expect(getToken('rseth')?.issuer).toBe('Kelp DAO');
    expect(getToken('ezeth')?.deployments[0]).toMatchObject({ chain: 'eip155:1', address: '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110' });
  });
});

describe('schema rejects bad data', () => {
  const good = ISSUER_FILES.puffer![0]!;
  const withChange = (patch: Partial<TokenProfileInput>): TokenProfileInput => ({ ...good, ...patch });

  test('a lower-case (unchecksummed) EVM address', () => {
    const d = { ...good.deployments[0]!, address: good.deployments[0]!.address.toLowerCase() };
    expect(TokenProfile.safeParse(withChange({ deployments: [d] })).success).toBe(false);
  });
  test('an address with a wrong checksum', () => {
    const d = { ...good.deployments[0]!, address: '0xd9A442856C234a39a81a089C06451EBAa4306a72' };
    expect(TokenProfile.safeParse(withChange({ deployments: [d] })).success).toBe(false);
  });
  test('a Solana mint that is not base58', () => {
    const d = { ...good.deployments[0]!, chain: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', address: 'FRAGSEthVFL7fdqM8hxfxkfCZzUvmg21cqPJVvC1qdb0' };
    expect(TokenProfile.safeParse(withChange({ deployments: [d] })).success).toBe(false);
  });
  test('a chain that is not CAIP-2', () => {
    const d = { ...good.deployments[0]!, chain: 'ethereum' };
    expect(TokenProfile.safeParse(withChange({ deployments: [d] })).success).toBe(false);
  });
  test('a fact citing a source the profile does not list', () => {
    expect(TokenProfile.safeParse(withChange({ slashing: { text: 'x', verified: true, sources: ['nowhere'] } })).success).toBe(false);
  });
  test('a profile without sources', () => {
    expect(TokenProfile.safeParse(withChange({ sources: [] })).success).toBe(false);
  });
  test('duplicate ids across issuer files', () => {
    expect(() => parseRegistry({ a: [good], b: [good] })).toThrow(/duplicate id pufeth/);
  });
  test('the error names the file and entry', () => {
    expect(() => parseRegistry({ broken: [withChange({ sources: [] })] })).toThrow(/registry\/data\/broken\.ts entry 0/);
  });
});

describe('registry.json', () => {
  const Shape = z.object({
    version: z.string().min(1),
    tokens: z
      .array(
        z.object({
          id: z.string(),
          symbol: z.string(),
          name: z.string(),
          issuer: z.string(),
          category: z.enum(['lrt', 'btc-lrt', 'sol-lrt', 'restaking-vault', 'lst']),
          deployments: z
            .array(
              z.object({
                chain: z.string().regex(/^(eip155:\d+|solana:[1-9A-HJ-NP-Za-km-z]{32})$/),
                address: z.string(),
                decimals: z.number().int().nullable(),
              }),
            )
            .min(1),
        }),
      )
      .min(1),
  });

  test('has the stable shape and lists every profile', () => {
    const doc = Shape.parse(JSON.parse(registryJson()));
    expect(doc.version).toBe(REGISTRY_VERSION);
    expect(doc.tokens.map((t) => t.id).sort()).toEqual(TOKENS.map((t) => t.id).sort());
  });

  test("registry.json carries every token's bundled rating, as rate() gives it, with the method version", () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const doc = JSON.parse(registryJson(now)) as {
      method: string;
      ratedAt: string;
      tokens: Array<{ id: string; rating: { method: string; headline: string; petals: Array<{ id: string; level: string; fact: string; sources: string[] }> } }>;
    };
    expect(doc.method).toBe(METHOD_VERSION);
    expect(doc.ratedAt).toBe('2026-12-01');
    for (const t of TOKENS) {
      const r = rate(t, now);
      const got = doc.tokens.find((x) => x.id === t.id)!.rating;
      expect(got.method).toBe(METHOD_VERSION);
      expect(got.headline).toBe(r.headline.text);
      expect(got.petals.map((p) => [p.id, p.level, p.fact])).toEqual(r.petals.map((p) => [p.id, p.level, p.fact]));
      for (const p of got.petals) for (const u of p.sources) expect(u).toMatch(/^https:\/\//);
    }
  });
});

describe('coverage (issue: registry and risk model)', () => {
  // Every token the coverage list names, by registry id.
  const REQUIRED = [
    'ezeth', 'pzeth', 'eeth', 'weeth', 'ebtc', 'weeths', 'pufeth', 'rseth', 'ageth', 'rsweth', 'egeth', 'msteth',
    'unieth', 'unibtc', 'ineth', 'steaklrt', 're7lrt', 'amphreth', 'rsteth', 'dvsteth', 'cmeth', 'lbtc', 'xsolvbtc',
    'pumpbtc', 'fragsol', 'kysol',
  ];
  test.each(REQUIRED)('%s is in the registry', (id) => expect(getToken(id)).toBeDefined());

  test('Karak vault shares and Inception LST-based tokens are covered', () => {
    expect(TOKENS.filter((t) => t.issuer.startsWith('Karak') && t.category === 'restaking-vault').length).toBeGreaterThan(0);
    expect(TOKENS.filter((t) => t.issuer.startsWith('Inception') && t.id !== 'ineth').length).toBeGreaterThan(0);
  });

  test('traps from the research notes hold', () => {
    expect(getToken('msteth')?.issuer).toMatch(/Eigenpie/);
    expect(getToken('rsteth')?.issuer).not.toMatch(/Lido/);
    expect(getToken('ineth')?.aliases).toContain('genETH');
    expect(getToken('xsolvbtc')?.aliases).toContain('SolvBTC.BBN');
    expect(TOKENS.some((t) => t.symbol === 'kETH' || t.aliases.includes('kETH'))).toBe(false);
    const fragsol = getToken('fragsol')!;
    expect(fragsol.deployments[0]).toMatchObject({ chain: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp', address: 'FRAGSEthVFL7fdqM8hxfxkfCZzUvmg21cqPJVvC1qdbo' });
  });

  test('LSTs that restaking tokens build on are category lst (their labels are off by default)', () => {
    for (const id of ['steth', 'wsteth', 'ethx', 'sweth', 'meth', 'jitosol']) expect(getToken(id)?.category, id).toBe('lst');
  });

  test('every symbol, alias, misnomer and mint in the registry builds one matcher without conflicts', () => {
    expect(() => createTextMatcher(detectConfig(TOKENS, MISNOMERS, { markLst: true }))).not.toThrow();
  });

  test('no deployment address belongs to two tokens (a shared address could not be attributed)', () => {
    const owner = new Map<string, string>();
    for (const t of TOKENS) {
      for (const d of t.deployments) {
        const key = d.chain.startsWith('eip155:') ? d.address.toLowerCase() : d.address;
        const prev = owner.get(key);
        expect(prev === undefined || prev === t.id, `${d.address}: ${prev} and ${t.id}`).toBe(true);
        owner.set(key, t.id);
      }
    }
  });

  test('each registry address found in text is attributed to its own token', () => {
    const m = createTextMatcher(detectConfig(TOKENS, MISNOMERS, { markLst: true }));
    for (const t of TOKENS) {
      for (const d of t.deployments) {
        const found = m.find(`contract ${d.address} here`);
        expect(found.map((f) => [f.id, f.kind]), d.address).toEqual([[t.id, 'address']]);
      }
    }
  });

  test('Solana mints are base58 public keys (32 bytes)', () => {
    for (const t of TOKENS) {
      for (const d of t.deployments.filter((x) => x.chain.startsWith('solana:'))) {
        expect(base58Length(d.address), `${t.id} ${d.address}`).toBe(32);
      }
    }
  });
});

describe('layer profiles and misnomers', () => {
  test('each restaking layer has a profile with sourced delays, slashing status and allocation', () => {
    expect(LAYERS.map((l) => l.id).sort()).toEqual(['Babylon', 'EigenLayer', 'Jito Restaking', 'Karak', 'Symbiotic']);
    expect(LAYERS.find((l) => l.id === 'EigenLayer')?.slashing.liveSince).toBe('2025-04-17');
  });

  test('misnomers explain instead of matching a real token, and point at real ids', () => {
    expect(MISNOMERS.map((m) => m.term).sort()).toEqual(['BabylonBTC', 'eigenETH', 'kETH', 'rzETH']);
    const symbols = new Set(TOKENS.flatMap((t) => [t.symbol, ...t.aliases]));
    for (const m of MISNOMERS) {
      expect(symbols.has(m.term), m.term).toBe(false);
      for (const id of m.seeAlso) expect(getToken(id), `${m.term} → ${id}`).toBeDefined();
    }
  });

  test('registry.json lists the misnomers', () => {
    const doc = JSON.parse(registryJson()) as { misnomers: Array<{ term: string }> };
    expect(doc.misnomers.map((m) => m.term)).toContain('rzETH');
  });
});

describe('impostor rule on the real registry', () => {
  const m = createTextMatcher(detectConfig(TOKENS, MISNOMERS, { markLst: false }));
  const kindOf = (href: string) => {
    const ctx = linkContext(href, m.addresses);
    return ctx ? classifyLink(m.find('ezETH'), ctx, m.addresses).matches.map((x) => x.kind) : null;
  };
  test.each<[string, string[] | null]>([
    ['https://etherscan.io/token/0xbf5495Efe5DB9ce00f80364C8B423567e58d2110', ['link']],
    ['https://etherscan.io/token/0xbf5495efe5db9ce00f80364c8b423567e58d2110', ['link']],
    // ezETH's L2 deployment, linked from any chain's explorer: still ezETH, not an impostor.
    ['https://etherscan.io/token/0x2416092f143378750bb29b79eD961ab195CcEea5', ['link']],
    ['https://etherscan.io/token/0x000000000000000000000000000000000000dEaD', ['impostor']],
    ['https://etherscan.io/token/0xbf5495Efe5DB9ce00f80364C8B423567e58d2111', ['impostor']],
    // weETH's contract under the name ezETH.
    ['https://etherscan.io/token/0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee', ['impostor']],
    ['https://etherscan.io/address/0x000000000000000000000000000000000000dEaD', null],
  ])('ezETH linked to %s', (href, kinds) => {
    expect(kindOf(href)).toEqual(kinds);
  });
});

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58Length(s: string): number {
  let n = 0n;
  for (const ch of s) {
    const i = B58.indexOf(ch);
    if (i < 0) return -1;
    n = n * 58n + BigInt(i);
  }
  const lead = s.match(/^1*/)![0].length;
  return lead + (n === 0n ? 0 : Math.ceil(n.toString(16).length / 2));
}
