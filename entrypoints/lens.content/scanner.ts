// Runs in: content script. Finds symbol occurrences in text nodes and wraps them, in time slices so no
// task runs long. Never changes the text: a match's own text node moves into the mark unchanged.
import type { SymbolMatcher } from '../../lib/detect/symbols';
import { MARK_TAG, type Annotator } from './marks';

/** Elements whose text is never the page's prose, or is the user's input. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'IFRAME', 'OBJECT', 'CANVAS']);
export const CARD_HOST_TAG = 'restake-lens-card';

/** About one frame's worth of work per slice, far below the 50 ms long-task line. */
const SLICE_MS = 8;

function rejects(el: Element): boolean {
  if (SKIP.has(el.tagName)) return true;
  // Our tag names are reserved: our own marks and card host, and any look-alike a page made to pose as
  // them (its contents are not marked, so a forgery never gains a real card inside it).
  const tag = el.localName;
  if (tag === CARD_HOST_TAG || tag === MARK_TAG) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

export interface Scanner {
  /** Queue a subtree (or a text node) for scanning. */
  enqueue(node: Node): void;
  /** Resolves when the queue is empty. */
  idle(): Promise<void>;
}

/**
 * `onMarked` runs in the same task right after new marks were written, so the caller can drop the
 * mutation records they caused.
 */
export function createScanner(matcher: SymbolMatcher, marks: Annotator, onMarked: () => void): Scanner {
  const queue: Node[] = [];
  let walker: TreeWalker | null = null;
  let scheduled = false;
  let waiters: Array<() => void> = [];

  const makeWalker = (root: Node) =>
    root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.nodeType === Node.ELEMENT_NODE
          ? rejects(n as Element)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_SKIP
          : NodeFilter.FILTER_ACCEPT,
    });


  const slice = () => {
    scheduled = false;
    const deadline = performance.now() + SLICE_MS;
    const hits: Array<[Text, ReturnType<SymbolMatcher['find']>]> = [];
    while (performance.now() < deadline) {
      if (!walker) {
        const next = queue.shift();
        if (!next) break;
        if (!next.isConnected) continue;
        if (next.nodeType === Node.TEXT_NODE) {
          if (marks.isSplit(next)) continue;
          const parent = next.parentElement;
          if (parent && !insideRejected(parent)) scanText(next as Text, hits);
          continue;
        }
        if (next.nodeType === Node.ELEMENT_NODE && insideRejected(next as Element)) continue;
        walker = makeWalker(next);
      }
      // Check the clock every 256 nodes: reading it is not free.
      let budget = 256;
      let n: Node | null = null;
      while (budget-- > 0 && (n = walker.nextNode())) {
        if (!marks.isSplit(n)) scanText(n as Text, hits);
      }
      if (!n) walker = null;
    }
    if (hits.length) {
      for (const [node, found] of hits) marks.annotate(node, found);
      onMarked();
    }
    if (walker || queue.length) schedule();
    else {
      const w = waiters;
      waiters = [];
      w.forEach((r) => r());
    }
  };

  const scanText = (node: Text, hits: Array<[Text, ReturnType<SymbolMatcher['find']>]>) => {
    const found = matcher.find(node.data);
    if (found.length) hits.push([node, found]);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(slice, 0);
  };

  return {
    enqueue(node) {
      queue.push(node);
      schedule();
    },
    idle() {
      if (!walker && !queue.length && !scheduled) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

/** True when `el` or an ancestor is an element the scanner never enters. */
function insideRejected(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (rejects(e)) return true;
  }
  return false;
}
