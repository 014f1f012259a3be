// Runs in: content script. Finds occurrences in text nodes (and links) and wraps them, in time slices so no task
// runs long. Never changes the text: see marks.ts. Walks open shadow roots it meets and reports them so they are
// observed too.
import { classifyLink, linkContext, mayHoldAddress, type LinkContext } from '../../lib/detect/links';
import type { TextMatcher } from '../../lib/detect/text';
import type { TextMatch } from '../../lib/detect/types';
import { MARK_TAG, type Annotator } from './marks';

/** Elements whose text is never the page's prose, or is the user's input, or is drawn rather than written. */
const SKIP = new Set(['head', 'title', 'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math']);
export const CARD_HOST_TAG = 'restake-lens-card';

/** About half a frame of work per slice: far below the 50 ms long-task line, and under 16 ms with the writes. */
const SLICE_MS = 8;
/** Nodes visited between two clock reads (reading the clock is not free). */
const BATCH = 200;

function rejects(el: Element): boolean {
  const tag = el.localName;
  if (SKIP.has(tag)) return true;
  // Our tag names are reserved: our own marks and card host, and any look-alike a page made to pose as them (its
  // contents are not marked, so a forgery never gains a real card inside it).
  if (tag === CARD_HOST_TAG || tag === MARK_TAG) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** True when `el` or an ancestor (across shadow roots) is an element the scanner never enters. */
export function insideRejected(el: Element): boolean {
  for (let e: Element | null = el; e; ) {
    if (rejects(e)) return true;
    if (e.parentElement) e = e.parentElement;
    else {
      const root = e.getRootNode();
      e = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return false;
}

export interface Scanner {
  /** Queue a subtree (element, document, shadow root) or a text node for scanning. */
  enqueue(node: Node): void;
  /** Resolves when the queue is empty. */
  idle(): Promise<void>;
  /** Drops queued work (the site was switched off). */
  clear(): void;
}

export interface ScannerHooks {
  /** Runs in the same task right after new marks were written, so the caller can drop the records they caused. */
  onMarked(): void;
  /** An open shadow root was found: observe it. */
  onShadowRoot(root: ShadowRoot): void;
}

type Hit = [Text, TextMatch[]];

export function createScanner(matcher: TextMatcher, marks: Annotator, hooks: ScannerHooks): Scanner {
  const queue: Node[] = [];
  let walker: TreeWalker | null = null;
  let scheduled = false;
  let waiters: Array<() => void> = [];
  const index = matcher.addresses;
  const linkCache = new WeakMap<Element, { href: string; ctx: LinkContext | null }>();
  const seenRoots = new WeakSet<ShadowRoot>();

  /** What a link element points to, cached per href. */
  const contextOf = (a: Element): LinkContext | null => {
    const href = a.getAttribute('href');
    if (!href || !mayHoldAddress(href, index)) return null;
    const cached = linkCache.get(a);
    if (cached && cached.href === href) return cached.ctx;
    const ctx = linkContext(href, index);
    linkCache.set(a, { href, ctx });
    return ctx;
  };

  const visitElement = (el: Element, links: Element[] | null): number => {
    if (marks.isMine(el)) {
      marks.track(el);
      return NodeFilter.FILTER_REJECT;
    }
    if (rejects(el)) return NodeFilter.FILTER_REJECT;
    const sr = el.shadowRoot;
    if (sr && !seenRoots.has(sr)) {
      seenRoots.add(sr);
      hooks.onShadowRoot(sr);
      queue.push(sr);
    }
    // A link that points to a token is read as one unit (its text gets the link's meaning).
    if (links && el.localName === 'a' && contextOf(el)) {
      links.push(el);
      return NodeFilter.FILTER_REJECT;
    }
    return NodeFilter.FILTER_SKIP;
  };

  let pendingLinks: Element[] = [];
  const makeWalker = (root: Node) =>
    (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : visitElement(n as Element, pendingLinks)),
    });

  /** The text nodes of a link, in order, skipping what the scanner never enters. */
  const linkTexts = (a: Element): Text[] => {
    const out: Text[] = [];
    const w = a.ownerDocument.createTreeWalker(a, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : visitElement(n as Element, null)),
    });
    for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
    return out;
  };

  const scanLink = (a: Element, hits: Hit[]) => {
    const ctx = contextOf(a);
    if (!ctx) return;
    const texts = linkTexts(a);
    let any = false;
    for (const t of texts) {
      if (marks.isSplit(t)) {
        any = true;
        continue;
      }
      const found = matcher.find(t.data);
      if (!found.length) continue;
      any = true;
      hits.push([t, classifyLink(found, ctx, index).matches]);
    }
    if (any || marks.markWithin(a)) return;
    const { whole } = classifyLink([], ctx, index);
    if (!whole) return;
    const first = texts.find((t) => t.data.trim() !== '');
    if (!first) return;
    const start = first.data.length - first.data.trimStart().length;
    const end = first.data.trimEnd().length;
    hits.push([first, [{ id: whole, kind: 'link', start, end, text: first.data.slice(start, end), address: ctx.official.get(whole) }]]);
  };

  const scanText = (node: Text, hits: Hit[]) => {
    const found = matcher.find(node.data);
    if (found.length) hits.push([node, found]);
  };

  /** A single queued text node (the page changed it): scanned in its link's light when it sits in one. */
  const scanLoose = (node: Text, hits: Hit[]) => {
    const parent = node.parentElement;
    if (!parent || insideRejected(parent)) return;
    const a = parent.closest('a[href]');
    if (a && contextOf(a)) scanLink(a, hits);
    else scanText(node, hits);
  };

  const write = (hits: Hit[]) => {
    if (!hits.length) return;
    for (const [node, found] of hits) if (node.isConnected) marks.annotate(node, found);
    hits.length = 0;
    hooks.onMarked();
  };

  const slice = () => {
    scheduled = false;
    const deadline = performance.now() + SLICE_MS;
    const hits: Hit[] = [];
    while (performance.now() < deadline) {
      if (!walker) {
        const next = queue.shift();
        if (!next) break;
        if (!next.isConnected) continue;
        if (next.nodeType === Node.TEXT_NODE) {
          if (!marks.isSplit(next)) scanLoose(next as Text, hits);
          continue;
        }
        if (next.nodeType === Node.ELEMENT_NODE) {
          const el = next as Element;
          if (insideRejected(el)) continue;
          if (el.localName === 'a' && contextOf(el)) {
            scanLink(el, hits);
            continue;
          }
        }
        walker = makeWalker(next);
      }
      let budget = BATCH;
      let n: Node | null = null;
      while (budget-- > 0 && (n = walker.nextNode())) {
        if (!marks.isSplit(n)) scanText(n as Text, hits);
      }
      if (!n) walker = null;
      for (const a of pendingLinks) scanLink(a, hits);
      pendingLinks = [];
      // Write after each batch: the walker only moves forward, so pieces inserted behind it are not revisited.
      write(hits);
    }
    write(hits);
    if (walker || queue.length) schedule();
    else {
      const w = waiters;
      waiters = [];
      w.forEach((r) => r());
    }
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
    clear() {
      queue.length = 0;
      walker = null;
      pendingLinks = [];
    },
  };
}
