// Runs in: content script. Draws marks as CSS Custom Highlights over the page's own text: no element, attribute or
// text is added to the page, so no layout is caused and no framework sees a change.
//
// A mark in or near the viewport is one range in the Highlight registered under its contract name
// `lrt:<registry id>:<match kind>` (docs/detection.md), so tests and outside checks can read what is marked where
// the user can see it. Those names are not styled: each registered range is also in one painting Highlight,
// `lrt-paint`, and one constructed stylesheet styles that name alone (`::highlight(lrt-paint)`), written once and
// adopted into the document and into each open shadow root holding a mark, only once a mark exists: a page with no
// mark (or a site switched off) sees no stylesheet, no highlight and no name of ours.
//
// Why one painting name: adding a `::highlight()` rule makes the browser recompute the style of every element of
// the document (measured on a 120,000-element table in Chromium 156: about 470 ms), and every selector in the rule
// adds to each element's match (250 names: 8 to 11 s). A rule per contract name, grown as tokens appear, cost one
// full recalculation per new name and grew with the names; one fixed name costs one recalculation, once.
//
// Only marks near the viewport are registered: every frame after a highlight change, Chromium revisits every
// registered range, styled or not (measured: 3,000 unstyled ranges cost a live feed as much as styled ones, and a
// few thousand took PrePaint from 9 ms to 80-100 ms per frame). So each marked text node's element is watched by
// an IntersectionObserver and its ranges are registered while it is within one viewport of the visible area; the
// rest stay in the script's memory (marks.ts), still counted, hovered and stepped through.
//
// No frame of our own: every highlight change makes the browser paint another frame, and on a page that paints a
// lot (a live feed) each extra frame costs as much as the page's own. So a newly marked element is tested against
// the viewport at once (its rect, in the scan's task, which runs before the frame the page's own change asked
// for) and its marks are registered in that same frame; the observer then only follows it as it scrolls. Marks
// leaving the viewport's neighbourhood are unregistered together with the next registration, or after
// LEAVE_MS, not one frame each. Marks whose text the page removed are unregistered at once.
import type { MatchKind } from '../../lib/detect/types';
import { guarded } from './log';
import type { Mark, Painter } from './marks';

export const highlightName = (id: string, kind: MatchKind) => `lrt:${id}:${kind}`;
/** The one highlight name the stylesheet styles: every registered mark's range is in it too (docs/detection.md). */
export const PAINT_NAME = 'lrt-paint';

const STYLE = `text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: #7c5cff;
  text-decoration-thickness: 2px; text-underline-offset: 3px; background-color: rgba(124, 92, 255, 0.14);`;

type Root = Document | ShadowRoot;

/** Marks that left the viewport's neighbourhood are unregistered at the latest this long after. */
const LEAVE_MS = 1_000;
/** Rect reads finding marked elements far in a row, after which new marks wait for the observer's report. */
const FAR_IN_A_ROW = 16;
/** How often a root holding marks is checked for our stylesheet (a page may replace its adopted list). */
const RECHECK_MS = 1_000;

