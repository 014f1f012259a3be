import { describe, expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { TokenCard } from '../../../components/token-card';
import { toCardView, toMisnomerView } from '../../../lib/views/build';
import { TOKENS, getToken } from '../../../lib/registry';
import { MISNOMERS } from '../../../lib/registry/misnomers';

const view = toCardView(getToken('rseth')!, 'test', new Date('2026-11-20T00:00:00Z'));

describe('TokenCard', () => {
  test('is a dialog labelled by the symbol, with the three sections and sourced facts', () => {
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view }} titleId="t" />);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-labelledby="t"');
    expect(html).toMatch(/<h2 id="t"[^>]*>rsETH<\/h2>/);
    for (const s of ['Slashing', 'Liquidity', 'Audits', 'Yield', 'Peg']) expect(html).toContain(`>${s}</h3>`);
    expect(html).toContain('issued by Kelp DAO');
    expect(html).toContain('href="https://github.com/Kelp-DAO/LRT-rsETH/blob/');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('unverified');
  });

  test('with no audit found says so as unverified, never as a clean record', () => {
    expect(view.audits).toEqual([]);
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view }} titleId="t" />);
    expect(html).toContain('No audit report found in the sources checked');
  });

  test('loading and error states keep the dialog and its label', () => {
    const loading = renderToStaticMarkup(<TokenCard state={{ status: 'loading', symbol: 'ezETH' }} titleId="t" />);
    expect(loading).toContain('role="dialog"');
    expect(loading).toContain('>ezETH</h2>');
    const failed = renderToStaticMarkup(<TokenCard state={{ status: 'error', symbol: 'ezETH', message: 'no reply' }} titleId="t" />);
    expect(failed).toContain('Could not load this token: no reply');
  });

  test('Yield says where it comes from and that the split is not known yet, in grey; Peg names the model and rate', () => {
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view }} titleId="t" />);
    expect(view.yield.split).toBeNull();
    expect(html).toMatch(/unverified<\/span> Earns from:/);
    expect(html).toMatch(/rl-dot rl-unknown[^>]*><\/span> Split into base staking yield and restaking premium: not known/);
    expect(html).toContain('Value-accruing');
    expect(html).toContain('Market price against redemption value');
  });

  test('a live yield split shows both parts with its age and source', () => {
    const live = {
      ...view,
      yield: { sources: view.yield.sources, split: { totalApyPct: 3.4, baseApyPct: 2.9, premiumApyPct: 0.5, asOf: '2026-11-19T23:50:00Z', sources: [] } },
    };
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view: live }} titleId="t" />);
    expect(html).toContain('3.40% APY = plain ETH staking (benchmark: Lido stETH) 2.90% + restaking premium 0.50%');
    expect(html).toContain('live,');
  });

  test('an impostor mark warns with the address the page used and lists the known contracts', () => {
    const ez = toCardView(getToken('ezeth')!, 'test', new Date('2026-11-20T00:00:00Z'));
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view: ez, impostor: { address: '0xdEAD000000000000000000000000000000000001' } }} titleId="t" />);
    expect(html).toContain('Not a known ezETH contract');
    expect(html).toContain('0xdEAD…0001');
    expect(html).toContain(`one of the ${ez.deployments.length} ezETH contracts`);
    expect(html).toContain('Ethereum: <code title="0xbf5495Efe5DB9ce00f80364C8B423567e58d2110">0xbf54…2110</code>');
    // Each known contract links to where it was confirmed.
    expect(ez.deployments.every((d) => d.sources.length > 0)).toBe(true);
    expect(html).toMatch(/0xbf54…2110<\/code> <span class="rl-sources"><a href="https:/);
    expect(html).toContain('check the address with Renzo');
  });

  test('a misnomer card explains and names the real tokens', () => {
    const m = toMisnomerView(MISNOMERS.find((x) => x.id === 'misnomer-keth')!, TOKENS);
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'misnomer', view: m }} titleId="t" />);
    expect(html).toContain('role="dialog"');
    expect(html).toMatch(/<h2 id="t"[^>]*>kETH<\/h2>/);
    expect(html).toContain('Karak has no kETH');
    const eigen = toMisnomerView(MISNOMERS.find((x) => x.id === 'misnomer-eigeneth')!, TOKENS);
    expect(eigen.seeAlso.map((t) => t.symbol)).toEqual(['ezETH', 'weETH', 'pufETH', 'rsETH']);
  });

  test('page-controlled strings are rendered as text, never as HTML', () => {
    const evil = { ...view, name: '<img src=x onerror=alert(1)>' };
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view: evil }} titleId="t" />);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
  });
});
