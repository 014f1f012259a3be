// Paths and the local server shared by the e2e tests.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { serveStatic } from '../../../scripts/serve.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROME_BUILD = `${ROOT}.output/chrome-mv3`;
export const FIREFOX_BUILD = `${ROOT}.output/firefox-mv3`;
export const SCREENSHOTS = `${ROOT}docs/screenshots`;

export function requireBuild(dir: string): string {
  if (!existsSync(`${dir}/manifest.json`)) {
    throw new Error(`No extension build at ${dir}. Run \`npm run build:all\` first (npm test does).`);
  }
  return dir;
}

export function startFixtureServer() {
  return serveStatic({ '/fixtures/': `${ROOT}tests/fixtures/pages/`, '/demo/': `${ROOT}assets/demo/` });
}
