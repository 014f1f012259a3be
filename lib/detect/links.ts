// Runs in: content script, tests. What a link's href says about a token: which registry tokens it points to
// (`link` marks) and whether it ties a name to an address that is not that token's (`impostor` marks).
// Pure: takes the href as a string and the registry's address index.
import { EVM_ADDRESS, type AddressIndex } from './addresses';
import type { TextMatch } from './types';

/** Path segments after which an address names a token (explorers, DEXes). Looked for up to two segments back. */
const TOKEN_SEGMENTS = new Set(['token', 'tokens', 'coin', 'coins', 'asset', 'assets']);
/** Query keys whose value is a token address (swap and lending links). */
const TOKEN_KEYS = new Set(['outputcurrency', 'inputcurrency', 'token', 'tokenaddress', 'tokenin', 'tokenout', 'inputmint', 'outputmint', 'asset']);

export interface HrefAddress {
  address: string;
  /** The address sits where a token goes (…/token/0x…, ?outputCurrency=0x…), not a wallet or pool. */
  tokenPosition: boolean;
}

function isAddress(s: string, index: AddressIndex): boolean {
  return EVM_ADDRESS.test(s) || index.mints.includes(s);
}

function fromPath(path: string, index: AddressIndex, out: HrefAddress[]) {
  const segs = path.split('/').filter(Boolean);
  segs.forEach((seg, i) => {
    let s: string;
    try {
      s = decodeURIComponent(seg);
    } catch {
      return;
    }
    if (!isAddress(s, index)) return;
    const before = segs.slice(Math.max(0, i - 2), i).map((x) => x.toLowerCase());
    out.push({ address: s, tokenPosition: before.some((b) => TOKEN_SEGMENTS.has(b)) });
  });
}

function fromQuery(query: string, index: AddressIndex, out: HrefAddress[]) {
  for (const [k, v] of new URLSearchParams(query)) {
    if (isAddress(v, index)) out.push({ address: v, tokenPosition: TOKEN_KEYS.has(k.toLowerCase()) });
  }
}

/** Cheap pre-check on a raw href attribute before parsing it. */
export function mayHoldAddress(href: string, index: AddressIndex): boolean {
  return href.includes('0x') || index.mints.some((m) => href.includes(m));
}

/** The addresses in an absolute or relative href: path segments, query values, and a hash route (#/token/0x…). */
export function addressesInHref(href: string, index: AddressIndex): HrefAddress[] {
  if (!mayHoldAddress(href, index)) return [];
  let url: URL;
  try {
    url = new URL(href, 'https://base.invalid/');
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  const out: HrefAddress[] = [];
  fromPath(url.pathname, index, out);
  fromQuery(url.search, index, out);
  if (url.hash.length > 1) {
    const [hpath = '', hquery = ''] = url.hash.slice(1).split('?');
    fromPath(hpath, index, out);
    fromQuery(hquery, index, out);
  }
  return out;
}

export interface LinkContext {
  /** Registry tokens this link points to, with the address it uses. */
  official: Map<string, string>;
  /** Addresses in token positions, official or not. */
  tokenAddresses: string[];
}

/** What a link points to, or null when its href names no registry token and no token address at all. */
export function linkContext(href: string, index: AddressIndex): LinkContext | null {
  const found = addressesInHref(href, index);
  if (!found.length) return null;
  const official = new Map<string, string>();
  for (const a of found) {
    const id = index.lookup(a.address);
    if (id && !official.has(id)) official.set(id, a.address);
  }
  const tokenAddresses = found.filter((a) => a.tokenPosition).map((a) => a.address);
  if (!official.size && !tokenAddresses.length) return null;
  return { official, tokenAddresses };
}

/**
 * Re-reads the text matches inside a link in the light of its href (see docs/detection.md, Links):
 * - a symbol of a token the link points to becomes `link`;
 * - when the link text names only one token by symbol, and the href puts an address that is not that token's in a
 *   token position, those symbols become `impostor`, carrying the address;
 * - `whole`: when the text has no match of its own and the link points to exactly one token, the caller marks the
 *   link text whole as `link` for it.
 */
export function classifyLink(matches: readonly TextMatch[], ctx: LinkContext, index: AddressIndex): { matches: TextMatch[]; whole: string | null } {
  const symbolIds = new Set(matches.map((m) => (m.kind === 'symbol' ? m.id : `\0${m.kind}`)));
  const single = symbolIds.size === 1 && matches.every((m) => m.kind === 'symbol');
  const out = matches.map((m): TextMatch => {
    if (m.kind !== 'symbol') return m;
    if (ctx.official.has(m.id)) return { ...m, kind: 'link', address: ctx.official.get(m.id) };
    if (single) {
      const own = new Set(index.addressesOf(m.id).map((a) => (a.startsWith('0x') ? a.toLowerCase() : a)));
      const foreign = ctx.tokenAddresses.find((a) => !own.has(a.startsWith('0x') ? a.toLowerCase() : a));
      if (foreign) return { ...m, kind: 'impostor', address: foreign };
    }
    return m;
  });
  const whole = matches.length === 0 && ctx.official.size === 1 ? [...ctx.official.keys()][0]! : null;
  return { matches: out, whole };
}
