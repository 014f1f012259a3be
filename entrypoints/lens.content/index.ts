// Runs in: content script, in every http(s) frame. Wiring only: read (storage) or ask the background whether and what to mark here,
// run the lens, and restart it when the user's settings change or the page navigates within itself.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../../lib/messaging/page-client';
import { FRAME_PORT, isNextMention, isSettingsChanged, tokenToShow } from '../../lib/messaging/to-content';
import { configFor, pageOf, readPolicy, type PageConfig } from '../../lib/page-policy';
import { PAGE_POLICY_KEY } from '../../lib/storage-keys';
import { E2E_IDLE_NAME, startLens, type Lens } from './lens';
import { logError } from './log';

const E2E = import.meta.env.MODE === 'e2e';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  // about:blank and srcdoc frames inside a web page hold the page's content too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    let lens: Lens | null = null;
    let current = '';
    // One port per frame while this frame has something reported; reopened (lazily, at the next report) after the
    // background's worker stopped, so the port keeps no worker awake.
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    const holdPort = () => {
      if (port || ctx.isInvalid) return;
      port = browser.runtime.connect({ name: FRAME_PORT });
      port.onDisconnect.addListener(() => {
        port = null;
      });
    };
    // What to look for is read from storage.local (written by the background; no message, so no waiting for its
    // worker to wake) by every frame that knows its top page's address; the others, and any frame finding no
    // current policy, ask the background.
    const fromPolicy = async (): Promise<PageConfig | null> => {
      const page = pageOf(window, window === window.top);
      if (page === null) return null;
      const raw: unknown = (await browser.storage.local.get(PAGE_POLICY_KEY))[PAGE_POLICY_KEY];
      const policy = readPolicy(raw, browser.runtime.getManifest().version);
      return policy && configFor(policy, page);
    };
    const apply = async () => {
      const config =
        (await fromPolicy().catch((err: unknown) => {
          logError('page policy', err);
          return null;
        })) ??
        (await send('page:config', { origin: location.origin }).catch((err: unknown) => {
          logError('page config', err);
          return null;
        }));
      // Background unreachable: keep what is on the page rather than flicker it away.
      if (!config || ctx.isInvalid) return;
      const key = JSON.stringify(config);
      if (key === current) return;
      current = key;
      lens?.stop();
      lens = config.enabled ? startLens(document, config.detect, holdPort) : null;
      // e2e builds: a frame that marks nothing here is idle at once (lens.ts signals it otherwise).
      if (E2E && !lens) CSS.highlights.set(E2E_IDLE_NAME, new Highlight());
    };
    await apply();
    // The background relays the "next mention" shortcut (to the top frame only) and says when settings changed.
    const onMessage = (message: unknown, sender: { id?: string }, reply: (r: unknown) => void) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const show = tokenToShow(message);
      if (isNextMention(message)) lens?.next();
      else if (show !== null) reply({ shown: lens?.show(show) ?? false });
      else if (isSettingsChanged(message)) void apply();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.addEventListener(window, 'wxt:locationchange', () => lens?.navigated());
    // Back/forward cache: the page comes back as it was, but the tab's reports were cleared when it left.
    ctx.addEventListener(window, 'pageshow', (e) => {
      if ((e as PageTransitionEvent).persisted) lens?.navigated();
    });
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      port?.disconnect();
      lens?.stop();
    });
  },
});
