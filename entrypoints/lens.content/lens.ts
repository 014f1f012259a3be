// Runs in: content script. One running instance of the lens in a document: scanner, follower, marks, hover card and
// the per-frame report. `stop()` takes everything back (the user switched the site off).
import { createTextMatcher } from '../../lib/detect/text';
import type { DetectConfig } from '../../lib/detect/types';
import { send } from '../../lib/messaging/page-client';
import { startHoverLayer } from './hover-layer';
import { logError } from './log';
import { Marks, NO_PAINT, type Mark } from './marks';
import { follow } from './observer';
import { highlightPainter } from './paint';
import { BUDGET, createScanner, type BudgetHit } from './scanner';

/** The tab report waits for the page to be quiet this long, but never longer than REPORT_MAX_MS while it changes. */
export const REPORT_QUIET_MS = 400;
export const REPORT_MAX_MS = 2_000;

/** e2e builds only: a highlight name the tests read to know the scan is idle (no fixed sleeps in tests). */
const E2E = import.meta.env.MODE === 'e2e';
export const E2E_IDLE_NAME = 'lrt-e2e:scan-idle';

export interface Lens {
  /** The page navigated within itself (history API): report this frame's tokens again. */
  navigated(): void;
  /** The "next mention" shortcut: scroll to the mention after the last one shown and open its card. */
  next(): void;
  /** The popup's "show on page": scroll to the first mention of token `id` and open its card; false if none. */
  show(id: string): boolean;
  stop(): void;
}

/** Document order of two marks (across shadow roots, by their hosts' order as the browser compares them). */
function inTextOrder(a: Mark, b: Mark): number {
  if (a.node === b.node) return a.start - b.start;
  return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/**
 * A report that waits for REPORT_QUIET_MS of quiet, but is sent at least every REPORT_MAX_MS while the page keeps
 * changing (a debounce alone never fires on a page that re-renders every 200 ms).
 */
export function throttledReport(send: () => void, quietMs = REPORT_QUIET_MS, maxMs = REPORT_MAX_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | null = null;
  const fire = () => {
    timer = undefined;
    firstAt = null;
    send();
  };
  return {
    changed() {
      const now = performance.now();
      firstAt ??= now;
      clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(quietMs, firstAt + maxMs - now)));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      firstAt = null;
    },
  };
}

/** `beforeReport`: runs before each tab report (the frame's port to the background is held from then on). */
export function startLens(doc: Document, detect: DetectConfig, beforeReport: () => void = () => {}): Lens {
  const matcher = createTextMatcher(detect);
  const marks = new Marks(highlightPainter(doc) ?? NO_PAINT);
  const abort = new AbortController();

  let lastReport = '[{},[]]';
  /** The limits reached, reported with the counts: the popup says marking stopped or was cut short. */
  const limits = new Set<BudgetHit>();
  const reporter = throttledReport(() => {
    if (abort.signal.aborted) return;
    const counts = marks.counts();
    const json = JSON.stringify([counts, [...limits]]);
    if (json === lastReport) return;
    lastReport = json;
    beforeReport();
    send('tab:report', { counts, ...(limits.size ? { limits: [...limits] } : {}) }).catch((err: unknown) => {
      lastReport = '';
      logError('tab report', err);
    });
  });

  const follower = { add: (_root: Node) => {}, stop: () => {} };
  const onBudget = (hit: BudgetHit) => {
    // The page keeps its marks so far; the popup says why there are no more (and the console, for developers).
    console.info(
      `[restake-lens] ${hit === 'node' ? `a text node names more than ${BUDGET.perNode} tokens: only the first are marked` : hit === 'page' ? `over ${BUDGET.perPage} mentions: marking stopped` : 'the page never stops changing: no longer following it'}`,
    );
    if (hit !== 'node') follower.stop();
    limits.add(hit);
    reporter.changed();
  };
  const scanner = createScanner(matcher, marks, {
    onMarked: reporter.changed,
    onShadowRoot: (root) => follower.add(root),
    onBudget,
    ...(E2E
      ? {
          // Registered while the scanner is idle, removed while it works: the tests read it from the page.
          onIdle: () => CSS.highlights.set(E2E_IDLE_NAME, new Highlight()),
          onBusy: () => CSS.highlights.delete(E2E_IDLE_NAME),
        }
      : {}),
  });
  const observer = follow(doc.documentElement, marks, scanner, () => {
    // A document switched to designMode: the user edits all of it now; marks go.
    if (doc.designMode === 'on' && marks.size) marks.releaseAll();
    reporter.changed();
  });
  follower.add = observer.add;
  follower.stop = observer.disconnect;
  const hover = startHoverLayer(doc, marks, abort.signal);
  let shown: Mark | null = null;
  scanner.enqueue(doc.body ?? doc.documentElement);

  return {
    navigated() {
      lastReport = '';
      reporter.changed();
    },
    next() {
      const all = [...marks.all()].filter((m) => marks.holds(m)).sort(inTextOrder);
      if (!all.length) return;
      const i = shown ? all.findIndex((m) => inTextOrder(m, shown!) > 0) : 0;
      shown = all[i < 0 ? 0 : i]!;
      hover.show(shown);
    },
    show(id) {
      const first = [...marks.all()].filter((m) => m.id === id && m.kind !== 'impostor' && marks.holds(m)).sort(inTextOrder)[0];
      if (!first) return false;
      shown = first;
      hover.show(first);
      return true;
    },
    stop() {
      abort.abort();
      reporter.cancel();
      observer.disconnect();
      scanner.clear();
      marks.releaseAll();
      if (E2E) CSS.highlights.delete(E2E_IDLE_NAME);
      void send('tab:report', { counts: {} }).catch((err: unknown) => logError('tab report', err));
    },
  };
}
