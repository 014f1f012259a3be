// A hostile page against the extension, in real Chromium (tests/fixtures/pages/attacks.html): each attack from
// issue 17 is tried the way a page would try it, and must fail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startFixtureServer } from './lib/env.ts';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { hoverMark, marksOn, waitForMarks } from './lib/marks.ts';
import { countAllMarks, markPoint, readCard } from './lib/pages.ts';
import { poll } from './lib/poll.ts';

let session: ChromiumSession;
let context: BrowserContext;
let worker: Worker;
const server = await startFixtureServer();

before(async () => {
  session = await launchChromium({ build: 'e2e' });
  ({ context, worker } = session);
});

after(async () => {
  await session?.close();
  await server.close();
});

declare global {
  interface Window {
    attack: { relabel(): void; repoint(): void; editable(): void; churn(): void };
    churnTimer?: number;
  }
}

async function openAttacks(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url('/fixtures/attacks.html'));
  await waitForMarks(page, 2, { within: '#plain' });
  return page;
}

const cardOpen = async (page: Page) => (await page.evaluate(readCard)) !== null;
/** Nothing opens within `ms`: checked every 100 ms, so a card that flashes open is caught too. */
async function staysClosed(page: Page, ms = 800): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await page.waitForTimeout(100)) assert.equal(await cardOpen(page), false, 'no card may open');
}

test('attack: a page defining the extension’s old tag names as custom elements does not disable the card', async () => {
  const page = await openAttacks();
  await hoverMark(page, '#plain', 'rseth');
  await page.getByRole('dialog', { name: 'rsETH' }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('[data-lrt-card]')?.localName), 'div');
  await page.close();
});

test('attack: a re-labelled mention loses its mark and opens nothing', async () => {
  const page = await openAttacks();
  await waitForMarks(page, 1, { within: '#relabel' });
  const at = (await page.evaluate(markPoint, { within: '#relabel' }))!;
  await page.evaluate(() => window.attack.relabel());
  await waitForMarks(page, 0, { within: '#relabel' });
  await page.mouse.move(at.x, at.y);
  await staysClosed(page);
  await page.close();
});

test('attack: a link repointed after marking is read again and its card warns about the new address', async () => {
  const page = await openAttacks();
  assert.deepEqual(
    (await waitForMarks(page, 1, { within: '#repoint' })).map((m) => m.kind),
    ['link'],
  );
  await page.evaluate(() => window.attack.repoint());
  await poll(() => marksOn(page, { within: '#repoint' }), (m) => m.length === 1 && m[0]!.kind === 'impostor', { what: 'the repointed link marked impostor' });
  await hoverMark(page, '#repoint');
  await page.waitForFunction(() => document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('[data-impostor="0xdEAD000000000000000000000000000000000001"]') != null);
  await page.close();
});

test('attack: scripted pointer events, focus() and click() open no card and no tab', async () => {
  const page = await openAttacks();
  await waitForMarks(page, 2, { within: '#plain' });
  // A synthetic pointermove right on the mention: not the user's.
  await page.evaluate(() => {
    const r = document.createRange();
    const text = document.getElementById('plain')!.firstChild!;
    r.setStart(text, 'Also listed: '.length);
    r.setEnd(text, 'Also listed: rsETH'.length);
    const rect = r.getBoundingClientRect();
    for (let i = 0; i < 5; i++) document.getElementById('plain')!.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: rect.left + 2, clientY: rect.top + 4 }));
  });
  await staysClosed(page);
  await page.evaluate(() => (document.getElementById('repoint') as HTMLElement).focus());
  await staysClosed(page);
  // The user opens a card; the page then clicks the card's button to the method page five times.
  await hoverMark(page, '#plain', 'rseth');
  await page.getByRole('dialog', { name: 'rsETH' }).waitFor();
  const pagesBefore = context.pages().length;
  await page.evaluate(() => {
    const button = document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('.rl-foot .rl-link') as HTMLElement | null;
    for (let i = 0; i < 5; i++) button?.click();
  });
  await page.waitForTimeout(1_000);
  assert.equal(context.pages().length, pagesBefore, 'no tab opened by scripted clicks');
  await page.close();
});

