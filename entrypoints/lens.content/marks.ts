// Runs in: content script. Creates the wrappers around each occurrence and keeps the page's own nodes working.
//
// Only elements this module created are marks: a page can write `<lrt-mark data-lrt-token>` itself, and such
// elements never open a card or count.
//
// Page safety: frameworks (React, Vue…) hold references to the text nodes they render. We therefore never move a
// page's text node. The original node keeps the text before the first match, and everything after it (marks with
// fresh text nodes, and the gaps) is inserted as new siblings, remembered as that node's "pieces". When the page
// later rewrites or removes the original node, the pieces are taken away again, so the framework's view of its
// DOM stays true and no stale text is left behind.
import type { TextMatch } from '../../lib/detect/types';

export const MARK_TAG = 'lrt-mark';

/** Elements a keyboard already reaches: a mark inside one opens its card when that element takes focus. */
const INTERACTIVE = 'a[href],button,summary,label,[tabindex],[role="button"],[role="link"]';

/**
 * The mark style for marks inside shadow roots, where the manifest's stylesheet does not reach. Set through
 * CSSOM, which no Content-Security-Policy blocks (unlike a <style> element).
 */
const SHADOW_MARK_STYLE: Array<[string, string]> = [
  ['text-decoration-line', 'underline'],
  ['text-decoration-style', 'dotted'],
  ['text-decoration-color', '#7c5cff'],
  ['text-decoration-thickness', '2px'],
  ['text-underline-offset', '3px'],
  ['cursor', 'help'],
];

interface Split {
  /** The full text the node had before we split it. */
  text: string;
  pieces: Node[];
}

export class Annotator {
  private readonly mine = new WeakSet<Element>();
  private readonly splits = new WeakMap<Text, Split>();
  /** Split nodes and marks that may still be in the page, for counting and for taking everything back. */
  private readonly liveSplits = new Set<Text>();
  private readonly liveMarks = new Set<Element>();
  /** The address an `impostor` or `address` mark was tied to, for its card. */
  private readonly addresses = new WeakMap<Element, string>();

  /**
   * Wraps each match of `node`'s text (sorted, non-overlapping). Visible text is unchanged. A match may cover the
   * whole text or a part; `whole`-link marks pass one match spanning the trimmed text.
   */
  annotate(node: Text, matches: readonly TextMatch[]): void {
    if (!matches.length || this.splits.has(node)) return;
    const doc = node.ownerDocument;
    const text = node.data;
    const inShadow = node.getRootNode() !== doc;
    const focusable = !node.parentElement?.closest(INTERACTIVE);
    const pieces: Node[] = [];
    let pos = matches[0]!.start;
    for (const m of matches) {
      if (m.start > pos) pieces.push(doc.createTextNode(text.slice(pos, m.start)));
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute('data-lrt-token', m.id);
      mark.setAttribute('data-lrt-match', m.kind);
      // Keyboard users reach the mark and open its card on focus; marks inside links open with the link's focus.
      if (focusable) mark.setAttribute('tabindex', '0');
      mark.setAttribute('aria-haspopup', 'dialog');
      if (inShadow) for (const [p, v] of SHADOW_MARK_STYLE) mark.style.setProperty(p, v);
      mark.append(doc.createTextNode(m.text));
      if (m.address) this.addresses.set(mark, m.address);
      this.mine.add(mark);
      this.liveMarks.add(mark);
      pieces.push(mark);
      pos = m.end;
    }
    if (pos < text.length) pieces.push(doc.createTextNode(text.slice(pos)));
    node.data = text.slice(0, matches[0]!.start);
    node.after(...pieces);
    this.splits.set(node, { text, pieces });
    this.liveSplits.add(node);
  }

  isSplit(node: Node): boolean {
    return node.nodeType === Node.TEXT_NODE && this.splits.has(node as Text);
  }

  /**
   * Removes the pieces of a split node. `restoreText`: put the node's full text back (it was removed or moved by
   * the page, or we are taking our marks away); otherwise the page has just written new text into it, which is
   * kept.
   */
  release(node: Text, restoreText: boolean): void {
    const split = this.splits.get(node);
    if (!split) return;
    this.splits.delete(node);
    this.liveSplits.delete(node);
    for (const p of split.pieces) {
      p.parentNode?.removeChild(p);
      if (p instanceof Element) this.liveMarks.delete(p);
    }
    if (restoreText) node.data = split.text;
  }

  /** Takes every mark away and gives each split node its full text back (the user switched this site off). */
  releaseAll(): void {
    for (const node of [...this.liveSplits]) this.release(node, true);
    this.liveMarks.clear();
  }

  isMine(el: Element | null): el is HTMLElement {
    return el !== null && this.mine.has(el);
  }

  /** A mark of ours met again by a scan (its subtree was moved back into the page): count it again. */
  track(el: Element): void {
    if (this.mine.has(el)) this.liveMarks.add(el);
  }

  addressOf(mark: Element): string | undefined {
    return this.addresses.get(mark);
  }

  /** The mark an event happened in, if it is one of ours; looks through open shadow roots. */
  markFrom(e: Event | EventTarget | null): HTMLElement | null {
    const target = e instanceof Event ? (e.composedPath()[0] ?? e.target) : e;
    let el: Element | null = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
    for (; el; el = el.parentElement) {
      if (this.mine.has(el)) return el as HTMLElement;
    }
    return null;
  }

  /** Our mark inside an element (a focused link, say), if any. */
  markWithin(el: Element): HTMLElement | null {
    for (const m of el.querySelectorAll(MARK_TAG)) if (this.mine.has(m)) return m as HTMLElement;
    return null;
  }

  /**
   * Counts per token id over our marks still in the page (documents and open shadow roots alike). Impostor and
   * misnomer marks are not exposure to the token they name, so they are not counted.
   */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const el of this.liveMarks) {
      if (!el.isConnected) {
        this.liveMarks.delete(el);
        continue;
      }
      const id = el.getAttribute('data-lrt-token');
      if (id && el.getAttribute('data-lrt-match') !== 'impostor') counts[id] = (counts[id] ?? 0) + 1;
    }
    for (const n of this.liveSplits) if (!n.isConnected) this.liveSplits.delete(n);
    return counts;
  }
}
