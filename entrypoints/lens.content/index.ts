// Runs in: content script, in every http(s) frame. Wiring only: ask the background whether and what to mark here,
// run the lens, and restart it when the user's settings change or the page navigates within itself.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../../lib/messaging/client';
import { isNextMention } from '../../lib/messaging/to-content';
import { SETTINGS_KEY } from '../../lib/storage-keys';
import { startLens, type Lens } from './lens';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  // about:blank and srcdoc frames inside a web page hold the page's content too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    let lens: Lens | null = null;
    let current = '';
    const apply = async () => {
      const config = await send('page:config', { origin: location.origin }).catch(() => null);
      // Background unreachable: keep what is on the page rather than flicker it away.
      if (!config || ctx.isInvalid) return;
      const key = JSON.stringify(config);
      if (key === current) return;
      current = key;
      lens?.stop();
      lens = config.enabled ? startLens(document, config.detect) : null;
    };
    await apply();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) void apply();
    };
    browser.storage.onChanged.addListener(onChanged);
    // The background relays the "next mention" shortcut to the top frame only.
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && isNextMention(message)) lens?.next();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.addEventListener(window, 'wxt:locationchange', () => lens?.navigated());
    // Back/forward cache: the page comes back as it was, but the tab's reports were cleared when it loaded.
    ctx.addEventListener(window, 'pageshow', (e) => {
      if ((e as PageTransitionEvent).persisted) lens?.navigated();
    });
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onChanged);
      browser.runtime.onMessage.removeListener(onMessage);
      lens?.stop();
    });
  },
});
