// E2E in real Chromium (Debian's, through playwright-core): page -> highlights -> hover card -> popup list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { SCREENSHOTS, startFixtureServer } from './lib/env.ts';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { countAllMarks, readCard, readMarks } from './lib/pages.ts';
import { hoverMark, marksOn, scanIdle, waitForMarks } from './lib/marks.ts';
import { poll } from './lib/poll.ts';
import { SLICE_EXPECTED, SLICE_POPUP, SLICE_TOTAL } from './expect.ts';

let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let session: ChromiumSession;
const server = await startFixtureServer();

before(async () => {
  session = await launchChromium({ build: 'e2e' });
  ({ context, worker, extensionId } = session);
});

after(async () => {
  await session?.close();
  await server.close();
});

test('marks exactly the expected tokens, and nothing in excluded or negative elements', async () => {
  const page = await context.newPage();
  await page.goto(server.url('/fixtures/slice.html'));
  // The late paragraph arrives after 600 ms; wait until every expected mark is there.
  const ours = await waitForMarks(page, SLICE_TOTAL, { except: '#spoof' });
  const marks = await page.evaluate(readMarks, Object.keys(SLICE_EXPECTED));
  assert.deepEqual(marks, SLICE_EXPECTED);
  // Our marks plus the page's one forged range, nothing else.
  assert.equal(await page.evaluate(countAllMarks), SLICE_TOTAL + 1);
  // Every mark of ours says how it matched, and covers exactly the page's own text of the token.
  assert.deepEqual([...new Set(ours.map((m) => m.kind))].sort(), ['symbol', 'wrapped']);
  assert.deepEqual([...new Set(ours.map((m) => m.text))].sort(), ['PT-weETH', 'eETH', 'ezETH', 'pufETH', 'rsETH', 'weETH']);
  await page.close();
});

test('a long page registers only the marks near the viewport; the rest register as they scroll near, and all are counted', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url('/fixtures/big-table.html'));
  await scanIdle(page, 30_000);
  // The tab report counts every mention (big-table.html: 2,000 ezETH and 800 weETH in 20,000 rows).
  const reported = () =>
    worker.evaluate(async () => {
      const open = new Set((await chrome.tabs.query({})).map((t) => `tab:${t.id}:`));
      const total: Record<string, number> = {};
      for (const [k, v] of Object.entries(await chrome.storage.session.get(null)))
        if (open.has(k.slice(0, k.lastIndexOf(':') + 1))) for (const [id, n] of Object.entries(v as Record<string, number>)) total[id] = (total[id] ?? 0) + n;
      return total;
    });
  const deadline = Date.now() + 15_000;
  let counts = await reported();
  while ((counts.ezeth !== 2000 || counts.weeth !== 800) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    counts = await reported();
  }
  assert.deepEqual(counts, { ezeth: 2000, weeth: 800 });
  const registered = () => page.evaluate(countAllMarks);
  const rowMarks = (id: string) => marksOn(page, { within: `#${id}` });
  await waitForMarks(page, 1, { within: '#r10' });
  const near = await registered();
  assert.ok(near > 0 && near < 400, `only marks near the viewport are registered (${near} of 2,800)`);
  assert.equal((await rowMarks('r20000')).length, 0);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await waitForMarks(page, 2, { within: '#r20000' });
  await poll(() => rowMarks('r10'), (m) => m.length === 0, { timeoutMs: 5_000, what: 'the first rows unregistered once far away' });
  assert.ok((await registered()) < 400);
  await page.close();
});

