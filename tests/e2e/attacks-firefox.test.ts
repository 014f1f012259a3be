// The hostile page (tests/fixtures/pages/attacks.html) in real Firefox ESR over WebDriver BiDi, for the attacks
// whose defence differs by browser (Xray wrappers, event trust, highlight painting): each must fail here too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import { startFixtureServer } from './lib/env.ts';
import { launchFirefox } from './lib/launch.ts';
import { hoverMark, marksOn, waitForMarks } from './lib/marks.ts';
import { markPoint, readCard } from './lib/pages.ts';
import { poll } from './lib/poll.ts';

let browser: Browser;
const server = await startFixtureServer();

before(async () => {
  browser = await launchFirefox({ build: 'e2e' });
});

after(async () => {
  await browser?.close();
  await server.close();
});

async function openAttacks(): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 800 });
  await page.goto(server.url('/fixtures/attacks.html'));
  await waitForMarks(page, 2, { within: '#plain' });
  return page;
}

async function staysClosed(page: Page, ms = 800): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    assert.equal(await page.evaluate(readCard), null, 'no card may open');
  }
}

test('Firefox attack: custom elements named like ours do not disable the card; scripted events and clicks open nothing', async () => {
  const page = await openAttacks();
  await page.evaluate(() => {
    const text = document.getElementById('plain')!.firstChild!;
    const r = document.createRange();
    r.setStart(text, 'Also listed: '.length);
    r.setEnd(text, 'Also listed: rsETH'.length);
    const rect = r.getBoundingClientRect();
    for (let i = 0; i < 5; i++) document.getElementById('plain')!.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: rect.left + 2, clientY: rect.top + 4 }));
  });
  await staysClosed(page);
  await hoverMark(page, '#plain', 'rseth');
  await poll(() => page.evaluate(readCard), (c) => c?.label === 'rsETH', { what: 'the rsETH card' });
  assert.equal(await page.evaluate(() => document.querySelector('[data-lrt-card]')?.localName), 'div');
  const before = (await browser.pages()).length;
  await page.evaluate(() => {
    const button = document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('.rl-foot .rl-link') as HTMLElement | null;
    for (let i = 0; i < 5; i++) button?.click();
  });
  await new Promise((r) => setTimeout(r, 1_000));
  assert.equal((await browser.pages()).length, before, 'no tab opened by scripted clicks');
  await page.close();
});

test('Firefox attack: a re-labelled mention loses its mark; an 80,000-mention node keeps its text with 100 marks', async () => {
  const page = await openAttacks();
  await waitForMarks(page, 1, { within: '#relabel' });
  const at = (await page.evaluate(markPoint, { within: '#relabel' }))!;
  await page.evaluate(() => (window as unknown as { attack: { relabel(): void } }).attack.relabel());
  await waitForMarks(page, 0, { within: '#relabel' });
  await page.mouse.move(at.x, at.y);
  await staysClosed(page);
  const flood = await waitForMarks(page, 100, { within: '#flood' });
  assert.ok(flood.every((m) => m.text === 'ezETH'));
  assert.equal(await page.evaluate(() => document.getElementById('flood')!.textContent!.length), 6 * 80_000);
  await page.close();
});

test('Firefox attack: nothing is marked in a designMode document; a region made editable loses its marks', async () => {
  const page = await openAttacks();
  await waitForMarks(page, 1, { within: '#edit' });
  await page.evaluate(() => (window as unknown as { attack: { editable(): void } }).attack.editable());
  await waitForMarks(page, 0, { within: '#edit' });
  // A control frame without designMode: once it is marked, content scripts have run in srcdoc frames here.
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.srcdoc = "<p>draft about ezETH</p>";
    document.body.append(f);
  });
  const control = await poll(async () => {
    for (const f of page.frames()) if (f !== page.mainFrame() && (await f.evaluate(() => document.designMode)) === 'off') return f;
    return null;
  }, (f) => f !== null);
  await waitForMarks(control!, 1);
  const design = page.frames().filter((f) => f !== page.mainFrame() && f !== control);
  assert.equal(design.length, 1);
  assert.equal(await design[0]!.evaluate(() => document.designMode), 'on');
  assert.deepEqual(await marksOn(design[0]!), [], 'no mark in a designMode document');
  await page.close();
});

test('Firefox attack: the production card lives in a closed shadow root: the page hit-tests the card on screen, yet cannot reach inside it', async () => {
  const prod = await launchFirefox();
  try {
    const page = await prod.newPage();
    await page.setViewport({ width: 1100, height: 800 });
    await page.goto(server.url('/fixtures/attacks.html'));
    await hoverMark(page, '#plain', 'rseth');
    // The card is drawn: some point around the mention hit-tests to the host (a shadow root's content is
    // retargeted to its host), so this is the real card on screen, not an empty host.
    const shown = await poll(
      () =>
        page.evaluate(() => {
          const host = document.querySelector('[data-lrt-card]');
          if (!host) return false;
          for (let y = 0; y < innerHeight; y += 20) for (let x = 0; x < innerWidth; x += 40) if (document.elementFromPoint(x, y) === host) return true;
          return false;
        }),
      (v) => v,
      { what: 'the card on screen' },
    );
    assert.equal(shown, true);
    // The page sees the host and nothing inside it.
    assert.deepEqual(
      await page.evaluate(() => {
        const host = document.querySelector('[data-lrt-card]')!;
        return [host.shadowRoot, document.querySelectorAll('[role="dialog"]').length, host.childNodes.length];
      }),
      [null, 0, 0],
    );
    await page.close();
  } finally {
    await prod.close();
  }
});
