import { describe, expect, test } from 'vitest';
import { getToken } from '../../../../lib/registry';
import { tokenLive } from '../../../../lib/live/facts';
import { key } from '../../../../lib/live/keys';
import { putOk, type Entries } from '../../../../lib/live/store';
import { backingView } from '../../../../lib/views/backing';
import { BackingLiveView } from '../../../../lib/views/schema';
import { AT, DVNS, WEETH_ADAPTER, etherfiMix, routes } from '../../../support/backing-values';

const NOW = new Date(AT);
const view = (id: string, e: Entries, offline = false, now = NOW) => {
  const t = getToken(id)!;
  return backingView(t, tokenLive(t, e, now), offline);
};

function cache(): Entries {
  const e: Entries = {};
  const m = etherfiMix();
  putOk(e, key.backing('weeth'), m, m.sources[0]!, AT);
  const r = routes(WEETH_ADAPTER, [[30184, DVNS.two], [30111, DVNS.one]], [30183]);
  putOk(e, key.lzRoutes('weeth'), r, r.routes[0]!.config, AT);
  return e;
}

describe('backingView', () => {
  test('the sentence names the total, the native share and the layered share; the mix keeps each asset’s calls', () => {
    const v = BackingLiveView.parse(view('weeth', cache()));
    expect(v.state).toBe('read');
    expect(v.sentence).toBe("weETH is backed by 2,500,000 ETH in ether.fi's contracts: 96% native ETH; 4% is itself a staking token (stETH).");
    expect(v.mix!.assets.map((a) => [a.label, a.pct])).toEqual([['ETH (validators and pool)', 96], ['stETH', 4]]);
    expect(v.mix!.assets[1]!.sources[0]).toMatchObject({ kind: 'chain', function: 'getTotalPooledEther(0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84)' });
    expect(v.specSources.map((s) => s.kind === 'doc' && s.commit)).toContain('b4a0968087b178bc346cdf6bee6c0597bf4c42c7');
  });

  test('routes weakest first, with curated labels, DVN names and the unread ones with why', () => {
    const r = view('weeth', cache())!.routes!;
    expect(r.items.map((x) => [x.label, x.minVerifiers, x.verifiers])).toEqual([
      ['Optimism → Ethereum', 1, ['LayerZero Labs']],
      ['Base → Ethereum', 2, ['LayerZero Labs', 'Nethermind']],
    ]);
    expect(r.unread).toEqual([{ label: 'Linea → Ethereum', reason: 'the contract call reverted' }]);
    expect(r.items[0]!.sources.map((s) => s.kind === 'chain' && s.function)).toEqual([`getReceiveLibrary(${WEETH_ADAPTER},30111)`, `getUlnConfig(${WEETH_ADAPTER},30111)`]);
  });

  test('nothing yet, offline, and tokens with neither a backing view nor routes', () => {
    expect(view('weeth', {})).toMatchObject({ state: 'not-yet', mix: null, routes: null });
    expect(view('weeth', cache(), true)).toMatchObject({ state: 'offline' });
    expect(view('steth', {})).toBeUndefined();
  });

  test('a token with routes but no backing view says so', () => {
    // LBTC's mix is off-chain custody; if it had routes it would show them. rsETH has both: drop the mix.
    const e: Entries = {};
    const r = routes('0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3', [[30110, DVNS.two]]);
    putOk(e, key.lzRoutes('rseth'), r, r.routes[0]!.config, AT);
    expect(view('rseth', e)!.sentence).toBe("rsETH's asset mix is not read from chain yet; its bridge routes are below.");
  });
});