test('a mention the page adds in view is registered before the next frame is drawn (no frame of its own)', async () => {
  const page = await context.newPage();
  await page.goto(server.url('/fixtures/slice.html'));
  await waitForMarks(page, SLICE_TOTAL, { except: '#spoof' });
  // Each time: the page adds a line at the top, and its next animation frame callback (which runs before that frame
  // is drawn) looks for the line's range among the lrt: highlights.
  const seen = await page.evaluate(
    () =>
      new Promise<boolean[]>((resolve) => {
        const results: boolean[] = [];
        const once = () => {
          const p = document.createElement('p');
          p.textContent = `Just in (${results.length}): rsETH deposits reopened`;
          document.body.prepend(p);
          requestAnimationFrame(() => {
            let found = false;
            for (const [name, h] of CSS.highlights) if (name.startsWith('lrt:')) for (const r of h) if (r.startContainer === p.firstChild) found = true;
            results.push(found);
            if (results.length < 5) setTimeout(once, 50);
            else resolve(results);
          });
        };
        once();
      }),
  );
  assert.deepEqual(seen, [true, true, true, true, true]);
  await page.close();
});

test('the page text is unchanged by marking', async () => {
  const page = await context.newPage();
  // Same page with the extension's marks removed by reading text before and after.
  await page.goto(server.url('/fixtures/slice.html'));
  await waitForMarks(page, SLICE_TOTAL, { except: '#spoof' });
  const marked = await page.evaluate(() => document.body.innerText);
  const plain = await (await context.request.get(server.url('/fixtures/slice.html'))).text();
  const reference = await context.newPage();
  await reference.setContent(plain.replace(/<script[\s\S]*?<\/script>/g, ''));
  const unmarked = await reference.evaluate(() => document.body.innerText);
  // The fixture's scripts add the forged text and the late paragraph; drop those two lines from the comparison.
  const strip = (s: string) => s.replace(/CLAIM 20% BONUS\n?/, '').replace(/Late news: rsETH withdrawals resumed\.\n?/, '').trim();
  assert.equal(strip(marked), strip(unmarked));
  await reference.close();
  await page.close();
});

