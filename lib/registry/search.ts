// Runs in: popup, tests. Search over the whole registry by symbol, name, issuer, other names or contract address.
// Pure: entries in, ranked matches out.
export interface Searchable {
  id: string;
  symbol: string;
  name: string;
  issuer: string;
  aliases: readonly string[];
  addresses: readonly string[];
}

/** Best first: exact symbol, symbol prefix, exact other name, address, then words of the name or issuer. */
function score(e: Searchable, q: string): number {
  const sym = e.symbol.toLowerCase();
  if (sym === q) return 100;
  const aliases = e.aliases.map((a) => a.toLowerCase());
  if (aliases.includes(q)) return 90;
  if (sym.startsWith(q)) return 80;
  if (aliases.some((a) => a.startsWith(q))) return 70;
  // Addresses: from six characters on ("0x" + 4), so a bare "0x" or "eth" does not match every address.
  if (q.length >= 6 && e.addresses.some((a) => a.toLowerCase().startsWith(q) || a.toLowerCase() === q)) return 60;
  if (sym.includes(q) || aliases.some((a) => a.includes(q))) return 50;
  const issuer = e.issuer.toLowerCase();
  if (issuer === q || issuer.startsWith(q)) return 45;
  const words = `${e.name} ${e.issuer}`.toLowerCase();
  if (words.split(/[^a-z0-9.]+/).some((w) => w.startsWith(q))) return 40;
  if (words.includes(q)) return 30;
  return 0;
}

export function searchTokens<T extends Searchable>(entries: readonly T[], query: string, limit = 25): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return entries
    .map((e) => ({ e, s: score(e, q) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.e.symbol.localeCompare(b.e.symbol))
    .slice(0, limit)
    .map((x) => x.e);
}
