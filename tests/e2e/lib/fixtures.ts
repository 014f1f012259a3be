// The fixture pages in tests/fixtures/pages carry their own expectations (docs/detection.md has the rules). The
// extension's marks are ranges in the `CSS.highlights` registry under `lrt:<registry id>:<match kind>`; the page's
// DOM holds nothing of the extension's but the card host.
//
// - An element with `data-expect="<id>:<kind> <id>:<kind> …"` owns the marks whose text lies in it and whose
//   nearest data-expect ancestor it is (crossing shadow roots through their host), listed in document order;
//   `data-expect=""` means no marks. Kinds: symbol, address, link, wrapped, impostor.
// - A mark outside every data-expect element is a failure, reported under "<outside>" (expected: none).
// - `data-spoof="N"`: the page itself registered N ranges under the extension's names over this element's text
//   (which names no token): at most N may be there (the extension adds none), and they are left out of the
//   expectations. Fewer is fine: where the browser will not let the extension add its ranges to the page's
//   Highlight (Firefox), the extension registers its own under that name and the page's entry is replaced.
// - `data-expect-pending` on any element means the page is still rendering: the snapshot does not match
//   (key "<pending>") until the page removes the attribute.
// - Errors: a range that is not within one text node, and any element or attribute of the extension's in the
//   page's content (the DOM must stay the page's own, byte for byte).
//
// Both browsers run the same in-page reader, per frame; the test merges the frames' snapshots.
import { isDeepStrictEqual } from 'node:util';

export interface FixtureStep {
  /** CSS selector of the element the test clicks. */
  click: string;
  /** What the page does on that click, for the test name. */
  then?: string;
}

export interface Fixture {
  page: string;
  steps?: FixtureStep[];
  /** Poll budget for this page (default 8 s). */
  timeoutMs?: number;
}

export const FIXTURES: Fixture[] = [
  { page: 'explorer-token.html' },
  { page: 'dex-selector.html' },
  { page: 'yield-market.html' },
  { page: 'portfolio.html' },
  { page: 'lending.html' },
  { page: 'social.html' },
  { page: 'negative.html' },
  {
    page: 'spa.html',
    steps: [
      { click: '#btn-rerender', then: 'the list rows are replaced by new nodes (rsETH, pufETH, USDC)' },
      { click: '#btn-tick', then: 'the ticker text node changes in place: ezETH 1.02 → rsETH 1.01' },
      { click: '#btn-tick', then: 'the ticker text node changes in place: rsETH 1.01 → USDC 1.00 (no token)' },
      { click: '#btn-remove', then: 'the note’s text node and the pufETH row are removed' },
      { click: '#nav-portfolio', then: 'history.pushState to the portfolio view' },
      { click: '#nav-back', then: 'history.back(): popstate renders the markets view again' },
      { click: '#btn-tick', then: 'the fresh view’s ticker changes in place: ezETH 1.02 → rsETH 1.01' },
    ],
  },
  { page: 'shadow-iframe.html' },
  { page: 'big-table.html', timeoutMs: 30_000 },
  { page: 'strict-csp.html' },
  { page: 'restaking-dashboard.html' },
];

export const KINDS = ['symbol', 'address', 'link', 'wrapped', 'impostor'] as const;

export interface Snapshot {
  expected: Record<string, string[]>;
  actual: Record<string, string[]>;
  /** Forgery counts that differ, ranges that are not plain text, extension markup in the page. */
  errors: string[];
}

/**
 * In-page reader: plain DOM, no imports and no outside references, so Playwright and Puppeteer can serialise
 * it. Reads the `lrt:` entries of `CSS.highlights`, then walks the document and every open shadow root (a shadow
 * root's content before the host's light children), giving each text node's ranges, by offset, to their owner.
 * Keys are readable paths: `#id`, or the nearest id'd ancestor followed by `tag[n]` steps; inside a shadow root,
 * the host's path + ` ::shadow `.
 */
