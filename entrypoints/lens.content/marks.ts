// Runs in: content script. Creates the wrappers around each occurrence and keeps the page's own nodes
// working.
//
// Only elements this module created are marks: a page can write `<lrt-mark data-lrt-token>` itself, and
// such elements never open a card or count.
//
// Page safety: frameworks (React, Vue…) hold references to the text nodes they render. We therefore never
// move a page's text node. The original node keeps the text before the first match, and everything after it
// (marks with fresh text nodes, and the gaps) is inserted as new siblings, remembered as that node's
// "pieces". When the page later rewrites or removes the original node, the pieces are taken away again, so
// the framework's view of its DOM stays true and no stale text is left behind.
import type { SymbolMatch } from '../../lib/detect/symbols';

export const MARK_TAG = 'lrt-mark';
export type MatchKind = 'symbol';

interface Split {
  /** The full text the node had before we split it. */
  text: string;
  pieces: Node[];
}

export class Annotator {
  private readonly mine = new WeakSet<Element>();
  private readonly splits = new WeakMap<Text, Split>();

  /** Wraps each match of `node`'s text (matches sorted, non-overlapping). Visible text is unchanged. */
  annotate(node: Text, matches: readonly SymbolMatch[], kind: MatchKind = 'symbol'): void {
    if (!matches.length || this.splits.has(node)) return;
    const doc = node.ownerDocument;
    const text = node.data;
    const pieces: Node[] = [];
    let pos = matches[0]!.start;
    for (const m of matches) {
      if (m.start > pos) pieces.push(doc.createTextNode(text.slice(pos, m.start)));
      const mark = doc.createElement(MARK_TAG);
      mark.setAttribute('data-lrt-token', m.id);
      mark.setAttribute('data-lrt-match', kind);
      mark.append(doc.createTextNode(m.text));
      this.mine.add(mark);
      pieces.push(mark);
      pos = m.end;
    }
    if (pos < text.length) pieces.push(doc.createTextNode(text.slice(pos)));
    node.data = text.slice(0, matches[0]!.start);
    node.after(...pieces);
    this.splits.set(node, { text, pieces });
  }

  isSplit(node: Node): node is Text {
    return node.nodeType === Node.TEXT_NODE && this.splits.has(node as Text);
  }

  /**
   * Removes the pieces of a split node. `restoreText`: put the node's full text back (it was removed or
   * moved by the page); otherwise the page has just written new text into it, which is kept.
   */
  release(node: Text, restoreText: boolean): void {
    const split = this.splits.get(node);
    if (!split) return;
    this.splits.delete(node);
    for (const p of split.pieces) p.parentNode?.removeChild(p);
    if (restoreText) node.data = split.text;
  }

  isMine(el: Element | null): el is HTMLElement {
    return el !== null && this.mine.has(el);
  }

  /** The mark the event target sits in, if it is one of ours. */
  markFrom(target: EventTarget | null): HTMLElement | null {
    if (!(target instanceof Element)) return null;
    const el = target.closest(MARK_TAG);
    return this.isMine(el) ? el : null;
  }

  /** Counts per token id over our marks in `root`. */
  counts(root: ParentNode): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const el of root.querySelectorAll(MARK_TAG)) {
      if (!this.mine.has(el)) continue;
      const id = el.getAttribute('data-lrt-token');
      if (id) counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts;
  }
}
