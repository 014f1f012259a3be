// Runs in: background, popup, tests. Ordering and words for levels, shared by the rating and the UI.
import type { Level } from './types';

/** Higher is worse. Grey ranks above green: unknown is never good news. */
export const ORDER: Record<Level, number> = { bad: 3, warning: 2, unknown: 1, good: 0 };
export const WORDS: Record<Level, string> = { bad: 'red', warning: 'yellow', unknown: 'grey', good: 'green' };

/** Comparator: worst level first. */
export function worseFirst(a: Level, b: Level): number {
  return ORDER[b] - ORDER[a];
}
