// Runs in: background, content script, popup, options, build, tests. Where a fact comes from, as data: a document or
// repository file, an API response, or a chain read. Stored like this, carried like this in every view, and only
// formatted at the edge (describeSource below): nothing re-parses a source's text to find its link.
import { z } from './zod';

const CAIP2 = z.string().check(z.regex(/^(eip155:[1-9]\d*|solana:[1-9A-HJ-NP-Za-km-z]{32})$/));
const Iso = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'));
const Https = z.string().check(z.regex(/^https?:\/\/[^\s]+$/), z.maxLength(4096));

/** A document or a file in a repository (then `commit` pins the version read). */
export const DocSource = z.object({
  kind: z.literal('doc'),
  url: Https,
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  commit: z.optional(z.string().check(z.regex(/^[0-9a-f]{40}$/))),
});

/** One API response: the exact URL asked, what in it the fact is (e.g. the coin key), and when it arrived. */
export const ApiSource = z.object({
  kind: z.literal('api'),
  url: Https,
  /** What the fact is in that response: a coin key, a pool id, a slug. Never another token's key. */
  subject: z.string().check(z.minLength(1), z.maxLength(200)),
  at: Iso,
});

/** One contract call: chain, contract, the function as called, the block it was read at and when. */
export const ChainSource = z.object({
  kind: z.literal('chain'),
  chain: CAIP2,
  contract: z.string().check(z.regex(/^0x[0-9a-fA-F]{40}$/)),
  /** Solidity signature as called, with literal arguments where they matter, e.g. `balanceOf(0xab…)`. */
  function: z.string().check(z.minLength(3), z.maxLength(200)),
  /** Decimal block number; null for a read at `latest` whose block was not returned. */
  block: z.nullable(z.string().check(z.regex(/^\d{1,20}$/))),
  at: Iso,
});

export const Source = z.discriminatedUnion('kind', [DocSource, ApiSource, ChainSource]);
export type Source = z.infer<typeof Source>;
export type DocSource = z.infer<typeof DocSource>;
export type ApiSource = z.infer<typeof ApiSource>;
export type ChainSource = z.infer<typeof ChainSource>;

export const apiSource = (url: string, subject: string, at: string): ApiSource => ({ kind: 'api', url, subject, at });
export const chainSource = (chain: string, contract: string, fn: string, block: bigint | string | null, at: string): ChainSource => ({
  kind: 'chain',
  chain,
  contract,
  function: fn,
  block: block === null ? null : String(block),
  at,
});

// The label and link people read: in lib/provenance-text.ts, free of zod, so the card in pages needs no schema.
export { describeSource } from './provenance-text';
