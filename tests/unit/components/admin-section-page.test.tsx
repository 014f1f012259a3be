// @vitest-environment happy-dom
/** @jsxImportSource ../../../lib/page-runtime */
// The Admin section as the content script renders it (lib/page-runtime, no React): the same text and links as React.
import { expect, test, vi } from 'vitest';
// The component module is compiled for React; here its JSX goes through the page runtime, as in the content script.
vi.mock('react/jsx-runtime', () => import('../../../lib/page-runtime/jsx-runtime'));
vi.mock('react/jsx-dev-runtime', () => import('../../../lib/page-runtime/jsx-dev-runtime'));
import { AdminSection } from '../../../components/admin-section';
import { ADMIN_VIEW, AT } from '../../support/admin-view';

test('renders to DOM without React, with the sentence, hops and links', () => {
  const el = (<AdminSection view={ADMIN_VIEW} now={new Date(Date.parse(AT) + 60_000)} />) as unknown as Element;
  expect(el.getAttribute('data-admin-live')).toBe('read');
  expect(el.querySelector('[data-admin-sentence]')?.textContent).toContain('Fastest known way to change rsETH');
  expect(el.querySelectorAll('[data-admin-contract]')).toHaveLength(2);
  const links = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  expect(links).toContain('https://etherscan.io/address/0x49bD9989E31aD35B0A62c20BE86335196A3135B1#readContract');
  expect(el.querySelector('[data-admin-change]')?.textContent).toContain('Changed, seen on 2026-12-01');
  expect(el.querySelector('details summary')?.textContent).toBe('Not read (1)');
});
