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

/** Scanning work per task: about half a frame, far below the 50 ms long-task line. */
const SLICE_MS = 8;
const SHOW = NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT;

/** Writing work per task: marks are written in as few tasks as possible (each write makes the page lay out again). */
const WRITE_MS = 12;
/** Nodes visited between two clock reads (reading the clock is not free). */
const BATCH = 256;
/**
 * Marks found are written when the scan is done, or when the oldest has waited this long: a page that keeps
 * changing still sees its marks within a few hundred milliseconds, and a big page is laid out again a few times
 * rather than once per slice.
 */
const FLUSH_MS = 120;
/** Subtrees with more elements than this look for shadow roots on custom elements only (see step()). */
const HOST_SCAN_LIMIT = 10_000;

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

interface Hit {
  node: Text;
  /** The text the matches were found in: if the page has changed it since, the hit is dropped (and rescanned). */
  data: string;
  matches: TextMatch[];
}

/**
 * One queued subtree, scanned in three phases, each a native bulk step plus a plain loop (no filter callbacks: a
 * callback per node costs several times the walk itself):
 * 0. links whose href may hold an address (one querySelectorAll), each read as a unit;
 * 1. open shadow roots (an element-only walk reading `shadowRoot`), queued as subtrees of their own;
 * 2. text (a text-only walk; only text that matches is checked against its ancestors).
 */
interface Job {
  root: Node;
  phase: 0 | 1 | 2;
  links: Element[];
  at: number;
  walker: TreeWalker | null;
  /** Phase 1 on a big subtree: the custom elements to check. */
  hosts?: Element[];
  rootChecked?: boolean;
}

