// Paths and the local server shared by the e2e tests.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { serveStatic } from '../../../scripts/serve.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROME_BUILD = `${ROOT}.output/chrome-mv3`;
/** `wxt build --mode e2e`: reads endpoint overrides from storage.local['dev:endpoints'] (npm run build:e2e). */
export const CHROME_E2E_BUILD = `${ROOT}.output/chrome-mv3-e2e`;
export const FIREFOX_BUILD = `${ROOT}.output/firefox-mv3`;
/** The Firefox e2e-mode build (npm run build:e2e): like the Chrome one, its card root is open for the tests. */
export const FIREFOX_E2E_BUILD = `${ROOT}.output/firefox-mv3-e2e`;
export const SCREENSHOTS = `${ROOT}docs/screenshots`;

export function requireBuild(dir: string): string {
  if (!existsSync(`${dir}/manifest.json`)) {
    throw new Error(`No extension build at ${dir}. Run \`npm run build:all\` (and \`npm run build:e2e\` for the e2e-mode build) first (npm test does).`);
  }
  return dir;
}

export function startFixtureServer() {
  return serveStatic({ '/fixtures/': `${ROOT}tests/fixtures/pages/`, '/demo/': `${ROOT}assets/demo/` });
}
