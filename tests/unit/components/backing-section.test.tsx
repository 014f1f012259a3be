import { describe, expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { BackingSection } from '../../../components/backing-section';
import { TokenCard } from '../../../components/token-card';
import { getToken, REGISTRY_VERSION } from '../../../lib/registry';
import { tokenLive } from '../../../lib/live/facts';
import { key } from '../../../lib/live/keys';
import { putOk, type Entries } from '../../../lib/live/store';
import { toCardView } from '../../../lib/views/build';
import { backingView } from '../../../lib/views/backing';
import { AT, DVNS, WEETH_ADAPTER, etherfiMix, routes } from '../../support/backing-values';

const NOW = new Date(AT);
function cache(): Entries {
  const e: Entries = {};
  const m = etherfiMix();
  putOk(e, key.backing('weeth'), m, m.sources[0]!, AT);
  const r = routes(WEETH_ADAPTER, [[30184, DVNS.two]]);
  putOk(e, key.lzRoutes('weeth'), r, r.routes[0]!.config, AT);
  return e;
}
const section = (e: Entries, detail = false, now = NOW) => {
  const t = getToken('weeth')!;
  return renderToStaticMarkup(<BackingSection view={backingView(t, tokenLive(t, e, now), false)!} detail={detail} now={now} />);
};

describe('BackingSection', () => {
  test('sentence first with block and age, then the mix with amounts, shares and links, then the routes', () => {
    const html = section(cache());
    expect(html.indexOf('weETH is backed by 2,500,000 ETH')).toBeLessThan(html.indexOf('data-backing-mix'));
    expect(html).toContain('(block 24,000,000, live, 0 min ago)');
    expect(html).toContain('<strong>stETH</strong>: 100,000 ETH, 4% (staking token)');
    expect(html).toContain('2,400,000 ETH, 96% (native, the total minus the parts read)');
    expect(html).toContain('<strong>Base → Ethereum</strong>: 2 verifiers (LayerZero Labs, Nethermind), 15 confirmations');
    expect(html).toContain('href="https://etherscan.io/address/');
    expect(html).not.toContain('config delegate');
    expect(section(cache(), true)).toContain('config delegate 0x00000000000000000000000000000000005afe01');
  });

  test('a stale read says so', () => {
    expect(section(cache(), false, new Date(NOW.getTime() + 4 * 3_600_000))).toContain('last good value, 4 h ago');
  });

  test('the card shows the section with the live Backing petal', () => {
    const t = getToken('weeth')!;
    const v = toCardView(t, REGISTRY_VERSION, NOW, { live: tokenLive(t, cache(), NOW), offline: false });
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view: v }} titleId="t" />);
    expect(html).toContain('data-backing=""');
    expect(v.rating.petals.find((p) => p.id === 'backing')).toMatchObject({ level: 'good', method: 'live' });
  });
});