export function createScanner(matcher: TextMatcher, marks: Annotator, hooks: ScannerHooks): Scanner {
  const queue: Node[] = [];
  let job: Job | null = null;
  let scheduled = false;
  let waiters: Array<() => void> = [];
  const index = matcher.addresses;
  const linkCache = new WeakMap<Element, { href: string; ctx: LinkContext | null }>();
  const seenRoots = new WeakSet<ShadowRoot>();
  /** Found, not yet written; and when the oldest of them was found. */
  const pending: Hit[] = [];
  let pendingSince = 0;
  /** Parent element -> whether text directly in it may be marked. Cleared when the scanner goes idle. */
  let allowedCache = new Map<Element, boolean>();

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

  /**
   * Whether text in `parent` may be marked by the text phase: not inside an excluded element, an editable region,
   * a mark (ours: counted again; forged: left alone) or a token link (the link phase reads those). Walks up to the
   * job's root, whose own ancestors were checked when it was queued.
   */
  const allowed = (parent: Element, root: Node): boolean => {
    let ok = allowedCache.get(parent);
    if (ok !== undefined) return ok;
    ok = true;
    for (let e: Element | null = parent; e; e = e.parentElement) {
      const tag = e.localName;
      if (SKIP.has(tag) || tag === CARD_HOST_TAG || tag === MARK_TAG) {
        if (tag === MARK_TAG) marks.track(e);
        ok = false;
        break;
      }
      const ce = e.getAttribute('contenteditable');
      if ((ce !== null && ce !== 'false') || (tag === 'a' && contextOf(e))) {
        ok = false;
        break;
      }
      if (e === root) break;
    }
    allowedCache.set(parent, ok);
    return ok;
  };

  const found = (node: Text, matches: TextMatch[]) => {
    if (!pending.length) pendingSince = performance.now();
    pending.push({ node, data: node.data, matches });
  };

  /** The text nodes of a link, in order, skipping what the scanner never enters. */
  const linkTexts = (a: Element): Text[] => {
    const out: Text[] = [];
    const w = a.ownerDocument.createTreeWalker(a, SHOW, {
      acceptNode: (n) =>
        n.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : rejects(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP,
    });
    for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
    return out;
  };

  /** A link that points to a token is read as one unit: its text takes the link's meaning (links.ts). */
  const scanLink = (a: Element) => {
    const ctx = contextOf(a);
    if (!ctx || insideRejected(a)) return;
    const texts = linkTexts(a);
    let any = false;
    for (const t of texts) {
      if (marks.isSplit(t)) {
        any = true;
        continue;
      }
      const m = matcher.find(t.data);
      if (!m.length) continue;
      any = true;
      found(t, classifyLink(m, ctx, index).matches);
    }
    if (any || marks.markWithin(a) || pending.some((h) => a.contains(h.node))) return;
    const { whole } = classifyLink([], ctx, index);
    if (!whole) return;
    const first = texts.find((t) => t.data.trim() !== '');
    if (!first) return;
    const start = first.data.length - first.data.trimStart().length;
    const end = first.data.trimEnd().length;
    found(first, [{ id: whole, kind: 'link', start, end, text: first.data.slice(start, end), address: ctx.official.get(whole) }]);
  };

  /** A single queued text node (the page changed it): scanned in its link's light when it sits in one. */
  const scanLoose = (node: Text) => {
    const parent = node.parentElement;
    if (!parent || marks.isSplit(node) || insideRejected(parent)) return;
    const a = parent.closest('a[href]');
    if (a && contextOf(a)) return scanLink(a);
    const m = matcher.find(node.data);
    if (m.length) found(node, m);
  };

  /** An open shadow root not seen before is followed and queued as a subtree of its own. */
  const noteShadowRoot = (el: Element) => {
    const sr = el.shadowRoot;
    if (sr && !seenRoots.has(sr)) {
      seenRoots.add(sr);
      hooks.onShadowRoot(sr);
      queue.push(sr);
    }
  };

  /** Takes the next queued item; single text nodes and links are handled at once. */
  const startNext = (): boolean => {
    for (;;) {
      const next = queue.shift();
      if (!next) return false;
      if (!next.isConnected) continue;
      if (next.nodeType === Node.TEXT_NODE) {
        scanLoose(next as Text);
        continue;
      }
      if (next.nodeType === Node.ELEMENT_NODE) {
        const el = next as Element;
        if (insideRejected(el)) continue;
        const a = el.closest('a[href]');
        if (a && contextOf(a)) {
          scanLink(a);
          continue;
        }
      } else if (next.nodeType !== Node.DOCUMENT_FRAGMENT_NODE && next.nodeType !== Node.DOCUMENT_NODE) continue;
      job = { root: next, phase: 0, links: [], at: 0, walker: null };
      return true;
    }
  };

  /** Advances the current job by up to BATCH steps. */
  const step = (j: Job) => {
    const root = j.root as Element | ShadowRoot | Document;
    const doc = root.ownerDocument ?? (root as Document);
    let budget = BATCH;
    if (j.phase === 0) {
      // Anchors by tag (a cached native collection), then their href: far cheaper on a huge table than an
      // attribute-substring selector, which tests every element.
      if (j.at === 0 && !j.links.length) {
        const anchors = root.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? root.querySelectorAll('a[href]') : (root as Element | Document).getElementsByTagName('a');
        j.links = [];
        for (const a of anchors) {
          const href = a.getAttribute('href');
          if (href && mayHoldAddress(href, index)) j.links.push(a);
        }
      }
      while (j.at < j.links.length && budget-- > 0) {
        const a = j.links[j.at++]!;
        if (contextOf(a)) scanLink(a);
      }
      if (j.at >= j.links.length) j.phase = 1;
      return;
    }
    if (j.phase === 1) {
      if (!j.walker && !j.hosts) {
        // Reading `shadowRoot` on every element costs as much as the text walk itself on a huge page. Up to
        // HOST_SCAN_LIMIT elements every element is checked; above it, only custom elements (tag names with a
        // hyphen, where shadow DOM lives in practice), which XPath finds natively without touching the others.
        const big = root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE && (root as Element | Document).getElementsByTagName('*').length > HOST_SCAN_LIMIT;
        if (big) {
          const r = doc.evaluate(".//*[contains(local-name(), '-')]", root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
          j.hosts = Array.from({ length: r.snapshotLength }, (_, i) => r.snapshotItem(i) as Element);
          j.at = 0;
        } else j.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      }
      if (j.at === 0 && root.nodeType === Node.ELEMENT_NODE && !j.rootChecked) {
        // The walk starts below the root: a newly added element's own shadow root is checked here.
        j.rootChecked = true;
        noteShadowRoot(root as Element);
      }
      budget *= 4;
      let n: Node | null = null;
      const next = j.walker ? () => j.walker!.nextNode() : () => j.hosts![j.at++] ?? null;
      while (budget-- > 0 && (n = next())) noteShadowRoot(n as Element);
      if (!n) {
        j.phase = 2;
        j.walker = null;
      }
      return;
    }
    j.walker ??= doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const w = j.walker;
    let n: Node | null = null;
    budget *= 4;
    while (budget-- > 0 && (n = w.nextNode())) {
      const m = matcher.find((n as Text).data);
      if (!m.length) continue;
      const parent = n.parentElement;
      if (parent && !marks.isSplit(n) && allowed(parent, root)) found(n as Text, m);
    }
    if (!n) job = null;
  };

  const scan = (deadline: number) => {
    while (performance.now() < deadline) {
      if (!job && !startNext()) break;
      if (job) step(job);
    }
  };

  const write = (deadline: number) => {
    let wrote = false;
    let i = 0;
    for (; i < pending.length; i++) {
      if ((i & 63) === 0 && i > 0 && performance.now() >= deadline) break;
      const h = pending[i]!;
      // The page changed or removed the node since: the follower has queued it again.
      if (!h.node.isConnected || h.node.data !== h.data) continue;
      marks.annotate(h.node, h.matches);
      wrote = true;
    }
    pending.splice(0, i);
    if (pending.length) pendingSince = performance.now();
    if (wrote) hooks.onMarked();
  };

  const slice = () => {
    scheduled = false;
    const now = performance.now();
    const scanDone = !job && !queue.length;
    if (pending.length && (scanDone || now - pendingSince >= FLUSH_MS)) write(now + WRITE_MS);
    else scan(now + SLICE_MS);
    if (job || queue.length || pending.length) schedule();
    else {
      allowedCache = new Map();
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
      if (!job && !queue.length && !pending.length && !scheduled) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    clear() {
      queue.length = 0;
      pending.length = 0;
      job = null;
    },
  };
}
