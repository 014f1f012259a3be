// Runs in: e2e tests (node --test), real Chromium with the e2e build, against local services only (anvil and the
// DefiLlama stand-in, tests/e2e/lib/live-services.ts). Two stories: the toolbar badge of a page with tokens (count
// and colour read back from the browser, as the popup lists them), and depeg alerts for a watched token (no
// notification at -0.2%, exactly one at -3% however many refreshes follow, re-armed after recovery).
import { poll } from './lib/poll.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import type { TabTokenView } from '../../lib/views/schema.ts';
import { startFixtureServer } from './lib/env.ts';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { waitForMarks } from './lib/marks.ts';
import { SLICE_POPUP } from './expect.ts';
import { WEETH_KEY, extensionPage, pointAt, refresh, send, settingsWithAlerts, startLiveServices, weethUsd, type LiveServices } from './lib/live-services.ts';

// lib/badge.ts and lib/risk/levels.ts, written out (node --test cannot import them): colour and word per level.
const BADGE: Record<string, { rgba: number[]; word: string; rank: number }> = {
  bad: { rgba: [0xb9, 0x1c, 0x1c, 255], word: 'red', rank: 3 },
  warning: { rgba: [0xb4, 0x53, 0x09, 255], word: 'yellow', rank: 2 },
  unknown: { rgba: [0x4b, 0x55, 0x63, 255], word: 'grey', rank: 1 },
  good: { rgba: [0x15, 0x80, 0x3d, 255], word: 'green', rank: 0 },
};

/** Settings v2 in full, watching weETH with a 1% threshold. */
const SETTINGS = settingsWithAlerts({ depegPct: 1, watched: ['weeth'] });

interface AlertState {
  tokens: Record<string, { alerting: boolean; side: string | null; lastPct: number; since: string; okAt: string; thresholdPct: number }>;
  log: Array<{ at: string; tokenId: string; pct: number; thresholdPct: number; okAt: string }>;
}

let session: ChromiumSession;
let context: BrowserContext;
let extensionId: string;
let services: LiveServices;
const pages = await startFixtureServer();

before(async () => {
  services = await startLiveServices();
  session = await launchChromium({ build: 'e2e' });
  ({ context, extensionId } = session);
  await pointAt(session, services);
});

after(async () => {
  await session?.close();
  await Promise.all([services?.stop(), pages.close()]);
});

interface BadgeRead {
  text: string;
  color: number[];
  textColor: number[];
  title: string;
}

const readBadge = (tabId: number): Promise<BadgeRead> =>
  session.worker.evaluate(async (id) => {
    const a = chrome.action as unknown as {
      getBadgeText(d: { tabId: number }): Promise<string>;
      getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]>;
      getBadgeTextColor(d: { tabId: number }): Promise<number[]>;
      getTitle(d: { tabId: number }): Promise<string>;
    };
    return {
      text: await a.getBadgeText({ tabId: id }),
      color: await a.getBadgeBackgroundColor({ tabId: id }),
      textColor: await a.getBadgeTextColor({ tabId: id }),
      title: await a.getTitle({ tabId: id }),
    };
  }, tabId);

/** What the badge must show, from the rows the popup lists for the tab ('tab:tokens'). */
function expectedBadge(rows: TabTokenView[]): { ids: string[]; text: string; rgba: number[]; title: string } {
  const rt = rows.filter((r) => r.category !== 'lst');
  if (rt.length === 0) return { ids: [], text: '', rgba: [], title: 'Restake Lens' };
  const worst = rt.map((r) => r.rating.worst).reduce((a, b) => (BADGE[b]!.rank > BADGE[a]!.rank ? b : a));
  const n = rt.length;
  return { ids: rt.map((r) => r.id).sort(), text: String(n), rgba: BADGE[worst]!.rgba, title: `Restake Lens: ${n} restaking token${n === 1 ? '' : 's'}, worst: ${BADGE[worst]!.word}` };
}

/**
 * Polls until the badge agrees with the popup's rows read at the same moment (reports are debounced, and a
 * scheduled refresh may change a rating in between); returns both as last read.
 */
