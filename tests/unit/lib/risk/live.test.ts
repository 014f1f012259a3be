// The Slashing petal with live inputs: a fresh chain read is judged by judgeSlashingLive (method `live`, its calls
// as links, per-staker calls capped), an unverified staker list is never green, and without a fresh read the
// curated rule applies. The method version is lrt-v0.2.
import { describe, expect, test } from 'vitest';
import { getToken } from '../../../../lib/registry';
import { FRESH_MIN, tokenLive } from '../../../../lib/live/facts';
import { key } from '../../../../lib/live/keys';
import { putOk, type Entries } from '../../../../lib/live/store';
import { MAX_STAKER_LINKS, keySources, liveRisk, rateWith } from '../../../../lib/risk/live';
import { judgeSlashing } from '../../../../lib/risk/rate';
import { METHOD_VERSION } from '../../../../lib/risk/types';
import { AT, call, exposure, vault } from '../../../support/slashing-values';

const NOW = new Date(AT);
const petal = (id: string, e: Entries, now = NOW) => {
  const t = getToken(id)!;
  return rateWith(t, now, { live: tokenLive(t, e, now), offline: false }).petals.find((p) => p.id === 'slashing')!;
};
const withExposure = (tokenId: string, over: Parameters<typeof exposure>[0] = {}) => {
  const e: Entries = {};
  putOk(e, key.elExposure(tokenId), { ...exposure(over), tokenId }, call('getMinimumSlashableStake(x)'), AT);
  return e;
};

test('the method is lrt-v0.2', () => expect(METHOD_VERSION).toBe('lrt-v0.2'));

describe('the Slashing petal from a fresh chain read', () => {
  test('judged live: level and fact from the read, its calls as links', () => {
    const p = petal('rseth', withExposure('rseth'));
    expect(p).toMatchObject({ method: 'live', asOf: AT, verified: true, level: 'bad', fact: 'Stake is concentrated in few operators (HHI 0.52, over 0.25).' });
    expect(p.links!.map((s) => (s.kind === 'chain' ? s.function : ''))).toEqual(expect.arrayContaining([expect.stringMatching(/^getMinimumSlashableStake/), expect.stringMatching(/^getSlasher/)]));
  });

  test('per-staker calls past a few are left out of the links', () => {
    const links = liveRisk(getToken('rseth')!, tokenLive(getToken('rseth')!, withExposure('rseth'), NOW)).slashing!.links;
    const perStaker = links.filter((s) => s.kind === 'chain' && /^(delegatedTo|getWithdrawableShares)\(/.test(s.function));
    expect(perStaker).toHaveLength(MAX_STAKER_LINKS);
    expect(keySources(exposure().sources)).toHaveLength(exposure().sources.length - 20 + MAX_STAKER_LINKS);
  });

  test('green needs a verified staker list: Renzo’s is not, so a green read is grey', () => {
    const green = { operatorHhi: 0.1, slashablePct: 5, slashableEth: 5, pendingIncreasePct: 0 };
    expect(petal('rseth', withExposure('rseth', green))).toMatchObject({ level: 'good', method: 'live' });
    expect(petal('ezeth', withExposure('ezeth', green))).toMatchObject({ level: 'unknown', method: 'live', verified: false, fact: expect.stringContaining('(staker contract list unverified)') });
    // A warning stands even when unverified.
    expect(petal('ezeth', withExposure('ezeth', { ...green, slashablePct: 20 }))).toMatchObject({ level: 'warning', verified: false });
  });

  test('a partial read is grey, live', () => {
    expect(petal('rseth', withExposure('rseth', { complete: false, missing: ['staker 0x1: not in the staker map yet'] }))).toMatchObject({ level: 'unknown', method: 'live' });
  });

  test('a Mellow vault is judged on its largest network and the sum of its limits', () => {
    const e: Entries = {};
    putOk(e, key.symVault('steaklrt'), vault({ largestNetworkPct: 40, sumOfLimitsPct: 120 }), call('networkLimit(x)'), AT);
    expect(petal('steaklrt', e)).toMatchObject({ level: 'warning', method: 'live', fact: 'One network can slash 40% of the stake (10–50%).' });
    putOk(e, key.symVault('steaklrt'), vault({ largestNetworkPct: 8, sumOfLimitsPct: 100.01 }), call('networkLimit(x)'), AT);
    expect(petal('steaklrt', e).fact).toMatch(/add up to 100%/);
  });

  test('past its time-to-live the curated rule applies again', () => {
    const later = new Date(NOW.getTime() + FRESH_MIN.slashing * 60_000 + 1);
    const p = petal('rseth', withExposure('rseth'), later);
    expect(p.method).toBe('curated');
    expect(p.fact).toContain(judgeSlashing(getToken('rseth')!).fact.slice(0, 30));
  });

  test('a slower refresh interval keeps the read judged for three of its periods', () => {
    const t = getToken('rseth')!;
    const later = new Date(NOW.getTime() + 5 * 3_600_000);
    const p = rateWith(t, later, { live: tokenLive(t, withExposure('rseth'), later, undefined, { refreshMinutes: 1440 }), offline: false }).petals[0]!;
    expect(p).toMatchObject({ id: 'slashing', method: 'live', level: 'bad' });
  });

  test('offline mode uses no live read', () => {
    const t = getToken('rseth')!;
    expect(rateWith(t, NOW, { live: tokenLive(t, withExposure('rseth'), NOW), offline: true }).petals[0]!.method).toBe('curated');
  });
});
