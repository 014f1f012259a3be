// Renders assets/icon.svg to public/icon/{16,32,48,128}.png with the system Chromium.
// Run by hand after editing the SVG (`node scripts/make-icons.mjs`); the PNGs are committed.
import { readFile, mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { findChromium } from './browsers.ts';

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await mkdir(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname, omitBackground: true });
}
await browser.close();
console.log('icons written to public/icon/');
