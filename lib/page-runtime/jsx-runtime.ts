// Runs in: content script. A JSX runtime that builds DOM nodes directly: the content-script build resolves
// `react/jsx-runtime` here (wxt.config.ts), so the card's presentational components render in pages without the
// React runtime (the popup and options keep React). It covers what those components use: elements and SVG,
// text children, fragments, attributes, `className`/`htmlFor`, event props, `key` (ignored). Text only ever becomes
// text nodes; nothing is parsed as HTML.
// Typed as React's JSX (the components are typed against React; this runtime renders the same props to DOM).
export type { JSX } from 'react/jsx-runtime';

type Child = Node | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: Props) => Node;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Tags the card draws as SVG (`title` only ever appears inside an svg in the components). */
const SVG = new Set(['svg', 'path', 'g', 'circle', 'line', 'polyline', 'polygon', 'rect', 'text', 'title']);
const RENAME: Record<string, string> = { className: 'class', htmlFor: 'for' };

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false || child === true) return;
  if (Array.isArray(child)) for (const c of child) append(parent, c);
  else if (typeof child === 'string' || typeof child === 'number') parent.appendChild(document.createTextNode(String(child)));
  else parent.appendChild(child);
}

export const Fragment = (props: Props): Node => {
  const f = document.createDocumentFragment();
  append(f, props.children);
  return f;
};

export function jsx(type: string | Component, props: Props): Node {
  if (typeof type === 'function') return type(props);
  const el = SVG.has(type) ? document.createElementNS(SVG_NS, type) : document.createElement(type);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'key' || value === undefined || value === null) continue;
    // As React does: aria-* and data-* take "true"/"false"; other attributes are present for true, absent for false.
    const stated = name.startsWith('aria-') || name.startsWith('data-');
    if (value === false && !stated) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    } else if (name === 'style' && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, string | number>)) (el as HTMLElement).style.setProperty(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), String(v));
    } else {
      el.setAttribute(RENAME[name] ?? name, value === true && !stated ? '' : String(value));
    }
  }
  append(el, props.children);
  return el;
}

export const jsxs = jsx;
export const jsxDEV = jsx;
