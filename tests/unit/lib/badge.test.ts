// Runs in: tests (vitest). The toolbar badge: what lib/badge.ts counts and how it colours it (contrast of white
// text included), then the background wiring on the fake browser: a tab's reports set its badge and title, a new
// document clears them, and a refresh recomputes every reported tab.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTION_TITLE, BADGE_COLORS, BADGE_TEXT_COLOR, badgeFor, type BadgeToken } from '../../../lib/badge';
import type { Level } from '../../../lib/risk/types';
import { saveFrameReport, clearTab } from '../../../lib/tab-reports';
import { updateAllBadges, updateBadge } from '../../../entrypoints/background/badge';
import { tabRows } from '../../../entrypoints/background/rows';
import { TOKENS } from '../../../lib/registry';

const tok = (id: string, worst: Level, category = 'lrt'): BadgeToken => ({ id, category, worst });

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

describe('badgeFor', () => {
  test('no restaking token: no text, the plain title', () => {
    expect(badgeFor([])).toEqual({ text: '', color: BADGE_COLORS.unknown, title: ACTION_TITLE });
    // Liquid staking tokens are marked only when the user asks, and never counted as restaking tokens.
    expect(badgeFor([tok('steth', 'bad', 'lst'), tok('wsteth', 'bad', 'lst')]).text).toBe('');
  });

  test('counts distinct tokens, excluding liquid staking tokens, across categories of restaking', () => {
    const b = badgeFor([tok('weeth', 'good'), tok('weeth', 'good'), tok('lbtc', 'good', 'btc-lrt'), tok('fragsol', 'good', 'sol-lrt'), tok('steakLRT', 'good', 'restaking-vault'), tok('steth', 'bad', 'lst')]);
    expect(b.text).toBe('4');
    expect(b.color).toBe(BADGE_COLORS.good);
  });

  test.each<[Level[], Level]>([
    [['good', 'warning', 'bad', 'unknown'], 'bad'],
    [['good', 'warning', 'unknown'], 'warning'],
    [['good', 'unknown'], 'unknown'],
    [['unknown', 'good'], 'unknown'],
    [['good', 'good'], 'good'],
  ])('coloured by the worst level: %j -> %s (grey ranks above green)', (levels, worst) => {
    const b = badgeFor(levels.map((l, i) => tok(`t${i}`, l)));
    expect(b.color).toBe(BADGE_COLORS[worst]);
    expect(b.text).toBe(String(levels.length));
  });

  test('an LST never sets the colour, and the same token reported twice counts its worse level once', () => {
    expect(badgeFor([tok('weeth', 'good'), tok('steth', 'bad', 'lst')]).color).toBe(BADGE_COLORS.good);
    expect(badgeFor([tok('weeth', 'good'), tok('weeth', 'warning')])).toMatchObject({ text: '1', color: BADGE_COLORS.warning });
  });

  test('the title says how many and the worst level in the rating’s words', () => {
    expect(badgeFor([tok('weeth', 'warning')]).title).toBe('Restake Lens: 1 restaking token, worst: yellow');
    expect(badgeFor([tok('weeth', 'bad'), tok('ezeth', 'good'), tok('rseth', 'unknown')]).title).toBe('Restake Lens: 3 restaking tokens, worst: red');
  });

  test('white text is readable on every badge colour (contrast at least 4.5:1), and the colours differ', () => {
    for (const [level, color] of Object.entries(BADGE_COLORS)) {
      expect(contrast(color, BADGE_TEXT_COLOR), level).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(Object.values(BADGE_COLORS)).size).toBe(4);
    // The check itself: black on white is 21:1, a light amber on white fails.
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#f59e0b', '#ffffff')).toBeLessThan(4.5);
  });
});

describe('badge wiring (fake browser)', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  const read = async (tabId: number) => ({
    text: await fakeBrowser.action.getBadgeText({ tabId }),
    color: await fakeBrowser.action.getBadgeBackgroundColor({ tabId }),
    textColor: await fakeBrowser.action.getBadgeTextColor({ tabId }),
    title: await fakeBrowser.action.getTitle({ tabId }),
  });

  test('a tab’s reports over all frames set its badge, coloured like the popup’s list; LSTs are left out', async () => {
    const lst = TOKENS.find((t) => t.category === 'lst')!;
    await saveFrameReport(7, 0, { weeth: 2, [lst.id]: 1 });
    await saveFrameReport(7, 3, { ezeth: 1, weeth: 1 });
    await updateBadge(7);
    const rows = await tabRows(7);
    expect(rows.map((r) => r.id).sort()).toEqual(['ezeth', lst.id, 'weeth'].sort());
    const worst = badgeFor(rows.map((r) => ({ id: r.id, category: r.category, worst: r.rating.worst })));
    const b = await read(7);
    expect(b.text).toBe('2');
    expect(b.color).toEqual(rgba(worst.color));
    expect(b.textColor).toBe(BADGE_TEXT_COLOR);
    expect(b.title).toMatch(/^Restake Lens: 2 restaking tokens, worst: (red|yellow|grey|green)$/);
    // Another tab is untouched.
    expect((await read(8)).text).toBe('');
  });

  test('a new document (reports cleared) empties the badge; a refresh recomputes every reported tab', async () => {
    await saveFrameReport(7, 0, { weeth: 1 });
    await updateBadge(7);
    expect((await read(7)).text).toBe('1');
    await clearTab(7);
    await updateBadge(7);
    expect(await read(7)).toMatchObject({ text: '', title: ACTION_TITLE });

    await saveFrameReport(7, 0, { weeth: 1, ezeth: 1, rseth: 2 });
    await saveFrameReport(9, 0, { pufeth: 1 });
    await updateAllBadges();
    expect((await read(7)).text).toBe('3');
    expect((await read(9)).text).toBe('1');
  });

  test('updates of one tab are applied in order: the last one reflects the latest reports', async () => {
    await saveFrameReport(7, 0, { weeth: 1, ezeth: 1 });
    // The first update is slow to write its badge ("2"); meanwhile the tab loads a new document.
    const setText = fakeBrowser.action.setBadgeText.bind(fakeBrowser.action);
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const spy = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementationOnce(async (details) => {
      await gate;
      await setText(details);
    });
    const first = updateBadge(7);
    await vi.waitFor(() => expect(spy).toHaveBeenCalledWith({ tabId: 7, text: '2' }));
    await clearTab(7);
    const second = updateBadge(7);
    await new Promise((r) => setTimeout(r, 20));
    release();
    await Promise.all([first, second]);
    expect((await read(7)).text).toBe('');
  });
});
