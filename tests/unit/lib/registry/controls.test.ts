// The curated "contracts that matter": schema, agreement with the registry, and the inputs it hands to discovery
// and to the judge.
import { describe, expect, test } from 'vitest';
import { getToken } from '../../../../lib/registry';
import { CONTROLS, TokenControls, controlsFor, discoveryInput, judgeInput, lzRoutesOf } from '../../../../lib/registry/controls';
import { LZ_EIDS } from '../../../../lib/registry/layerzero';

describe('controls', () => {
  test('covers the six tokens the issue names (and uniETH), each a registry token whose main deployment is listed as the token', () => {
    expect(CONTROLS.map((c) => c.token).sort()).toEqual(['ezeth', 'lbtc', 'pufeth', 'rseth', 'unibtc', 'unieth', 'weeth']);
    for (const c of CONTROLS) {
      const t = getToken(c.token);
      expect(t, c.token).toBeDefined();
      // LBTC's Ethereum deployment carries a kind (StakedLBTC); others are the unlabelled canonical token.
      const onChain = t!.deployments.filter((d) => d.chain === c.chain);
      const main = onChain.find((d) => !d.kind) ?? onChain[0]!;
      expect(c.contracts.find((x) => x.role === 'token')?.address, c.token).toBe(main.address);
    }
  });

  test('every LayerZero route names a known endpoint id', () => {
    for (const c of CONTROLS) for (const r of c.lzRoutes) expect(LZ_EIDS[r.remoteEid], `${c.token} ${r.remoteEid}`).toBeDefined();
  });

  test('rsETH carries the 2026-07 4-of-4 route fact, dated and marked as a third party’s read', () => {
    expect(controlsFor('rseth')!.routeFacts[0]).toMatchObject({ minVerifiers: 4, asOf: '2026-07-16', verified: false, sources: ['yearn-bridges'] });
    // The incident route is read too, but only on request: its existence rests on a third-party report.
    expect(lzRoutesOf(controlsFor('rseth')!).some((r) => r.remoteEid === 30320)).toBe(false);
    expect(lzRoutesOf(controlsFor('rseth')!, true).some((r) => r.remoteEid === 30320)).toBe(true);
  });

  test('discovery input: contracts and curated pausers as roots, candidates merged per contract, verified edges only', () => {
    const puf = discoveryInput(controlsFor('pufeth')!);
    expect(puf.roots).toContain('0xD9A442856C234a39a81a089C06451EBAa4306a72');
    expect(puf.roots).toContain('0x1ba8e3aA853F73ae8093E26B7B8F2520c3620Df4');
    expect(puf.hints.candidates['0x8c1686069474410E6243425f4a10177a94EBEE11']).toHaveLength(3);
    expect(puf.hints.edges.map((e) => e.delaySec)).toEqual([0, 7 * 86_400]);
    const j = judgeInput(controlsFor('pufeth')!, null);
    // Without a discovery the Pauser Safe's threshold is unknown, and says so.
    expect(j.curated[0]!.holder).toEqual({ kind: 'unresolved', address: '0x1ba8e3aA853F73ae8093E26B7B8F2520c3620Df4', why: 'Safe threshold not read' });
  });

  const base = controlsFor('unibtc')!;
  test.each([
    ['an unchecksummed address', { ...base, contracts: [{ ...base.contracts[0]!, address: base.contracts[0]!.address.toLowerCase() }] }],
    ['a citation of an unlisted source', { ...base, contracts: [{ ...base.contracts[0]!, sources: ['nowhere'] }] }],
    ['no token entry', { ...base, contracts: base.contracts.filter((c) => c.role !== 'token') }],
    ['a contract listed twice', { ...base, contracts: [...base.contracts, base.contracts[1]!] }],
  ])('rejects %s', (_, value) => {
    expect(TokenControls.safeParse(value).success).toBe(false);
  });
});
