// @vitest-environment happy-dom
// Property tests (fast-check) over generated text and DOM trees: marking never changes the text, rescans change
// nothing, nothing is marked inside excluded elements, and every boundary-valid occurrence is found.
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { createTextMatcher } from '../../../../lib/detect/text';
import { EZETH, TEST_CONFIG, flush, mountLens, ours } from '../lens';

const SYMBOLS = TEST_CONFIG.tokens.flatMap((t) => [t.symbol, ...t.aliases].map((s) => ({ id: t.id, s })));
const matcher = createTextMatcher({ ...TEST_CONFIG, misnomers: [], addresses: [] });

/** The boundary rule, written the slow and obvious way: greedy, left to right, longest name first. */
function oracle(text: string): string[] {
  const unspaced = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Thai}]/u;
  const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c) && !unspaced.test(c);
  const byLength = [...SYMBOLS].sort((a, b) => b.s.length - a.s.length);
  const out: string[] = [];
  // Iterate by code point so the boundary check sees whole characters.
  const chars = [...text];
  let offset = 0;
  for (let i = 0; i < chars.length; ) {
    const rest = chars.slice(i).join('');
    const prev = chars[i - 1];
    const hit = word(prev) ? undefined : byLength.find(({ s }) => rest.startsWith(s) && !word([...rest.slice(s.length)][0]));
    if (hit) {
      out.push(`${hit.id}@${offset}`);
      offset += hit.s.length;
      i += [...hit.s].length;
    } else {
      offset += chars[i]!.length;
      i += 1;
    }
  }
  return out;
}

const piece = fc.oneof(
  fc.constantFrom(...SYMBOLS.map((x) => x.s)),
  fc.constantFrom('ETH', 'WETH', 'stETH', 'PrezETH', 'sweETHeart', 'EZETH', 'ezeth', 'eth', 'kETH2', 'é', '_', '7'),
  // Letters of scripts written without spaces (never block), and of spaced ones (always block).
  fc.constantFrom('的', '代币', 'を', 'トークン', 'ー', '々', '를', '토큰', 'เพื่อ', 'α', 'ж', '１', '𠀋'),
  fc.constantFrom(' ', '  ', '/', '-', '$', '(', ')', ',', '.', '\n', '\u00a0', '«', '»', ':'),
  fc.string({ maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));

describe('matcher against the written boundary rule', () => {
  test('finds exactly the occurrences the slow oracle finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(matcher.find(t).map((m) => `${m.id}@${m.start}`)).toEqual(oracle(t));
      }),
      { numRuns: 2000 },
    );
  });
});

// DOM trees: elements from a tag set (some excluded), text from the same pieces.
const EXCLUDED = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'TEMPLATE']);
type Tree = { tag: string; editable: boolean; children: Array<Tree | string> };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom('div', 'p', 'span', 'b', 'td', 'li', 'code', 'script', 'style', 'textarea', 'noscript'),
    editable: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
    children: fc.array(fc.oneof({ depthSize: 'small' }, text, tie('node')), { maxLength: 4 }),
  }),
})).node;

function build(t: Tree): HTMLElement {
  const el = document.createElement(t.tag);
  if (t.editable) el.setAttribute('contenteditable', 'true');
  for (const c of t.children) {
    if (typeof c === 'string') el.append(document.createTextNode(c));
    else if (t.tag !== 'textarea' && t.tag !== 'script' && t.tag !== 'style') el.append(build(c));
  }
  return el;
}

/** What should be marked: the oracle over every text node outside excluded and editable elements. */
function expected(root: Element): string[] {
  const out: string[] = [];
  const walk = (n: Node, skip: boolean) => {
    if (n instanceof Element) {
      const s = skip || EXCLUDED.has(n.tagName) || n.getAttribute('contenteditable') === 'true';
      for (const c of n.childNodes) walk(c, s);
    } else if (n instanceof Text && !skip) {
      for (const hit of oracle(n.data)) out.push(`${hit.split('@')[0]}:symbol`);
    }
  };
  walk(root, false);
  return out;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  document.body.replaceChildren();
});

describe('marking generated DOM trees', () => {
  test('text unchanged, exact occurrences, none in excluded elements, rescans idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (t) => {
        document.body.replaceChildren(build(t));
        const before = document.body.textContent;
        const want = expected(document.body);
        const lens = mountLens(document.body, { ...TEST_CONFIG, misnomers: [], addresses: [] });
        cleanups.push(lens.stop);
        await lens.scanner.idle();
        expect(document.body.textContent).toBe(before);
        expect(ours(lens.marks, document.body)).toEqual(want);
        for (const m of lens.marks.all()) {
          expect(m.range.toString()).toBe(m.text);
          for (let a = m.node.parentElement; a; a = a.parentElement) {
            expect(EXCLUDED.has(a.tagName) || a.getAttribute('contenteditable') === 'true').toBe(false);
          }
        }
        const html = document.body.innerHTML;
        lens.scanner.enqueue(document.body);
        await flush();
        await lens.scanner.idle();
        expect(document.body.innerHTML).toBe(html);
        lens.marks.releaseAll();
        expect(document.body.textContent).toBe(before);
        lens.stop();
      }),
      { numRuns: 150 },
    );
  });

  test('addresses: a full registry address in any case is found wherever the tree puts it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(EZETH, EZETH.toLowerCase(), EZETH.toUpperCase().replace('0X', '0x')), text, text, async (a, pre, post) => {
        document.body.replaceChildren(build({ tag: 'div', editable: false, children: [`${pre} ${a} ${post}`] }));
        const lens = mountLens(document.body);
        cleanups.push(lens.stop);
        await lens.scanner.idle();
        expect(ours(lens.marks, document.body).filter((x) => x === 'ezeth:address')).toHaveLength(1);
        lens.stop();
      }),
      { numRuns: 100 },
    );
  });
});
