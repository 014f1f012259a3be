// Runs in: background (and Node tests). Renders the hover card's components to a Tree (lib/views/tree.ts) for a
// page's content script, which builds it with lib/page-runtime/build-tree.ts: the components stay out of pages.
//
// The components are plain functions of their props with no hooks (components/token-card.tsx and its sections), so
// rendering is calling them: `toTree` walks the elements JSX made (any runtime's: React's `{ type, props }`),
// calls function components, flattens fragments and arrays, and turns props into attributes by the rules of
// lib/page-runtime/jsx-runtime.ts (the DOM the card had when it rendered in pages). Event props are dropped: the
// card's one control in pages, the method link, carries `data-open-method` and the content script handles it.
import { TokenCard, type CardState } from '../../components/token-card';
import type { Tree, TreeElement } from './tree';

type Props = Record<string, unknown> & { children?: unknown };
const RENAME: Record<string, string> = { className: 'class', htmlFor: 'for' };

function attributes(props: Props): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'key' || name === 'ref' || value === undefined || value === null) continue;
    if (typeof value === 'function') continue;
    // As React does: aria-* and data-* take "true"/"false"; other attributes are present for true, absent for false.
    const stated = name.startsWith('aria-') || name.startsWith('data-');
    if (value === false && !stated) continue;
    if (name === 'style' && typeof value === 'object') {
      // As React writes it (the components give every value as a string, with its unit).
      out.style = Object.entries(value as Record<string, string | number>)
        .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${String(v)}`)
        .join(';');
    } else {
      out[RENAME[name] ?? name] = value === true && !stated ? '' : String(value);
    }
  }
  return out;
}

/** The nodes an element (or text, array, fragment, boolean, null) renders to. */
export function toTree(node: unknown, depth = 0): Tree[] {
  if (depth > 200) throw new Error('card tree too deep');
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap((n) => toTree(n, depth + 1));
  if (typeof node !== 'object' || !('type' in node) || !('props' in node)) throw new Error('not an element');
  const { type, props } = node as { type: unknown; props: Props };
  if (typeof type === 'function') return toTree((type as (p: Props) => unknown)(props), depth + 1);
  if (typeof type !== 'string') return toTree(props.children, depth + 1); // a fragment
  const el: TreeElement = { t: type };
  const a = attributes(props);
  if (Object.keys(a).length) el.a = a;
  const c = mergeText(toTree(props.children, depth + 1));
  if (c.length) el.c = c;
  return [el];
}

/** Adjacent text children as one string (the DOM would hold several text nodes; the text reads the same). */
function mergeText(nodes: Tree[]): Tree[] {
  const out: Tree[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (typeof n === 'string' && typeof last === 'string') out[out.length - 1] = last + n;
    else out.push(n);
  }
  return out;
}

export const CARD_TITLE_ID = 'rl-card-title';

/** The hover card for one state, as a Tree (one root element). */
export function cardTree(state: Exclude<CardState, { status: 'loading' } | { status: 'error' }>): TreeElement {
  const [root] = toTree(<TokenCard state={state} titleId={CARD_TITLE_ID} onMethod={() => {}} />);
  if (root === undefined || typeof root === 'string') throw new Error('the card rendered no element');
  return root;
}
