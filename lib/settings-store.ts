// Runs in: background, popup, options. Reads and writes the user's settings in storage.local. Everything written goes
// through the zod schema first, so a page of ours with a bug cannot store a value the others would misread.
import { browser } from 'wxt/browser';
import { needsUpgrade, parseSettings, Settings, SETTINGS_KEY, type Settings as SettingsT } from './settings';

export async function readSettings(): Promise<SettingsT> {
  return parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Validates and stores the whole settings object; returns what was stored. */
export async function writeSettings(next: SettingsT): Promise<SettingsT> {
  const value = Settings.parse(next);
  await browser.storage.local.set({ [SETTINGS_KEY]: value });
  return value;
}

/** Applies `change` to the current settings and stores the result. */
export async function updateSettings(change: (s: SettingsT) => SettingsT): Promise<SettingsT> {
  return writeSettings(change(await readSettings()));
}

/** Rewrites older (or damaged) stored settings in the current version, keeping the user's choices. Never throws. */
export async function upgradeStoredSettings(): Promise<boolean> {
  try {
    const raw = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    if (!needsUpgrade(raw)) return false;
    await browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(raw) });
    return true;
  } catch (err) {
    console.error('[restake-lens] settings upgrade failed', err);
    return false;
  }
}
