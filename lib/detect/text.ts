// Runs in: content script, tests. Finds every occurrence of a registry token in plain text: symbols and aliases,
// wrapped forms (Pendle PT/YT/SY, Aave aTokens), misnomers, full and truncated addresses. Pure; no DOM.
//
// The rules (case, boundaries, wrappers, addresses) are written in docs/detection.md; this file implements them.
// Case rule: names match exactly as their issuer writes them; only hex addresses ignore letter case.
// Boundary rule: a match may not touch a letter, digit or underscore on either side, except letters of scripts
// written without spaces between words (Han, Hiragana, Katakana, Hangul, Thai), where a symbol sits right against
// the words around it ("支持$ezETH的借贷市场").
import { createAddressIndex, type AddressIndex } from './addresses';
import type { DetectConfig, MatchKind, TextMatch } from './types';

export interface TextMatcher {
  /** Every occurrence in `text`, in order, non-overlapping. */
  find(text: string): TextMatch[];
  readonly addresses: AddressIndex;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestFirst = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape);

/** Aave v3 market prefixes (aave-address-book naming: a<Market><SYMBOL>), longest first where they share a start. */
export const AAVE_MARKETS = ['EthEtherFi', 'EthLido', 'Eth', 'Arb', 'Opt', 'Bas', 'Pol', 'Ava', 'Gno', 'Bnb', 'Sca', 'Scr', 'Zks', 'Lin', 'Son', 'Cel', 'Man', 'Met', 'Ink', 'Pla'];
/** aToken, static aToken wrappers (waEth…, stataEth…). Debt tokens are deliberately absent. */
const AAVE_KINDS = ['stata', 'wa', 'a'];
/** Pendle: PT/YT/SY, a dash or a space, the symbol, then optionally the expiry (26DEC2024). */
const PENDLE_KINDS = ['PT', 'YT', 'SY'];

/** Scripts written without spaces between words: their letters are boundaries (Script_Extensions, so the
 * prolonged-sound mark ー and the iteration mark 々 count with their scripts). */
export const UNSPACED = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Hangul}\\p{scx=Thai}';
/** A character that blocks a match next to it: a letter (not of an unspaced script), a digit or `_`. */
const WORD = `(?![${UNSPACED}])[\\p{L}\\p{N}_]`;
const BEFORE = `(?<!${WORD})`;
const AFTER = `(?!${WORD})`;

/** Anchor length: short enough to cover many names with one ("ETH"), long enough to be rare in prose. */
const ANCHOR = 3;

/**
 * A small set of substrings such that every one of `names` contains at least one (names shorter than ANCHOR are
 * their own anchor): greedily the substring shared by the most names not yet covered, ties to the first found.
 * Exact, case-sensitive substrings, as names match exactly (only hex addresses ignore case, and their "0x" does not).
 */
export function anchorsOf(names: readonly string[]): string[] {
  // Each name's substrings, by code point (an anchor never splits a surrogate pair, which a `u` search would not find).
  const grams = new Map<string, Set<string>>();
  for (const n of names) {
    const cps = /[\uD800-\uDFFF]/.test(n) ? [...n] : null;
    const len = cps ? cps.length : n.length;
    const g = new Set<string>();
    if (len <= ANCHOR) g.add(n);
    else for (let i = 0; i + ANCHOR <= len; i++) g.add(cps ? cps.slice(i, i + ANCHOR).join('') : n.slice(i, i + ANCHOR));
    grams.set(n, g);
  }
  const out: string[] = [];
  while (grams.size) {
    const count = new Map<string, number>();
    let best = '';
    let most = 0;
    for (const g of grams.values()) {
      for (const a of g) {
        const c = (count.get(a) ?? 0) + 1;
        count.set(a, c);
        if (c > most) {
          best = a;
          most = c;
        }
      }
    }
    out.push(best);
    for (const [n, g] of grams) if (g.has(best)) grams.delete(n);
  }
  return out;
}

/**
 * Whether `text` may hold a match: it holds one of `names` or "0x" (when `evm`). Finds the anchors' occurrences
 * (one native search for a few short strings, fast on any text) and checks each against the names that contain
 * that anchor preceded by the same character, so crypto prose full of "ETH" and "WETH" is still rejected without
 * the full expression. Each name is checked at its first anchor, which every occurrence of the name holds at the
 * same offset; every occurrence of every anchor is visited (the search restarts one past each, and anchors that
 * can start at the same place as the one found are tried there too).
 */
