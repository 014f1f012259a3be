// `npm run demo`: builds the Chrome extension, serves the demo page on 127.0.0.1 and opens it in Chromium
// with the extension loaded. `npm run demo -- --headless` hovers a token and writes demo-screenshot.png.
//
// Browsers: CHROMIUM_PATH, else Debian/Ubuntu Chromium, Chrome for Testing or Google Chrome. Chromium and
// Chrome for Testing accept --load-extension. Branded Google Chrome 137+ ignores that flag, so there the
// extension is loaded over the DevTools protocol (Extensions.loadUnpacked over --remote-debugging-pipe).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'wxt';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, browserVersion, findChromium, isBrandedChrome } from './browsers.ts';
import { launchOverPipe } from './cdp-pipe.ts';
import { serveStatic } from './serve.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXT = join(ROOT, '.output/chrome-mv3');
const headless = process.argv.includes('--headless');
const forceCdp = process.env.DEMO_LOAD === 'cdp';
const shot = resolve(process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? join(ROOT, 'demo-screenshot.png'));

await build({ root: ROOT, browser: 'chrome', logger: { ...console, success: console.log, fatal: console.error, level: 1 } as never });
const server = await serveStatic({ '/demo/': join(ROOT, 'assets/demo/') });
const url = server.url('/demo/');
const executable = findChromium();
console.log(`Browser: ${executable} (${browserVersion(executable)})`);
console.log(`Demo page: ${url}`);
const profile = mkdtempSync(join(tmpdir(), 'restake-lens-demo-'));

// The DOM contract (README): marks are ranges in CSS.highlights under lrt:<id>:<kind>, which the page's own world
// reads too; the card host is a plain [data-lrt-card] element whose shadow root is closed in this build, and it is
// shown (not hidden) once a rendered card is in it.
/** Page expression: the centre of the first ezETH mark in the lending table, or null while it is not marked. */
const EZETH_POINT = `(() => {
  const box = document.querySelector('#lending');
  box?.scrollIntoView({ block: 'center' });
  for (const r of CSS.highlights.get('lrt:ezeth:symbol') ?? []) {
    if (!box || !box.contains(r.startContainer)) continue;
    const b = r.getBoundingClientRect();
    if (b.width) return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }
  return null;
})()`;
/** Page expression: the card is open. */
const CARD_OPEN = `(() => { const h = document.querySelector('[data-lrt-card]'); return !!h && !h.hidden; })()`;

if (isBrandedChrome(executable) || forceCdp) await viaDevTools();
else await viaLoadExtension();

async function viaLoadExtension() {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable,
    headless,
    viewport: headless ? { width: 1280, height: 860 } : null,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  const point = await (await page.waitForFunction(EZETH_POINT, undefined, { timeout: 15_000, polling: 200 })).jsonValue();
  if (!headless) {
    console.log('Hover an underlined token. Close the browser window to end the demo.');
    await new Promise((r) => context.on('close', r));
    await server.close();
    return;
  }
  const { x, y } = point as { x: number; y: number };
  await page.mouse.move(x, y);
  await page.waitForFunction(CARD_OPEN, undefined, { timeout: 15_000, polling: 100 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot });
  console.log(`Screenshot written: ${shot}`);
  await context.close();
  await server.close();
}

async function viaDevTools() {
  const b = launchOverPipe(executable, [
    ...CHROMIUM_FLAGS,
    `--user-data-dir=${profile}`,
    ...(headless ? ['--headless=new', '--window-size=1280,860'] : []),
    'about:blank',
  ]);
  try {
    const { id } = await b.send<{ id: string }>('Extensions.loadUnpacked', { path: EXT });
    console.log(`Extension loaded over the DevTools protocol: ${id}`);
  } catch (err) {
    console.error(
      `This browser would not load the extension over the DevTools protocol (${(err as Error).message}).\n` +
        `Load it by hand: open chrome://extensions, turn on Developer mode, "Load unpacked", choose ${EXT}, then open ${url}.`,
    );
  }
  const { targetId } = await b.send<{ targetId: string }>('Target.createTarget', { url });
  if (!headless) {
    console.log('Hover an underlined token. Close the browser to end the demo.');
    await new Promise((r) => b.proc.on('exit', r));
    await server.close();
    return;
  }
  const { sessionId } = await b.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  const evaluate = async <T>(expression: string) =>
    (await b.send<{ result: { value: T } }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId)).result.value;
  const deadline = Date.now() + 15_000;
  let box: { x: number; y: number } | null = null;
  while (!box && Date.now() < deadline) {
    box = await evaluate<{ x: number; y: number } | null>(EZETH_POINT);
    if (!box) await new Promise((r) => setTimeout(r, 200));
  }
  if (!box) throw new Error('The extension did not mark the demo page.');
  await b.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: box.x, y: box.y }, sessionId);
  await evaluate(`new Promise((ok) => { const t = setInterval(() => { if (${CARD_OPEN}) { clearInterval(t); setTimeout(ok, 300); } }, 100); })`);
  const { data } = await b.send<{ data: string }>('Page.captureScreenshot', { format: 'png' }, sessionId);
  writeFileSync(shot, Buffer.from(data, 'base64'));
  console.log(`Screenshot written: ${shot}`);
  b.close();
  await server.close();
}
