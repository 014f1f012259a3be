// Runs in: e2e tests (node --test), real Chromium with the e2e build, against local services only (anvil and the
// DefiLlama stand-in, tests/e2e/lib/live-services.ts). The whole story of issue 6 in one browser session:
// a page with several tokens -> the popup lists them worst first -> a detail shows all six petals with their
// sources -> the options page switches the site off and a reload leaves the page unmarked -> a simulated depeg of a
// watched token raises exactly one notification, and the popup then lists that token first, red. Along the way:
// axe-core on the popup (summary, search, detail; light and dark), keyboard use, and the README's screenshots.
import { poll } from './lib/poll.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, startFixtureServer } from './lib/env.ts';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { hoverMark, marksOn, scanIdle, waitForMarks } from './lib/marks.ts';
import { axeViolations, formatViolations } from './lib/axe.ts';
import { EZETH_KEY, EZETH_RATE_VALUE, ETH_USD, extensionPage, pointAt, refresh, registryTokens, settingsWithAlerts, startLiveServices, type LiveServices } from './lib/live-services.ts';
import { placeExitVenues } from '../support/venues.ts';

/** Settings v2 in full, watching ezETH with a 1% threshold. */
const SETTINGS = settingsWithAlerts({ depegPct: 1, watched: ['ezeth'] });
/** The dashboard fixture's tokens and how often each appears. */
const DASHBOARD = { ezeth: 2, pufeth: 1, pzeth: 1, rseth: 1, weeth: 2 };
const RANK: Record<string, number> = { bad: 0, warning: 1, unknown: 2, good: 3 };
const ezethUsd = (pegPct: number) => EZETH_RATE_VALUE * ETH_USD * (1 + pegPct / 100);

let session: ChromiumSession;
let context: BrowserContext;
let extensionId: string;
let services: LiveServices;
let ext: Page;
const pages = await startFixtureServer();

before(async () => {
  services = await startLiveServices();
  // pzETH's one exit pool is thin here (1,000 a side: about 52 pzETH within 5%, under 100): its Exit petal is red.
  await placeExitVenues(services.anvil.url, (await registryTokens()).filter((t) => t.id === 'pzeth'), { pzeth: 1000 });
  session = await launchChromium({ build: 'e2e' });
  ({ context, extensionId } = session);
  await session.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), SETTINGS);
  await pointAt(session, services);
  ext = await extensionPage(context, extensionId);
  await refresh(ext);
});

after(async () => {
  await session?.close();
  await Promise.all([services?.stop(), pages.close()]);
});

const popupUrl = (query: string) => `chrome-extension://${extensionId}/popup.html?${query}`;

/** Opens the dashboard fixture, waits for its marks and its report; returns the page and its tab id. */
async function openDashboard(): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(pages.url('/fixtures/restaking-dashboard.html'));
  await waitForMarks(page, 7, {}, { atLeast: true });
  await page.bringToFront();
  const tabId = await session.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  assert.ok(typeof tabId === 'number', 'fixture tab found');
  return { page, tabId };
}

interface Row {
  id: string;
  worst: string;
  count: number;
  text: string;
}

/** The popup's summary rows, polled until the tab's report is complete. */
async function popupRows(popup: Page, tabId: number, want: Record<string, number>): Promise<Row[]> {
  let rows: Row[] = [];
  for (let i = 0; i < 30; i++) {
    await popup.goto(popupUrl(`tabId=${tabId}`));
    await popup.waitForSelector('[data-testid="token-list"], [data-testid="empty"]');
    rows = await popup.$$eval('[data-testid="token-list"] [data-lrt-row]', (els) =>
      els.map((e) => ({
        id: e.getAttribute('data-lrt-row') ?? '',
        worst: e.getAttribute('data-worst') ?? '',
        count: Number(e.querySelector('.rl-row-count')?.getAttribute('data-count')),
        text: (e as HTMLElement).innerText,
      })),
    );
    if (JSON.stringify(Object.fromEntries(rows.map((r) => [r.id, r.count]).sort())) === JSON.stringify(want)) break;
    await popup.waitForTimeout(250);
  }
  return rows;
}

