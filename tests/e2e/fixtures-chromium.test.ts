// The fixture pages (tests/fixtures/pages) in real Chromium: every frame's marks against the page's own
// data-expect, after load and after each scripted step; and the hover card on a strict-CSP page.
import { after, before } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { startFixtureServer } from './lib/env.ts';
import { launchChromium, registryIds, type ChromiumSession } from './lib/launch.ts';
import { READ_EXPECTATIONS_JSON, frameLabels, mergeSnapshots, readScrolled, waitForExpectations, type Snapshot } from './lib/fixtures.ts';
import { fixtureSuite } from './lib/fixture-suite.ts';
import { hoverMark } from './lib/marks.ts';

let session: ChromiumSession;
const server = await startFixtureServer();

before(async () => {
  session = await launchChromium({ build: 'e2e' });
});

after(async () => {
  await session?.close();
  await server.close();
});

async function readAllFrames(page: Page): Promise<Snapshot> {
  const main = page.mainFrame();
  const frames: Frame[] = [main, ...page.frames().filter((f) => f !== main)];
  const labels = frameLabels(frames.map((f) => f.url()));
  const snapshots = [];
  for (const [i, frame] of frames.entries()) snapshots.push({ label: labels[i]!, snapshot: JSON.parse(await frame.evaluate(READ_EXPECTATIONS_JSON)) as Snapshot });
  return mergeSnapshots(snapshots);
}

fixtureSuite({
  browser: 'Chromium',
  registryIds,
  wait: waitForExpectations,
  async open(path) {
    const page = await session.context.newPage();
    await page.goto(server.url(path));
    return {
      read: () => readScrolled(page, () => readAllFrames(page)),
      click: async (selector) => page.click(selector),
      hoverMark: (within) => hoverMark(page, within),
      cardOpen: () => page.evaluate(() => document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('[role="dialog"]') != null),
      close: () => page.close(),
    };
  },
});
