// Runs in: background. Sets the toolbar badge and title of a tab from the tokens it shows (lib/badge.ts): after a
// frame reports, when the tab loads a new document, and after each live refresh (ratings follow live data).
import { browser } from 'wxt/browser';
import { BADGE_TEXT_COLOR, badgeFor } from '../../lib/badge';
import { liveState, type LiveState } from '../../lib/live/service';
import { reportedTabs } from '../../lib/tab-reports';
import { tabRows } from './rows';

/** One update at a time per tab, so the last one to finish is computed from the latest reports. */
const chains = new Map<number, Promise<void>>();

async function apply(tabId: number, live?: LiveState): Promise<void> {
  const badge = badgeFor((await tabRows(tabId, live)).map((r) => ({ id: r.id, category: r.category, worst: r.rating.worst })));
  await browser.action.setBadgeText({ tabId, text: badge.text });
  await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  // Chrome 110+ and Firefox have it; elsewhere the browser picks the text colour.
  if (typeof browser.action.setBadgeTextColor === 'function') await browser.action.setBadgeTextColor({ tabId, color: BADGE_TEXT_COLOR });
  await browser.action.setTitle({ tabId, title: badge.title });
}

/** Recomputes the tab's badge from its stored reports. Never throws (a closed tab is not an error). */
export function updateBadge(tabId: number, live?: LiveState): Promise<void> {
  const next = (chains.get(tabId) ?? Promise.resolve()).then(() => apply(tabId, live)).catch((err: unknown) => {
    if (!/no tab with id|invalid tab id/i.test(String(err))) console.error(`[restake-lens] badge for tab ${tabId} failed`, err);
  });
  chains.set(tabId, next);
  void next.then(() => {
    if (chains.get(tabId) === next) chains.delete(tabId);
  });
  return next;
}

/** Every tab with reports: ratings can change with live data. The live cache is read once for all of them. */
export async function updateAllBadges(): Promise<void> {
  const tabs = await reportedTabs();
  if (tabs.length === 0) return;
  const live = await liveState();
  await Promise.all(tabs.map((tabId) => updateBadge(tabId, live)));
}