async function assertNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on ${where}:\n${formatViolations(violations)}`);
}

const shown = () => session.worker.evaluate(() => chrome.notifications.getAll());
const alertLog = () =>
  ext.evaluate(async () => (((await chrome.storage.local.get('alerts:state'))['alerts:state'] ?? { log: [] }) as { log: Array<{ tokenId: string }> }).log);

test('story: summary worst first -> detail with sourced petals -> site switched off -> one depeg notification', async (t) => {
  // 1. A page with five restaking tokens. Live data is fresh and nothing is off its peg: no alert yet.
  assert.deepEqual(await shown(), {});
  const { page, tabId } = await openDashboard();
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 720 });

  // 2. The popup lists them worst first, with counts, each row with its rosette, headline, peg and APY.
  let rows = await popupRows(popup, tabId, DASHBOARD);
  assert.deepEqual(Object.fromEntries(rows.map((r) => [r.id, r.count]).sort()), DASHBOARD);
  assert.deepEqual(rows.map((r) => r.worst), [...rows.map((r) => r.worst)].sort((a, b) => RANK[a]! - RANK[b]!), `worst first: ${rows.map((r) => `${r.id}=${r.worst}`).join(', ')}`);
  // Every exit venue is quoted on the local chain: pzETH's thin pool makes it red, so it comes first.
  assert.equal(rows[0]?.id, 'pzeth', 'pzETH, red on a thin exit market, comes first');
  assert.notEqual(rows[0]!.worst, rows.at(-1)!.worst, 'the page mixes levels, so the order means something');
  // weETH and ezETH have live prices: their rows show the peg (and weETH its APY), fresh.
  const weeth = rows.find((r) => r.id === 'weeth')!;
  assert.match(weeth.text, /peg −0\.20%/);
  assert.match(weeth.text, /APY 3\.10%/);
  assert.match(await popup.locator('[data-counts]').innerText(), /By worst petal: .* · 7 mentions/);
  const ready = await popup.evaluate(() => performance.getEntriesByName('rl-list-ready')[0]?.startTime ?? null);
  t.diagnostic(`popup: the tab's list showed ${ready === null ? '?' : Math.round(ready)} ms after the page started loading`);
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-chromium.png') });
  await assertNoAxeViolations(popup, 'the popup summary (light)');

  // Search over the whole registry, from the keyboard: issuer, then a contract address.
  await popup.locator('#rl-search-input').focus();
  await popup.keyboard.type('kelp');
  await popup.getByTestId('search-results').locator('[data-lrt-row="rseth"]').waitFor();
  await assertNoAxeViolations(popup, 'the popup with search results');
  await popup.locator('#rl-search-input').fill('0xbf5495efe5db9ce00f80364c8b423567e58d2110');
  await popup.getByTestId('search-results').locator('[data-lrt-row="ezeth"]').waitFor();
  assert.equal(await popup.getByTestId('search-results').locator('[data-lrt-row]').count(), 1);

  // 3. Detail, opened with the keyboard: all six petals, each with its level, sources and age.
  await popup.keyboard.press('Tab');
  await popup.keyboard.press('Enter');
  await popup.locator('[role="dialog"][data-token="ezeth"]').waitFor();
  await popup.waitForFunction(() => document.activeElement?.id === 'rl-detail-title', undefined, { timeout: 3000 }).catch(() => undefined);
  assert.equal(await popup.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`), 'H2#rl-detail-title', 'focus moves to the detail heading');
  const petals = await popup.$$eval('[data-petal]', (els) =>
    els.map((e) => ({ id: e.getAttribute('data-petal'), level: e.getAttribute('data-level'), links: e.querySelectorAll('.rl-sources a[href^="https://"]').length, text: e.textContent ?? '' })),
  );
  assert.deepEqual(petals.map((p) => p.id), ['slashing', 'exit', 'admin', 'peg', 'code', 'backing']);
  for (const p of petals) {
    assert.match(p.level ?? '', /^(good|warning|bad|unknown)$/);
    assert.match(p.text, /\((no data|bundled, as of \d{4}-\d{2}-\d{2}|live, .+ ago)\)/, `${p.id} says where it comes from and how old it is`);
    if (!/\(no data\)/.test(p.text)) assert.ok(p.links > 0, `${p.id} has at least one source link: ${p.text}`);
  }
  assert.match(petals.find((p) => p.id === 'peg')!.text, /live, \d+ min ago/);
  // Yield split, sparklines, withdrawal path, audits, deployments with explorer links, the method link.
  const detail = popup.getByTestId('detail');
  assert.ok((await detail.locator('[data-sparkline] svg[aria-label]').count()) >= 1, 'a peg sparkline');
  await detail.locator('[data-deployments] a[href="https://etherscan.io/address/0xbf5495Efe5DB9ce00f80364C8B423567e58d2110"]').waitFor();
  assert.match(await detail.innerText(), /Liquidity[\s\S]*Audits[\s\S]*Yield[\s\S]*Peg[\s\S]*Deployments/i);
  await detail.getByRole('button', { name: /^method / }).waitFor();
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-detail-chromium.png'), fullPage: true });
  await assertNoAxeViolations(popup, 'the token detail (light)');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await assertNoAxeViolations(popup, 'the token detail (dark)');
  // Escape goes back; focus returns to what opened the detail.
  await popup.keyboard.press('Escape');
  await popup.getByTestId('search-results').waitFor();
  assert.equal(
    await popup.evaluate(() => `${document.activeElement?.closest('[data-list]')?.getAttribute('data-list')}:${document.activeElement?.getAttribute('data-lrt-row')}`),
    'search:ezeth',
    'focus returns to the search result that opened the detail, not the same token in the tab list',
  );
  await popup.locator('#rl-search-input').fill('');
  await assertNoAxeViolations(popup, 'the popup summary (dark)');
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-dark-chromium.png') });
  await popup.emulateMedia({ colorScheme: 'light' });

  // 4. Options: switch this site off from the keyboard; a reload leaves the page unmarked and the popup empty.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const field = options.getByLabel('Add a site to switch off');
  await field.focus();
  await options.keyboard.type('127.0.0.1');
  await options.keyboard.press('Enter');
  await options.getByTestId('disabled-sites').locator('[data-site="127.0.0.1"]').waitFor();
  await page.reload();
  await page.waitForSelector('#pos-ezeth');
  await scanIdle(page);
  assert.equal((await marksOn(page)).length, 0, 'no mark after the reload');
  assert.equal(await page.evaluate(() => document.querySelector('#pos-ezeth td')?.textContent), 'ezETH');
  rows = await popupRows(popup, tabId, {});
  assert.deepEqual(rows, []);
  await popup.getByTestId('empty').waitFor();
  // Back on: remove it, reload, marked again.
  await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
  await options.getByTestId('disabled-sites').locator('[data-site="127.0.0.1"]').waitFor({ state: 'detached' });
  await page.reload();
  await waitForMarks(page, 7, {}, { atLeast: true });

  // 5. A simulated depeg of the watched ezETH: -3% at the local price service. Exactly one notification, however
  //    many refreshes follow; the popup now lists ezETH first, red, and its card says why.
  assert.deepEqual(await alertLog(), []);
  services.llama.setPrice(EZETH_KEY, ezethUsd(-3), { symbol: 'ezETH', decimals: 18 });
  const st = await refresh(ext);
  // What the alert rests on: the refresh read the new price (on a loaded machine a job can time out; then say so).
  assert.equal(st.jobs.find((j) => j.id === 'prices')?.error ?? null, null, `prices job failed: ${JSON.stringify(st.jobs.find((j) => j.id === 'prices'))}`);
  assert.deepEqual((await alertLog()).map((a) => a.tokenId), ['ezeth'], 'the alert is raised by the refresh that saw the depeg');
  // chrome.notifications.getAll() may list a notification a moment after create() resolved.
  assert.deepEqual(await poll(shown, (n) => Object.keys(n).length > 0, { what: 'the depeg notification', timeoutMs: 20_000 }), { 'depeg:ezeth': true });
  await refresh(ext);
  await refresh(ext);
  assert.deepEqual((await alertLog()).map((a) => a.tokenId), ['ezeth'], 'exactly one alert raised over three refreshes');
  // chrome.notifications.getAll() may list a notification a moment after create() resolved.
  assert.deepEqual(await poll(shown, (n) => Object.keys(n).length > 0, { what: 'the depeg notification' }), { 'depeg:ezeth': true });
  await page.bringToFront();
  rows = await popupRows(popup, tabId, DASHBOARD);
  assert.equal(rows[0]?.id, 'ezeth');
  assert.equal(rows[0]?.worst, 'bad');
  assert.match(rows[0]!.text, /peg −3\.00%/);
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup-depeg-chromium.png') });

  // The notification's click target: the token's detail.
  await popup.goto(popupUrl('token=ezeth'));
  await popup.getByRole('dialog', { name: 'ezETH' }).waitFor();
  assert.equal(await popup.locator('[data-petal="peg"]').getAttribute('data-level'), 'bad');
  // Back from there: no page to summarise, and the popup says so (not "no tokens on this page").
  await popup.bringToFront();
  await popup.keyboard.press('Escape');
  await popup.getByTestId('standalone').waitFor();

  // The hover card on the page shows the same: red peg, live, with its age.
  await hoverMark(page, '#pos-ezeth');
  await page.getByRole('dialog', { name: 'ezETH' }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('[data-petal="peg"][data-level="bad"]') != null);
  await page.screenshot({ path: join(SCREENSHOTS, 'card-live-chromium.png') });

  await options.close();
  await popup.close();
  await page.close();
});
