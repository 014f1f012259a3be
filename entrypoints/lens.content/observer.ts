// Runs in: content script. Follows DOM changes in the document and in every open shadow root the scanner finds: new
// and changed text is queued for the scanner; marks whose text the page rewrote, removed or moved are released at
// once (their ranges would otherwise paint over, or point into, text that is no longer the mention); a link
// repointed or a region made editable loses its marks and is read again. Scanning happens in the scanner's slices.
import type { Marks } from './marks';
import type { Scanner } from './scanner';
import { guarded } from './log';

export interface Follower {
  /** Also follow changes inside this root (an open shadow root). */
  add(root: Node): void;
  disconnect(): void;
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'contenteditable'] };

export function follow(root: Node, marks: Marks, scanner: Scanner, onChange: () => void): Follower {
  const observer = new MutationObserver(guarded('observer', (records: MutationRecord[]) => {
    let changed = false;
    let removed = false;
    for (const rec of records) {
      if (rec.type === 'characterData') {
        const node = rec.target as Text;
        if (marks.has(node)) marks.release(node);
        scanner.enqueue(node);
        changed = true;
      } else if (rec.type === 'attributes') {
        if (marks.releaseWithin(rec.target).length) changed = true;
        scanner.enqueue(rec.target);
      } else {
        if (rec.removedNodes.length) removed = true;
        for (const node of rec.addedNodes) scanner.enqueue(node);
        changed = true;
      }
    }
    // A removed or moved node's marks go now: a moved text node comes back through addedNodes (or is queued here).
    if (removed) for (const node of marks.sweep()) scanner.enqueue(node);
    // The page's change and its marks in one frame: a little of the scan runs here, in the page's own task.
    scanner.runNow();
    if (changed) onChange();
  }));
  observer.observe(root, OPTIONS);
  return {
    add: (r) => observer.observe(r, OPTIONS),
    disconnect: () => observer.disconnect(),
  };
}
