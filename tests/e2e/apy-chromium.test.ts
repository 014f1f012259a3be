// E2E for APY computed from the token's own rate, in real Chromium against local services: nine days of ezETH rate
// samples are seeded in its own storage.local record (rate-samples:ezeth, the format rate-apy.ts writes); one
// refresh adds today's sample from anvil and the ezETH card (no DefiLlama pool) shows the APY with its basis and
// the split against the stETH benchmark. The samples never enter the live cache.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { EZETH_RATE_VALUE, extensionPage, pointAt, refresh, startLiveServices, type LiveServices } from './lib/live-services.ts';

const DAY = 86_400_000;
const APY = 4;
let session: ChromiumSession;
let context: BrowserContext;
let extensionId: string;
let services: LiveServices;

before(async () => {
  services = await startLiveServices();
  session = await launchChromium({ build: 'e2e' });
  ({ context, extensionId } = session);
  const now = Date.now();
  // One sample a day for 9 days, growing at 4% a year up to the rate anvil serves now.
  const s = Array.from({ length: 9 }, (_, i) => 9 - i).map((d) => [Math.round((now - d * DAY) / 60_000), EZETH_RATE_VALUE / Math.pow(1 + APY / 100, d / 365)]);
  await session.worker.evaluate((rec) => chrome.storage.local.set({ 'rate-samples:ezeth': rec }), { v: 1, s });
  await pointAt(session, services);
});

after(async () => {
  await session?.close();
  await services?.stop();
});

test('ezETH: APY computed from the on-chain rate over 9 days, split into plain staking and premium, with its call', async () => {
  const page = await extensionPage(context, extensionId);
  await refresh(page);
  await refresh(page);
  const stored = await page.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return { samples: (all['rate-samples:ezeth'] as { s: unknown[] }).s.length, inCache: Object.keys((all['live:entries'] ?? {}) as object).filter((k) => k.startsWith('rate-samples')) };
  });
  assert.equal(stored.samples, 10, 'today’s sample joined the nine seeded');
  assert.deepEqual(stored.inCache, []);
  await page.goto(`chrome-extension://${extensionId}/popup.html?token=ezeth`);
  await page.waitForSelector('li[data-live="apy-rate"]');
  const li = await page.evaluate(() => {
    const el = document.querySelector('li[data-live="apy-rate"]')!;
    return { text: el.textContent ?? '', fresh: el.getAttribute('data-fresh'), sources: [...el.querySelectorAll('.rl-sources [title]')].map((a) => a.getAttribute('title') ?? '') };
  });
  assert.equal(li.fresh, 'true');
  // 4.00% total against the local stETH benchmark's 2.8%.
  assert.match(li.text, /APY: 4\.00%: 2\.80% plain ETH staking \+ 1\.20% restaking premium \(computed from the on-chain rate over 9 days\)/);
  assert.ok(li.sources.some((s) => /\(Ethereum\), block/.test(s)), li.sources.join(' | '));
  await page.close();
});
