// E2E for the options page in real Chromium (production build, network-isolated): switching a site off and on from
// the keyboard changes what a real page shows; offline mode reaches storage; an invalid RPC URL is refused and stores
// nothing; the data status and "Refresh now"; "report a wrong fact" preselected from the address opens a prefilled
// new issue; axe-core finds no violation in the light or the dark scheme.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { REPORT_ISSUES_URL } from '../../lib/report-url.ts';
import { SCREENSHOTS, startFixtureServer } from './lib/env.ts';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { marksOn, waitForMarks } from './lib/marks.ts';
import { axeViolations, formatViolations } from './lib/axe.ts';
import { SLICE_TOTAL } from './expect.ts';

let session: ChromiumSession;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
const server = await startFixtureServer();

before(async () => {
  session = await launchChromium();
  ({ context, worker, extensionId } = session);
});

after(async () => {
  await session?.close();
  await server.close();
});

const optionsUrl = (query = '') => `chrome-extension://${extensionId}/options.html${query}`;
const stored = () => worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown> | undefined);
/** The extension's own marks on the fixture page (the page's forged one in #spoof is not ours). */
const ours = async (page: Page) => (await marksOn(page, { except: '#spoof' })).length;

async function openOptions(query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(optionsUrl(query));
  await page.getByRole('heading', { name: 'Restake Lens settings' }).waitFor();
  await page.getByLabel('Add a site to switch off').waitFor();
  return page;
}

test('a site switched off from the keyboard loses every mark; removing it brings them back', async () => {
  const site = await context.newPage();
  await site.goto(server.url('/fixtures/slice.html'));
  await waitForMarks(site, SLICE_TOTAL, { except: '#spoof' });

  const options = await openOptions();
  try {
    const field = options.getByLabel('Add a site to switch off');
    await field.focus();
    await options.keyboard.type('127.0.0.1');
    await options.keyboard.press('Enter');
    const list = options.getByTestId('disabled-sites');
    await list.locator('[data-site="127.0.0.1"]').waitFor();
    assert.match(await list.locator('.rl-field-status').innerText(), /Saved\. 127\.0\.0\.1 added\./);
    assert.equal(await field.inputValue(), '', 'the field is cleared after adding');
    assert.deepEqual((await stored())?.disabledSites, ['127.0.0.1']);
    // The announcement reaches the live region.
    assert.match(await options.getByTestId('announcer').innerText(), /Sites switched off: Saved\. 127\.0\.0\.1 added\./);

    // The open page drops its marks at once, and a reload marks nothing.
    await waitForMarks(site, 0, { except: '#spoof' });
    await site.reload();
    await site.waitForTimeout(800);
    assert.equal(await ours(site), 0, 'no mark of ours on a site switched off');

    // Remove it, from the keyboard too: focus returns to the field.
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).focus();
    await options.keyboard.press('Enter');
    await list.locator('[data-site="127.0.0.1"]').waitFor({ state: 'detached' });
    assert.deepEqual((await stored())?.disabledSites, []);
    assert.equal(await options.evaluate(() => document.activeElement?.getAttribute('placeholder')), 'example.com or https://example.com/page');

    await site.reload();
    await waitForMarks(site, SLICE_TOTAL, { except: '#spoof' });

    // A typed URL is reduced to its host; something that is no site is refused and stores nothing.
    await field.fill('https://WWW.Example.com/some/page?x=1');
    await field.press('Enter');
    await list.locator('[data-site="www.example.com"]').waitFor();
    const before = await stored();
    await field.fill('not a site at all');
    await field.press('Enter');
    await options.waitForFunction(() => document.querySelector('[data-testid="disabled-sites"] [data-state="invalid"]') !== null);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await stored(), before);
  } finally {
    await worker.evaluate(() => chrome.storage.local.remove('settings'));
    await options.close();
    await site.close();
  }
});

test('offline mode: the checkbox saves to storage, and the data status follows', async () => {
  const options = await openOptions();
  try {
    const box = options.getByLabel('Offline mode: use the bundled data only');
    assert.equal(await box.isChecked(), false);
    await box.focus();
    await options.keyboard.press('Space');
    await options.locator('#offline-status[data-state="saved"]').waitFor();
    assert.equal((await stored())?.offline, true);
    await options.getByTestId('offline-state').filter({ hasText: 'Offline mode: on.' }).waitFor();
    assert.equal(await options.getByRole('button', { name: 'Refresh now' }).isDisabled(), true);

    await options.keyboard.press('Space');
    await options.waitForFunction(() => document.querySelector('#offline-status')?.textContent?.includes('refreshed on schedule'));
    assert.equal((await stored())?.offline, false);
  } finally {
    await worker.evaluate(() => chrome.storage.local.remove('settings'));
    await options.close();
  }
});

