// Runs in: background. Depeg alerts wired to the browser: after each live refresh, reads the watched tokens' peg
// from the live cache, steps the alert state (lib/alerts/depeg.ts, stored in storage.local) and raises one
// notification per new alert; clicking one opens that token's detail. Offline mode raises nothing. Never throws.
import { browser } from 'wxt/browser';
import { getToken } from '../registry';
import { tokenLive } from '../live/facts';
import { store } from '../live/service';
import { readSettings } from '../settings-store';
import { ALERTS_KEY, alertText, parseAlertState, stepAlerts, type AlertState, type PegReading, type RaisedAlert } from './depeg';

/** Notification ids are `depeg:<token id>`: one per token, a new alert replaces an old one still shown. */
export const NOTIFICATION_PREFIX = 'depeg:';

export async function readAlertState(): Promise<AlertState> {
  return parseAlertState((await browser.storage.local.get(ALERTS_KEY))[ALERTS_KEY]);
}

/**
 * The live peg of each watched token the cache has one for. Fresh means at most 30 min old whatever the refresh
 * interval: an alert is about now, so a check after a settings change never alerts on prices from hours ago.
 */
async function readings(watched: readonly string[], now: Date): Promise<PegReading[]> {
  const { entries } = await store.read();
  return watched.flatMap((id) => {
    const t = getToken(id);
    const peg = t ? tokenLive(t, entries, now).peg : null;
    return peg ? [{ tokenId: id, pct: peg.value.nowPct, fresh: peg.fresh, okAt: peg.okAt }] : [];
  });
}

async function notify(a: RaisedAlert, now: Date): Promise<void> {
  const symbol = getToken(a.tokenId)?.symbol ?? a.tokenId;
  const { title, message } = alertText(symbol, a, now);
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${a.tokenId}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

async function check(now: Date): Promise<RaisedAlert[]> {
  const settings = await readSettings();
  if (settings.offline) return [];
  const raw = (await browser.storage.local.get(ALERTS_KEY))[ALERTS_KEY];
  const prev = parseAlertState(raw);
  if (settings.alerts.watched.length === 0 && Object.keys(prev.tokens).length === 0) return [];
  const { state, raised } = stepAlerts(prev, await readings(settings.alerts.watched, now), settings.alerts, now);
  // Stored before notifying: a worker stopped in between may miss a notification, never show one twice.
  if (JSON.stringify(state) !== JSON.stringify(raw)) await browser.storage.local.set({ [ALERTS_KEY]: state });
  for (const a of raised) {
    try {
      await notify(a, now);
    } catch (err) {
      console.error(`[restake-lens] depeg notification for ${a.tokenId} failed`, err);
    }
  }
  return raised;
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * Steps the alerts with the cache as it is now and notifies. Calls are serialised (a tick and a "Refresh now"
 * finishing together must not both raise the same alert). Returns the alerts raised; never throws.
 */
export function checkDepeg(now: () => Date = () => new Date()): Promise<RaisedAlert[]> {
  const next = chain.then(() => check(now())).catch((err: unknown) => {
    console.error('[restake-lens] depeg check failed', err);
    return [];
  });
  chain = next;
  return next;
}

/** A click on one of our notifications: opens the token's detail in a new tab and clears the notification. */
export async function openAlert(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const tokenId = notificationId.slice(NOTIFICATION_PREFIX.length);
  try {
    if (getToken(tokenId)) await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?token=${encodeURIComponent(tokenId)}`) });
    await browser.notifications.clear(notificationId);
  } catch (err) {
    console.error('[restake-lens] opening a depeg alert failed', err);
  }
}
