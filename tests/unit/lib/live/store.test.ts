// The cache's slashing value schemas: a reader's result is kept as read and survives a storage round trip; a value
// out of shape or out of bounds never replaces the last good one.
import { describe, expect, test } from 'vitest';
import { key } from '../../../../lib/live/keys';
import { kindOf, parseEntries, putOk, type Entries } from '../../../../lib/live/store';
import { AT, call, exposure, vault } from '../../../support/slashing-values';

describe('slashing value schemas', () => {
  test('every slashing key has its kind', () => {
    expect([key.elStakers('Kelp'), key.elStaker('0xAB'), key.elSet('0xab:1'), key.elExposure('ezeth'), key.symNetworks('steaklrt'), key.symVault('steaklrt')].map(kindOf)).toEqual([
      'el-stakers',
      'el-staker',
      'el-set',
      'el-exposure',
      'sym-networks',
      'sym-vault',
    ]);
    expect(key.elStaker('0xABCD')).toBe('el-staker:0xabcd');
  });

  test('an exposure and a vault are kept as read and survive a round trip', () => {
    const e: Entries = {};
    putOk(e, key.elExposure('ezeth'), exposure(), call('x()'), AT);
    putOk(e, key.symVault('steaklrt'), vault(), call('x()'), AT);
    const back = parseEntries(JSON.parse(JSON.stringify(e)));
    expect(back.damaged).toEqual([]);
    expect(back.entries[key.elExposure('ezeth')]!.value).toEqual(exposure());
    expect(back.entries[key.symVault('steaklrt')]!.value).toEqual(vault());
  });

  test.each([
    ['a negative share', () => exposure({ slashablePct: -0.1 })],
    ['an AVS that is not an address', () => exposure({ largestAvs: { avs: 'eigen-da' as `0x${string}`, pct: 1, sets: 1 } })],
    ['a block that is not a number', () => exposure({ block: 'latest' })],
    ['an HHI above 1', () => exposure({ operatorHhi: 1.5 })],
  ])('%s is refused and the last good value stays', (_, bad) => {
    const e: Entries = {};
    putOk(e, key.elExposure('ezeth'), exposure(), call('x()'), AT);
    putOk(e, key.elExposure('ezeth'), bad(), call('x()'), '2026-11-25T13:00:00.000Z');
    expect(e[key.elExposure('ezeth')]).toMatchObject({ okAt: AT, error: { kind: 'implausible' } });
  });

  test('a vault with a subnetwork that is not 32 bytes is refused', () => {
    const e: Entries = {};
    const v = vault();
    putOk(e, key.symVault('steaklrt'), { ...v, networks: [{ ...v.networks[0]!, subnetwork: '0x1234' }] }, call('x()'), AT);
    expect(e[key.symVault('steaklrt')]).toMatchObject({ value: null, error: { kind: 'implausible' } });
  });
});
