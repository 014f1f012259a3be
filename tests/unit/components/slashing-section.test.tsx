import { describe, expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { SlashingSection } from '../../../components/slashing-section';
import { TokenCard } from '../../../components/token-card';
import { getToken, REGISTRY_VERSION } from '../../../lib/registry';
import { tokenLive } from '../../../lib/live/facts';
import { key } from '../../../lib/live/keys';
import { putOk, type Entries } from '../../../lib/live/store';
import { toCardView } from '../../../lib/views/build';
import { slashingView } from '../../../lib/views/slashing';
import { AT, call, exposure } from '../../support/slashing-values';

const NOW = new Date(AT);
const cache = (tokenId: string, over: Parameters<typeof exposure>[0] = {}): Entries => {
  const e: Entries = {};
  putOk(e, key.elExposure(tokenId), { ...exposure(over), tokenId }, call('getMinimumSlashableStake(x)'), AT);
  return e;
};
const sectionOf = (id: string, e: Entries, detail = false, now = NOW) => {
  const t = getToken(id)!;
  return renderToStaticMarkup(<SlashingSection view={slashingView(t, tokenLive(t, e, now), false)!} detail={detail} now={now} />);
};

describe('SlashingSection', () => {
  test('sentence first, with layer, block and age; then the figures with their links', () => {
    const html = sectionOf('rseth', cache('rseth'));
    expect(html.indexOf("Up to 12% of rsETH&#x27;s backing")).toBeLessThan(html.indexOf('data-slashing-figure="slashable"'));
    expect(html).toContain('(EigenLayer, block 21,000,000, live, 0 min ago)');
    expect(html).toContain('href="https://etherscan.io/address/');
    expect(html).not.toContain('data-slashing-calls');
    expect(sectionOf('rseth', cache('rseth'), true)).toContain('data-slashing-calls');
  });

  test('unverified staker list, partial read, stale read', () => {
    expect(sectionOf('ezeth', cache('ezeth'))).toContain('unverified');
    expect(sectionOf('rseth', cache('rseth', { complete: false, missing: ['a', 'b'] }))).toContain('Partial read: 2 calls failed or did not fit');
    const stale = sectionOf('rseth', cache('rseth'), false, new Date(NOW.getTime() + 4 * 3_600_000));
    expect(stale).toContain('data-fresh="false"');
    expect(stale).toContain('last good value, 4 h ago');
  });

  test('the card shows it in its Slashing section, above the curated line', () => {
    const t = getToken('rseth')!;
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view: toCardView(t, REGISTRY_VERSION, NOW, { live: tokenLive(t, cache('rseth'), NOW), offline: false }) }} titleId="t" />);
    expect(html).toMatch(/<section[^>]*data-slashing=""[^>]*>.*data-slashing-live="read"/s);
  });
});
