// Runs in: content script, tests. Pure symbol matching over plain text; no DOM, no registry import.
//
// Case rule: symbols match exactly as their issuer writes them (ezETH, weETH). Case-folded variants
// ("EZETH", "ezeth") are not matched: they collide with tickers, URLs slugs and shouty prose far more
// often than they name the token. Aliases are matched the same way.
//
// Boundary rule: a match may not touch a letter, digit or underscore on either side, so weETH never
// also yields eETH, and PrezETH or sweETHeart yield nothing. Punctuation is a boundary: $ezETH,
// (ezETH), ezETH/WETH and PT-weETH all contain a match.

export interface SymbolEntry {
  id: string;
  symbol: string;
  aliases: readonly string[];
}

export interface SymbolMatch {
  id: string;
  /** Offset in the text of the first matched character. */
  start: number;
  /** Offset just past the last matched character. */
  end: number;
  text: string;
}

export interface SymbolMatcher {
  find(text: string): SymbolMatch[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createSymbolMatcher(entries: readonly SymbolEntry[]): SymbolMatcher {
  const idByText = new Map<string, string>();
  for (const e of entries) {
    for (const text of [e.symbol, ...e.aliases]) {
      const prev = idByText.get(text);
      if (prev && prev !== e.id) throw new Error(`symbol ${text} claimed by ${prev} and ${e.id}`);
      idByText.set(text, e.id);
    }
  }
  if (idByText.size === 0) {
    return { find: () => [] };
  }
  // Longest first, so an alternation never stops at a shorter symbol that prefixes a longer one.
  const alternatives = [...idByText.keys()].sort((a, b) => b.length - a.length).map(escape);
  const source = `(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`;
  // The quick check is the same alternation without lookarounds: it rejects most text nodes before
  // the boundary-aware expression runs.
  const quick = new RegExp(alternatives.join('|'), 'u');
  const full = new RegExp(source, 'gu');

  return {
    find(text) {
      if (!quick.test(text)) return [];
      const out: SymbolMatch[] = [];
      full.lastIndex = 0;
      for (let m = full.exec(text); m; m = full.exec(text)) {
        const id = idByText.get(m[0]);
        if (id) out.push({ id, start: m.index, end: m.index + m[0].length, text: m[0] });
      }
      return out;
    },
  };
}
