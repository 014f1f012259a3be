// E2E in real Firefox ESR (puppeteer-core over WebDriver BiDi): page -> wrappers -> card -> popup.
// Firefox refuses BiDi navigation to moz-extension:// pages, but an extension page the extension opened itself (the
// method page, from the card's footer) can be scripted, and a script may navigate it to the popup page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import { join } from 'node:path';
import { SCREENSHOTS, startFixtureServer } from './lib/env.ts';
import { launchFirefox } from './lib/launch.ts';
import { countAllMarks, readCard, readMarks } from './lib/pages.ts';
import { hoverMark, marksOn, waitForMarks } from './lib/marks.ts';
import { poll } from './lib/poll.ts';
import { SLICE_EXPECTED, SLICE_POPUP, SLICE_TOTAL } from './expect.ts';

let browser: Browser;
const server = await startFixtureServer();

before(async () => {
  browser = await launchFirefox({ build: 'e2e' });
});

after(async () => {
  await browser?.close();
  await server.close();
});

async function openSlice(): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  await page.goto(server.url('/fixtures/slice.html'));
  await waitForMarks(page, SLICE_TOTAL, { except: '#spoof' });
  return page;
}

test('Firefox: marks exactly the expected tokens', async () => {
  const page = await openSlice();
  assert.deepEqual(await page.evaluate(readMarks, Object.keys(SLICE_EXPECTED)), SLICE_EXPECTED);
  // Our marks; the page's own forged range under our name may be gone: Firefox does not let a content script's
  // range join the page's Highlight, so the extension's own Highlight takes the name (see paint.ts).
  assert.equal((await marksOn(page, { except: '#spoof' })).length, SLICE_TOTAL);
  assert.ok([SLICE_TOTAL, SLICE_TOTAL + 1].includes(await page.evaluate(countAllMarks)));
  await page.close();
});

test('Firefox: hovering a mark shows the background’s answer in the card', async () => {
  const page = await openSlice();
  await hoverMark(page, '#row-weeth');
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-lrt-card]');
    return host?.shadowRoot?.querySelector('[role="dialog"][data-token]') != null;
  });
  const card = await page.evaluate(readCard);
  assert.ok(card);
  assert.equal(card.label, 'weETH');
  for (const title of ['Rating', 'Slashing', 'Liquidity', 'Audits']) assert.ok(card.sections.includes(title), `section ${title}`);
  // Six rosette slices, each with its own accessible label, and six petal lines with their age.
  assert.equal(card.slices.length, 6);
  assert.match(card.slices[0]!, /^Slashing exposure: (green|yellow|red|grey \(unknown\))$/);
  assert.match(card.text, /bundled, as of \d{4}-\d{2}-\d{2}|no data/);
  assert.match(card.text, /Wrapped eETH/);
  assert.match(card.text, /issued by ether\.fi/);
  // The card is styled inside its shadow root (constructed sheet or its fallback): it has a border box.
  const width = await page.evaluate(() => {
    const el = document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('.rl-card');
    return el ? getComputedStyle(el).width : null;
  });
  assert.equal(width, '360px');
  await page.screenshot({ path: join(SCREENSHOTS, 'card-firefox.png') });
  await page.close();
});

/** The extension page the card's method link opens: the way into moz-extension:// pages under BiDi. */
async function openExtensionPage(page: Page): Promise<Page> {
  await hoverMark(page, '#row-weeth');
  await page.waitForFunction(() => document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('.rl-foot .rl-link') != null);
  const before = new Set(await browser.pages());
  // A real click (a scripted one presses nothing in the card): at the link's place on screen.
  const at = await page.evaluate(() => {
    const link = document.querySelector('[data-lrt-card]')!.shadowRoot!.querySelector('.rl-foot .rl-link')!;
    // The card scrolls within itself (max-height): bring the footer into its view first.
    link.scrollIntoView({ block: 'nearest' });
    const r = link.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(at.x, at.y);
  for (let i = 0; i < 50; i++) {
    for (const p of await browser.pages()) {
      if (before.has(p)) continue;
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://')) return p;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the method page did not open');
}

test('Firefox: the popup lists the tab’s restaking tokens worst first, and a row opens the detail with all six petals', async () => {
  const page = await openSlice();
  const ext = await openExtensionPage(page);
  // The fixture tab's id, from its frames' reports in storage.session (the extension has no "tabs" permission).
  let rows: Record<string, number> = {};
  let order: string[] = [];
  for (let i = 0; i < 20 && JSON.stringify(rows) !== JSON.stringify(SLICE_POPUP); i++) {
    // The report follows the marks after 400 ms of quiet: wait for it rather than race it.
    const tabId = await poll(
      () =>
        ext.evaluate(async () => {
          const keys = Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('tab:'));
          return Number(keys[0]?.split(':')[1]);
        }),
      (id) => Number.isInteger(id),
      { what: 'the fixture tab’s report' },
    );
    await ext.evaluate((id: number) => {
      location.href = `/popup.html?tabId=${id}`;
    }, tabId);
    await ext.waitForFunction(() => location.pathname === '/popup.html' && document.querySelector('[data-testid="token-list"], [data-testid="empty"]') !== null);
    const read = await ext.evaluate(() =>
      [...document.querySelectorAll('[data-testid="token-list"] [data-lrt-row]')].map((e) => [e.getAttribute('data-lrt-row') ?? '', Number(e.querySelector('.rl-row-count')?.getAttribute('data-count')), e.getAttribute('data-worst') ?? ''] as const),
    );
    rows = Object.fromEntries(read.map(([id, n]) => [id, n]));
    order = read.map(([, , worst]) => worst);
    if (JSON.stringify(rows) !== JSON.stringify(SLICE_POPUP)) await new Promise((r) => setTimeout(r, 250));
  }
  assert.deepEqual(rows, SLICE_POPUP);
  const rank = { bad: 0, warning: 1, unknown: 2, good: 3 } as Record<string, number>;
  assert.deepEqual(order, [...order].sort((a, b) => rank[a]! - rank[b]!), `worst first: ${order.join(', ')}`);
  await ext.setViewport({ width: 400, height: 640 });
  await ext.screenshot({ path: join(SCREENSHOTS, 'popup-firefox.png') });

  await ext.click('[data-lrt-row="ezeth"]');
  await ext.waitForSelector('[role="dialog"][data-token="ezeth"]');
  const petals = await ext.evaluate(() => [...document.querySelectorAll('[data-petal]')].map((e) => e.getAttribute('data-petal')));
  assert.deepEqual(petals, ['slashing', 'exit', 'admin', 'peg', 'code', 'backing']);
  assert.ok(await ext.$('[data-deployments] a[href^="https://etherscan.io/address/0xbf5495"]'), 'deployments link to the explorer');
  // Keyboard: Escape goes back to the list, with focus on the row that opened the detail.
  await ext.keyboard.press('Escape');
  await ext.waitForSelector('[data-testid="token-list"]');
  assert.equal(await ext.evaluate(() => document.activeElement?.getAttribute('data-lrt-row')), 'ezeth');
  await ext.close();
  await page.close();
});
