// Runs in: content script. Builds the DOM of a Tree the background rendered (lib/views/card-tree.tsx). Text only
// ever becomes text nodes; nothing is parsed as HTML. The background is ours, but the builder still refuses what a
// card never needs: elements that run or load something (script, frames, plugins, base), event-handler attributes,
// and links anywhere but http(s) or the same card (`#…`).
import type { Tree } from '../views/tree';

const SVG_NS = 'http://www.w3.org/2000/svg';
const REFUSED = /^(script|iframe|frame|frameset|object|embed|base|portal|fencedframe)$/i;

export function buildTree(doc: Document, node: Tree, svg = false): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  if (REFUSED.test(node.t)) return doc.createTextNode('');
  const inSvg = svg || node.t === 'svg';
  const el = inSvg ? doc.createElementNS(SVG_NS, node.t) : doc.createElement(node.t);
  for (const [name, value] of Object.entries(node.a ?? {})) {
    if (/^on/i.test(name)) continue;
    if ((name === 'href' || name === 'src' || name === 'action' || name === 'formaction') && !/^(https?:|#)/i.test(value)) continue;
    el.setAttribute(name, value);
  }
  for (const child of node.c ?? []) el.appendChild(buildTree(doc, child, inSvg));
  return el;
}