test('hovering a mark opens the card with name, issuer and sourced sections; the forged mark opens nothing', async () => {
  const page = await context.newPage();
  await page.goto(server.url('/fixtures/slice.html'));
  await waitForMarks(page, 1, { within: '#row-ezeth' });

  // The page's own range under the extension's name: pointing at it for a while opens nothing.
  await hoverMark(page, '#spoof');
  await page.waitForTimeout(700);
  assert.equal(await page.evaluate(readCard), null, 'a forged mark must not open a card');

  await hoverMark(page, '#row-ezeth');
  const dialog = page.getByRole('dialog', { name: 'ezETH' });
  await dialog.waitFor();
  const card = await page.evaluate(readCard);
  assert.ok(card);
  assert.equal(card.label, 'ezETH');
  for (const title of ['Rating', 'Slashing', 'Liquidity', 'Audits']) assert.ok(card.sections.includes(title), `section ${title}`);
  // Six rosette slices, each with its own accessible label, and six petal lines with their age.
  assert.equal(card.slices.length, 6);
  assert.match(card.slices[0]!, /^Slashing exposure: (green|yellow|red|grey \(unknown\))$/);
  assert.match(card.text, /bundled, as of \d{4}-\d{2}-\d{2}|no data/);
  assert.match(card.text, /Renzo Restaked ETH/);
  assert.match(card.text, /issued by Renzo/);
  assert.doesNotMatch(card.text, /issued by ether\.fi/, 'ezETH is Renzo’s, not ether.fi’s');
  assert.match(card.text, /unverified/i, 'unconfirmed facts are marked');
  assert.match(card.text, /Sigma Prime/);
  // Every fact links to its source.
  const links = await dialog.locator('.rl-sources a').count();
  assert.ok(links >= 5, `expected source links, got ${links}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'card-chromium.png') });

  await page.keyboard.press('Escape');
  await page.waitForFunction(() => (document.querySelector('[data-lrt-card]') as HTMLElement | null)?.hidden === true);

  // Exactly one card host per page, however many cards were opened.
  await hoverMark(page, '#row-rseth');
  await page.getByRole('dialog', { name: 'rsETH' }).waitFor();
  assert.equal(await page.locator('[data-lrt-card]').count(), 1);
  await page.close();
});

test('the popup lists the restaking tokens found in the tab', async () => {
  const page = await context.newPage();
  await page.goto(server.url('/fixtures/slice.html'));
  await waitForMarks(page, SLICE_TOTAL, { except: '#spoof' });
  await page.bringToFront();
  // The fixture is the active tab now; the popup page opened next gets its id as `?tabId=`.
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  assert.ok(typeof tabId === 'number', 'fixture tab found');

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  // The report is debounced; poll the popup until the counts settle.
  let rows: Record<string, number> = {};
  for (let i = 0; i < 20; i++) {
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid="token-list"], .rl-empty');
    rows = Object.fromEntries(
      await popup.$$eval('[data-lrt-row]', (els) =>
        els.map((e) => [e.getAttribute('data-lrt-row') ?? '', Number(e.querySelector('.rl-row-count')?.getAttribute('data-count'))]),
      ),
    );
    if (JSON.stringify(rows) === JSON.stringify(SLICE_POPUP)) break;
    await popup.waitForTimeout(250);
  }
  assert.deepEqual(rows, SLICE_POPUP);

  await popup.click('[data-lrt-row="weeth"]');
  await popup.getByRole('dialog', { name: 'weETH' }).waitFor();
  // The dialog opens at once and fills in when the card answer arrives.
  await popup.getByRole('dialog').locator('[data-petal]').first().waitFor();
  assert.match(await popup.getByRole('dialog').innerText(), /ether\.fi/);
  // The detail shows all six petals, each with its level, fact and age.
  const petals = await popup.$$eval('[data-petal]', (els) => els.map((e) => [e.getAttribute('data-petal'), e.getAttribute('data-level'), e.textContent ?? '']));
  assert.deepEqual(petals.map((p) => p[0]), ['slashing', 'exit', 'admin', 'peg', 'code', 'backing']);
  for (const [, level, text] of petals) {
    assert.match(level ?? '', /^(good|warning|bad|unknown)$/);
    assert.match(text ?? '', /\((no data|bundled, as of \d{4}-\d{2}-\d{2}|live, .+ ago)\)/);
  }
  await popup.close();
  await page.close();
});

test('the popup\'s "Show on page" scrolls the tab to the token\'s first mention and opens its card there', async () => {
  const page = await context.newPage();
  await page.goto(server.url('/fixtures/slice.html'));
  await waitForMarks(page, SLICE_TOTAL, { except: '#spoof' });
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  assert.ok(typeof tabId === 'number', 'fixture tab found');
  assert.equal(await page.evaluate(readCard), null);
  const popup = await context.newPage();
  await poll(
    async () => {
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('[data-testid="token-list"], .rl-empty');
      return popup.locator('[data-show="weeth"]').count();
    },
    (n) => n > 0,
    { timeoutMs: 10_000, what: 'a "Show on page" button for weETH' },
  );
  await popup.click('[data-show="weeth"]');
  const card = await poll(() => page.evaluate(readCard), (c) => c !== null, { timeoutMs: 5_000, what: 'the weETH card on the page' });
  assert.equal(card!.label, 'weETH');
  await popup.close();
  await page.close();
});

test('registry.json ships in the build with the stable shape', async () => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/registry.json`);
  const doc = JSON.parse(await page.evaluate(() => document.body.innerText)) as {
    version: string;
    tokens: Array<{ id: string; symbol: string; deployments: Array<{ chain: string; address: string; decimals: number | null }> }>;
  };
  assert.equal(typeof doc.version, 'string');
  const ids = doc.tokens.map((t) => t.id).sort();
  for (const id of ['eeth', 'ezeth', 'pufeth', 'rseth', 'weeth']) assert.ok(ids.includes(id), id);
  await page.close();
});

