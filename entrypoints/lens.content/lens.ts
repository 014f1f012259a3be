// Runs in: content script. One running instance of the lens in a document: scanner, follower, marks, hover card and
// the per-frame report. `stop()` takes everything back (the user switched the site off).
import { createTextMatcher } from '../../lib/detect/text';
import type { DetectConfig } from '../../lib/detect/types';
import { send } from '../../lib/messaging/client';
import { startHoverLayer } from './hover-layer';
import { Annotator } from './marks';
import { follow, type Follower } from './observer';
import { createScanner } from './scanner';

const REPORT_DELAY_MS = 400;

export interface Lens {
  /** The page navigated within itself (history API): report this frame's tokens again. */
  navigated(): void;
  stop(): void;
}

export function startLens(doc: Document, detect: DetectConfig): Lens {
  const matcher = createTextMatcher(detect);
  const marks = new Annotator();
  const abort = new AbortController();

  let lastReport = '{}';
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      if (abort.signal.aborted) return;
      const counts = marks.counts();
      const json = JSON.stringify(counts);
      if (json === lastReport) return;
      lastReport = json;
      send('tab:report', { counts }).catch(() => {
        lastReport = '';
      });
    }, REPORT_DELAY_MS);
  };

  // Records caused by our own writes are dropped right after each write (same task, so only ours).
  let follower: Follower | null = null;
  const scanner = createScanner(matcher, marks, {
    onMarked: () => {
      follower?.drop();
      report();
    },
    onShadowRoot: (root) => follower?.add(root),
  });
  follower = follow(doc.documentElement, marks, scanner, report);
  startHoverLayer(doc, marks, abort.signal);
  scanner.enqueue(doc.body ?? doc.documentElement);

  return {
    navigated() {
      lastReport = '';
      report();
    },
    stop() {
      abort.abort();
      clearTimeout(reportTimer);
      follower?.disconnect();
      scanner.clear();
      marks.releaseAll();
      void send('tab:report', { counts: {} }).catch(() => undefined);
    },
  };
}
