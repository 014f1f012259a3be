// APY from rate samples over simulated days: a rate growing at a known yearly rate is read every hour, the store
// keeps a few samples a day in one record per token, and the figure appears only once 7 days are covered.
import { describe, expect, test } from 'vitest';
import { FRESH_MS, KEEP_DAYS, MIN_DAYS, SLOT_MS, addSample, apyFromSamples, rateSampleStore, sampleKey, type KeyValueBackend, type RateSample } from '../../../../lib/live/rate-apy';

const DAY = 86_400_000;
const T0 = Date.parse('2026-10-01T00:00:00Z');

/** A key-value backend over a Map that counts writes per key, as storage.local or an IndexedDB store would see them. */
function mapBackend() {
  const data = new Map<string, unknown>();
  const writes = new Map<string, number>();
  const backend: KeyValueBackend = {
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => {
      data.set(k, structuredClone(v));
      writes.set(k, (writes.get(k) ?? 0) + 1);
    },
  };
  return { backend, data, writes };
}

/** A rate compounding at `apyPct` a year from 1.0 at T0. */
const rateAt = (t: number, apyPct: number) => Math.pow(1 + apyPct / 100, (t - T0) / (365 * DAY));

async function simulate(days: number, apyPct: number, everyMs = 3_600_000, tokenId = 'egeth') {
  const b = mapBackend();
  const store = rateSampleStore(b.backend);
  for (let t = T0; t <= T0 + days * DAY; t += everyMs) await store.record(tokenId, { t, rate: rateAt(t, apyPct) }, t);
  return { ...b, store, end: T0 + days * DAY };
}

describe('APY from the on-chain rate', () => {
  test('40 days of hourly reads: 4 samples a day kept, 31 days, and 3.5% recovered over 30 days', async () => {
    const { store, end, writes } = await simulate(40, 3.5);
    const s = await store.samples('egeth');
    expect(s.length).toBeLessThanOrEqual(KEEP_DAYS * 4 + 1);
    expect(s.length).toBeGreaterThanOrEqual(KEEP_DAYS * 4 - 1);
    // One write per kept sample, not one per read.
    expect(writes.get(sampleKey('egeth'))).toBe(Math.floor((40 * DAY) / SLOT_MS) + 1);
    const apy = await store.apy('egeth', end);
    expect(apy).toMatchObject({ ok: true, basis: 'computed from the on-chain rate over 30 days' });
    if (!apy.ok) throw new Error(apy.message);
    expect(apy.apyPct).toBeCloseTo(3.5, 6);
    expect(apy.days).toBeCloseTo(30, 0);
  });

  test.each([
    [6.9, false],
    [7, true],
    [12, true],
  ])('after %s days of samples a figure is shown: %s', async (days, shown) => {
    const { store, end } = await simulate(days, 5, SLOT_MS);
    const apy = await store.apy('egeth', end);
    expect(apy.ok).toBe(shown);
    if (apy.ok) {
      expect(apy.apyPct).toBeCloseTo(5, 6);
      expect(apy.basis).toBe(`computed from the on-chain rate over ${Math.round(days)} days`);
    } else expect(apy).toMatchObject({ reason: 'too-few-days', message: expect.stringContaining(`${MIN_DAYS} are needed`) });
  });

  test('a stale newest sample gives no current figure', async () => {
    const { store, end } = await simulate(10, 4, SLOT_MS);
    expect((await store.apy('egeth', end + FRESH_MS)).ok).toBe(true);
    expect(await store.apy('egeth', end + FRESH_MS + 60_000)).toMatchObject({ ok: false, reason: 'stale' });
  });

  test('a falling rate (a loss) is shown as a negative APY, not hidden', async () => {
    const { store, end } = await simulate(14, -2, SLOT_MS);
    const apy = await store.apy('egeth', end);
    if (!apy.ok) throw new Error(apy.message);
    expect(apy.apyPct).toBeCloseTo(-2, 6);
  });

  test('absurd rates, future times and a second sample in the same slot are not kept', () => {
    const now = T0 + 10 * DAY;
    const base: readonly RateSample[] = [{ t: T0, rate: 1 }];
    expect(addSample(base, { t: T0 + 60_000, rate: 1.1 }, now)).toBe(base);
    expect(addSample(base, { t: T0 + SLOT_MS, rate: Number.NaN }, now)).toBe(base);
    expect(addSample(base, { t: T0 + SLOT_MS, rate: 0 }, now)).toBe(base);
    expect(addSample(base, { t: now + DAY, rate: 1 }, now)).toBe(base);
    expect(addSample(base, { t: T0 + SLOT_MS, rate: 1.0001 }, now)).toHaveLength(2);
    expect(apyFromSamples([], now)).toMatchObject({ ok: false, reason: 'no-samples' });
  });

  test('tokens are kept in separate records; a damaged record reads as empty and is rebuilt', async () => {
    const { backend, data, writes } = mapBackend();
    const store = rateSampleStore(backend);
    await store.record('egeth', { t: T0, rate: 1 }, T0);
    await store.record('pzeth', { t: T0, rate: 1.02 }, T0);
    expect(writes.get(sampleKey('egeth'))).toBe(1);
    expect([...data.keys()].sort()).toEqual([sampleKey('egeth'), sampleKey('pzeth')]);
    data.set(sampleKey('egeth'), { v: 1, s: 'garbage' });
    expect(await store.samples('egeth')).toEqual([]);
    expect(await store.samples('pzeth')).toEqual([{ t: T0, rate: 1.02 }]);
    await store.record('egeth', { t: T0 + SLOT_MS, rate: 1.001 }, T0 + SLOT_MS);
    expect(await store.samples('egeth')).toEqual([{ t: T0 + SLOT_MS, rate: 1.001 }]);
  });

  test('a token’s 31 days stay small', async () => {
    const { data } = await simulate(40, 3.5, SLOT_MS);
    expect(JSON.stringify(data.get(sampleKey('egeth'))).length).toBeLessThan(4_000);
  });
});