test('an invalid RPC URL shows an error and stores nothing; the defaults are listed', async () => {
  const options = await openOptions();
  try {
    const defaults = await options.getByTestId('rpc-eip155-1-defaults').locator('li').allInnerTexts();
    assert.deepEqual(defaults, ['https://ethereum-rpc.publicnode.com', 'https://eth.merkle.io', 'https://public.1rpc.io/eth']);
    const field = options.getByLabel('Your Ethereum RPC endpoint URL');
    const before = await stored();
    for (const bad of ['http://rpc.example.org', 'ftp://127.0.0.1/rpc', 'not a url']) {
      await field.fill(bad);
      await field.press('Enter');
      await options.locator('[data-testid="rpc-eip155-1"] [data-state="invalid"]').waitFor();
      assert.match(await options.locator('[data-testid="rpc-eip155-1"] .rl-field-status').innerText(), /Not saved: enter an https URL/);
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.deepEqual(await stored(), before, `nothing stored for ${bad}`);
    }
    // A valid URL goes through the permission request (granted at once here: the host is one of the extension's
    // own data hosts, so no prompt) and is stored; Reset to defaults removes it.
    await field.fill('https://eth.merkle.io/');
    await field.press('Enter');
    await options.locator('[data-testid="rpc-eip155-1"] [data-state="saved"]').waitFor();
    assert.deepEqual((await stored())?.rpc, { 'eip155:1': ['https://eth.merkle.io/'] });
    await options.getByTestId('rpc-eip155-1').getByText('access granted').waitFor();
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await options.locator('#rpc-eip155-1-status').filter({ hasText: 'Saved. Ethereum uses the default endpoints.' }).waitFor();
    assert.deepEqual((await stored())?.rpc, {});
    assert.equal(await field.inputValue(), '');
  } finally {
    await worker.evaluate(() => chrome.storage.local.remove('settings'));
    await options.close();
  }
});

test('refresh interval, depeg threshold and watched tokens are stored; a threshold out of range is not', async () => {
  const options = await openOptions();
  try {
    await options.getByLabel('Refresh live data at most').selectOption('60');
    await options.locator('#refreshMinutes-status[data-state="saved"]').waitFor();
    assert.equal((await stored())?.refreshMinutes, 60);

    const pct = options.getByLabel('Alert when a watched token is off its redemption value by (percent)');
    const before = await stored();
    await pct.fill('25');
    await pct.press('Enter');
    await options.locator('#depegPct-status[data-state="invalid"]').waitFor();
    assert.deepEqual(await stored(), before, 'a threshold out of range stores nothing');
    await pct.fill('2,5');
    await pct.press('Enter');
    await options.locator('#depegPct-status[data-state="saved"]').waitFor();

    const list = options.getByTestId('watched-list');
    await list.locator('input').first().waitFor();
    await options.getByLabel('Filter tokens by symbol, name or issuer').fill('renzo');
    const shown = await list.locator('input').evaluateAll((els) => els.map((e) => e.getAttribute('data-token')));
    assert.ok(shown.includes('ezeth') && !shown.includes('weeth'), `filtered to Renzo: ${shown.join(', ')}`);
    await list.locator('input[data-token="ezeth"]').check();
    await options.locator('#watched-status[data-state="saved"]').waitFor();
    assert.deepEqual((await stored())?.alerts, { depegPct: 2.5, watched: ['ezeth'] });
  } finally {
    await worker.evaluate(() => chrome.storage.local.remove('settings'));
    await options.close();
  }
});

test('the data status lists every refresh job; "Refresh now" runs them and reports the outcome', async () => {
  const options = await openOptions();
  try {
    await options.getByRole('button', { name: 'Refresh now' }).click();
    // The browser is off the network: every job fails fast (names do not resolve), and says so.
    await options.getByText(/^Refresh finished:/).waitFor({ timeout: 60_000 });
    const jobs = await options.$$eval('[data-job]', (els) => els.map((e) => e.getAttribute('data-job')));
        assert.deepEqual([...jobs].sort(), ['admin:eip155:1', 'aggregator', 'backing:eip155:1', 'charts', 'el-exposure', 'el-stakers', 'exit:eip155:1', 'lz-routes:eip155:1', 'poolcheck', 'prices', 'rates:eip155:1', 'redemption:eip155:1', 'sym-vaults', 'tvl', 'yields']);
    const prices = options.locator('[data-job="prices"]');
    assert.match(await prices.innerText(), /Last run\s+\S.*\(\d+ min ago\)/);
    assert.match(await prices.innerText(), /Failures in a row\s+[1-9]/);
    assert.match(await prices.innerText(), /Failing now\s+.*coins\.llama\.fi/);
  } finally {
    await options.close();
  }
});

