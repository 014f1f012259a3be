// Shared page assertions for the e2e tests. Both browsers run the same in-page functions (plain DOM, no framework,
// no outside references, so they serialise), so the expectations are checked identically. The extension's marks
// are ranges in `CSS.highlights` under `lrt:<registry id>:<match kind>` (docs/detection.md).

export interface MarkInfo {
  id: string;
  kind: string;
  text: string;
}

export interface MarkQuery {
  /** Only marks inside the element this selector finds (none if it finds nothing); the whole page when absent. */
  within?: string | null;
  /** Leave out marks inside the element this selector finds (the page's own forgeries, say). */
  except?: string | null;
}

/** The marks registered in this document, in document order. */
export function pageMarks(q: MarkQuery = {}): MarkInfo[] {
  const within = q.within ? document.querySelector(q.within) : null;
  if (q.within && !within) return [];
  const except = q.except ? document.querySelector(q.except) : null;
  const found: Array<{ node: Node; start: number; info: MarkInfo }> = [];
  const registry = (globalThis as { CSS?: { highlights?: Iterable<[string, Iterable<AbstractRange>]> } }).CSS?.highlights;
  for (const [name, ranges] of registry ?? []) {
    const m = /^lrt:([^:]+):([^:]+)$/.exec(name);
    if (!m) continue;
    for (const r of ranges) {
      const node = r.startContainer;
      if ((within && !within.contains(node)) || (except && except.contains(node))) continue;
      found.push({ node, start: r.startOffset, info: { id: m[1]!, kind: m[2]!, text: (node.textContent ?? '').slice(r.startOffset, r.endOffset) } });
    }
  }
  found.sort((a, b) => (a.node === b.node ? a.start - b.start : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return found.map((f) => f.info);
}

/**
 * The centre of the first registered range (under an `lrt:` name, optionally of token `id`) inside `within`,
 * after scrolling it into view: where a user would point at that mention. Null when there is none.
 */
export function markPoint(q: { within: string; id?: string }): { x: number; y: number } | null {
  const within = document.querySelector(q.within);
  if (!within) return null;
  const registry = (globalThis as { CSS?: { highlights?: Iterable<[string, Iterable<AbstractRange>]> } }).CSS?.highlights;
  for (const [name, ranges] of registry ?? []) {
    const m = /^lrt:([^:]+):/.exec(name);
    if (!m || (q.id && m[1] !== q.id)) continue;
    for (const r of ranges) {
      if (!within.contains(r.startContainer) || !(r instanceof Range)) continue;
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = r.getClientRects()[0];
      if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

/** For each named element, the registry ids of the marks inside it, in document order. */
export function readMarks(ids: string[]): Record<string, string[]> {
  const registry = (globalThis as { CSS?: { highlights?: Iterable<[string, Iterable<AbstractRange>]> } }).CSS?.highlights;
  const all: Array<{ node: Node; start: number; id: string }> = [];
  for (const [name, ranges] of registry ?? []) {
    const m = /^lrt:([^:]+):/.exec(name);
    if (m) for (const r of ranges) all.push({ node: r.startContainer, start: r.startOffset, id: m[1]! });
  }
  all.sort((a, b) => (a.node === b.node ? a.start - b.start : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const out: Record<string, string[]> = {};
  for (const id of ids) {
    const el = document.getElementById(id);
    out[id] = el ? all.filter((a) => el.contains(a.node)).map((a) => a.id) : ['<missing element>'];
  }
  return out;
}

/** Every range registered under an `lrt:` name, the page's own forgeries included. */
export function countAllMarks(): number {
  const registry = (globalThis as { CSS?: { highlights?: Iterable<[string, { size: number }]> } }).CSS?.highlights;
  let n = 0;
  for (const [name, h] of registry ?? []) if (name.startsWith('lrt:')) n += h.size;
  return n;
}

/** The card host's dialog, read through its open shadow root. */
export function readCard(): { label: string | null; text: string; sections: string[]; slices: string[] } | null {
  const host = document.querySelector('[data-lrt-card]');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  if (!host || !dialog || (host as HTMLElement).hidden) return null;
  const labelId = dialog.getAttribute('aria-labelledby');
  const label = labelId ? (host.shadowRoot?.getElementById(labelId)?.textContent ?? null) : dialog.getAttribute('aria-label');
  return {
    label,
    text: dialog.textContent ?? '',
    sections: [...dialog.querySelectorAll('section h3')].map((h) => h.textContent ?? ''),
    slices: [...dialog.querySelectorAll('.rl-rosette path')].map((p) => p.getAttribute('aria-label') ?? ''),
  };
}
