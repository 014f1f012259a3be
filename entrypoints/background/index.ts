// Runs in: background. Wiring only: the message handlers, tab bookkeeping, the live-data schedule, depeg alerts and
// the toolbar badge.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { Envelope } from '../../lib/messaging/contract';
import { dispatch } from '../../lib/messaging/server';
import { clearTab } from '../../lib/tab-reports';
import { handlers } from './handlers';
import { writePagePolicy } from './page-config';
import { ALARM, SAFETY_ALARM, onRefreshed, start, tick } from '../../lib/live/service';
import { checkDepeg, openAlert } from '../../lib/alerts/service';
import { updateAllBadges, updateBadge } from './badge';
import { SETTINGS_KEY } from '../../lib/storage-keys';
import { upgradeStoredSettings } from '../../lib/settings-store';
import { FRAME_PORT, NEXT_MENTION, NEXT_MENTION_COMMAND, SETTINGS_CHANGED } from '../../lib/messaging/to-content';
import { callerOf } from '../../lib/messaging/server';
import { saveFrameReport } from '../../lib/tab-reports';

export default defineBackground(() => {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Not our envelope: return nothing (not a promise), so the message gets no reply from us.
    if (!Envelope.safeParse(message).success) return undefined;
    return dispatch(handlers, message, sender, browser.runtime.id, origin);
  });
  // Live data: refreshed for the whole registry on a schedule, never because of the page being viewed.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM || alarm.name === SAFETY_ALARM) void tick();
  });
  // After every refresh: alerts for watched tokens whose peg crossed the threshold, then badges (ratings follow
  // live data).
  onRefreshed(async () => {
    await checkDepeg();
    await updateAllBadges();
  });
  browser.notifications.onClicked.addListener((id) => void openAlert(id));
  // The "next mention" shortcut: the active tab's top frame scrolls to its next mention and opens the card.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== NEXT_MENTION_COMMAND) return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) await browser.tabs.sendMessage(id, NEXT_MENTION, { frameId: 0 });
      // A tab without our content script (an extension page, a site switched off before load) cannot answer.
    })().catch((err: unknown) => console.warn('[restake-lens] next mention: the tab did not answer', err));
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    // Offline mode or RPC endpoints changed: re-plan (a job not yet due stays not due).
    void tick();
    // Pages hear only that the settings changed, never a stored value (content scripts do not listen to storage:
    // the live cache there changes several times an hour), once the page policy top frames read is rewritten.
    // Tabs without our content script cannot answer.
    void writePagePolicy()
      .catch((err: unknown) => console.error('[restake-lens] writing the page policy failed', err))
      .then(() => browser.tabs.query({}))
      .then((tabs) => {
        for (const t of tabs) if (t.id !== undefined) browser.tabs.sendMessage(t.id, SETTINGS_CHANGED).catch(() => undefined);
      });
  });
  // A frame's port closes when the frame goes: its report goes with it (the tab's others stay).
  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name !== FRAME_PORT || tabId === undefined || !port.sender || callerOf(port.sender, browser.runtime.id, origin) !== 'content') return;
    const frameId = port.sender.frameId ?? 0;
    port.onDisconnect.addListener(() => {
      void saveFrameReport(tabId, frameId, {})
        .then(() => updateBadge(tabId))
        .catch((err: unknown) => console.error('[restake-lens] dropping a frame report failed', err));
    });
  });
  // Each time the worker starts (install, update, browser start, wake-up): settings from an older version are
  // rewritten in the current one, then only jobs already due run.
  void upgradeStoredSettings()
    .then(() => writePagePolicy())
    .catch((err: unknown) => console.error('[restake-lens] writing the page policy failed', err))
    .then(start);
  browser.tabs.onRemoved.addListener((tabId) => void clearTab(tabId).catch((err: unknown) => console.error('[restake-lens] clearing tab reports failed', err)));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document is loading in the tab: its frames will report afresh, and its badge starts empty.
    // (Without the "tabs" permission `change.url` is absent; the status alone is enough.)
    if (change.status === 'loading') {
      void clearTab(tabId)
        .catch((err: unknown) => console.error('[restake-lens] clearing tab reports failed', err))
        .then(() => updateBadge(tabId));
    }
  });
});
