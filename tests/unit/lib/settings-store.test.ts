// setField (lib/settings-store.ts), which the options page saves every control through: valid values are stored,
// values the schema would replace are refused and nothing is written, quick changes in a row are all kept, and
// settings written by a newer build are never overwritten.
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION } from '../../../lib/settings';
import { readSettings, setField, upgradeStoredSettings } from '../../../lib/settings-store';

const stored = async () => (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];

describe('setField', () => {
  beforeEach(() => fakeBrowser.reset());

  test('stores a valid value and returns the whole settings', async () => {
    const r = await setField('disabledSites', (s) => [...s, '127.0.0.1']);
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, disabledSites: ['127.0.0.1'] } });
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['127.0.0.1'] });
  });

  test.each<[string, () => ReturnType<typeof setField>]>([
    ['a site that is not a host name', () => setField('disabledSites', (s) => [...s, '<b>x</b>'])],
    ['an http RPC off this machine', () => setField('rpc', (r) => ({ ...r, 'eip155:1': ['http://rpc.example.org'] }))],
    ['an RPC that is not a URL', () => setField('rpc', (r) => ({ ...r, 'eip155:1': ['javascript:alert(1)'] }))],
    ['a depeg threshold out of range', () => setField('alerts', (a) => ({ ...a, depegPct: 25 }))],
    ['a refresh interval below 10 min', () => setField('refreshMinutes', () => 5)],
  ])('refuses %s and stores nothing', async (_label, save) => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, markLst: true } });
    expect(await save()).toEqual({ ok: false, reason: 'invalid' });
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, markLst: true });
  });

  test('changes in quick succession each start from the previous one', async () => {
    await Promise.all(['a.com', 'b.com', 'c.com'].map((site) => setField('disabledSites', (s) => [...s, site])));
    expect((await readSettings()).disabledSites).toEqual(['a.com', 'b.com', 'c.com']);
  });

  test('settings from a newer version are not overwritten', async () => {
    const newer = { ...DEFAULT_SETTINGS, version: SETTINGS_VERSION + 1, somethingNew: { keep: true } };
    await browser.storage.local.set({ [SETTINGS_KEY]: newer });
    expect(await setField('offline', () => true)).toEqual({ ok: false, reason: 'newer' });
    expect(await stored()).toEqual(newer);
  });

  test('older stored settings are upgraded on the first save, keeping the user’s choices', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { siteMode: 'only', onlySites: ['etherscan.io'], disabledSites: [], markLst: false } });
    const r = await setField('offline', () => true);
    expect(r.ok).toBe(true);
    expect(await stored()).toMatchObject({ version: SETTINGS_VERSION, siteMode: 'only', onlySites: ['etherscan.io'], offline: true });
  });
});

describe('upgradeStoredSettings', () => {
  beforeEach(() => fakeBrowser.reset());
  const v1 = { siteMode: 'all', disabledSites: ['x.com'], onlySites: [], markLst: true, offline: false, rpc: {} };

  test('rewrites a first-release value in the current version, keeping every choice', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: v1 });
    expect(await upgradeStoredSettings()).toBe(true);
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['x.com'], markLst: true });
    // Once current, nothing more to do.
    expect(await upgradeStoredSettings()).toBe(false);
  });

  test('leaves a newer version and an empty store alone', async () => {
    expect(await upgradeStoredSettings()).toBe(false);
    expect(await stored()).toBeUndefined();
    const newer = { ...DEFAULT_SETTINGS, version: SETTINGS_VERSION + 1, more: true };
    await browser.storage.local.set({ [SETTINGS_KEY]: newer });
    expect(await upgradeStoredSettings()).toBe(false);
    expect(await stored()).toEqual(newer);
  });

  test('a save that lands while the upgrade runs is not overwritten', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: v1 });
    // The first read sees v1; the options page saves before the upgrade writes.
    const get = browser.storage.local.get.bind(browser.storage.local);
    let reads = 0;
    browser.storage.local.get = (async (keys: Parameters<typeof get>[0]) => {
      const r = await get(keys);
      if (++reads === 1) await setField('disabledSites', (s) => [...s, 'y.com']);
      return r;
    }) as typeof browser.storage.local.get;
    try {
      expect(await upgradeStoredSettings()).toBe(false);
    } finally {
      browser.storage.local.get = get;
    }
    expect(await stored()).toMatchObject({ version: SETTINGS_VERSION, disabledSites: ['x.com', 'y.com'], markLst: true });
  });
});
