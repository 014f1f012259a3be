// Runs in: background, popup, content script (card), tests. How long ago something happened, in words people read.

/** "4 min", "3 h", "2 days" for a span of milliseconds (negative counts as 0). */
export function spanText(ms: number): string {
  const mins = Math.max(0, Math.round(ms / 60_000));
  if (mins < 60) return `${mins} min`;
  if (mins < 48 * 60) return `${Math.round(mins / 60)} h`;
  return `${Math.round(mins / 1440)} days`;
}

/** "4 min", "3 h", "2 days" since `iso`. */
export function agoText(iso: string, now: Date = new Date()): string {
  return spanText(now.getTime() - Date.parse(iso));
}