test('the background ignores messages that are not in the contract or not from an allowed caller', async () => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const replies = await page.evaluate(async () => {
    const send = (m: unknown) => chrome.runtime.sendMessage(m).catch((e: Error) => `threw: ${e.message}`);
    return {
      foreign: await send({ hello: 'world' }),
      unknownName: await send({ channel: 'restake-lens/1', name: 'wallet:drain', input: {} }),
      wrongCaller: await send({ channel: 'restake-lens/1', name: 'tab:report', input: { counts: {} } }),
      badInput: await send({ channel: 'restake-lens/1', name: 'token:card', input: { id: '<img src=x>' } }),
      ok: await send({ channel: 'restake-lens/1', name: 'token:card', input: { id: 'pufeth' } }),
    };
  });
  assert.match(String(replies.foreign), /threw|undefined/);
  assert.deepEqual((replies.unknownName as { error: string }).error, 'unknown-message');
  assert.deepEqual((replies.wrongCaller as { error: string }).error, 'forbidden');
  assert.deepEqual((replies.badInput as { error: string }).error, 'bad-input');
  assert.equal((replies.ok as { ok: boolean; data: { issuer: string } }).data.issuer, 'Puffer Finance');
  await page.close();
});

test('frames decide from the page policy in storage.local, with no message; a policy of another version is never read', async () => {
  // A policy that switches 127.0.0.1 off while the settings (which the background answers from) leave it on: the
  // top frame and the same-origin child frame (which knows its top page from location.ancestorOrigins) follow the
  // stored policy.
  /** Rewrites fields of the stored policy as if the background had written them. */
  const editPolicy = (patch: Record<string, unknown>) =>
    worker.evaluate(async (p) => {
      const key = 'page:policy';
      const policy = (await chrome.storage.local.get(key))[key] as Record<string, unknown>;
      await chrome.storage.local.set({ [key]: { ...policy, ...p } });
    }, patch);
  await editPolicy({ siteMode: 'all', disabledSites: ['127.0.0.1'] });
  const page = await context.newPage();
  try {
    await page.goto(server.url('/fixtures/shadow-iframe.html'));
    const child = page.frame({ name: 'child' })!;
    await scanIdle(page);
    await scanIdle(child);
    assert.equal((await marksOn(page)).length, 0, 'the top frame read the stored policy: site off');
    assert.equal((await marksOn(child)).length, 0, 'so did the child frame');
    // A policy written by another version is never read: the frames ask the background (site on).
    await editPolicy({ v: '0.0.0-old' });
    await page.reload();
    await waitForMarks(page, 1, { within: '#light' });
    await waitForMarks(page.frame({ name: 'child' })!, 1, { within: '#child-ezeth' });
  } finally {
    // Any settings change makes the background rewrite the policy from the settings.
    await worker.evaluate(async () => {
      await chrome.storage.local.set({ settings: { siteMode: 'all', disabledSites: [], onlySites: [], markLst: false } });
      await chrome.storage.local.remove('settings');
    });
    await poll(
      () => worker.evaluate(async () => ((await chrome.storage.local.get('page:policy'))['page:policy'] as { disabledSites: string[]; v: string }) ?? null),
      (p) => p !== null && p.disabledSites.length === 0 && p.v !== '0.0.0-old',
      { timeoutMs: 10_000, what: 'the policy rewritten from the settings' },
    );
    await page.close();
  }
});

test('keyboard: the "next mention" command opens each card in turn without taking focus or adding tab stops; Escape closes it; the card follows a dark page', async () => {
  const page = await context.newPage();
  await page.goto(server.url('/fixtures/slice.html'));
  await waitForMarks(page, SLICE_TOTAL, { except: '#spoof' });
  await page.evaluate(() => {
    document.body.style.background = '#15171c';
    document.body.style.color = '#eee';
  });
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  assert.ok(typeof tabId === 'number');
  // What the manifest command's handler sends (a headless browser has no way to press an extension shortcut).
  const step = () => worker.evaluate((id) => chrome.tabs.sendMessage(id, { channel: 'restake-lens/1', name: 'lens:next' }, { frameId: 0 }), tabId);
  await step();
  await page.getByRole('dialog', { name: 'weETH' }).waitFor();
  const state = await page.evaluate(() => ({
    focus: document.activeElement?.localName,
    tabStops: document.querySelectorAll('[tabindex]').length,
    scheme: document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('.rl-layer')?.getAttribute('data-scheme'),
  }));
  assert.deepEqual(state, { focus: 'body', tabStops: 0, scheme: 'dark' });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => (document.querySelector('[data-lrt-card]') as HTMLElement | null)?.hidden === true);
  // The next one, in the page's order: the ezETH row.
  await step();
  await page.getByRole('dialog', { name: 'ezETH' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.localName), 'body', 'focus stays where the user put it');
  await page.close();
});

