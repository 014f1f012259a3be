import { describe, expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { TokenCard } from '../../components/token-card';
import { toCardView } from '../../lib/registry/view';
import { getToken } from '../../lib/registry';

const view = toCardView(getToken('rseth')!, 'test', new Date('2026-11-20T00:00:00Z'));

describe('TokenCard', () => {
  test('is a dialog labelled by the symbol, with the three sections and sourced facts', () => {
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view }} titleId="t" />);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-labelledby="t"');
    expect(html).toMatch(/<h2 id="t"[^>]*>rsETH<\/h2>/);
    for (const s of ['Slashing', 'Liquidity', 'Audits']) expect(html).toContain(`>${s}</h3>`);
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

  test('page-controlled strings are rendered as text, never as HTML', () => {
    const evil = { ...view, name: '<img src=x onerror=alert(1)>' };
    const html = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view: evil }} titleId="t" />);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
  });
});
