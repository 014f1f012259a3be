// Runs in: content script. Follows DOM changes in the document and in every open shadow root the scanner finds:
// new and changed text is queued for the scanner, and splits whose original node the page rewrote or removed are
// released (see marks.ts). Work inside the callback is only bookkeeping; scanning happens in the scanner's slices.
import type { Annotator } from './marks';
import type { Scanner } from './scanner';

export interface Follower {
  /** Also follow changes inside this root (an open shadow root). */
  add(root: Node): void;
  /** Drop the records our own writes just caused (called in the same task as the writes). */
  drop(): void;
  disconnect(): void;
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export function follow(root: Node, marks: Annotator, scanner: Scanner, onChange: () => void): Follower {
  const observer = new MutationObserver((records) => {
    let changed = false;
    for (const rec of records) {
      if (rec.type === 'characterData') {
        const node = rec.target;
        if (marks.isSplit(node)) marks.release(node as Text, false);
        if (!marks.markFrom(node)) scanner.enqueue(node);
        changed = true;
        continue;
      }
      for (const node of rec.removedNodes) {
        if (marks.isSplit(node)) marks.release(node as Text, true);
        changed = true;
      }
      for (const node of rec.addedNodes) {
        scanner.enqueue(node);
        changed = true;
      }
    }
    if (changed) onChange();
  });
  observer.observe(root, OPTIONS);
  return {
    add: (r) => observer.observe(r, OPTIONS),
    drop: () => void observer.takeRecords(),
    disconnect: () => observer.disconnect(),
  };
}
