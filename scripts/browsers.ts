// Finds the browsers the demo and the e2e tests drive. Explicit paths win: CHROMIUM_PATH, FIREFOX_PATH.
// A missing browser is an error with a plain instruction, never a silent skip.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-for-testing',
  '/opt/google/chrome-for-testing/chrome',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

function fromEnvOrList(envName: string, list: readonly string[], what: 'Chromium' | 'Firefox'): string {
  const fromEnv = process.env[envName];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envName}=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = list.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No ${what} found. Install it (Debian: apt-get install ${what === 'Chromium' ? 'chromium' : 'firefox-esr'}) or set ${envName} to its executable.`,
    );
  }
  return found;
}

export const findChromium = () => fromEnvOrList('CHROMIUM_PATH', CHROMIUM_CANDIDATES, 'Chromium');
export const findFirefox = () => fromEnvOrList('FIREFOX_PATH', FIREFOX_CANDIDATES, 'Firefox');

/** Branded Google Chrome (not Chromium, not Chrome for Testing) ignores --load-extension since 137. */
export function isBrandedChrome(path: string): boolean {
  return /google-chrome(-stable)?$|Google Chrome\.app|\\Chrome\\Application\\chrome\.exe$|\/opt\/google\/chrome\/chrome$/.test(path);
}

export function browserVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown version';
  }
}

/** Flags for a headless, offline-safe Chromium (this machine's network refuses background services). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-default-browser-check',
];
