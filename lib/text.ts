// Runs in: background, content script, popup, options, tests. Text that came from outside (an API, an RPC, an
// error) and may be shown to people: control and format characters (bidi overrides, zero-width joiners) removed,
// white space folded, length capped. What we show is our own words; this is the last guard for the few outside
// strings we keep (a host name, a browser's network error).
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/gu;

export function plainText(s: string, max = 200): string {
  const clean = s.replace(CONTROL_OR_FORMAT, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