export function quickCheck(names: readonly string[], evm: boolean): (text: string) => boolean {
  const anchors = anchorsOf(evm ? [...names, '0x'] : names);
  if (!anchors.length) return () => false;
  type Group = Array<{ name: string; at: number }>;
  /** Per anchor: the character before it in the name ('' at the name's start) -> the names, with its offset. */
  const groups = new Map<string, Map<string, Group>>(anchors.map((a) => [a, new Map()]));
  for (const name of names) {
    const a = anchors.find((x) => name.includes(x))!;
    const at = name.indexOf(a);
    const byBefore = groups.get(a)!;
    const before = at ? name[at - 1]! : '';
    let g = byBefore.get(before);
    if (!g) byBefore.set(before, (g = []));
    g.push({ name, at });
  }
  /** Anchors that may start where another does (one is a prefix of the other): the search reports one of them. */
  const alsoAt = new Map(anchors.map((a) => [a, anchors.filter((b) => b !== a && (a.startsWith(b) || b.startsWith(a)))]));
  const found = (a: string, text: string, i: number): boolean => {
    if (evm && a === '0x') return true;
    const byBefore = groups.get(a)!;
    for (const g of [byBefore.get(i ? text[i - 1]! : ''), i ? byBefore.get('') : undefined]) {
      if (g) for (const { name, at } of g) if (i >= at && text.startsWith(name, i - at)) return true;
    }
    return false;
  };
  // The search itself already asks for a character some name has before the anchor, or for the rest of a name
  // starting with it, so most occurrences (" ETH", "WETH") are passed over natively: "(?<=[ez…])ETH|ETH(?=x)".
  const searched = anchors.map((a) => {
    if (evm && a === '0x') return '0x';
    const byBefore = groups.get(a)!;
    const parts: string[] = [];
    const before = [...byBefore.keys()].filter((c) => c !== '');
    // A surrogate before the anchor: no character class for it, the JavaScript check below decides.
    if (before.some((c) => /[\uD800-\uDFFF]/.test(c))) parts.push(escape(a));
    else if (before.length) parts.push(`(?<=[${before.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}])${escape(a)}`);
    for (const { name } of byBefore.get('') ?? []) parts.push(`${escape(a)}(?=${escape(name.slice(a.length))})`);
    return parts.join('|');
  });
  // Without the `u` flag when every name is ASCII: the same search, measurably faster in V8.
  // eslint-disable-next-line no-control-regex -- the ASCII range check itself
  const ascii = names.every((n) => /^[\x00-\x7f]*$/.test(n));
  // (An anchor whose names all hold an earlier anchor searches for nothing.)
  const search = new RegExp(searched.filter(Boolean).join('|') || '(?!)', ascii ? 'g' : 'gu');
  return (text) => {
    search.lastIndex = 0;
    for (let m = search.exec(text); m; m = search.exec(text)) {
      const i = m.index;
      if (found(m[0], text, i)) return true;
      for (const b of alsoAt.get(m[0])!) if (text.startsWith(b, i) && found(b, text, i)) return true;
      // One code point on (a `u` search started inside a surrogate pair would find the same anchor again).
      search.lastIndex = i + (m[0].codePointAt(0)! > 0xffff ? 2 : 1);
    }
    return false;
  };
}

export function createTextMatcher(config: DetectConfig): TextMatcher {
  const addresses = createAddressIndex(config.addresses);
  // Each name (symbol, alias, misnomer term, Solana mint) belongs to one id and one kind.
  const names = new Map<string, { id: string; kind: MatchKind }>();
  const claim = (text: string, id: string, kind: MatchKind) => {
    const prev = names.get(text);
    if (prev && prev.id !== id) throw new Error(`name ${text} claimed by ${prev.id} and ${id}`);
    names.set(text, { id, kind });
  };
  const symbolNames: string[] = [];
  for (const t of config.tokens) {
    for (const s of [t.symbol, ...t.aliases]) {
      claim(s, t.id, 'symbol');
      symbolNames.push(s);
    }
  }
  for (const m of config.misnomers) claim(m.term, m.id, 'impostor');
  for (const mint of addresses.mints) claim(mint, addresses.lookup(mint)!, 'address');

  const nameAlt = longestFirst(names.keys());
  const symAlt = longestFirst(symbolNames);
  const hasEvm = config.addresses.some((a) => a.address.startsWith('0x'));
  if (nameAlt.length === 0 && !hasEvm) return { find: () => [], addresses };

  const parts: string[] = [];
  if (symAlt.length) {
    parts.push(`(?<pendle>(?:${PENDLE_KINDS.join('|')})[- ](?<pw>${symAlt.join('|')})(?:[- ]\\d{1,2}[A-Z]{3}\\d{4})?)`);
    parts.push(`(?<aave>(?:${AAVE_KINDS.join('|')})(?:${AAVE_MARKETS.join('|')})(?<aw>${symAlt.join('|')}))`);
  }
  if (nameAlt.length) parts.push(`(?<name>${nameAlt.join('|')})`);
  if (hasEvm) {
    parts.push('(?<addr>0x[0-9a-fA-F]{40})');
    parts.push('(?<trunc>0x(?<head>[0-9a-fA-F]{4,38})(?:…|\\.{2,3})(?<tail>[0-9a-fA-F]{4,38}))');
  }
  const full = new RegExp(`${BEFORE}(?:${parts.join('|')})${AFTER}`, 'gu');
  // The quick check rejects most text before the full expression runs: every match contains a name or "0x".
  // (CPU profile in Chromium 156 of the bench's 1 MB of crypto prose, "ETH" and "WETH" throughout: about 1 ms
  // of searching, against 10 ms for one expression of every name.)
  const quick = quickCheck([...names.keys()], hasEvm);

  const symbolId = (s: string) => names.get(s)!.id;

  return {
    addresses,
    find(text) {
      if (!quick(text)) return [];
      const out: TextMatch[] = [];
      full.lastIndex = 0;
      for (let m = full.exec(text); m; m = full.exec(text)) {
        const g = m.groups!;
        const base = { start: m.index, end: m.index + m[0].length, text: m[0] };
        if (g.pendle !== undefined) out.push({ ...base, id: symbolId(g.pw!), kind: 'wrapped' });
        else if (g.aave !== undefined) out.push({ ...base, id: symbolId(g.aw!), kind: 'wrapped' });
        else if (g.name !== undefined) {
          const n = names.get(g.name)!;
          out.push(n.kind === 'address' ? { ...base, ...n, address: g.name } : { ...base, ...n });
        } else if (g.addr !== undefined) {
          const id = addresses.lookup(g.addr);
          if (id) out.push({ ...base, id, kind: 'address', address: g.addr });
        } else if (g.trunc !== undefined) {
          const hit = addresses.resolveTruncated(g.head!, g.tail!);
          if (hit) out.push({ ...base, id: hit.id, kind: 'address', address: hit.address });
        }
      }
      return out;
    },
  };
}
