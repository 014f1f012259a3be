// What the EigenLayer fast path reads, from the cache: listed stakers only, staker entries up to two days old,
// per-set constants up to a week old, and an LST priced by a fresh live rate or left out. The three jobs share the
// refresh budget.
import { describe, expect, test } from 'vitest';
import { getToken, TOKENS } from '../../../../lib/registry';
import { key } from '../../../../lib/live/keys';
import { putFail, putOk, type Entries } from '../../../../lib/live/store';
import { ENUMERATION_BUDGET, MELLOW_VAULTS, SET_META_MAX_AGE_MS, SLASHING_BUDGET, STAKER_MAX_AGE_MS, exposurePlan, specsFor } from '../../../../lib/live/slashing-jobs';
import { REFRESH_BUDGET } from '../../../../lib/sources/chain-batch';
import { AT, call } from '../../../support/slashing-values';

const NOW = new Date(AT);
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const [S1, S2, S3] = ['0x00000000000000000000000000000000000004d1', '0x00000000000000000000000000000000000004d2', '0x00000000000000000000000000000000000004d3'] as const;
const entry = (staker: string) => ({ staker, operator: { value: null, source: call(`delegatedTo(${staker})`) }, shares: { value: {}, source: call(`getWithdrawableShares(${staker},[])`) } });
const kelp = [getToken('rseth')!];

function cache(): Entries {
  const e: Entries = {};
  putOk(e, key.elStakers('Kelp'), { protocol: 'Kelp', tokens: ['rseth'], verified: true, stakers: [S1, S2, S3].map((address) => ({ address, source: call('getNodeDelegatorQueue()') })) }, call('getNodeDelegatorQueue()'), AT);
  putOk(e, key.elStaker(S1), entry(S1), call('delegatedTo()'), ago(STAKER_MAX_AGE_MS));
  putOk(e, key.elStaker(S2), entry(S2), call('delegatedTo()'), ago(STAKER_MAX_AGE_MS + 1));
  putFail(e, key.elStaker(S3), 'revert', 'delegatedTo reverted', AT);
  return e;
}

describe('exposurePlan', () => {
  test('a token whose stakers are not listed yet is named, not read', () => {
    expect(exposurePlan(kelp, {}, NOW)).toMatchObject({ tokens: [], unlisted: ['rseth'] });
  });

  test('staker entries count up to two days old; a failed one stays a failure', () => {
    const p = exposurePlan(kelp, cache(), NOW);
    expect(p.tokens).toEqual([expect.objectContaining({ tokenId: 'rseth', stakers: [S1, S2, S3] })]);
    expect(Object.keys(p.stakerMap)).toEqual([S1, S3]);
    expect(p.stakerMap[S1]).toMatchObject({ ok: true });
    expect(p.stakerMap[S3]).toMatchObject({ ok: false, kind: 'revert' });
  });

  test('ETHx is priced by the fresh live rate in ETH, or left out', () => {
    const e = cache();
    const ethx = () => exposurePlan(kelp, e, NOW).tokens[0]!.strategies.find((s) => s.address === '0x9d7eD45EE2E8FC5482fa2428f15C971e6369011d')!.ethPerUnderlying;
    expect(ethx()).toBeNull();
    putOk(e, key.rate('ethx'), { rate: 1.04, unit: 'ETH' }, call('getExchangeRate()'), ago(30 * 60_000));
    expect(ethx()).toBe(1.04);
    putOk(e, key.rate('ethx'), { rate: 1.04, unit: 'ETH' }, call('getExchangeRate()'), ago(30 * 60_000 + 1));
    expect(ethx()).toBeNull();
  });

  test('per-set constants count up to a week old', () => {
    const e = cache();
    const meta = (id: number) => ({ avs: '0x00000000000000000000000000000000000a5001', id, redistributing: { value: false, source: call('isRedistributingOperatorSet(x)') }, slasher: { value: '0x0000000000000000000000000000000000005e70', source: call('s()') }, kind: 'no-veto', veto: null });
    putOk(e, key.elSet('0x00000000000000000000000000000000000a5001:1'), meta(1), call('s()'), ago(SET_META_MAX_AGE_MS));
    putOk(e, key.elSet('0x00000000000000000000000000000000000a5001:2'), meta(2), call('s()'), ago(SET_META_MAX_AGE_MS + 1));
    expect(Object.keys(exposurePlan(kelp, e, NOW).setMeta)).toEqual(['0x00000000000000000000000000000000000a5001:1']);
  });
});

test('the slashing jobs cover the issue’s tokens and share the refresh budget', () => {
  expect(SLASHING_BUDGET.stakers + SLASHING_BUDGET.exposure + SLASHING_BUDGET.vaults).toBeLessThanOrEqual(REFRESH_BUDGET);
  expect(ENUMERATION_BUDGET).toBeLessThan(SLASHING_BUDGET.stakers);
  expect(specsFor(TOKENS).flatMap((s) => s.tokens)).toEqual(expect.arrayContaining(['ezeth', 'rseth', 'weeth', 'pufeth']));
  for (const id of MELLOW_VAULTS) expect(getToken(id), id).toBeTruthy();
});
