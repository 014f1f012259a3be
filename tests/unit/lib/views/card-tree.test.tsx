// @vitest-environment happy-dom
// The card as pages get it: rendered to a Tree in the background (lib/views/card-tree.tsx), validated by the
// contract's schema, built into DOM by the content script (lib/page-runtime/build-tree.ts). It must be the card
// React renders in the popup, markup for markup, for every token, misnomer and an impostor warning.
import { describe, expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { TokenCard, type CardState } from '../../../../components/token-card';
import { cardTree, CARD_TITLE_ID, toTree } from '../../../../lib/views/card-tree';
import { Tree, TreeElement } from '../../../../lib/views/tree';
import { buildTree } from '../../../../lib/page-runtime/build-tree';
import { toCardView, toMisnomerView } from '../../../../lib/views/build';
import { TOKENS } from '../../../../lib/registry';
import { MISNOMERS } from '../../../../lib/registry/misnomers';
import { ADMIN_VIEW } from '../../../support/admin-view';

const NOW = new Date('2026-11-20T00:00:00Z');
type Shown = Exclude<CardState, { status: 'loading' } | { status: 'error' }>;

/** The first place two renderings differ, with some context (the full markup is too long to read in a diff). */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length ? 'same' : `at ${i}: ${a.slice(Math.max(0, i - 60), i + 60)} | ${b.slice(Math.max(0, i - 60), i + 60)}`;
}
const same = (page: string, popup: string, what: string) => expect(firstDifference(page, popup), what).toBe('same');

function asPage(state: Shown): string {
  const tree = cardTree(state);
  // What the background sends passes the contract's output schema.
  expect(TreeElement.safeParse(JSON.parse(JSON.stringify(tree))).success).toBe(true);
  return (buildTree(document, tree) as Element).outerHTML;
}
/**
 * React's markup, serialized by the same DOM as the page's (React escapes ' and " in text, the DOM does not). Our
 * own markup, parsed in a test document: nothing from a page is ever parsed.
 */
function asPopup(state: Shown): string {
  const html = renderToStaticMarkup(<TokenCard state={state} titleId={CARD_TITLE_ID} onMethod={() => {}} />);
  return new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
}

describe('the card rendered for pages', () => {
  test('is the markup React renders, for every token in the registry', () => {
    for (const t of TOKENS) {
      const state: Shown = { status: 'ready', view: toCardView(t, 'test', NOW) };
      same(asPage(state), asPopup(state), t.id);
    }
  });

  test('and for every misnomer, an impostor warning and a card with a live admin section (SVG, details, links)', () => {
    for (const m of MISNOMERS) {
      const state: Shown = { status: 'misnomer', view: toMisnomerView(m, TOKENS) };
      same(asPage(state), asPopup(state), m.id);
    }
    const ezeth = toCardView(TOKENS.find((t) => t.id === 'ezeth')!, 'test', NOW);
    const impostor: Shown = { status: 'ready', view: ezeth, impostor: { address: '0x1111111111111111111111111111111111111111' } };
    expect(asPage(impostor)).toContain('0x1111111111111111111111111111111111111111');
    same(asPage(impostor), asPopup(impostor), 'impostor');
    const admin: Shown = { status: 'ready', view: { ...ezeth, adminLive: ADMIN_VIEW } };
    expect(asPage(admin)).toContain('data-admin-sentence');
    same(asPage(admin), asPopup(admin), 'admin');
  });

  test('the method link carries the attribute the content script acts on; no event handler is sent', () => {
    const ezeth = toCardView(TOKENS.find((t) => t.id === 'ezeth')!, 'test', NOW);
    const json = JSON.stringify(cardTree({ status: 'ready', view: ezeth }));
    expect(json).toContain('"data-open-method":""');
    expect(json).not.toMatch(/"on[A-Z]/);
  });

  test('toTree: text, numbers, booleans, fragments, arrays, style and attribute rules as React writes them', () => {
    const [el] = toTree(
      <div className="c" aria-busy={false} data-x={true} hidden={true} translate={undefined} style={{ marginLeft: '2px', overflowWrap: 'anywhere' }}>
        a {3} {null} {false}
        <>
          <b>f</b>
        </>
        {['x', 'y'].map((s) => (
          <i key={s}>{s}</i>
        ))}
        <label htmlFor="f" onClick={() => {}}>
          l
        </label>
      </div>,
    );
    expect(el).toEqual({
      t: 'div',
      a: { class: 'c', 'aria-busy': 'false', 'data-x': 'true', hidden: '', style: 'margin-left:2px;overflow-wrap:anywhere' },
      c: ['a 3  ', { t: 'b', c: ['f'] }, { t: 'i', c: ['x'] }, { t: 'i', c: ['y'] }, { t: 'label', a: { for: 'f' }, c: ['l'] }],
    });
  });
});

describe('buildTree (the content script)', () => {
  test('text stays text; SVG subtrees get the SVG namespace', () => {
    const el = buildTree(document, { t: 'p', c: ['<img src=x onerror=alert(1)>', { t: 'svg', a: { viewBox: '0 0 2 2' }, c: [{ t: 'title', c: ['t'] }] }] }) as Element;
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(el.querySelector('svg')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(el.querySelector('title')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  test('refuses event-handler attributes and links that are not http(s) or in-card', () => {
    const el = buildTree(document, {
      t: 'div',
      a: { onclick: 'alert(1)', OnMouseOver: 'x' },
      c: [
        { t: 'a', a: { href: 'javascript:alert(1)' }, c: ['bad'] },
        { t: 'a', a: { href: ' JavaScript:alert(1)' }, c: ['bad'] },
        { t: 'a', a: { href: 'https://etherscan.io/' }, c: ['ok'] },
        { t: 'a', a: { href: '#rl-x' }, c: ['ok'] },
      ],
    }) as Element;
    expect(el.getAttributeNames()).toEqual([]);
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([null, null, 'https://etherscan.io/', '#rl-x']);
  });

  test('refuses elements that run or load something, with their subtree', () => {
    const el = buildTree(document, {
      t: 'div',
      c: [{ t: 'script', c: ['alert(1)'] }, { t: 'IFRAME', a: { src: 'https://x.example/' } }, { t: 'object' }, { t: 'base', a: { href: 'https://x.example/' } }, { t: 'b', c: ['kept'] }],
    }) as Element;
    expect(el.innerHTML).toBe('<b>kept</b>');
  });

  test('the schema refuses what a card never is', () => {
    expect(Tree.safeParse({ t: 'div><script', c: [] }).success).toBe(false);
    expect(Tree.safeParse({ t: 'div', a: { 'on click': 'x' } }).success).toBe(false);
    expect(Tree.safeParse({ t: 'div', c: [{ t: 'b', c: [1] }] }).success).toBe(false);
  });
});
