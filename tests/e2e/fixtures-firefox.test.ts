// The fixture pages (tests/fixtures/pages) in real Firefox ESR over WebDriver BiDi: every frame's marks
// against the page's own data-expect, after load and after each scripted step; and the hover card on a
// strict-CSP page.
import { after, before } from 'node:test';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { startFixtureServer } from './lib/env.ts';
import { launchFirefox, registryIds } from './lib/launch.ts';
import { READ_EXPECTATIONS_JSON, frameLabels, mergeSnapshots, readScrolled, waitForExpectations, type Snapshot } from './lib/fixtures.ts';
import { fixtureSuite } from './lib/fixture-suite.ts';
import { hoverMark } from './lib/marks.ts';

let browser: Browser;
const server = await startFixtureServer();

before(async () => {
  browser = await launchFirefox({ build: 'e2e' });
});

after(async () => {
  await browser?.close();
  await server.close();
});

async function readAllFrames(page: Page): Promise<Snapshot> {
  const main = page.mainFrame();
  const frames: Frame[] = [main, ...page.frames().filter((f) => f !== main)];
  const labels = frameLabels(frames.map((f) => f.url()));
  const snapshots = [];
  for (const [i, frame] of frames.entries()) snapshots.push({ label: labels[i]!, snapshot: JSON.parse(String(await frame.evaluate(READ_EXPECTATIONS_JSON))) as Snapshot });
  return mergeSnapshots(snapshots);
}

fixtureSuite({
  browser: 'Firefox',
  registryIds,
  wait: waitForExpectations,
  async open(path) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 800 });
    await page.goto(server.url(path));
    return {
      read: () => readScrolled(page, () => readAllFrames(page)),
      click: (selector) => page.click(selector),
      hoverMark: (within) => hoverMark(page, within),
      cardOpen: () => page.evaluate(() => document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('[role="dialog"]') != null),
      close: () => page.close(),
    };
  },
});
