// The cache's value schemas for the exit quote and the redemption read: what the jobs store is kept, an entry
// stored before the full quote still reads, an absurd value is refused and the last good one kept.
import { describe, expect, test } from 'vitest';
import { parseEntries, putOk, type Entries } from '../../../../lib/live/store';
import { chainSource } from '../../../../lib/provenance';

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
