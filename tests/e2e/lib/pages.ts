// Shared page assertions for the e2e tests. Both browsers run the same in-page function (plain DOM, no
// framework), so the expectations are checked identically.

/** For each named element, the registry ids of the marks inside it, in document order. */
export function readMarks(ids: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const id of ids) {
    const el = document.getElementById(id);
    out[id] = el ? [...el.querySelectorAll('lrt-mark[data-lrt-token]')].map((m) => m.getAttribute('data-lrt-token') ?? '?') : ['<missing element>'];
  }
  return out;
}

export function countAllMarks(): number {
  return document.querySelectorAll('[data-lrt-token]').length;
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