export function readExpectations(): Snapshot {
  const OUTSIDE = '<outside>';
  const expected: Record<string, string[]> = { [OUTSIDE]: [] };
  const actual: Record<string, string[]> = { [OUTSIDE]: [] };
  const errors: string[] = [];
  const pending: string[] = [];

  const byNode = new Map<Node, Array<{ start: number; label: string }>>();
  const registry = (globalThis as { CSS?: { highlights?: Iterable<[string, Iterable<AbstractRange>]> } }).CSS?.highlights;
  for (const [name, ranges] of registry ?? []) {
    const m = /^lrt:([^:]+):([^:]+)$/.exec(name);
    if (!m) continue;
    for (const r of ranges) {
      const n = r.startContainer;
      if (n !== r.endContainer || n.nodeType !== 3 || r.startOffset >= r.endOffset) {
        errors.push(`${name}: a range that is not a stretch of one text node`);
        continue;
      }
      let list = byNode.get(n);
      if (!list) byNode.set(n, (list = []));
      list.push({ start: r.startOffset, label: `${m[1]}:${m[2]}` });
    }
  }
  const rangesIn = (root: Node): number => {
    let n = 0;
    for (const k of byNode.keys()) if (root.contains(k)) n += byNode.get(k)!.length;
    return n;
  };

  const pathOf = (el: Element, prefix: string): string => {
    const steps: string[] = [];
    let e: Element | null = el;
    while (e && !e.id) {
      let n = 1;
      for (let s = e.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === e.localName) n++;
      steps.unshift(`${e.localName}[${n}]`);
      e = e.parentElement;
    }
    if (e) steps.unshift(`#${e.id}`);
    return prefix + steps.join(' > ');
  };
  const uniqueKey = (key: string): string => {
    if (!(key in expected)) return key;
    let i = 2;
    while (`${key} (${i})` in expected) i++;
    return `${key} (${i})`;
  };

  // Marks are registered while their element is within one viewport of the visible area (docs/detection.md):
  // an element with data-expect further away is left out of this read (readScrolled reads it from a nearer stop).
  const far = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    const h = innerHeight;
    return r.width + r.height > 0 && (r.bottom < -h + 40 || r.top > 2 * h - 40);
  };
  const walk = (parent: Node, owner: string | null, prefix: string): void => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const list = byNode.get(node);
        if (list && owner !== null) for (const r of list.sort((a, b) => a.start - b.start)) actual[owner]!.push(r.label);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (el.hasAttribute('data-spoof')) {
        const want = Number(el.getAttribute('data-spoof'));
        const found = rangesIn(el);
        if (found > want) errors.push(`${pathOf(el, prefix)}: the page registered ${want} range(s) under our names, found ${found}`);
        continue;
      }
      if (el.hasAttribute('data-lrt-card')) {
        if (el.parentNode !== document.documentElement) errors.push(`${pathOf(el, prefix)}: a card host inside the page's content`);
        continue;
      }
      if (el.localName.startsWith('lrt-') || el.localName.startsWith('restake-lens')) errors.push(`${pathOf(el, prefix)}: an extension element in the page`);
      for (const a of el.getAttributeNames()) if (a.startsWith('data-lrt-')) errors.push(`${pathOf(el, prefix)}: extension attribute ${a}`);
      if (el.hasAttribute('data-expect-pending')) pending.push(pathOf(el, prefix));
      let own = owner;
      if (el.hasAttribute('data-expect') && far(el)) own = null;
      else if (el.hasAttribute('data-expect')) {
        own = uniqueKey(pathOf(el, prefix));
        expected[own] = (el.getAttribute('data-expect') ?? '').split(/\s+/).filter(Boolean);
        actual[own] = [];
      }
      if (el.shadowRoot) walk(el.shadowRoot, own, `${pathOf(el, prefix)} ::shadow `);
      walk(el, own, prefix);
    }
  };
  walk(document, OUTSIDE, '');
  if (pending.length) {
    expected['<pending>'] = [];
    actual['<pending>'] = pending;
  }
  return { expected, actual, errors };
}

/**
 * readExpectations() as a string expression whose value is its snapshot as JSON. Frames evaluate this instead
 * of the function itself: a 20,000-key snapshot crosses the protocol as one string in tens of milliseconds,
 * while Playwright's structured serialisation of the object takes over a second. A string expression is
 * evaluated by the protocol (Runtime.evaluate / script.evaluate), so a page's CSP does not block it.
 */
export const READ_EXPECTATIONS_JSON = `JSON.stringify((${readExpectations.toString()})())`;

