import { describe, expect, test } from 'vitest';
import { configFor, NOTHING, pageOf, policyFor, readPolicy } from '../../../lib/page-policy';
import { detectConfig } from '../../../lib/registry/detect-config';
import { TOKENS } from '../../../lib/registry';
import { MISNOMERS } from '../../../lib/registry/misnomers';
import { DEFAULT_SETTINGS, enabledFor } from '../../../lib/settings';

const DETECT = detectConfig(TOKENS, MISNOMERS, { markLst: false });
const V = '1.2.3';

describe('page policy (what a top frame reads before its first scan)', () => {
  test('round-trips through storage (JSON) and gives the answer page:config gives', () => {
    const choices = [
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, disabledSites: ['etherscan.io'] },
      { ...DEFAULT_SETTINGS, siteMode: 'only' as const, onlySites: ['app.pendle.finance'] },
    ];
    const urls = ['https://etherscan.io/token/0x1', 'https://www.etherscan.io/', 'https://app.pendle.finance/trade', 'http://127.0.0.1:8080/x', 'https://x.com/home'];
    for (const s of choices) {
      const stored = readPolicy(JSON.parse(JSON.stringify(policyFor(s, DETECT, V))), V);
      expect(stored).not.toBeNull();
      for (const url of urls) {
        const enabled = enabledFor(s, url);
        expect(configFor(stored!, url), `${s.siteMode} ${url}`).toEqual({ enabled, detect: enabled ? DETECT : NOTHING });
      }
    }
  });

  test('a policy from another version, or of another shape, is not read (the frame asks the background)', () => {
    const good = JSON.parse(JSON.stringify(policyFor(DEFAULT_SETTINGS, DETECT, V)));
    expect(readPolicy(good, '1.2.4')).toBeNull();
    for (const bad of [
      null,
      'x',
      { ...good, siteMode: 'some' },
      { ...good, disabledSites: 'a.com' },
      { ...good, onlySites: [1] },
      { ...good, detect: null },
      { ...good, detect: { ...good.detect, tokens: [{ id: 'ezeth', symbol: 'ezETH' }] } },
      { ...good, detect: { ...good.detect, addresses: [{ id: 'ezeth' }] } },
      { ...good, detect: { ...good.detect, misnomers: 'keth' } },
    ]) {
      expect(readPolicy(bad, V)).toBeNull();
    }
  });

  test('which address a frame decides on: its own at the top, its top page origin where the browser says it, else none', () => {
    const w = (href: string, ancestors?: string[]) => ({ location: { href, ...(ancestors ? { ancestorOrigins: Object.assign([...ancestors], { length: ancestors.length }) } : {}) } });
    expect(pageOf(w('https://app.pendle.finance/trade'), true)).toBe('https://app.pendle.finance/trade');
    expect(pageOf(w('https://widget.example/x', ['https://mid.example', 'https://etherscan.io']), false)).toBe('https://etherscan.io');
    // Firefox: no ancestorOrigins. Chromium with a hidden referrer: "null". An extension page at the top: not a site.
    expect(pageOf(w('https://widget.example/x'), false)).toBeNull();
    expect(pageOf(w('https://widget.example/x', ['null']), false)).toBeNull();
    expect(pageOf(w('https://widget.example/x', []), false)).toBeNull();
    expect(pageOf(w('https://widget.example/x', ['chrome-extension://abc']), false)).toBeNull();
  });
});
