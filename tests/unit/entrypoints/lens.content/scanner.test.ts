// @vitest-environment happy-dom
// The scanner's own paths: budgets (per node, per page, chunked long text, the give-up rule), time slicing, the
// large-subtree shadow-host rule, and clear().
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createTextMatcher } from '../../../../lib/detect/text';
import { BUDGET } from '../../../../entrypoints/lens.content/scanner';
import { TEST_CONFIG, flush, mountLens, ours } from '../../lib/lens';

const saved = { ...BUDGET };
const cleanups: Array<() => void> = [];
afterEach(() => {
  Object.assign(BUDGET, saved);
  cleanups.splice(0).forEach((c) => c());
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** A clock that moves 5 ms per reading: a slice (8 ms) takes one step, whatever the machine's speed. */
function slowClock() {
  let t = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
}

function mount(html = '') {
  // eslint-disable-next-line no-restricted-syntax -- test-authored markup, not page text
  document.body.innerHTML = html;
  const lens = mountLens(document.body);
  cleanups.push(lens.stop);
  return lens;
}

describe('budgets', () => {
  test('at most BUDGET.perNode mentions per text node, the first ones; said once', async () => {
    const { marks, scanner, budgets } = mount(`<p>${'ezETH '.repeat(BUDGET.perNode + 50)}</p><p>rsETH</p>`);
    await scanner.idle();
    const node = document.querySelector('p')!.firstChild as Text;
    expect(marks.of(node)).toHaveLength(BUDGET.perNode);
    expect(marks.of(node).at(-1)!.start).toBe((BUDGET.perNode - 1) * 6);
    expect(ours(marks, document.body).at(-1)).toBe('rseth:symbol');
    expect(budgets).toEqual(['node']);
  });

  test('exactly BUDGET.perNode mentions is no budget hit', async () => {
    const { marks, scanner, budgets } = mount(`<p>${'ezETH '.repeat(BUDGET.perNode)}</p>`);
    await scanner.idle();
    expect(marks.size).toBe(BUDGET.perNode);
    expect(budgets).toEqual([]);
  });

  test('at most BUDGET.perPage mentions per page: then the scan stops and says so', async () => {
    BUDGET.perPage = 5;
    const { marks, scanner, budgets } = mount('<p>ezETH weETH</p><p>ezETH weETH</p><p>ezETH weETH</p>');
    await scanner.idle();
    expect(marks.size).toBe(5);
    expect(budgets).toEqual(['page']);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'rsETH' }));
    await flush();
    await scanner.idle();
    expect(marks.size).toBe(5);
  });

  test('long text is read in chunks and finds exactly what one read finds, across every chunk edge', async () => {
    BUDGET.chunk = 64;
    const matcher = createTextMatcher(TEST_CONFIG);
    // Tokens straddling each chunk edge in turn, plus blocked look-alikes at the edges (boundary context kept).
    for (let shift = 0; shift < 12; shift++) {
      const text = `${'x '.repeat(27 + shift)}weETH ${'y'.repeat(50)} PrezETH ezETH2 rsETH ${'z '.repeat(40)}eETH`;
      const { marks, scanner } = mount(`<p>${text}</p>`);
      await scanner.idle();
      const node = document.querySelector('p')!.firstChild as Text;
      expect(marks.of(node).map((m) => [m.id, m.start, m.end])).toEqual(matcher.find(text).map((m) => [m.id, m.start, m.end]));
      cleanups.splice(0).forEach((c) => c());
    }
  });

  test('a long text node changed while it is read is dropped and read again', async () => {
    BUDGET.chunk = 16;
    const { marks, scanner } = mount(`<p>${'-'.repeat(200)} ezETH</p>`);
    const node = document.querySelector('p')!.firstChild as Text;
    await new Promise((r) => setTimeout(r, 0));
    node.data = `${'-'.repeat(200)} rsETH`;
    await flush();
    await scanner.idle();
    expect(marks.of(node).map((m) => m.id)).toEqual(['rseth']);
  });

  test('give-up rule: a page that keeps the scanner busy window after window stops being followed', async () => {
    BUDGET.giveUpWindowMs = 0;
    BUDGET.giveUpWindows = 3;
    slowClock();
    const { marks, scanner, budgets } = mount();
    await scanner.idle();
    for (let i = 0; i < 400; i++) document.body.append(Object.assign(document.createElement('p'), { textContent: `row ${i} ezETH` }));
    await flush();
    await scanner.idle();
    expect(budgets).toContain('busy');
    const n = marks.size;
    expect(n).toBeLessThan(400);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'rsETH' }));
    await flush();
    await scanner.idle();
    expect(marks.size).toBe(n);
  });
});

describe('slices', () => {
  test('a big page is scanned over several tasks, not in one', async () => {
    slowClock();
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const { marks, scanner } = mount(Array.from({ length: 300 }, (_, i) => `<p>row ${i}: ezETH and weETH</p>`).join(''));
    await scanner.idle();
    expect(marks.size).toBe(600);
    expect(spy.mock.calls.length).toBeGreaterThan(2);
  });

  test('clear() drops queued work: nothing more is marked', async () => {
    const { marks, scanner } = mount(Array.from({ length: 300 }, () => '<p>ezETH</p>').join(''));
    scanner.clear();
    await scanner.idle();
    await new Promise((r) => setTimeout(r, 20));
    expect(marks.size).toBeLessThan(300);
    const before = marks.size;
    await new Promise((r) => setTimeout(r, 20));
    expect(marks.size).toBe(before);
  });
});
