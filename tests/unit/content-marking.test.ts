// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { createSymbolMatcher } from '../../lib/detect/symbols';
import { Annotator } from '../../entrypoints/lens.content/marks';
import { createScanner } from '../../entrypoints/lens.content/scanner';
import { observe } from '../../entrypoints/lens.content/observer';

const matcher = createSymbolMatcher([
  { id: 'ezeth', symbol: 'ezETH', aliases: [] },
  { id: 'weeth', symbol: 'weETH', aliases: [] },
  { id: 'eeth', symbol: 'eETH', aliases: [] },
  { id: 'rseth', symbol: 'rsETH', aliases: [] },
]);

const cleanups: Array<() => void> = [];

function setup(html: string) {
  // eslint-disable-next-line no-restricted-syntax -- test-authored markup, not page text
  document.body.innerHTML = html;
  const marks = new Annotator();
  let observer: MutationObserver | null = null;
  const scanner = createScanner(matcher, marks, () => observer?.takeRecords());
  observer = observe(document.body, marks, scanner, () => {});
  cleanups.push(() => observer?.disconnect());
  scanner.enqueue(document.body);
  return { marks, scanner, observer };
}
const ours = (marks: Annotator, root: ParentNode = document.body) =>
  [...root.querySelectorAll('lrt-mark')].filter((m) => marks.isMine(m)).map((m) => m.getAttribute('data-lrt-token'));
const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  document.body.replaceChildren();
});

describe('marking', () => {
  test('wraps each occurrence and keeps the text', async () => {
    const { marks, scanner } = setup('<p id="a">Swap ezETH/WETH, then weETH and eETH.</p>');
    const before = document.body.textContent;
    await scanner.idle();
    expect(ours(marks)).toEqual(['ezeth', 'weeth', 'eeth']);
    expect(document.body.textContent).toBe(before);
    for (const m of document.querySelectorAll('lrt-mark')) expect(m.getAttribute('data-lrt-match')).toBe('symbol');
  });

  test('skips excluded elements and editable content', async () => {
    const { marks, scanner } = setup(
      '<script>var s="ezETH"</script><style>.ezETH{}</style><textarea>ezETH</textarea><select><option>ezETH</option></select>' +
        '<div contenteditable="true">ezETH <b>weETH</b></div><div contenteditable="false">rsETH</div><noscript>eETH</noscript>',
    );
    await scanner.idle();
    expect(ours(marks)).toEqual(['rseth']);
  });

  test('a forged mark from the page is not ours, and its text is left alone', async () => {
    const { marks, scanner } = setup('<lrt-mark data-lrt-token="ezeth" data-lrt-match="symbol">ezETH</lrt-mark> <span>weETH</span>');
    await scanner.idle();
    expect(ours(marks)).toEqual(['weeth']);
    const forged = document.querySelector('lrt-mark')!;
    expect(marks.isMine(forged)).toBe(false);
    expect(marks.markFrom(forged.firstChild)).toBeNull();
  });

  test('rescanning is idempotent', async () => {
    const { marks, scanner } = setup('<p>ezETH and rsETH</p>');
    await scanner.idle();
    scanner.enqueue(document.body);
    scanner.enqueue(document.body);
    await scanner.idle();
    expect(ours(marks)).toEqual(['ezeth', 'rseth']);
  });

  test('text added later is marked', async () => {
    const { marks, scanner } = setup('<p id="a"></p>');
    await scanner.idle();
    document.getElementById('a')!.append('late rsETH');
    await flush();
    await scanner.idle();
    expect(ours(marks)).toEqual(['rseth']);
  });

  test('a framework rewriting its text node keeps the page right', async () => {
    const { marks, scanner } = setup('<p id="a">price of ezETH today</p>');
    const frameworkNode = document.getElementById('a')!.firstChild as Text; // what React would hold
    await scanner.idle();
    expect(ours(marks)).toEqual(['ezeth']);
    // The framework updates its own node, as a re-render does.
    frameworkNode.data = 'price of weETH today';
    await flush();
    await scanner.idle();
    expect(document.getElementById('a')!.textContent).toBe('price of weETH today');
    expect(ours(marks)).toEqual(['weeth']);
  });

  test('a framework removing its text node leaves no stale pieces behind', async () => {
    const { marks, scanner } = setup('<p id="a">ezETH</p>');
    const p = document.getElementById('a')!;
    const frameworkNode = p.firstChild as Text;
    await scanner.idle();
    expect(ours(marks)).toEqual(['ezeth']);
    p.removeChild(frameworkNode); // must not throw: the node is still the page's child
    await flush();
    expect(p.textContent).toBe('');
    expect(frameworkNode.data).toBe('ezETH'); // restored, in case the page re-inserts it
  });

  test('counts only our marks', async () => {
    const { marks, scanner } = setup('<p>ezETH ezETH weETH</p><lrt-mark data-lrt-token="ezeth">x</lrt-mark>');
    await scanner.idle();
    expect(marks.counts(document)).toEqual({ ezeth: 2, weeth: 1 });
  });
});