/** Snapshots of several frames as one: keys are prefixed with the frame's label (none for the top frame). */
export function mergeSnapshots(frames: Array<{ label: string; snapshot: Snapshot }>): Snapshot {
  const out: Snapshot = { expected: {}, actual: {}, errors: [] };
  for (const { label, snapshot } of frames) {
    const p = label ? `[${label}] ` : '';
    for (const [k, v] of Object.entries(snapshot.expected)) out.expected[p + k] = v;
    for (const [k, v] of Object.entries(snapshot.actual)) out.actual[p + k] = v;
    out.errors.push(...snapshot.errors.map((e) => p + e));
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What Playwright's and Puppeteer's pages share for scrolling the top window. */
interface Scrollable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two libraries type evaluate differently
  evaluate(expression: string): Promise<any>;
}

/**
 * Reads a whole page under the contract's "registered while in or near the viewport" rule (docs/detection.md):
 * scrolls the top window two viewports at a time (marks within one viewport of the visible area are registered),
 * reads at each stop until what came near is registered (waitForExpectations, at most 6 s: the observer's report
 * after a scroll takes longer on a loaded machine than any fixed pause allows), and keeps, per element, the
 * stop that showed it marked. At most `maxStops` stops: elements further down a very long page (the 20,000-row
 * table) are not checked. Scrolls back to the top after.
 */
export async function readScrolled(page: Scrollable, readOnce: () => Promise<Snapshot>, maxStops = 12): Promise<Snapshot> {
  const [height, view] = (await page.evaluate('[document.documentElement.scrollHeight, innerHeight]')) as [number, number];
  const out = await readOnce();
  const errors = new Set(out.errors);
  for (let y = 2 * view, stop = 1; y < height && stop < maxStops; y += 2 * view, stop++) {
    await page.evaluate(`scrollTo(0, ${y})`);
    await sleep(300);
    const s = await waitForExpectations(readOnce, 6_000, 0);
    for (const [k, v] of Object.entries(s.expected)) out.expected[k] ??= v;
    for (const [k, v] of Object.entries(s.actual)) if (v.length > (out.actual[k]?.length ?? -1)) out.actual[k] = v;
    for (const e of s.errors) errors.add(e);
  }
  if (height > 2 * view) {
    await page.evaluate('scrollTo(0, 0)');
    await sleep(300);
  }
  out.errors = [...errors];
  return out;
}

/** A readable, unique label per frame URL: the path after the fixture server's origin, or about:blank/srcdoc. */
export function frameLabels(urls: string[]): string[] {
  const seen = new Map<string, number>();
  return urls.map((url, i) => {
    if (i === 0) return '';
    let label = url.replace(/^https?:\/\/[^/]+/, '') || url;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    if (n > 1) label += ` #${n}`;
    return label;
  });
}

export function matches(s: Snapshot): boolean {
  return s.errors.length === 0 && isDeepStrictEqual(s.expected, s.actual);
}

/**
 * Polls `evalFn` every 150 ms until the snapshot matches and has stayed matching for `settleMs` (so a page
 * that expects no marks, or a late stray mark, is not judged before the extension had time to act), or until
 * `timeoutMs`. Returns the last snapshot either way, for the test to assert with a diff. On big pages, where a
 * read takes long, it waits three times the read's duration instead, so the reader (which shares the page's
 * main thread with the content script) never takes more than a quarter of it.
 */
export async function waitForExpectations(evalFn: () => Promise<Snapshot>, timeoutMs = 8_000, settleMs = 1_200): Promise<Snapshot> {
  const start = Date.now();
  let matchedSince: number | null = null;
  let last: Snapshot;
  for (;;) {
    const readStart = Date.now();
    try {
      last = await evalFn();
    } catch (e) {
      // A frame navigating or detaching between two polls: try again.
      last = { expected: {}, actual: {}, errors: [`reading failed: ${(e as Error).message}`] };
    }
    const now = Date.now();
    if (matches(last)) {
      matchedSince ??= now;
      if (now - matchedSince >= settleMs) return last;
    } else matchedSince = null;
    if (now - start > timeoutMs) return last;
    await sleep(Math.max(150, 3 * (now - readStart)));
  }
}

/** Only the keys that differ (at most `max`), so a failing 20,000-row page still gives a readable diff. */
export function mismatches(s: Snapshot, max = 60): { expected: Record<string, string[]>; actual: Record<string, string[]>; more: number } {
  const expected: Record<string, string[]> = {};
  const actual: Record<string, string[]> = {};
  let more = 0;
  const keys = new Set([...Object.keys(s.expected), ...Object.keys(s.actual)]);
  for (const k of keys) {
    if (isDeepStrictEqual(s.expected[k], s.actual[k])) continue;
    if (Object.keys(expected).length >= max) {
      more++;
      continue;
    }
    expected[k] = s.expected[k] ?? ['<no such element>'];
    actual[k] = s.actual[k] ?? ['<no such element>'];
  }
  return { expected, actual, more };
}

/** Expectation entries that are not `<registry id>:<kind>`: a typo in a fixture must not pass silently. */
export function badEntries(s: Snapshot, ids: ReadonlySet<string>): string[] {
  const bad: string[] = [];
  for (const [key, entries] of Object.entries(s.expected)) {
    for (const entry of entries) {
      const [id = '', kind = ''] = entry.split(':');
      if (!ids.has(id) || !(KINDS as readonly string[]).includes(kind)) bad.push(`${key}: ${entry}`);
    }
  }
  return bad;
}
