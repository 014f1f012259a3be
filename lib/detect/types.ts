// Runs in: content script, background, tests. The detector's inputs and outputs: plain data, no DOM, no registry
// import (the background builds a DetectConfig from the registry and sends it to each page).

/** How an occurrence was recognised: the value of `data-lrt-match` (see docs/detection.md). */
export type MatchKind = 'symbol' | 'address' | 'link' | 'wrapped' | 'impostor';

export interface NameEntry {
  /** Registry id: the value of `data-lrt-token`. */
  id: string;
  symbol: string;
  aliases: string[];
}

/** A name for a token that does not exist as named; marked `impostor` under its own id. */
export interface MisnomerEntry {
  id: string;
  term: string;
}

/** One registry deployment address (EVM, checksummed or not; or a Solana mint) and the token it belongs to. */
export interface AddressEntry {
  id: string;
  address: string;
}

export interface DetectConfig {
  tokens: NameEntry[];
  misnomers: MisnomerEntry[];
  addresses: AddressEntry[];
}

export interface TextMatch {
  id: string;
  kind: MatchKind;
  /** Offset of the first matched character. */
  start: number;
  /** Offset just past the last matched character. */
  end: number;
  text: string;
  /** For `address` and `impostor` matches: the address the page showed or linked. */
  address?: string;
}