test('report a wrong fact: preselected from the address, opens a prefilled new issue in a new tab', async () => {
  const options = await openOptions('?report=ezeth&petal=code#report');
  try {
    await options.getByTestId('report-current').waitFor();
    assert.equal(await options.getByLabel('Token', { exact: true }).inputValue(), 'ezeth');
    assert.equal(await options.getByLabel('Petal', { exact: true }).inputValue(), 'code');
    assert.equal(await options.evaluate(() => document.activeElement?.id), 'report-title', 'focus moves to the report section');
    const source = options.getByLabel('Source in question');
    const sourceTitles = await source.locator('option').allInnerTexts();
    assert.equal(sourceTitles[0], 'None');
    // ezETH's code-security petal cites its audits: there is a source to pick.
    assert.ok(sourceTitles.length > 1, `sources offered: ${sourceTitles.join(' | ')}`);
    await source.selectOption({ index: 1 });
    await options.getByLabel('What is wrong').fill('Rate source moved <b>here</b> & elsewhere #1');

    // The tab cannot load (no network in tests: the name does not resolve, and Chromium then shows its error page),
    // so the address is read from the tab's navigation request.
    const [tab, request] = await Promise.all([
      context.waitForEvent('page'),
      context.waitForEvent('request', { predicate: (r) => r.isNavigationRequest() && r.url().startsWith('https://') }),
      options.getByRole('button', { name: 'Open a new issue on GitHub' }).click(),
    ]);
    assert.equal(request.frame().page(), tab, 'the report opened in the new tab');
    const url = request.url();
    assert.ok(url.startsWith(`${REPORT_ISSUES_URL}?`), url);
    const q = new URL(url).searchParams;
    assert.deepEqual([...q.keys()], ['title', 'body']);
    assert.match(q.get('title') ?? '', /ezETH/);
    assert.match(q.get('title') ?? '', /Code security/);
    const body = q.get('body') ?? '';
    assert.match(body, /\*\*Petal:\*\* code/);
    assert.match(body, /ezETH \(id `ezeth`\), issued by Renzo/);
    assert.match(body, /Rate source moved <b>here<\/b> & elsewhere #1/);
    assert.ok(body.includes(`**Source:** ${sourceTitles[1]}`), 'the chosen source is in the body');
    assert.match(body, /Restake Lens \d+\.\d+\.\d+/);
    await tab.close();
  } finally {
    await options.close();
  }
});

test('axe-core finds no violation, light and dark, with saved and invalid states showing', async () => {
  const options = await openOptions();
  try {
    await options.getByTestId('watched-list').locator('input').first().waitFor();
    await options.locator('.rl-live-status').waitFor();
    await options.screenshot({ path: join(SCREENSHOTS, 'options-chromium.png'), fullPage: true });

    // Show every kind of field state, so their colours are checked too.
    await options.getByLabel('Also mark liquid staking tokens (stETH, wstETH, mETH, ETHx…)').check();
    await options.locator('#markLst-status[data-state="saved"]').waitFor();
    await options.getByLabel('Your Ethereum RPC endpoint URL').fill('http://rpc.example.org');
    await options.getByLabel('Your Ethereum RPC endpoint URL').press('Enter');
    await options.locator('[data-testid="rpc-eip155-1"] [data-state="invalid"]').waitFor();

    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.waitForFunction((s) => document.documentElement.getAttribute('data-scheme') === s, scheme);
      const violations = await axeViolations(options);
      assert.equal(violations.length, 0, `axe-core, ${scheme} scheme:\n${formatViolations(violations)}`);
    }
    // The check can fail: an unlabelled field added to the page is caught.
    await options.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('input'), { type: 'text', id: 'axe-probe' })));
    assert.ok((await axeViolations(options)).some((v) => v.id === 'label' && v.nodes.some((n) => n.startsWith('#axe-probe'))), 'axe-core reports an unlabelled field');
  } finally {
    await worker.evaluate(() => chrome.storage.local.remove('settings'));
    await options.close();
  }
});
