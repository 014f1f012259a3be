// A lens over the happy-dom document for unit tests: scanner + follower + marks, wired as lens.ts wires them
// (without messaging, painting or the hover card).
import { createTextMatcher } from '../../../lib/detect/text';
import type { DetectConfig } from '../../../lib/detect/types';
import { Marks } from '../../../entrypoints/lens.content/marks';
import { follow, type Follower } from '../../../entrypoints/lens.content/observer';
import { createScanner } from '../../../entrypoints/lens.content/scanner';

export const EZETH = '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110';
export const WEETH = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';

export const TEST_CONFIG: DetectConfig = {
  tokens: [
    { id: 'ezeth', symbol: 'ezETH', aliases: [] },
    { id: 'weeth', symbol: 'weETH', aliases: ['Wrapped eETH'] },
    { id: 'eeth', symbol: 'eETH', aliases: [] },
    { id: 'rseth', symbol: 'rsETH', aliases: [] },
  ],
  misnomers: [{ id: 'misnomer-keth', term: 'kETH' }],
  addresses: [
    { id: 'ezeth', address: EZETH },
    { id: 'weeth', address: WEETH },
  ],
};

export function mountLens(root: Node, config: DetectConfig = TEST_CONFIG) {
  const marks = new Marks();
  const budgets: string[] = [];
  let follower: Follower | null = null;
  const scanner = createScanner(createTextMatcher(config), marks, {
    onMarked: () => {},
    onShadowRoot: (r) => follower?.add(r),
    onBudget: (hit) => budgets.push(hit),
  });
  follower = follow(root, marks, scanner, () => {});
  scanner.enqueue(root);
  return { marks, scanner, budgets, stop: () => follower?.disconnect() };
}

/** The marks under `root` (and open shadow roots below it), as `id:kind`, in document order. */
export function ours(marks: Marks, root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) for (const m of marks.of(n as Text)) out.push(`${m.id}:${m.kind}`);
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const c of n.childNodes) walk(c);
  };
  walk(root);
  return out;
}

export const flush = () => new Promise((r) => setTimeout(r, 0));