async function settledBadge(ext: Page, tabId: number, until: (rows: TabTokenView[]) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = await send<TabTokenView[]>(ext, 'tab:tokens', { tabId });
    assert.ok(r.ok, JSON.stringify(r));
    const badge = await readBadge(tabId);
    const want = expectedBadge(r.data);
    const agrees = badge.text === want.text && badge.title === want.title && (want.text === '' || JSON.stringify(badge.color) === JSON.stringify(want.rgba));
    if ((agrees && until(r.data)) || Date.now() > deadline) return { rows: r.data, badge, want };
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** The badge and the popup's rows as they are right now (no waiting). */
async function badgeNow(ext: Page, tabId: number) {
  const r = await send<TabTokenView[]>(ext, 'tab:tokens', { tabId });
  assert.ok(r.ok, JSON.stringify(r));
  return { rows: r.data, badge: await readBadge(tabId), want: expectedBadge(r.data) };
}

const counts = (rows: TabTokenView[]) => Object.fromEntries(rows.map((r) => [r.id, r.count]).sort(([a], [b]) => String(a).localeCompare(String(b))));

/** Opens the slice fixture in a new tab, waits until the background holds its report; returns the page and tab id. */
async function openSlice(): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(pages.url('/fixtures/slice.html'));
  await waitForMarks(page, 1, { within: '#p-late' });
  await page.bringToFront();
  const tabId = await session.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  assert.ok(typeof tabId === 'number', 'fixture tab found');
  // The content script's report is debounced: wait until the background holds one for this tab.
  let reported: string[] = [];
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    reported = await session.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
    if (reported.some((k) => k.startsWith(`tab:${tabId}:`))) break;
  }
  assert.ok(reported.some((k) => k.startsWith(`tab:${tabId}:`)), `the fixture tab ${tabId} reported: ${reported.join(', ')}`);
  return { page, tabId };
}

test('badge: the number of distinct restaking tokens on the page, coloured by the worst level; cleared by a new document', async () => {
  const { page, tabId } = await openSlice();
  const ext = await extensionPage(context, extensionId);
  const { rows, badge, want } = await settledBadge(ext, tabId, (r) => JSON.stringify(counts(r)) === JSON.stringify(SLICE_POPUP));
  assert.deepEqual(counts(rows), SLICE_POPUP, 'the popup lists the slice page’s tokens');
  // Every token the popup lists here is a restaking token (none is an LST), so the badge counts them all.
  assert.deepEqual(want.ids, Object.keys(SLICE_POPUP).sort());
  assert.equal(badge.text, String(Object.keys(SLICE_POPUP).length));
  assert.deepEqual(badge.color, want.rgba, `colour of the worst level: ${want.title}`);
  assert.deepEqual(badge.textColor, [255, 255, 255, 255], 'white text');
  assert.equal(badge.title, want.title);
  assert.match(badge.title, /^Restake Lens: 5 restaking tokens, worst: (red|yellow|grey|green)$/);

  // A page without tokens in the same tab: the badge goes away.
  await page.goto(pages.url('/fixtures/negative.html'));
  const cleared = await settledBadge(ext, tabId, () => true);
  assert.deepEqual(cleared.rows, []);
  assert.equal(cleared.badge.text, '');
  assert.equal(cleared.badge.title, 'Restake Lens');
  await page.close();
  await ext.close();
});

const readAlerts = (page: Page) => page.evaluate(async () => ((await chrome.storage.local.get('alerts:state'))['alerts:state'] ?? null) as AlertState | null);
const shown = () => session.worker.evaluate(() => chrome.notifications.getAll());

