import { describe, expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { AdminSection } from '../../../components/admin-section';
import { AdminLiveView } from '../../../lib/views/schema';
import { ADMIN_VIEW, AT } from '../../support/admin-view';

const NOW = new Date(Date.parse(AT) + 5 * 60_000);
const html = (detail = false, view = ADMIN_VIEW, now = NOW) => renderToStaticMarkup(<AdminSection view={view} detail={detail} now={now} />);

describe('AdminSection', () => {
  test('the fixture is a valid view', () => {
    expect(AdminLiveView.safeParse(ADMIN_VIEW).success).toBe(true);
  });

  test('sentence first with chain, block and age; then each contract with its path, each hop linked', () => {
    const h = html();
    expect(h.indexOf('Fastest known way to change rsETH')).toBeLessThan(h.indexOf('data-admin-contract'));
    expect(h).toContain('(Ethereum, block 21,000,000, live, 5 min ago)');
    expect(h).toContain('href="https://etherscan.io/address/0xb61e0E39b6d4030C36A176f576aaBE44BF59Dc78#readContract"');
    expect(h).toContain('a 6-of-8 Safe');
    expect(h).toContain('; 10 days, tier 1');
    expect(h).toContain('<strong>LRTOracle</strong>');
    expect(h).toContain(': no code at this address on chain.');
  });

  test('the hover card shows each contract’s fastest path; the detail shows them all', () => {
    expect(html()).toContain('(+1 more paths)');
    expect((html(true).match(/data-admin-path=/g) ?? []).length).toBe(2);
  });

  test('pausers apart, curated bypasses with sources, changes with their date, what was not read', () => {
    const h = html();
    expect(h).toMatch(/data-admin-pauser="warning"[^>]*>.*Pausing the protocol: an EOA can pause; held by a single key/s);
    expect(h).toMatch(/data-admin-bypass="">Curated: The LRT manager role can change oracles/);
    expect(h).toContain('href="https://llamarisk.com/research/collateral-risk-rseth"');
    expect(h).toContain('Changed, seen on 2026-12-01: shorter delay on 0x49bD9989E31aD35B0A62c20BE86335196A3135B1: 10 days → 9 days (weakens control)');
    expect(h).toContain('Not read (1)');
  });

  test('a stale read says so and how old it is; unverified contracts are flagged', () => {
    const h = html(false, { ...ADMIN_VIEW, fresh: false, failing: 'the source did not answer in time', verified: false }, new Date(Date.parse(AT) + 3 * 86_400_000));
    expect(h).toContain('data-fresh="false"');
    expect(h).toContain('last good value, 3 days ago');
    expect(h).toContain('Failing now: the source did not answer in time');
    expect(h).toContain('unverified');
  });
});