test('keyboard: a link holding a mention opens its card when the user tabs to it, not when the page focuses it', async () => {
  const page = await context.newPage();
  await page.goto(server.url('/fixtures/slice.html'));
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.id = 'kbd-link';
    a.href = '/token/0xbf5495Efe5DB9ce00f80364C8B423567e58d2110';
    a.textContent = 'ezETH';
    const before = document.createElement('button');
    before.id = 'kbd-before';
    before.textContent = 'Before';
    document.body.prepend(before, a);
  });
  await waitForMarks(page, 1, { within: '#kbd-link' });
  // A scripted focus() (the event is the browser's own, so trusted) opens nothing: no keyboard led there.
  await page.evaluate(() => (document.getElementById('kbd-link') as HTMLElement).focus());
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(readCard), null, 'a page-scripted focus opens no card');
  await page.evaluate(() => (document.getElementById('kbd-before') as HTMLElement).focus());
  await page.keyboard.press('Tab');
  await page.getByRole('dialog', { name: 'ezETH' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'kbd-link');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => (document.querySelector('[data-lrt-card]') as HTMLElement | null)?.hidden === true);
  await page.close();
});

test('per-site settings: switching a site off takes every mark away and restores the text; "only these sites" mode', async () => {
  const page = await context.newPage();
  await page.goto(server.url('/fixtures/slice.html'));
  await waitForMarks(page, SLICE_TOTAL, { except: '#spoof' });
  const marked = await page.evaluate(() => document.body.innerHTML);
  const set = (value: unknown) => worker.evaluate((v) => chrome.storage.local.set({ settings: v }), value);
  const ours = async () => (await marksOn(page, { except: '#spoof' })).length;
  try {
    await set({ siteMode: 'all', disabledSites: ['127.0.0.1'], onlySites: [], markLst: false });
    await waitForMarks(page, 0, { except: '#spoof' });
    assert.equal(await page.evaluate(() => document.body.innerHTML), marked, 'the page is exactly what it was');
    // Nothing of ours is left for the page to see: no highlight name but the page's own, no stylesheet (the e2e
    // build's idle signal aside).
    assert.deepEqual(await page.evaluate(() => [[...CSS.highlights.keys()].filter((k) => !k.startsWith('lrt-e2e:')), document.adoptedStyleSheets.length]), [['lrt:ezeth:symbol'], 0]);
    // A page opened while the site is off is not touched at all.
    const other = await context.newPage();
    await other.goto(server.url('/fixtures/slice.html'));
    await scanIdle(other);
    assert.equal((await marksOn(other, { except: '#spoof' })).length, 0);
    // ...and cannot tell the extension is there: no name but its own forgery, no stylesheet, no element.
    assert.deepEqual(
      await other.evaluate(() => [[...CSS.highlights.keys()].filter((k) => !k.startsWith('lrt-e2e:')), document.adoptedStyleSheets.length, document.querySelectorAll('[data-lrt-card]').length]),
      [['lrt:ezeth:symbol'], 0, 0],
    );
    await other.close();

    await set({ siteMode: 'only', disabledSites: [], onlySites: ['etherscan.io'], markLst: false });
    await waitForMarks(page, 0, { except: '#spoof' });
    assert.equal(await ours(), 0, 'not in the "only" list');
    await set({ siteMode: 'only', disabledSites: [], onlySites: ['127.0.0.1'], markLst: false });
    await waitForMarks(page, SLICE_TOTAL, { except: '#spoof' });
    // Liquid staking tokens only when asked for: the table's wstETH row.
    await set({ siteMode: 'all', disabledSites: [], onlySites: [], markLst: true });
    await waitForMarks(page, 1, { within: '#row-wsteth' });
  } finally {
    await worker.evaluate(() => chrome.storage.local.remove('settings'));
  }
  await page.close();
});
