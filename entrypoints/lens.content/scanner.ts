// Runs in: content script. Finds occurrences in text nodes (and links) and records them as marks, in time slices so
// no task runs long. Never changes the page: see marks.ts and paint.ts. Walks open shadow roots it meets and reports
// them so they are observed too.
import type { MarkLimit } from '../../lib/messaging/contract';
import { classifyLink, linkContext, mayHoldAddress, type LinkContext } from '../../lib/detect/links';
import type { TextMatcher } from '../../lib/detect/text';
import type { TextMatch } from '../../lib/detect/types';
import type { Marks } from './marks';
import { guarded } from './log';
import { isOwn } from './own';

/** Elements whose text is never the page's prose, or is the user's input, or is drawn rather than written. */
const SKIP = new Set(['head', 'title', 'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math']);

/** Scanning work per task: about half a frame, far below the 50 ms long-task line. */
const SLICE_MS = 8;
/** What `runNow` may take of the page's own task. */
const SYNC_MS = 8;
const SHOW = NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT;
/** Nodes visited between two clock reads (reading the clock is not free). */
const BATCH = 256;
/** Subtrees with more elements than this look for shadow roots on custom elements only (see step()). */
const HOST_SCAN_LIMIT = 10_000;

/**
 * Budgets, so no page can make the scan cost the user: mentions kept per text node and per page; text nodes longer
 * than CHUNK are read a chunk per step (OVERLAP covers the longest match, an 81-character truncated address, and its
 * boundary characters); and the give-up rule: a page that keeps the scanner busy more than GIVE_UP_SHARE of
 * GIVE_UP_WINDOW_MS for GIVE_UP_WINDOWS windows in a row stops being followed (its marks so far stay).
 */
export const BUDGET = {
  perNode: 100,
  perPage: 20_000,
  chunk: 32_768,
  overlap: 128,
  giveUpWindowMs: 10_000,
  giveUpShare: 0.25,
  giveUpWindows: 3,
};

export type BudgetHit = MarkLimit;

/** Text the user edits: marking it would put nothing in the page, but a card over the caret gets in the way. */
const editable = (el: Element) => {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
};

function rejects(el: Element): boolean {
  return SKIP.has(el.localName) || isOwn(el) || editable(el);
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
  /**
   * Scans what is queued now, for at most SYNC_MS, in the caller's task (the page's change being followed), so
   * its marks are drawn in the frame that change asked for rather than one of their own; the rest goes on in
   * the usual slices.
   */
  runNow(): void;
  /** Resolves when the queue is empty. */
  idle(): Promise<void>;
  /** Drops queued work (the site was switched off). */
  clear(): void;
}

export interface ScannerHooks {
  /** New marks were recorded in this task. */
  onMarked(): void;
  /** An open shadow root was found: observe it. */
  onShadowRoot(root: ShadowRoot): void;
  /** A budget was reached (each kind once): `page` and `busy` stop the scan. */
  onBudget(hit: BudgetHit): void;
  /** The queue ran empty / work arrived again (the e2e build's idle signal). */
  onIdle?(): void;
  onBusy?(): void;
}

