// Runs in: content script. One card host per page, created on first use: a plain element carrying `data-lrt-card`
// with a closed shadow root (the page can neither read nor rewrite the card), where the card is shown next to the
// mention under the pointer or in the focused link. The background renders the card (`card:render`: the card's
// components, its stylesheet and the chain tables never load in pages) and this layer builds the DOM it sent
// (lib/page-runtime/build-tree.ts). e2e builds attach the root open so the tests can read the card; production
// never does.
//
// There are no mark elements to listen on: the pointer's element (passive listeners, read once per animation frame)
// is hit-tested against the rects of the marks in its own text (marks.ts keeps them per parent element). Only
// trusted events open a card or press its buttons, and the mention is checked to still be there, unchanged, before
// a card opens: a page can neither script the card open nor re-label or repoint a mark to borrow a real card.
//
// Why not WXT's createShadowRootUi: it loads the card's CSS from a web-accessible file, which any page can probe to
// fingerprint the extension, and a page's CSP can block the <style> it falls back to. A constructed stylesheet
// needs neither.
import { send } from '../../lib/messaging/page-client';
import { buildTree } from '../../lib/page-runtime/build-tree';
import type { TreeElement } from '../../lib/views/tree';
import type { Mark, Marks } from './marks';
import { guarded, logError } from './log';
import { claimOwn } from './own';
import { pageScheme } from './scheme';

const OPEN_DELAY_MS = 250;
/**
 * A focus opens a card only this soon after the user pressed Tab: focus events are the browser's own (trusted)
 * even when a page script calls focus(), so the key press is what tells the user's focus from the page's.
 */
const TAB_FOCUS_MS = 500;
/** What a focused element must be for a mention inside it to open its card. */
const FOCUS_OPENS = 'a[href], button, summary, [role="link"], [role="button"]';
const CLOSE_DELAY_MS = 300;
/** A rendered card is asked for again after this long: live figures and their ages change. */
const VIEW_TTL_MS = 30_000;
const TITLE_ID = 'rl-card-title';
// `all: initial` would also undo the UA's [hidden] rule: the host's hidden attribute is honoured explicitly.
const HOST_CSS = `:host { all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; }
:host([hidden]) { display: none; }
.rl-layer { position: fixed; top: 0; left: 0; }`;

const E2E = import.meta.env.MODE === 'e2e';

interface Layer {
  host: HTMLElement;
  shadow: ShadowRoot;
  box: HTMLElement;
  /** The card's stylesheet is in (it comes with the frame's first rendered card). */
  styled: boolean;
}

/** Adds CSS to the card's shadow root. Constructed sheets are not subject to the page's style-src CSP. */
function addCss(doc: Document, shadow: ShadowRoot, css: string) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.prepend(style);
  }
}

function createLayer(doc: Document, onMethod: (hash: string) => void): Layer {
  const host = doc.createElement('div');
  host.setAttribute('data-lrt-card', '');
  claimOwn(host);
  const shadow = host.attachShadow({ mode: E2E ? 'open' : 'closed' });
  addCss(doc, shadow, HOST_CSS);
  // A click the page scripted (not the user's) presses nothing in the card.
  for (const type of ['click', 'keydown', 'pointerdown', 'mousedown']) {
    shadow.addEventListener(
      type,
      (e) => {
        if (!e.isTrusted) {
          e.stopImmediatePropagation();
          e.preventDefault();
        }
      },
      { capture: true },
    );
  }
  // The card's one control in pages: the method link (rendered with `data-open-method`; scripted clicks never get here).
  shadow.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest('[data-open-method]') : null;
    if (target && e.isTrusted) onMethod(target.getAttribute('data-open-method') ?? '');
  });
  const box = doc.createElement('div');
  box.className = 'rl-layer';
  shadow.append(box);
  doc.documentElement.append(host);
  return { host, shadow, box, styled: false };
}

/** The card while it loads or when it cannot be loaded (the popup's TokenCard draws the same two states). */
function statusCard(doc: Document, symbol: string, text: string, busy: boolean): Node {
  const card = doc.createElement('div');
  card.className = 'rl-card';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-labelledby', TITLE_ID);
  card.setAttribute('aria-busy', String(busy));
  const head = doc.createElement('header');
  head.className = 'rl-head';
  const h = doc.createElement('h2');
  h.id = TITLE_ID;
  h.className = 'rl-symbol';
  h.tabIndex = -1;
  h.textContent = symbol;
  head.append(h);
  const p = doc.createElement('p');
  p.className = 'rl-muted';
  p.textContent = text;
  card.append(head, p);
  return card;
}

