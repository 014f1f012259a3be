// Runs in: content script. Whether the page around a mark looks light or dark, so the card matches it (a dark
// page with a white card is glaring; the system setting alone does not say what the page looks like).

/** Relative luminance of an `rgb()`/`rgba()` colour, or null when it is transparent or unreadable. */
export function luminance(color: string): number | null {
  const m = /rgba?\(([^)]+)\)/.exec(color);
  if (!m) return null;
  const [r = 0, g = 0, b = 0, a = 1] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
  if (a === 0) return null;
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The first opaque background behind `el` (walking up, across shadow roots), light or dark. */
export function pageScheme(el: Element): 'light' | 'dark' {
  const view = el.ownerDocument.defaultView;
  if (!view) return 'light';
  for (let e: Element | null = el; e; ) {
    const l = luminance(view.getComputedStyle(e).backgroundColor);
    if (l !== null) return l < 0.2 ? 'dark' : 'light';
    if (e.parentElement) e = e.parentElement;
    else {
      const root = e.getRootNode();
      e = root instanceof ShadowRoot ? root.host : null;
    }
  }
  // No background anywhere: the canvas follows the page's color-scheme (and then the system).
  const cs = view.getComputedStyle(el.ownerDocument.documentElement).colorScheme;
  if (cs.includes('dark') && !cs.includes('light')) return 'dark';
  if (cs.includes('dark') && view.matchMedia('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'light';
}
