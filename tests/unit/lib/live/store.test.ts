// The cache's slashing value schemas: a reader's result is kept as read and survives a storage round trip; a value
// out of shape or out of bounds never replaces the last good one.
import { describe, expect, test } from 'vitest';
import { key } from '../../../../lib/live/keys';
import { kindOf, parseEntries, putOk, type Entries } from '../../../../lib/live/store';
import { AT, call, exposure, vault } from '../../../support/slashing-values';
import { chainSource } from '../../../../lib/provenance';

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

// The cache's value schemas for the exit quote and the redemption read: what the jobs store is kept, an entry
// stored before the full quote still reads, an absurd value is refused and the last good one kept.
const at = '2026-12-01T20:00:00.000Z';
const src = chainSource('eip155:1', '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c', 'paused()', 100n, at);
const read = { protocol: 'ether.fi', open: true, instant: { eth: 320, feePct: null }, queue: { requests: 35, aheadEth: 1235 }, delayDays: null, estimate: 'Redeem instantly up to 320 ETH at once.', sources: [src], block: '100' };
const sellable = { '2': { size: 1500, basis: 'interpolated', venue: 'v' }, '5': { size: 9000, basis: 'interpolated', venue: 'v' } };
const quote = { venue: 'v', impactPct: { '10': 0.1 }, bestVenue: { '10': 'v' }, sellable, denomination: 'ETH', reported: [10, 100, 1000], venues: [{ venue: 'v', exitAsset: 'ETH', impactPct: { '10': 0.1 }, sellable, source: src }], skipped: [{ venue: 'w', reason: 'the reference quote reverted' }] };

describe('exit and redemption values', () => {
  test('a full quote and a redemption read are stored and read back', () => {
    const e: Entries = {};
    putOk(e, 'exit:weeth', quote, src, at);
    putOk(e, 'redemption:weeth', read, src, at);
    const back = parseEntries(JSON.parse(JSON.stringify(e)));
    expect(back.damaged).toEqual([]);
    expect(back.entries['exit:weeth']!.value).toEqual(quote);
    expect(back.entries['redemption:weeth']!.value).toEqual(read);
  });
  test('an exit entry stored before the full quote (venue and impact only) still reads', () => {
    const old = { 'exit:weeth': { value: { venue: 'v', impactPct: { '1000': 0.4 } }, okAt: at, source: src, error: null } };
    expect(parseEntries(old)).toMatchObject({ damaged: [], entries: { 'exit:weeth': { value: { venue: 'v' } } } });
  });
  test.each([
    ['a negative queue', { ...read, queue: { requests: 1, aheadEth: -5 } }],
    ['a fee over 100%', { ...read, instant: { eth: 1, feePct: 101 } }],
    ['a source that is not a chain read', { ...read, sources: [{ kind: 'doc', url: 'https://x.org', title: 't' }] }],
  ])('the redemption read with %s is refused; the last good value stays', (_l, bad) => {
    const e: Entries = {};
    putOk(e, 'redemption:weeth', read, src, at);
    putOk(e, 'redemption:weeth', bad, src, '2026-12-01T21:00:00.000Z');
    expect(e['redemption:weeth']).toMatchObject({ value: read, okAt: at, error: { kind: 'implausible' } });
  });
});