/** A text node too long to read in one step: read CHUNK characters per step. */
interface BigText {
  node: Text;
  data: string;
  at: number;
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

export function createScanner(matcher: TextMatcher, marks: Marks, hooks: ScannerHooks): Scanner {
  const queue: Node[] = [];
  let job: Job | null = null;
  let scheduled = false;
  let waiters: Array<() => void> = [];
  const index = matcher.addresses;
  const linkCache = new WeakMap<Element, { href: string; ctx: LinkContext | null }>();
  const seenRoots = new WeakSet<ShadowRoot>();
  let marked = false;
  const big: BigText[] = [];
  const hit = new Set<BudgetHit>();
  let stopped = false;
  const budget = (kind: BudgetHit) => {
    if (hit.has(kind)) return;
    hit.add(kind);
    if (kind !== 'node') {
      stopped = true;
      queue.length = 0;
      big.length = 0;
      job = null;
    }
    hooks.onBudget(kind);
  };
  let windowStart = performance.now();
  let windowBusy = 0;
  let busyWindows = 0;
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
   * our own card or a token link (the link phase reads those). Walks up to the job's root, whose own ancestors
   * were checked when it was queued.
   */
  const allowed = (parent: Element, root: Node): boolean => {
    let ok = allowedCache.get(parent);
    if (ok !== undefined) return ok;
    ok = true;
    for (let e: Element | null = parent; e; e = e.parentElement) {
      if (rejects(e) || (e.localName === 'a' && contextOf(e))) {
        ok = false;
        break;
      }
      if (e === root) break;
    }
    allowedCache.set(parent, ok);
    return ok;
  };

  const found = (node: Text, matches: TextMatch[], href?: string) => {
    if (stopped) return;
    if (matches.length > BUDGET.perNode) {
      matches = matches.slice(0, BUDGET.perNode);
      budget('node');
    }
    const room = BUDGET.perPage - marks.size;
    if (room <= 0) return budget('page');
    if (matches.length > room) matches = matches.slice(0, room);
    marks.annotate(node, matches, href);
    marked = true;
    if (marks.size >= BUDGET.perPage) budget('page');
  };

  /** Reads the next chunk of a long text node; records its marks once the whole node is read. */
  const stepBig = (b: BigText) => {
    if (!b.node.isConnected || b.node.data !== b.data) {
      // Changed meanwhile: the follower has queued it again.
      big.shift();
      return;
    }
    const lo = Math.max(0, b.at - BUDGET.overlap);
    const end = Math.min(b.data.length, b.at + BUDGET.chunk);
    const hi = Math.min(b.data.length, end + BUDGET.overlap);
    for (const m of matcher.find(b.data.slice(lo, hi))) {
      const start = m.start + lo;
      if (start < b.at || start >= end) continue;
      b.matches.push({ ...m, start, end: m.end + lo });
    }
    b.at = end;
    if (b.at < b.data.length && b.matches.length <= BUDGET.perNode) return;
    big.shift();
    if (b.matches.length) found(b.node, b.matches);
  };
  /** Text the walk meets: long nodes go to the chunked reader, the rest is matched at once. */
  const readText = (n: Text): TextMatch[] => {
    if (n.data.length <= BUDGET.chunk) return matcher.find(n.data);
    if (!big.some((b) => b.node === n)) big.push({ node: n, data: n.data, at: 0, matches: [] });
    return [];
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
    const href = a.getAttribute('href') ?? '';
    const texts = linkTexts(a);
    let any = false;
    for (const t of texts) {
      if (marks.has(t)) {
        any = true;
        continue;
      }
      const m = matcher.find(t.data);
      if (!m.length) continue;
      any = true;
      found(t, classifyLink(m, ctx, index).matches, href);
    }
    if (any) return;
    const { whole } = classifyLink([], ctx, index);
    if (!whole) return;
    const first = texts.find((t) => t.data.trim() !== '');
    if (!first) return;
    const start = first.data.length - first.data.trimStart().length;
    const end = first.data.trimEnd().length;
    found(first, [{ id: whole, kind: 'link', start, end, text: first.data.slice(start, end), address: ctx.official.get(whole) }], href);
  };

  /** A single queued text node (the page changed it): scanned in its link's light when it sits in one. */
  const scanLoose = (node: Text) => {
    const parent = node.parentElement;
    if (!parent || marks.has(node) || insideRejected(parent)) return;
    const a = parent.closest('a[href]');
    if (a && contextOf(a)) return scanLink(a);
    const m = readText(node);
    if (m.length) found(node, m);
  };

  /** An open shadow root not seen before is followed and queued as a subtree of its own. */
  const noteShadowRoot = (el: Element) => {
    const sr = el.shadowRoot;
    if (sr && !seenRoots.has(sr) && !isOwn(el)) {
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
      // Nothing is marked in a document the user is editing as a whole.
      if (!next.isConnected || next.ownerDocument?.designMode === 'on') continue;
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
      const data = (n as Text).data;
      if (data.length > BUDGET.chunk) {
        const parent = n.parentElement;
        if (parent && !marks.has(n) && allowed(parent, root)) readText(n as Text);
        continue;
      }
      const m = matcher.find(data);
      if (!m.length) continue;
      const parent = n.parentElement;
      if (parent && !marks.has(n) && allowed(parent, root)) found(n as Text, m);
    }
    if (!n) job = null;
  };

  const scan = (deadline: number) => {
    while (!stopped && performance.now() < deadline) {
      if (big.length) stepBig(big[0]!);
      else if (!job && !startNext()) break;
      else if (job) step(job);
    }
  };

  /** The give-up rule (see BUDGET): counts this slice's time into the current window. */
  const account = (start: number, now: number) => {
    windowBusy += now - start;
    if (now - windowStart < BUDGET.giveUpWindowMs) return;
    busyWindows = windowBusy > BUDGET.giveUpShare * (now - windowStart) ? busyWindows + 1 : 0;
    windowStart = now;
    windowBusy = 0;
    if (busyWindows >= BUDGET.giveUpWindows) budget('busy');
  };

  const slice = (ms = SLICE_MS) => {
    scheduled = false;
    const start = performance.now();
    scan(start + ms);
    if (marked) {
      marked = false;
      hooks.onMarked();
    }
    account(start, performance.now());
    if (!stopped && (job || queue.length || big.length)) schedule();
    else {
      allowedCache = new Map();
      hooks.onIdle?.();
      const w = waiters;
      waiters = [];
      w.forEach((r) => r());
    }
  };

  const safeSlice = guarded('scan', () => slice());
  const syncSlice = guarded('scan', () => slice(SYNC_MS));
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(safeSlice, 0);
  };

  return {
    enqueue(node) {
      if (stopped) return;
      if (!scheduled) hooks.onBusy?.();
      queue.push(node);
      schedule();
    },
    runNow() {
      if (!stopped && (job || queue.length || big.length)) syncSlice();
    },
    idle() {
      if ((!job && !queue.length && !big.length && !scheduled) || stopped) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    clear() {
      queue.length = 0;
      big.length = 0;
      job = null;
    },
  };
}
