import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, enabledFor, hostInSite, parseSettings, siteOf } from '../../lib/settings';
import { detectConfig } from '../../lib/registry/detect-config';
import { TOKENS } from '../../lib/registry';
import { MISNOMERS } from '../../lib/registry/misnomers';
import { luminance } from '../../entrypoints/lens.content/scheme';

describe('settings', () => {
  test('damaged or missing values fall back field by field', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ siteMode: 'sometimes', disabledSites: ['x.com'], markLst: 'yes' })).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['x.com'] });
    expect(parseSettings({ disabledSites: ['<script>'] }).disabledSites).toEqual([]);
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