const GAP = 6;
const MARGIN = 8;

/**
 * Where the card goes (fixed coordinates): below the mention's first line, starting at its left edge; above it when
 * there is more room there; then kept inside the viewport with a margin.
 */
export function placeBelow(anchor: Pick<DOMRect, 'left' | 'top' | 'bottom'>, card: Pick<DOMRect, 'width' | 'height'>, vw: number, vh: number): { x: number; y: number } {
  const below = vh - anchor.bottom - GAP;
  const above = anchor.top - GAP;
  let y = card.height > below && above > below ? anchor.top - GAP - card.height : anchor.bottom + GAP;
  y = Math.max(MARGIN, Math.min(y, vh - card.height - MARGIN));
  const x = Math.max(MARGIN, Math.min(anchor.left, vw - card.width - MARGIN));
  return { x, y };
}

const within = (r: DOMRect, x: number, y: number) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;

/** The mark whose text is under (x, y), among those directly in `el`. */
export function markAt(marks: Marks, el: Element, x: number, y: number): Mark | null {
  for (const m of marks.inElement(el)) {
    for (const r of m.range.getClientRects()) if (within(r, x, y)) return m;
  }
  return null;
}

/** The first mark in text inside `el` (a focused link), in text order. */
export function markInside(marks: Marks, el: Element): Mark | null {
  const w = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const list = marks.of(n as Text);
    if (list.length) return list[0]!;
  }
  return null;
}

export interface HoverLayer {
  /** Opens the card for `mark` (the keyboard command), scrolled into view first. */
  show(mark: Mark): void;
}

