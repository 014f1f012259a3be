// TokenLive's slashing read: which cache key a token's read comes from (EigenLayer staker specs, Mellow vaults),
// fresh up to three hourly periods and stale one millisecond later, its sources the read's own calls, and whether
// the staker list behind it is verified.
import { describe, expect, test } from 'vitest';
import { getToken } from '../../../../lib/registry';
import { FRESH_MIN, tokenLive } from '../../../../lib/live/facts';
import { key } from '../../../../lib/live/keys';
import { putOk, type Entries } from '../../../../lib/live/store';
import { AT, call, exposure, vault } from '../../../support/slashing-values';

const at = (ms: number) => new Date(Date.parse(AT) + ms);
const TTL_MS = FRESH_MIN.slashing * 60_000;

function cache(): Entries {
  const e: Entries = {};
  putOk(e, key.elExposure('ezeth'), exposure(), call('getMinimumSlashableStake(x)'), AT);
  putOk(e, key.symVault('steaklrt'), vault(), call('networkLimit(x)'), AT);
  return e;
}

describe('tokenLive(…).slashing', () => {
  test('an EigenLayer token reads its exposure key, with every call of the read as its sources', () => {
    const l = tokenLive(getToken('ezeth')!, cache(), at(0));
    expect(l.slashing).toMatchObject({ fresh: true, okAt: AT, failing: [], value: { layer: 'EigenLayer', protocol: 'Renzo', verified: false } });
    expect(l.slashing!.sources).toEqual(exposure().sources);
  });

  test('a verified staker list makes the read verified; the spec decides while no list is cached', () => {
    const e = cache();
    putOk(e, key.elExposure('rseth'), { ...exposure(), tokenId: 'rseth' }, call('getMinimumSlashableStake(x)'), AT);
    expect(tokenLive(getToken('rseth')!, e, at(0)).slashing?.value).toMatchObject({ protocol: 'Kelp', verified: true });
    putOk(e, key.elStakers('Kelp'), { protocol: 'Kelp', tokens: ['rseth'], verified: false, stakers: [] }, call('getNodeDelegatorQueue()'), AT);
    expect(tokenLive(getToken('rseth')!, e, at(0)).slashing?.value).toMatchObject({ verified: false });
  });

  test('fresh at three periods, stale one millisecond later', () => {
    expect(tokenLive(getToken('ezeth')!, cache(), at(TTL_MS)).slashing?.fresh).toBe(true);
    expect(tokenLive(getToken('ezeth')!, cache(), at(TTL_MS + 1)).slashing?.fresh).toBe(false);
  });

  test('a Mellow vault reads its Symbiotic key', () => {
    expect(tokenLive(getToken('steaklrt')!, cache(), at(0)).slashing?.value).toMatchObject({ layer: 'Symbiotic', verified: true });
  });

  test('no read yet: null, and the key is listed as missing; a token with no reader has no key at all', () => {
    const l = tokenLive(getToken('pufeth')!, cache(), at(0));
    expect(l.slashing).toBeNull();
    expect(l.missing).toContain(key.elExposure('pufeth'));
    const b = tokenLive(getToken('lbtc')!, cache(), at(0));
    expect(b.slashing).toBeNull();
    expect(b.missing.some((k) => k.startsWith('el-') || k.startsWith('sym-'))).toBe(false);
  });
});
