// @vitest-environment happy-dom
// The e2e fixture harness's own mechanics: the in-page expectation reader and the polling helper.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  badEntries,
  frameLabels,
  matches,
  mergeSnapshots,
  mismatches,
  readExpectations,
  waitForExpectations,
  type Snapshot,
} from '../e2e/lib/fixtures.ts';

// happy-dom has no Highlight API: the registry is a Map of name -> set of ranges, the shape the reader iterates
// (a HighlightRegistry is maplike, a Highlight setlike).
let registry: Map<string, Set<Range>>;
beforeEach(() => {
  registry = new Map();
  Object.defineProperty(globalThis, 'CSS', { value: { highlights: registry }, configurable: true });
});

/** A text node holding `text`, with a range over all of it registered under `lrt:<id>:<kind>`. */
const mark = (id: string, kind: string, text = id) => {
  const node = document.createTextNode(text);
  const span = document.createElement('span');
  span.append(node);
  const r = document.createRange();
  r.setStart(node, 0);
  r.setEnd(node, text.length);
  const name = `lrt:${id}:${kind}`;
  if (!registry.has(name)) registry.set(name, new Set());
  registry.get(name)!.add(r);
  return span;
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('readExpectations', () => {
  test('each mark belongs to its nearest data-expect element, in document order', () => {
    // eslint-disable-next-line no-restricted-syntax -- test-authored markup, not page text
    document.body.innerHTML = `
      <table id="t" data-expect="ezeth:symbol"><tbody>
        <tr data-expect="weeth:link weeth:address"><td class="a"></td><td class="b"></td></tr>
        <tr data-expect=""><td>WETH</td></tr>
      </tbody></table>
      <p id="stray"></p>`;
    const rows = document.querySelectorAll('tr');
    rows[0]!.querySelector('.a')!.append(mark('weeth', 'link'));
    rows[0]!.querySelector('.b')!.append(mark('weeth', 'address'));
    document.getElementById('t')!.prepend(mark('ezeth', 'symbol'));
    document.getElementById('stray')!.append(mark('rseth', 'symbol'));

    const s = readExpectations();
    expect(s.expected).toEqual({
      '<outside>': [],
      '#t': ['ezeth:symbol'],
      '#t > tbody[1] > tr[1]': ['weeth:link', 'weeth:address'],
      '#t > tbody[1] > tr[2]': [],
    });
    expect(s.actual).toEqual({
      '<outside>': ['rseth:symbol'],
      '#t': ['ezeth:symbol'],
      '#t > tbody[1] > tr[1]': ['weeth:link', 'weeth:address'],
      '#t > tbody[1] > tr[2]': [],
    });
    expect(matches(s)).toBe(false);
  });

  test('walks open shadow roots, nested ones too; a host’s data-expect owns its shadow content', () => {
    const host = document.createElement('div');
    host.id = 'host';
    host.setAttribute('data-expect', 'weeth:symbol');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.append(mark('weeth', 'symbol'));
    const inner = document.createElement('p');
    inner.id = 'inner';
    inner.setAttribute('data-expect', 'rseth:symbol');
    root.append(inner);
    const nested = inner.attachShadow({ mode: 'open' });
    nested.append(mark('rseth', 'symbol'));

    const s = readExpectations();
    expect(s.actual).toEqual({ '<outside>': [], '#host': ['weeth:symbol'], '#host ::shadow #inner': ['rseth:symbol'] });
    expect(matches(s)).toBe(true);
  });

  test('page-made forgeries are counted, excluded, and an extra range inside them is an error', () => {
    // eslint-disable-next-line no-restricted-syntax -- test-authored markup, not page text
    document.body.innerHTML = `<div id="d" data-expect=""><span id="spoof" data-spoof="1"></span></div>`;
    const spoof = document.getElementById('spoof')!;
    spoof.append(mark('ezeth', 'symbol'));
    expect(readExpectations()).toEqual({ expected: { '<outside>': [], '#d': [] }, actual: { '<outside>': [], '#d': [] }, errors: [] });
    spoof.firstElementChild!.replaceChildren();
    expect(readExpectations().errors).toEqual([]);
    spoof.firstElementChild!.append(mark('ezeth', 'symbol'), mark('ezeth', 'symbol'));
    expect(readExpectations().errors).toEqual(['#spoof: the page registered 1 range(s) under our names, found 2']);
  });

  test('several ranges in one text node are read by offset; extension markup and odd ranges are errors', () => {
    // eslint-disable-next-line no-restricted-syntax -- test-authored markup, not page text
    document.body.innerHTML = `<p id="p" data-expect="weeth:symbol ezeth:symbol">ezETH weETH</p><b id="b" data-lrt-token="x"></b>`;
    const node = document.getElementById('p')!.firstChild!;
    const at = (a: number, b: number) => {
      const r = document.createRange();
      r.setStart(node, a);
      r.setEnd(node, b);
      return r;
    };
    registry.set('lrt:ezeth:symbol', new Set([at(6, 11)]));
    registry.set('lrt:weeth:symbol', new Set([at(0, 5)]));
    registry.set('other-extension', new Set([at(0, 11)]));
    const empty = document.createRange();
    empty.setStart(node, 2);
    empty.setEnd(node, 2);
    registry.set('lrt:rseth:symbol', new Set([empty]));
    const s = readExpectations();
    expect(s.actual['#p']).toEqual(['weeth:symbol', 'ezeth:symbol']);
    expect(s.errors).toEqual(['lrt:rseth:symbol: a range that is not a stretch of one text node', '#b: extension attribute data-lrt-token']);
  });

  test('data-expect-pending keeps the snapshot from matching', () => {
    // eslint-disable-next-line no-restricted-syntax -- test-authored markup, not page text
    document.body.innerHTML = `<ul id="list" data-expect="" data-expect-pending=""></ul>`;
    const s = readExpectations();
    expect(s.actual['<pending>']).toEqual(['#list']);
    expect(matches(s)).toBe(false);
  });

  test('elements without an id get a path from the nearest ancestor with one; duplicates stay apart', () => {
    // eslint-disable-next-line no-restricted-syntax -- test-authored markup, not page text
    document.body.innerHTML = `<div data-expect=""></div><div id="x" data-expect=""></div><p id="x" data-expect=""></p>`;
    expect(Object.keys(readExpectations().expected)).toEqual(['<outside>', 'html[1] > body[1] > div[1]', '#x', '#x (2)']);
  });
});

describe('harness helpers', () => {
  const snap = (expected: Record<string, string[]>, actual: Record<string, string[]>): Snapshot => ({ expected, actual, errors: [] });

  test('frames merge with a label per frame; the top frame has none', () => {
    const labels = frameLabels(['http://127.0.0.1:1/fixtures/a.html', 'http://127.0.0.1:1/fixtures/b.html', 'about:blank', 'about:blank']);
    expect(labels).toEqual(['', '/fixtures/b.html', 'about:blank', 'about:blank #2']);
    const merged = mergeSnapshots([
      { label: '', snapshot: snap({ '#a': [] }, { '#a': [] }) },
      { label: 'about:srcdoc', snapshot: snap({ '#p': ['rseth:symbol'] }, { '#p': [] }) },
    ]);
    expect(merged.expected).toEqual({ '#a': [], '[about:srcdoc] #p': ['rseth:symbol'] });
    expect(mismatches(merged)).toEqual({ expected: { '[about:srcdoc] #p': ['rseth:symbol'] }, actual: { '[about:srcdoc] #p': [] }, more: 0 });
  });

  test('unknown ids and kinds in data-expect are reported', () => {
    const s = snap({ '#a': ['ezeth:symbol', 'ezeth:symbl', 'nope:link', 'misnomer-keth:impostor'] }, {});
    expect(badEntries(s, new Set(['ezeth', 'misnomer-keth']))).toEqual(['#a: ezeth:symbl', '#a: nope:link']);
  });

  test('waitForExpectations waits for a match that holds for the settle time', async () => {
    // Read 1 differs, read 2 matches, read 3 differs again (a stray late mark), from read 4 on it matches.
    let n = 0;
    const read = async () => {
      n++;
      return n === 1 || n === 3 ? snap({ a: ['x'] }, { a: [] }) : snap({ a: ['x'] }, { a: ['x'] });
    };
    const s = await waitForExpectations(read, 5_000, 400);
    expect(matches(s)).toBe(true);
    // Settled only after read 4 plus 400 ms of reads every 150 ms.
    expect(n).toBeGreaterThanOrEqual(6);
  });

  test('waitForExpectations gives up at the timeout and returns the last snapshot', async () => {
    const s = await waitForExpectations(async () => snap({ a: ['x'] }, { a: [] }), 300, 100);
    expect(matches(s)).toBe(false);
  });
});