test('depeg alert: none at -0.2%, exactly one at -3% through repeated refreshes, re-armed after recovery', async () => {
  const { llama } = services;
  const ext = await extensionPage(context, extensionId);
  // A page showing weETH stays open: its badge follows the ratings, which follow live data.
  const { page, tabId } = await openSlice();
  await settledBadge(ext, tabId, (r) => r.length === Object.keys(SLICE_POPUP).length);
  await session.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), SETTINGS);

  // -0.2%: a fresh reading, under the threshold.
  await refresh(ext);
  let state = await readAlerts(ext);
  assert.ok(state?.tokens.weeth, `weETH read fresh: ${JSON.stringify(state)}`);
  assert.equal(state.tokens.weeth.alerting, false);
  assert.ok(Math.abs(state.tokens.weeth.lastPct + 0.2) < 0.01, `about -0.2%: ${state.tokens.weeth.lastPct}`);
  assert.deepEqual(state.log, []);
  assert.deepEqual(await shown(), {});

  // -3%: one alert.
  llama.setPrice(WEETH_KEY, weethUsd(-3), { symbol: 'weETH', decimals: 18 });
  await refresh(ext);
  state = await readAlerts(ext);
  assert.equal(state?.tokens.weeth?.alerting, true);
  assert.equal(state.tokens.weeth.side, 'below');
  assert.equal(state.log.length, 1);
  assert.equal(state.log[0]!.tokenId, 'weeth');
  assert.ok(Math.abs(state.log[0]!.pct + 3) < 0.01, `about -3%: ${state.log[0]!.pct}`);
  assert.equal(state.log[0]!.thresholdPct, 1);
  // chrome.notifications.getAll() may list a notification a moment after create() resolved.
  assert.deepEqual(await poll(shown, (n) => Object.keys(n).length > 0, { what: 'the depeg notification' }), { 'depeg:weeth': true });
  // The same refresh recomputed the open tab's badge (no new report came from the page): weETH's peg petal is red.
  const atDepeg = await badgeNow(ext, tabId);
  assert.equal(atDepeg.rows.find((r) => r.id === 'weeth')?.rating.worst, 'bad');
  assert.deepEqual(atDepeg.badge.color, BADGE.bad!.rgba);
  assert.equal(atDepeg.badge.title, 'Restake Lens: 5 restaking tokens, worst: red');

  // Still -3% on two more refreshes: nothing new.
  await refresh(ext);
  await refresh(ext);
  state = await readAlerts(ext);
  assert.equal(state?.log.length, 1, 'no repeat while the deviation lasts');
  // chrome.notifications.getAll() may list a notification a moment after create() resolved.
  assert.deepEqual(await poll(shown, (n) => Object.keys(n).length > 0, { what: 'the depeg notification' }), { 'depeg:weeth': true });
  // The user dismisses it: a refresh at the same deviation does not bring it back (getAll alone cannot tell a
  // re-created notification with the same id from the old one).
  assert.equal(await session.worker.evaluate(() => chrome.notifications.clear('depeg:weeth')), true);
  await refresh(ext);
  assert.deepEqual(await shown(), {});
  assert.equal((await readAlerts(ext))?.log.length, 1);

  // Back to -0.2%: re-armed, no notification.
  llama.setPrice(WEETH_KEY, weethUsd(-0.2), { symbol: 'weETH', decimals: 18 });
  await refresh(ext);
  state = await readAlerts(ext);
  assert.equal(state?.tokens.weeth?.alerting, false, 're-armed');
  assert.equal(state.log.length, 1);
  assert.deepEqual(await shown(), {});
  const recovered = await badgeNow(ext, tabId);
  assert.notEqual(recovered.rows.find((r) => r.id === 'weeth')?.rating.worst, 'bad');
  assert.equal(recovered.badge.title, recovered.want.title, 'the badge follows the recovery');
  assert.deepEqual(recovered.badge.color, recovered.want.rgba);

  // Re-armed means the next crossing alerts again.
  llama.setPrice(WEETH_KEY, weethUsd(-3), { symbol: 'weETH', decimals: 18 });
  await refresh(ext);
  assert.equal((await readAlerts(ext))?.log.length, 2);
  // chrome.notifications.getAll() may list a notification a moment after create() resolved.
  assert.deepEqual(await poll(shown, (n) => Object.keys(n).length > 0, { what: 'the depeg notification' }), { 'depeg:weeth': true });
  await page.close();
  await ext.close();
});
