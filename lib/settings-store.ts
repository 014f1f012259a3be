// Runs in: background, popup, options. Reads and writes the user's settings in storage.local. Everything written goes
// through the zod schema first, so a page of ours with a bug cannot store a value the others would misread.
import { browser } from 'wxt/browser';
import { migrateSettings, needsUpgrade, parseSettings, Settings, SETTINGS_KEY, type Settings as SettingsT } from './settings';

export async function readSettings(): Promise<SettingsT> {
  return parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Rewrites older (or damaged) stored settings in the current version, keeping the user's choices. Never throws. */
export async function upgradeStoredSettings(): Promise<boolean> {
  try {
    const raw = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    if (!needsUpgrade(raw)) return false;
    const upgraded = parseSettings(raw);
    // storage has no compare-and-set: re-read just before writing, so a save from the options page that landed in
    // between is not overwritten with the old value (it is already current, and needs no upgrade).
    if (!same((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], raw)) return false;
    await browser.storage.local.set({ [SETTINGS_KEY]: upgraded });
    return true;
  } catch (err) {
    console.error('[restake-lens] settings upgrade failed', err);
    return false;
  }
}

export type FieldResult = { ok: true; settings: SettingsT } | { ok: false; reason: 'invalid' | 'newer' };

/** Deep equality for settings values (plain JSON: objects, arrays, strings, numbers, booleans). */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Writes from this page, one after another, so two quick changes never read the same old value. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Sets one field from its current value, for controls that save on their own (the options page). Nothing is stored
 * when the schema would not keep the new value exactly as given (it would fall back to the default: `invalid`), or
 * when the stored settings were written by a newer version of the extension (writing them back would lose what this
 * one does not know: `newer`).
 */
export function setField<K extends keyof SettingsT>(key: K, change: (current: SettingsT[K]) => SettingsT[K]): Promise<FieldResult> {
  const run = queue.then(async (): Promise<FieldResult> => {
    const raw = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    if (migrateSettings(raw).newer) return { ok: false, reason: 'newer' };
    const current = parseSettings(raw);
    const value = change(current[key]);
    const checked = Settings.safeParse({ ...current, [key]: value });
    if (!checked.success || !same(checked.data[key], value)) return { ok: false, reason: 'invalid' };
    await browser.storage.local.set({ [SETTINGS_KEY]: checked.data });
    return { ok: true, settings: checked.data };
  });
  queue = run.catch(() => undefined);
  return run;
}
