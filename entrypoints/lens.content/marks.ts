// Runs in: content script. Every mention found on the page, kept in this script's own memory: its text node,
// offsets, token, kind, text and address. The page's DOM is never touched (see paint.ts for how marks are drawn),
// so nothing here can be rewritten by the page: a card is opened from this memory, never from anything the page
// can read back or change.
import type { MatchKind, TextMatch } from '../../lib/detect/types';

export interface Mark {
  readonly node: Text;
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly kind: MatchKind;
  readonly text: string;
  /** For `address` and `impostor` marks: the address the page showed or linked. */
  readonly address?: string;
  /** The href of the token link the mark was read in: if the page repoints the link, the mark no longer holds. */
  readonly href?: string;
  /** A live range over the page's own text, for painting and for hit-testing. */
  readonly range: Range;
}

/** Draws marks (CSS highlights in browsers; nothing in unit tests). */
export interface Painter {
  add(mark: Mark): void;
  remove(mark: Mark): void;
  clear(): void;
}

export const NO_PAINT: Painter = { add() {}, remove() {}, clear() {} };

export class Marks {
  private readonly byNode = new Map<Text, Mark[]>();
  /** The parent each marked node had when marked (a node moved elsewhere is swept, see sweep()). */
  private readonly parentOf = new Map<Text, Element>();
  /** Marked text nodes per parent element: the pointer names an element, and only its own text is hit-tested. */
  private readonly byParent = new Map<Element, Set<Text>>();
  private total = 0;

  constructor(private readonly painter: Painter = NO_PAINT) {}

  /** Records each match of `node`'s text (sorted, non-overlapping). `href`: the token link they were read in. */
  annotate(node: Text, matches: readonly TextMatch[], href?: string): void {
    const parent = node.parentElement;
    if (!matches.length || this.byNode.has(node) || !parent) return;
    const list: Mark[] = [];
    for (const m of matches) {
      const range = node.ownerDocument.createRange();
      range.setStart(node, m.start);
      range.setEnd(node, m.end);
      const mark: Mark = { node, start: m.start, end: m.end, id: m.id, kind: m.kind, text: m.text, range, ...(m.address ? { address: m.address } : {}), ...(href ? { href } : {}) };
      list.push(mark);
      this.painter.add(mark);
    }
    this.byNode.set(node, list);
    this.parentOf.set(node, parent);
    let set = this.byParent.get(parent);
    if (!set) this.byParent.set(parent, (set = new Set()));
    set.add(node);
    this.total += list.length;
  }

  has(node: Node): boolean {
    return this.byNode.has(node as Text);
  }

  get size(): number {
    return this.total;
  }

  of(node: Text): readonly Mark[] {
    return this.byNode.get(node) ?? [];
  }

  /** The marks in text nodes directly inside `el`. */
  inElement(el: Element): Mark[] {
    const set = this.byParent.get(el);
    if (!set) return [];
    const out: Mark[] = [];
    for (const n of set) out.push(...this.of(n));
    return out;
  }

  /** Every mark, in the order found (document order within each scan). */
  *all(): Iterable<Mark> {
    for (const list of this.byNode.values()) yield* list;
  }

  release(node: Text): void {
    const list = this.byNode.get(node);
    if (!list) return;
    this.byNode.delete(node);
    for (const m of list) this.painter.remove(m);
    this.total -= list.length;
    const parent = this.parentOf.get(node)!;
    this.parentOf.delete(node);
    const set = this.byParent.get(parent);
    if (set?.delete(node) && !set.size) this.byParent.delete(parent);
  }

  /** Releases every mark whose text lies inside `root` (a region became editable, a link was repointed). */
  releaseWithin(root: Node): Text[] {
    const gone: Text[] = [];
    for (const node of this.byNode.keys()) if (root.contains(node)) gone.push(node);
    for (const n of gone) this.release(n);
    return gone;
  }

  /**
   * Releases marks whose node left the page, or whose range no longer sits on its node (the node was moved: a
   * live range collapses onto the old parent). Returns the moved nodes still in the page, to be scanned again.
   */
  sweep(): Text[] {
    const moved: Text[] = [];
    for (const [node, list] of this.byNode) {
      if (node.isConnected && node.parentElement === this.parentOf.get(node) && list[0]!.range.startContainer === node) continue;
      this.release(node);
      if (node.isConnected) moved.push(node);
    }
    return moved;
  }

  /** True when the mention is still what was marked: its node in the page and its text unchanged. */
  holds(mark: Mark): boolean {
    return this.byNode.get(mark.node)?.includes(mark) === true && mark.node.isConnected && mark.node.data.slice(mark.start, mark.end) === mark.text;
  }

  releaseAll(): void {
    this.byNode.clear();
    this.parentOf.clear();
    this.byParent.clear();
    this.total = 0;
    this.painter.clear();
  }

  /**
   * Counts per token id over the marks still in the page. Impostor and misnomer marks are not exposure to the
   * token they name, so they are not counted.
   */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const m of this.all()) if (m.kind !== 'impostor' && m.node.isConnected) counts[m.id] = (counts[m.id] ?? 0) + 1;
    return counts;
  }
}
