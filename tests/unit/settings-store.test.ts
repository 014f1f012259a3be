// setField (lib/settings-store.ts), which the options page saves every control through: valid values are stored,
// values the schema would replace are refused and nothing is written, quick changes in a row are all kept, and
// settings written by a newer build are never overwritten.
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, SETTINGS_VERSION } from '../../lib/settings';
import { readSettings, setField } from '../../lib/settings-store';

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