test('attack: a text node with 80,000 mentions keeps its text, gets at most 100 marks, and the page stays responsive', async () => {
  const page = await openAttacks();
  const marks = await waitForMarks(page, 100, { within: '#flood' });
  assert.ok(marks.every((m) => m.id === 'ezeth' && m.text === 'ezETH'));
  assert.equal(await page.evaluate(() => document.getElementById('flood')!.textContent!.length), 6 * 80_000);
  // The longest gap between animation frames over half a second.
  const gap = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        const end = last + 500;
        const tick = (t: number) => {
          worst = Math.max(worst, t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else resolve(worst);
        };
        requestAnimationFrame(tick);
      }),
  );
  assert.ok(gap < 250, `longest frame gap ${gap} ms`);
  await page.close();
});

test('attack: nothing is marked in an editable region or a designMode document; a region made editable loses its marks', async () => {
  const page = await openAttacks();
  await page.evaluate(() => {
    // A second frame without designMode: once it is marked, the content script has run in srcdoc frames.
    const f = document.createElement('iframe');
    f.id = 'control';
    f.srcdoc = "<p id='inside'>draft about ezETH</p>";
    document.body.append(f);
  });
  const control = await poll(async () => {
    for (const f of page.frames()) if (f !== page.mainFrame() && (await f.evaluate(() => document.designMode)) === 'off') return f;
    return null;
  }, (f) => f !== null);
  await waitForMarks(control!, 1);
  for (const f of page.frames()) {
    if (f === page.mainFrame() || f === control) continue;
    assert.equal(await f.evaluate(() => document.designMode), 'on');
    assert.deepEqual(await marksOn(f), [], 'no mark in a designMode document');
  }
  await waitForMarks(page, 1, { within: '#edit' });
  await page.evaluate(() => window.attack.editable());
  await waitForMarks(page, 0, { within: '#edit' });
  await page.close();
});

test('attack: a page re-rendering every 200 ms: marks stay as many as the page shows, and the tab is reported', async () => {
  const page = await openAttacks();
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  assert.ok(typeof tabId === 'number');
  await page.evaluate(() => window.attack.churn());
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) {
    samples.push(await page.evaluate(countAllMarks));
    await page.waitForTimeout(200);
  }
  const base = await page.evaluate(() => document.querySelectorAll('#churn li').length);
  assert.equal(base, 30);
  // Removed rows' ranges are released at once: the count never grows with the renders (15 renders × 30 rows).
  assert.ok(Math.max(...samples) - Math.min(...samples) <= 30, `mark counts over 3 s: ${samples.join(', ')}`);
  // Reported while the page never stops changing (a debounce alone would never fire): the churn rows are in it.
  const onPage = async () => (await marksOn(page)).filter((m) => m.id === 'ezeth' && m.kind !== 'impostor').length;
  const stored = () => worker.evaluate(async (key) => ((await chrome.storage.session.get(key))[key] as Record<string, number> | undefined)?.ezeth ?? 0, `tab:${tabId}:0`);
  const want = await onPage();
  assert.ok(want >= 130, `ezETH marks on the page: ${want}`);
  await poll(stored, (n) => n === want, { timeoutMs: 4_000, what: `the tab report to hold ${want} ezETH while the page churns` });
  await page.evaluate(() => clearInterval(window.churnTimer));
  await page.close();
});

test('a frame’s report is dropped when the frame goes', async () => {
  const page = await openAttacks();
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const reports = () =>
    worker.evaluate(async (prefix) => Object.entries(await chrome.storage.session.get(null)).filter(([k]) => k.startsWith(prefix)), `tab:${tabId}:`) as Promise<Array<[string, Record<string, number>]>>;
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'goes';
    f.srcdoc = '<p>only here: LBTC</p>';
    document.body.append(f);
  });
  const withFrame = await poll(reports, (r) => r.some(([, c]) => c.lbtc === 1), { what: 'a report from the added frame' });
  const frameKey = withFrame.find(([, c]) => c.lbtc === 1)![0];
  assert.notEqual(frameKey, `tab:${tabId}:0`);
  await page.evaluate(() => document.getElementById('goes')!.remove());
  await poll(reports, (r) => !r.some(([k]) => k === frameKey) && r.some(([k]) => k === `tab:${tabId}:0`), { what: 'the frame’s report gone, the page’s kept' });
  await page.close();
});

