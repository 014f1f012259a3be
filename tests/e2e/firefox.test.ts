// E2E in real Firefox ESR (puppeteer-core over WebDriver BiDi): page -> wrappers -> background answer.
// Firefox refuses BiDi navigation to moz-extension:// pages, so the popup is covered in Chromium and in unit
// tests; here the card is the background's answer, fetched over the same contract the popup uses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import { join } from 'node:path';
import { SCREENSHOTS, startFixtureServer } from './lib/env.ts';
import { launchFirefox } from './lib/launch.ts';
import { countAllMarks, readCard, readMarks } from './lib/pages.ts';
import { SLICE_EXPECTED, SLICE_TOTAL } from './expect.ts';

let browser: Browser;
const server = await startFixtureServer();

before(async () => {
  browser = await launchFirefox();
});

after(async () => {
  await browser?.close();
  await server.close();
});

async function openSlice(): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  await page.goto(server.url('/fixtures/slice.html'));
  await page.waitForFunction((n: number) => document.querySelectorAll('lrt-mark[data-lrt-token]').length >= n, { timeout: 15_000 }, SLICE_TOTAL + 1);
  return page;
}

test('Firefox: marks exactly the expected tokens', async () => {
  const page = await openSlice();
  assert.deepEqual(await page.evaluate(readMarks, Object.keys(SLICE_EXPECTED)), SLICE_EXPECTED);
  assert.equal(await page.evaluate(countAllMarks), SLICE_TOTAL + 1);
  await page.close();
});

test('Firefox: hovering a mark shows the background’s answer in the card', async () => {
  const page = await openSlice();
  await page.hover('#row-weeth lrt-mark');
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