/** The browser's highlight painter for `doc`, or null where the Highlight API is missing (no marks are drawn). */
export function highlightPainter(doc: Document): Painter | null {
  const view = doc.defaultView;
  const registry = view?.CSS?.highlights;
  if (!registry || typeof Highlight === 'undefined') return null;
  const paint = new Highlight();
  /** Ours per name, and the Highlight the registry held under that name when we last added to it. */
  const named = new Map<string, Highlight>();
  const registered = new Map<string, Highlight>();
  let sheet: CSSStyleSheet | null = null;
  const styled = new Set<Root>();
  const checkedAt = new WeakMap<Root, number>();
  /** Marks per watched element, and the elements near the viewport now (their marks are registered). */
  const watched = new Map<Element, Set<Mark>>();
  const near = new Set<Element>();
  /** The element each mark is watched by (its node's parent when marked: the node may move before release). */
  const watchedBy = new WeakMap<Mark, Element>();
  /** Marks still registered though their element is no longer near: unregistered at the next flush. */
  const leaving = new Set<Mark>();
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(leaveTimer);
    leaveTimer = undefined;
    for (const m of leaving) hide(m);
    leaving.clear();
  };
  const leave = (m: Mark) => {
    leaving.add(m);
    leaveTimer ??= setTimeout(guarded('paint', flush), LEAVE_MS);
  };
  /**
   * Set from adopting our stylesheet until a frame has styled the page with it (the observer's next report): a
   * rect read in between would restyle the whole document inside our task (a long task on a big page), so until
   * then new marks wait for the observer.
   */
  let restyling = false;
  /**
   * Rect reads that found the element far, in a row, since the observer's last report. A scan that has walked past
   * the viewport's neighbourhood (the rest of a long table) stops reading rects until the next report: the
   * observer's first report on each new element says where it is anyway, one frame later (on the 20,000-row
   * table, 2,400 rect reads took 26 ms, nearly all of them far).
   */
  let farInARow = 0;
  /** Within one viewport of the visible area (the observer's root margin), from the element's rect now. */
  const nearNow = (el: Element) => {
    if (restyling || farInARow >= FAR_IN_A_ROW) return false;
    const r = el.getBoundingClientRect();
    const vw = view.innerWidth;
    const vh = view.innerHeight;
    const near = (r.width > 0 || r.height > 0) && r.bottom >= -vh && r.top <= 2 * vh && r.right >= -vw && r.left <= 2 * vw;
    farInARow = near ? 0 : farInARow + 1;
    return near;
  };
  const observer = new IntersectionObserver(
    guarded('paint', (entries: IntersectionObserverEntry[]) => {
      // The observer reports after a frame was drawn: the page has been styled with our stylesheet by now (no
      // animation-frame callback of our own for this, which would run inside the page's frame).
      restyling = false;
      farInARow = 0;
      let shown = false;
      for (const e of entries) {
        const marks = watched.get(e.target);
        if (!marks) continue;
        if (e.isIntersecting) {
          if (near.has(e.target)) continue;
          near.add(e.target);
          shown = true;
          for (const m of marks) show(m);
        } else if (near.delete(e.target)) for (const m of marks) leave(m);
      }
      if (shown) flush();
    }),
    { rootMargin: '100%', delay: 300 } as IntersectionObserverInit,
  );

  const style = (root: Root) => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(`::highlight(${PAINT_NAME}) { ${STYLE} }`);
    }
    const now = performance.now();
    if (styled.has(root)) {
      // Reading adoptedStyleSheets copies the list: whether the page replaced it is checked at most once a second.
      if (now - (checkedAt.get(root) ?? 0) < RECHECK_MS) return;
      checkedAt.set(root, now);
      if (root.adoptedStyleSheets.includes(sheet)) return;
    }
    // Constructed sheets are not subject to the page's style-src CSP. Re-adopted if the page replaced the list.
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    styled.add(root);
    checkedAt.set(root, now);
    restyling = true;
  };

  const show = (mark: Mark) => {
    // Back before it was unregistered: it still is registered.
    if (leaving.delete(mark)) return;
    const name = highlightName(mark.id, mark.kind);
    let h = named.get(name);
    if (!h) named.set(name, (h = new Highlight()));
    h.add(mark.range);
    // A page may have registered this name itself, or replaced our entry: our ranges are added to whatever the
    // registry holds, so readers see every mark and the page's own ranges stay its own. The card never reads the
    // registry (marks.ts), so a page-made range opens nothing.
    let cur = registry.get(name);
    if (!cur) registry.set(name, (cur = h));
    if (registered.get(name) !== cur) {
      registered.set(name, cur);
      if (cur !== h) {
        try {
          for (const r of h) cur.add(r);
        } catch {
          // Firefox refuses a content script's range in a page-made Highlight: ours takes the name instead.
          registry.set(name, (cur = h));
          registered.set(name, h);
        }
      }
    }
    cur.add(mark.range);
    paint.add(mark.range);
    // Ours under the painting name, even if the page set that name itself.
    if (registry.get(PAINT_NAME) !== paint) registry.set(PAINT_NAME, paint);
    const root = mark.node.getRootNode();
    if (root instanceof Document || root instanceof ShadowRoot) style(root);
  };
  const hide = (mark: Mark) => {
    const name = highlightName(mark.id, mark.kind);
    named.get(name)?.delete(mark.range);
    registered.get(name)?.delete(mark.range);
    paint.delete(mark.range);
  };

  return {
    add: guarded('paint', (mark: Mark) => {
      const el = mark.node.parentElement;
      if (!el) return;
      let set = watched.get(el);
      if (!set) {
        watched.set(el, (set = new Set()));
        observer.observe(el);
        if (nearNow(el)) near.add(el);
      }
      set.add(mark);
      watchedBy.set(mark, el);
      if (near.has(el)) {
        show(mark);
        if (leaving.size) flush();
      }
    }),
    remove(mark) {
      leaving.delete(mark);
      hide(mark);
      const el = watchedBy.get(mark);
      const set = el && watched.get(el);
      if (!set?.delete(mark) || set.size) return;
      watched.delete(el!);
      near.delete(el!);
      observer.unobserve(el!);
    },
    clear() {
      clearTimeout(leaveTimer);
      leaveTimer = undefined;
      leaving.clear();
      observer.disconnect();
      watched.clear();
      near.clear();
      for (const [name, h] of named) {
        const cur = registered.get(name);
        if (cur === h && registry.get(name) === h) registry.delete(name);
        else if (cur) for (const r of h) cur.delete(r);
      }
      named.clear();
      registered.clear();
      paint.clear();
      if (registry.get(PAINT_NAME) === paint) registry.delete(PAINT_NAME);
      for (const root of styled) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      styled.clear();
    },
  };
}
