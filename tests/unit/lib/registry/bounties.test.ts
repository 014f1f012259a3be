// Every issuer in the registry has a bounty entry (found, ended, or not found), and the schema refuses the shapes
// that would let missing research pass as a fact.
import { describe, expect, test } from 'vitest';
import { TOKENS } from '../../../../lib/registry';
import { BOUNTIES, IssuerBounty, bountyFor } from '../../../../lib/registry/bounties';

describe('bounties', () => {
  test('every registry issuer has exactly one entry', () => {
    const issuers = [...new Set(TOKENS.map((t) => t.issuer))].sort();
    for (const i of issuers) expect(bountyFor(i), i).not.toBeNull();
    expect(BOUNTIES.map((b) => b.issuer).sort()).toEqual([...new Set(BOUNTIES.map((b) => b.issuer))].sort());
    expect(BOUNTIES.filter((b) => !issuers.includes(b.issuer)).map((b) => b.issuer)).toEqual([]);
  });

  test('figures from the issuer’s own programme page are verified; mirrors are not', () => {
    expect(bountyFor('Renzo')).toMatchObject({ status: 'active', maxUsd: 500_000, verified: true });
    expect(bountyFor('ether.fi')).toMatchObject({ maxUsd: 300_000, verified: false });
    expect(bountyFor('Puffer Finance')?.status).toBe('ended');
    expect(bountyFor('Bedrock')).toMatchObject({ status: 'not-found', maxUsd: null, platform: null, sources: [] });
  });

  const base = { issuer: 'X', platform: 'Immunefi', maxUsd: 1, scope: 's', liveSince: null, asOf: '2026-01-01', verified: true, notes: [], sources: [{ id: 'a', title: 't', url: 'https://x.org' }] } as const;
  test.each([
    ['a found bounty without a source', { ...base, status: 'active', sources: [] }],
    ['"not found" with a figure', { ...base, status: 'not-found' }],
    ['a verified active bounty without a date', { ...base, status: 'active', asOf: null }],
  ])('rejects %s', (_, value) => {
    expect(IssuerBounty.safeParse(value).success).toBe(false);
  });
  test('accepts a well-formed entry', () => {
    expect(IssuerBounty.safeParse({ ...base, status: 'active' }).success).toBe(true);
  });
});