export function startHoverLayer(doc: Document, marks: Marks, signal: AbortSignal): HoverLayer {
  let layer: Layer | null = null;
  let anchor: Mark | null = null;
  /** How the open card was opened: the pointer closes it by leaving, focus by moving on. */
  let by: 'pointer' | 'focus' | 'command' = 'pointer';
  let pending: Mark | null = null;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const views = new Map<string, { at: number; card: Promise<TreeElement> }>();
  let seq = 0;

  // Only from the user's own click (the button already ignores scripted events): the page cannot open tabs with it.
  const openMethod = (hash: string) => {
    if (navigator.userActivation && !navigator.userActivation.isActive) return;
    void send('page:open', { page: 'method', hash }).catch((err: unknown) => logError('open method page', err));
  };
  const show = (node: Node) => layer?.box.replaceChildren(node);
  const inCard = (e: Event) => layer !== null && e.composedPath().includes(layer.host);

  const place = () => {
    if (!layer || !anchor) return;
    const m = anchor;
    const rect = m.range.getBoundingClientRect();
    // Scrolled away or gone: close.
    if (!marks.holds(m) || rect.bottom < 0 || rect.top > innerHeight) return close();
    const { x, y } = placeBelow(m.range.getClientRects()[0] ?? rect, layer.box.getBoundingClientRect(), innerWidth, innerHeight);
    layer.box.style.setProperty('left', `${x}px`);
    layer.box.style.setProperty('top', `${y}px`);
  };

  /** The rendered card for a mark (an impostor's names the address it was tied to), kept VIEW_TTL_MS. */
  const cardOf = (mark: Mark) => {
    const impostor = mark.kind === 'impostor' && mark.address ? mark.address : undefined;
    const key = `${mark.id} ${impostor ?? ''}`;
    const now = Date.now();
    let entry = views.get(key);
    if (!entry || now - entry.at > VIEW_TTL_MS) {
      const l = layer!;
      const card = send('card:render', { id: mark.id, ...(impostor ? { impostor } : {}), ...(l.styled ? {} : { css: true }) }).then((r) => {
        if (r.css !== undefined && !l.styled) {
          addCss(doc, l.shadow, r.css);
          l.styled = true;
        }
        return r.tree;
      });
      entry = { at: now, card };
      views.set(key, entry);
      card.catch(() => views.delete(key));
    }
    return entry.card;
  };

  /** The mention is still what was marked, and the link it was read in still points where it did. */
  const genuine = (m: Mark) => {
    if (!marks.holds(m)) return false;
    if (m.href === undefined) return true;
    return m.node.parentElement?.closest('a[href]')?.getAttribute('href') === m.href;
  };

  const open = async (mark: Mark, how: typeof by) => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    pending = null;
    if (mark === anchor) {
      by = how;
      return;
    }
    if (!genuine(mark) || doc.designMode === 'on') return;
    layer ??= createLayer(doc, openMethod);
    const l = layer;
    // Until the frame's first card (and its stylesheet) arrives, nothing is shown rather than an unstyled card.
    l.host.hidden = !l.styled;
    l.box.setAttribute('data-scheme', mark.node.parentElement ? pageScheme(mark.node.parentElement) : 'light');
    anchor = mark;
    by = how;
    const mySeq = ++seq;
    show(statusCard(doc, mark.text, 'Loading…', true));
    place();
    try {
      const tree = await cardOf(mark);
      if (mySeq !== seq) return;
      show(buildTree(doc, tree));
    } catch (err) {
      if (mySeq !== seq) return;
      show(statusCard(doc, mark.text, `Could not load this token: ${err instanceof Error ? err.message : String(err)}`, false));
    }
    l.host.hidden = !l.styled;
    place();
  };

  const close = () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    anchor = null;
    pending = null;
    seq++;
    if (layer) {
      layer.box.replaceChildren();
      layer.host.hidden = true;
    }
  };

  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(close, CLOSE_DELAY_MS);
  };

  // Pointer: the latest trusted position, resolved once per animation frame.
  let pointer: { x: number; y: number; el: Element | null; overCard: boolean } | null = null;
  let frame = 0;
  const resolve = guarded('hover', () => {
    frame = 0;
    const p = pointer;
    if (!p) return;
    if (p.overCard) {
      clearTimeout(closeTimer);
      return;
    }
    const mark = p.el ? markAt(marks, p.el, p.x, p.y) : null;
    if (mark && mark === anchor) {
      clearTimeout(closeTimer);
      return;
    }
    if (mark) {
      clearTimeout(closeTimer);
      if (mark === pending) return;
      clearTimeout(openTimer);
      pending = mark;
      openTimer = setTimeout(() => void open(mark, 'pointer'), OPEN_DELAY_MS);
      return;
    }
    if (pending) {
      clearTimeout(openTimer);
      pending = null;
    }
    if (anchor && by === 'pointer') scheduleClose();
  });

  const opts = { capture: true, passive: true, signal };
  doc.addEventListener(
    'pointermove',
    (e) => {
      if (!e.isTrusted) return;
      const target = e.composedPath()[0];
      pointer = { x: e.clientX, y: e.clientY, el: target instanceof Element ? target : null, overCard: inCard(e) };
      frame ||= requestAnimationFrame(resolve);
    },
    opts,
  );
  doc.addEventListener(
    'pointerleave',
    () => {
      pointer = null;
      if (anchor && by === 'pointer') scheduleClose();
    },
    opts,
  );
  // Keyboard: a link holding a mention opens its card at once when the user tabs to it; leaving it closes the card.
  let tabAt = -Infinity;
  doc.addEventListener(
    'focusin',
    (e) => {
      if (!e.isTrusted || performance.now() - tabAt > TAB_FOCUS_MS) return;
      if (inCard(e)) {
        clearTimeout(closeTimer);
        return;
      }
      const target = e.composedPath()[0];
      // A link or control holding a mention, not any focusable container (a whole article with tabindex).
      const mark = target instanceof Element && target.matches(FOCUS_OPENS) ? markInside(marks, target) : null;
      if (mark) void open(mark, 'focus');
      else if (anchor && by !== 'pointer') close();
    },
    opts,
  );
  doc.addEventListener(
    'focusout',
    (e) => {
      if (!anchor || by !== 'focus') return;
      const next = (e as FocusEvent).relatedTarget;
      if (layer && next instanceof Node && layer.host.contains(next)) return;
      scheduleClose();
    },
    opts,
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Tab') tabAt = performance.now();
      else if (e.key === 'Escape' && anchor) close();
    },
    opts,
  );
  addEventListener('blur', () => anchor && close(), opts);
  addEventListener('scroll', place, opts);
  signal.addEventListener('abort', () => {
    close();
    if (frame) cancelAnimationFrame(frame);
    layer?.host.remove();
  });
  return {
    show(mark) {
      mark.node.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      void open(mark, 'command');
    },
  };
}
