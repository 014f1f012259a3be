// The staker enumeration data: valid against its schema, every source cited exists, every token is a registry
// token and is listed once, and the schema rejects what it must (so this test can fail).
import { describe, expect, test } from 'vitest';
import { getToken } from '../../../../lib/registry';
import { ETHERFI_NODES } from '../../../../lib/registry/data/etherfi-nodes';
import { STAKERS, STAKER_SOURCES, StakerSpec, specAddresses } from '../../../../lib/registry/stakers';

describe('STAKERS', () => {
  test.each(STAKERS.map((s) => [s.protocol, s] as const))('%s parses', (_, s) => {
    expect(StakerSpec.safeParse(s).success).toBe(true);
  });

  test('every source id is defined once, and every defined source is cited', () => {
    const ids = STAKER_SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cited = new Set(STAKERS.flatMap((s) => [...s.sources, ...s.enumerations.flatMap((e) => (e.kind === 'fixed' ? [e.source] : []))]));
    for (const id of cited) expect(ids, id).toContain(id);
    for (const id of ids) expect(cited, id).toContain(id);
    for (const s of STAKER_SOURCES) expect(s.url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//);
  });

  test('tokens are registry tokens, each in one spec only', () => {
    const tokens = STAKERS.flatMap((s) => s.tokens);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const id of tokens) expect(getToken(id), id).toBeDefined();
  });

  test('an unconfirmed spec says why', () => {
    for (const s of STAKERS.filter((x) => !x.verified)) expect(s.note, s.protocol).toMatch(/not .*repository|repository.*is not/);
    expect(STAKERS.filter((s) => !s.verified).map((s) => s.protocol).sort()).toEqual(['Eigenpie', 'Renzo', 'Swell']);
  });

  test('no address twice within a spec; the ether.fi node list is the repository’s 474', () => {
    for (const s of STAKERS) {
      const all = specAddresses(s).map((a) => a.toLowerCase());
      expect(new Set(all).size, s.protocol).toBe(all.length);
    }
    expect(ETHERFI_NODES).toHaveLength(474);
  });

  test('strategies needing a live rate name a registry token for it', () => {
    for (const k of STAKERS.flatMap((s) => s.strategies)) {
      if (k.ethPerUnderlying === null) expect(getToken(k.rateToken ?? ''), k.label).toBeDefined();
    }
  });
});

describe('the schema rejects', () => {
  const good = STAKERS[0]!;
  test.each([
    ['a lower-case address', { ...good, enumerations: [{ kind: 'fixed', addresses: ['0x1b7a4c3797236a1c37f8741c0be35c2c72736fff'], source: 'x' }] }],
    ['an unknown enumeration kind', { ...good, enumerations: [{ kind: 'events', contract: { address: good.strategies[0]!.address, via: [] } }] }],
    ['a getter with spaces', { ...good, enumerations: [{ kind: 'list', contract: { address: good.strategies[0]!.address, via: [] }, list: 'get Queue()' }] }],
    ['a count-index from 2', { ...good, enumerations: [{ kind: 'count-index', contract: { address: good.strategies[0]!.address, via: [] }, count: 'n()', item: 'at(uint256)', firstIndex: 2 }] }],
    ['no sources', { ...good, sources: [] }],
    ['a made-up ETH rate', { ...good, strategies: [{ ...good.strategies[0]!, ethPerUnderlying: 1.05 }] }],
  ])('%s', (_, bad) => {
    expect(StakerSpec.safeParse(bad).success).toBe(false);
  });
});
