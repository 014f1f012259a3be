// Runs in: content script, in every http(s) frame. Wiring only: ask the background for this page's
// configuration, then scan, follow changes, report what the tab shows, and serve the hover card.
import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createSymbolMatcher } from '../../lib/detect/symbols';
import { send } from '../../lib/messaging/client';
import { Annotator } from './marks';
import { observe } from './observer';
import { createScanner } from './scanner';
import { startHoverLayer } from './hover-layer';

const REPORT_DELAY_MS = 400;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const config = await send('page:config', {}).catch(() => null);
    if (!config?.enabled || ctx.isInvalid) return;

    const matcher = createSymbolMatcher(config.symbols);
    const marks = new Annotator();

    let lastReport = '{}';
    let reportTimer: number | undefined;
    const report = () => {
      clearTimeout(reportTimer);
      reportTimer = ctx.setTimeout(() => {
        const counts = marks.counts(document);
        const json = JSON.stringify(counts);
        if (json === lastReport) return;
        lastReport = json;
        send('tab:report', { counts }).catch(() => {
          lastReport = '';
        });
      }, REPORT_DELAY_MS);
    };

    // Records caused by our own writes are dropped right after each write (same task, so only ours).
    let observer: MutationObserver | null = null;
    const scanner = createScanner(matcher, marks, () => {
      observer?.takeRecords();
      report();
    });
    observer = observe(document.documentElement, marks, scanner, report);
    ctx.onInvalidated(() => observer?.disconnect());

    startHoverLayer(document, marks, ctx.signal);
    scanner.enqueue(document.body ?? document.documentElement);
  },
});
