// Runs in: content script. Follows DOM changes: new and changed text is queued for the scanner, and splits
// whose original node the page rewrote or removed are released (see marks.ts). Work inside the callback is
// only bookkeeping; scanning happens in the scanner's own time slices.
import type { Annotator } from './marks';
import type { Scanner } from './scanner';

export function observe(root: Node, marks: Annotator, scanner: Scanner, onRemoved: () => void): MutationObserver {
  const observer = new MutationObserver((records) => {
    let removed = false;
    for (const rec of records) {
      if (rec.type === 'characterData') {
        const node = rec.target;
        if (marks.isSplit(node)) marks.release(node, false);
        if (!marks.markFrom(node.parentElement)) scanner.enqueue(node);
        removed = true;
        continue;
      }
      for (const node of rec.removedNodes) {
        if (marks.isSplit(node)) marks.release(node, true);
        removed = true;
      }
      for (const node of rec.addedNodes) scanner.enqueue(node);
    }
    if (removed) onRemoved();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return observer;
}
