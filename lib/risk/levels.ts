// Runs in: background, content script, popup, options, tests. The one definition of levels: their order, the words
// for them, and the worst-level rule, shared by the rating, the badge, the card and the lists.
import type { Level } from './types';

/** Every level, worst first. */
export const LEVELS: readonly Level[] = ['bad', 'warning', 'unknown', 'good'];

/** Higher is worse. Grey ranks above green: unknown is never good news. */
export const ORDER: Record<Level, number> = { bad: 3, warning: 2, unknown: 1, good: 0 };
export const WORDS: Record<Level, string> = { bad: 'red', warning: 'yellow', unknown: 'grey', good: 'green' };
/** Read out (screen readers, reports): grey says what it means. */
export const SPOKEN: Record<Level, string> = { ...WORDS, unknown: 'grey (unknown)' };

/** The worst of some levels; `unknown` for none (nothing known is not good news). */
export function worstOf(levels: Iterable<Level>): Level {
  let worst: Level | null = null;
  for (const l of levels) if (worst === null || ORDER[l] > ORDER[worst]) worst = l;
  return worst ?? 'unknown';
}

/** "1 red, 2 yellow": how many of each level, worst first, zeros left out. */
export function countText(levels: readonly Level[]): string {
  return LEVELS.map((l) => [l, levels.filter((x) => x === l).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${n} ${WORDS[l]}`)
    .join(', ');
}

/** Comparator: worst level first. */
export function worseFirst(a: Level, b: Level): number {
  return ORDER[b] - ORDER[a];
}