interface CdpNode {
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: Array<CdpNode & { shadowRootType?: string }>;
}

test('attack: the production card lives in a closed shadow root the page cannot read or rewrite (seen through the DevTools protocol)', async () => {
  const prod = await launchChromium();
  try {
    const page = await prod.context.newPage();
    await page.goto(server.url('/fixtures/attacks.html'));
    await hoverMark(page, '#plain', 'rseth');
    // The page sees the host and nothing inside it.
    await poll(() => page.evaluate(() => document.querySelector('[data-lrt-card]') !== null), (v) => v, { what: 'the card host' });
    assert.deepEqual(await page.evaluate(() => [document.querySelector('[data-lrt-card]')!.shadowRoot, document.querySelectorAll('[role="dialog"]').length]), [null, 0]);
    // The browser's own view (CDP pierces closed roots): a closed root holding the rsETH dialog.
    const cdp = await prod.context.newCDPSession(page);
    const find = (n: CdpNode, ok: (n: CdpNode) => boolean): CdpNode | null => {
      if (ok(n)) return n;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
        const hit = find(c, ok);
        if (hit) return hit;
      }
      return null;
    };
    const attrs = (n: CdpNode) => Object.fromEntries((n.attributes ?? []).flatMap((v, i, a) => (i % 2 ? [] : [[v, a[i + 1]]])));
    const dialog = await poll(
      async () => {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
        const host = find(root, (n) => 'data-lrt-card' in attrs(n));
        const shadow = host?.shadowRoots?.[0];
        return { type: shadow?.shadowRootType, dialog: shadow ? find(shadow, (n) => attrs(n).role === 'dialog') : null };
      },
      (r) => r.dialog !== null,
      { what: 'a dialog in the card host’s shadow root' },
    );
    assert.equal(dialog.type, 'closed');
    await page.close();
  } finally {
    await prod.close();
  }
});

test('the popup says when marking was cut short: the 80,000-mention text node reports its limit, a plain page none', async () => {
  const popupFor = async (page: Page) => {
    await page.bringToFront();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    assert.ok(typeof tabId === 'number', 'tab found');
    const popup = await context.newPage();
    const extensionId = new URL(worker.url()).host;
    // The report is throttled (at most every 2 s): poll the popup until it holds the tab's list.
    return { popup, open: () => popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`) };
  };
  const page = await openAttacks();
  await waitForMarks(page, 100, { within: '#flood' });
  const { popup, open } = await popupFor(page);
  const limits = await poll(
    async () => {
      await open();
      await popup.waitForSelector('[data-testid="token-list"], .rl-empty');
      return popup.$$eval('[data-limit]', (els) => els.map((e) => [e.getAttribute('data-limit'), e.textContent]));
    },
    (l) => l.length > 0,
    { timeoutMs: 10_000, what: 'a limit in the popup' },
  );
  assert.deepEqual(limits, [['node', 'Some text on this page holds more than 100 mentions: only its first 100 are marked.']]);
  await popup.close();
  await page.close();

  const plain = await context.newPage();
  await plain.goto(server.url('/fixtures/slice.html'));
  await waitForMarks(plain, 1, {}, { atLeast: true });
  const other = await popupFor(plain);
  await poll(
    async () => {
      await other.open();
      await other.popup.waitForSelector('[data-testid="token-list"], .rl-empty');
      return other.popup.locator('[data-testid="token-list"]').count();
    },
    (n) => n > 0,
    { timeoutMs: 10_000, what: 'the plain page listed in the popup' },
  );
  assert.equal(await other.popup.locator('[data-limit]').count(), 0);
  await other.popup.close();
  await plain.close();
});
