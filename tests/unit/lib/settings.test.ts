import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, enabledFor, hostInSite, migrateSettings, MIGRATIONS, needsUpgrade, parseSettings, SETTINGS_VERSION, siteOf } from '../../../lib/settings';
import { detectConfig } from '../../../lib/registry/detect-config';
import { TOKENS } from '../../../lib/registry';
import { MISNOMERS } from '../../../lib/registry/misnomers';
import { luminance } from '../../../entrypoints/lens.content/scheme';

describe('settings', () => {
  test('damaged or missing values fall back field by field', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ siteMode: 'sometimes', disabledSites: ['x.com'], markLst: 'yes' })).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['x.com'] });
    expect(parseSettings({ disabledSites: ['<script>'] }).disabledSites).toEqual([]);
  });

  test('migration 1 -> 2: an unversioned first-release value keeps every choice and gains the new fields', () => {
    // Exactly what the first release stored (no version field).
    const v1 = {
      siteMode: 'only',
      disabledSites: ['x.com'],
      onlySites: ['etherscan.io', 'app.pendle.finance'],
      markLst: true,
      offline: true,
      rpc: { 'eip155:1': ['https://rpc.example.org/key'] },
    };
    expect(MIGRATIONS[1]!(v1)).toEqual({ ...v1, version: 2, refreshMinutes: 10, alerts: { depegPct: 1, watched: [] } });
    expect(migrateSettings(v1)).toMatchObject({ from: 1, newer: false });
    expect(parseSettings(v1)).toEqual({ ...v1, version: 2, refreshMinutes: 10, alerts: { depegPct: 1, watched: [] } });
    expect(needsUpgrade(v1)).toBe(true);
    // A damaged v1 field still falls back alone.
    expect(parseSettings({ ...v1, markLst: 'yes' }).markLst).toBe(false);
    expect(parseSettings({ ...v1, markLst: 'yes' }).onlySites).toEqual(v1.onlySites);
  });

  test('every version below the current one has a migration step', () => {
    for (let v = 1; v < SETTINGS_VERSION; v++) expect(MIGRATIONS[v], `migration ${v} -> ${v + 1}`).toBeTypeOf('function');
  });

  test('current values are not rewritten; newer ones are read but never written back', () => {
    const v2 = { ...DEFAULT_SETTINGS, alerts: { depegPct: 2.5, watched: ['ezeth', 'weeth'] }, refreshMinutes: 60 };
    expect(parseSettings(v2)).toEqual(v2);
    expect(needsUpgrade(v2)).toBe(false);
    expect(needsUpgrade(undefined)).toBe(false);
    const v9 = { ...v2, version: 9, somethingNew: { a: 1 } };
    expect(migrateSettings(v9)).toMatchObject({ from: 9, newer: true });
    expect(needsUpgrade(v9)).toBe(false);
    expect(parseSettings(v9)).toEqual({ ...v2, version: SETTINGS_VERSION });
    // A version that is not a version: damaged, read field by field, and rewritten.
    expect(needsUpgrade({ version: 'two', markLst: true })).toBe(true);
    expect(parseSettings({ version: 'two', markLst: true }).markLst).toBe(true);
    expect(parseSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
  });

  test('alert and refresh fields fall back on their own', () => {
    const s = parseSettings({ version: 2, refreshMinutes: 1, alerts: { depegPct: 0, watched: ['ezeth', 'BAD ID'] } });
    expect(s.refreshMinutes).toBe(10);
    expect(s.alerts).toEqual({ depegPct: 1, watched: [] });
    expect(parseSettings({ version: 2, alerts: { depegPct: 3, watched: 'ezeth' } }).alerts).toEqual({ depegPct: 3, watched: [] });
    expect(parseSettings({ version: 2, alerts: null }).alerts).toEqual({ depegPct: 1, watched: [] });
  });

  test('sites are host names; subdomains belong to their site', () => {
    expect(siteOf('https://www.Example.com/path?q=1')).toBe('www.example.com');
    expect(siteOf('app.pendle.finance')).toBe('app.pendle.finance');
    expect(siteOf('javascript:alert(1)')).toBeNull();
    expect(siteOf('  ')).toBeNull();
    expect(hostInSite('www.x.com', 'x.com')).toBe(true);
    expect(hostInSite('x.com', 'www.x.com')).toBe(true);
    expect(hostInSite('notx.com', 'x.com')).toBe(false);
  });

  test('per-site off switch and "only these sites" mode', () => {
    const off = { ...DEFAULT_SETTINGS, disabledSites: ['x.com'] };
    expect(enabledFor(off, 'https://x.com/home')).toBe(false);
    expect(enabledFor(off, 'https://pro.x.com/')).toBe(false);
    expect(enabledFor(off, 'https://etherscan.io/token/0x1')).toBe(true);
    const only = { ...DEFAULT_SETTINGS, siteMode: 'only' as const, onlySites: ['etherscan.io', 'app.pendle.finance'] };
    expect(enabledFor(only, 'https://etherscan.io/')).toBe(true);
    expect(enabledFor(only, 'https://app.pendle.finance/trade')).toBe(true);
    expect(enabledFor(only, 'https://x.com/')).toBe(false);
    expect(enabledFor(DEFAULT_SETTINGS, undefined)).toBe(false);
  });

  test('liquid staking tokens are sent to pages only when the user asks for them', () => {
    const rt = detectConfig(TOKENS, MISNOMERS, { markLst: false });
    const all = detectConfig(TOKENS, MISNOMERS, { markLst: true });
    expect(rt.tokens.map((t) => t.symbol)).not.toContain('wstETH');
    expect(rt.addresses.some((a) => a.id === 'wsteth')).toBe(false);
    expect(all.tokens.map((t) => t.symbol)).toContain('wstETH');
    expect(rt.misnomers.map((m) => m.id).sort()).toEqual(['misnomer-babylonbtc', 'misnomer-eigeneth', 'misnomer-keth', 'misnomer-rzeth']);
  });
});

describe('page colour scheme', () => {
  test('luminance of computed colours', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgb(0, 0, 0)')).toBe(0);
    expect(luminance('rgba(0, 0, 0, 0)')).toBeNull();
    expect(luminance('rgb(21 32 43 / 1)')).toBeLessThan(0.2);
    expect(luminance('transparent')).toBeNull();
  });
});
