import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { getAddress } from 'viem';
import { ISSUER_FILES, REGISTRY_VERSION, TOKENS, getToken, parseRegistry } from '../../lib/registry';
import { registryJson } from '../../lib/registry/export';
import { TokenProfile, type TokenProfileInput } from '../../lib/registry/schema';

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
});
