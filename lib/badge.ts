// Runs in: background, tests. The toolbar badge for one tab: how many distinct restaking tokens the tab shows,
// coloured by the worst level among them, and the action's title in words. Pure: the background sets it.
import type { Level } from './risk/types';
import { WORDS, worstOf } from './risk/levels';
import { isRestaking } from './categories';

/** One token the tab shows: its registry category and the worst petal of its current rating. */
export interface BadgeToken {
  id: string;
  category: string;
  worst: Level;
}

export interface Badge {
  /** The count as text; empty when the tab shows no restaking token (no badge). */
  text: string;
  /** Background colour, `#rrggbb`. */
  color: string;
  /** The action's tooltip for this tab. */
  title: string;
}

/**
 * Badge colours per level. White text on each has a contrast ratio of at least 4.5:1 (WCAG AA for normal text):
 * red 6.5, amber 5.0, green 5.0, grey 7.6 (checked in tests/unit/badge.test.ts).
 */
export const BADGE_COLORS: Record<Level, string> = {
  bad: '#b91c1c',
  warning: '#b45309',
  good: '#15803d',
  unknown: '#4b5563',
};
export const BADGE_TEXT_COLOR = '#ffffff';
export const ACTION_TITLE = 'Restake Lens';

/** Liquid staking tokens are not restaking tokens: marked when the user asks for them, never counted here. */

export function badgeFor(tokens: readonly BadgeToken[]): Badge {
  const worstById = new Map<string, Level>();
  for (const t of tokens) {
    if (!isRestaking(t.category)) continue;
    const seen = worstById.get(t.id);
    worstById.set(t.id, seen === undefined ? t.worst : worstOf([seen, t.worst]));
  }
  const n = worstById.size;
  if (n === 0) return { text: '', color: BADGE_COLORS.unknown, title: ACTION_TITLE };
  const worst = worstOf(worstById.values());
  return {
    text: String(n),
    color: BADGE_COLORS[worst],
    title: `${ACTION_TITLE}: ${n} restaking token${n === 1 ? '' : 's'}, worst: ${WORDS[worst]}`,
  };
}
