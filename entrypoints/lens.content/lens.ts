// Runs in: content script. One running instance of the lens in a document: scanner, follower, marks, hover card and
// the per-frame report. `stop()` takes everything back (the user switched the site off).
import { createTextMatcher } from '../../lib/detect/text';
import type { DetectConfig } from '../../lib/detect/types';
import { send } from '../../lib/messaging/client';
import { startHoverLayer } from './hover-layer';
import { Marks, NO_PAINT, type Mark } from './marks';
import { follow } from './observer';
import { highlightPainter } from './paint';
import { createScanner } from './scanner';

const REPORT_DELAY_MS = 400;

/** Document order of two marks (across shadow roots, by their hosts' order as the browser compares them). */
function inTextOrder(a: Mark, b: Mark): number {
  if (a.node === b.node) return a.start - b.start;
  return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export interface Lens {
  /** The page navigated within itself (history API): report this frame's tokens again. */
  navigated(): void;
  /** The "next mention" shortcut: scroll to the mention after the last one shown and open its card. */
  next(): void;
  stop(): void;
}

export function startLens(doc: Document, detect: DetectConfig): Lens {
  const matcher = createTextMatcher(detect);
  const marks = new Marks(highlightPainter(doc) ?? NO_PAINT);
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

  const follower = { add: (_root: Node) => {} };
  const scanner = createScanner(matcher, marks, {
    onMarked: report,
    onShadowRoot: (root) => follower.add(root),
  });
  const observer = follow(doc.documentElement, marks, scanner, report);
  follower.add = observer.add;
  const hover = startHoverLayer(doc, marks, abort.signal);
  let shown: Mark | null = null;
  scanner.enqueue(doc.body ?? doc.documentElement);

  return {
    navigated() {
      lastReport = '';
      report();
    },
    next() {
      const all = [...marks.all()].filter((m) => marks.holds(m)).sort(inTextOrder);
      if (!all.length) return;
      const i = shown ? all.findIndex((m) => inTextOrder(m, shown!) > 0) : 0;
      shown = all[i < 0 ? 0 : i]!;
      hover.show(shown);
    },
    stop() {
      abort.abort();
      clearTimeout(reportTimer);
      observer.disconnect();
      scanner.clear();
      marks.releaseAll();
      void send('tab:report', { counts: {} }).catch(() => undefined);
    },
  };
}
