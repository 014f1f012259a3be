// Runs in: background, tests. The rating's vocabulary. Pure data, no browser APIs.
import type { Source } from '../provenance';

/** Version of the method document (public/method.html) whose thresholds lib/risk implements. */
export const METHOD_VERSION = 'lrt-v0.2';

export type Level = 'good' | 'warning' | 'bad' | 'unknown';
/** Petal ids, in rosette order: the one list the rating, the views and the report form read. */
export const PETAL_IDS = ['slashing', 'exit', 'admin', 'peg', 'code', 'backing'] as const;
export type PetalId = (typeof PETAL_IDS)[number];

export const PETALS: ReadonlyArray<{ id: PetalId; label: string }> = [
  { id: 'slashing', label: 'Slashing exposure' },
  { id: 'exit', label: 'Exit and liquidity' },
  { id: 'admin', label: 'Admin and upgrade control' },
  { id: 'peg', label: 'Peg and oracle' },
  { id: 'code', label: 'Code security' },
  { id: 'backing', label: 'Backing and dependencies' },
];

export interface Petal {
  id: PetalId;
  label: string;
  level: Level;
  /** The one fact the level rests on, as shown to the user. */
  fact: string;
  /** Source ids (resolved to links by the view). */
  sources: string[];
  /** Live facts: the API responses and contract calls the value came from. */
  links?: Source[];
  method: 'live' | 'curated';
  /** ISO date (curated) or date-time (live) the fact is as of; null when there is no fact. */
  asOf: string | null;
  /** Whether the fact was confirmed by a primary source. */
  verified: boolean;
}

export interface Headline {
  worst: Level;
  counts: Record<Level, number>;
  /** e.g. "1 red, 2 yellow, 3 grey". */
  text: string;
}

export interface Rating {
  methodVersion: string;
  petals: Petal[];
  headline: Headline;
}
