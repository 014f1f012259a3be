// E2E for live data in real Chromium, against local services only: anvil (rates and supply through Multicall3)
// and the DefiLlama stand-in (prices, charts, yields, TVL). Runs the e2e-mode build, which reads its endpoints from
// storage.local['dev:endpoints']. Three stories: fresh live figures on the hover card; every service down (last
// good values kept, grey, with a note); the service worker killed in the middle of a refresh (values kept, the run
// reported as interrupted, no burst of refetches on restart).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import type { LiveStatus } from '../../lib/views/schema.ts';
import { startFixtureServer } from './lib/env.ts';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { hoverMark } from './lib/marks.ts';
import type { Anvil } from '../support/anvil.ts';
import type { LlamaServer } from '../support/llama-server.ts';
import { ETH_KEY, STETH_POOL, WEETH, WEETH_KEY, WEETH_POOL, extensionPage as openExtensionPage, pointAt, refresh, send, startLiveServices, status, type LiveServices } from './lib/live-services.ts';

const HOUR = 3_600_000;

let session: ChromiumSession;
let context: BrowserContext;
let extensionId: string;
let services: LiveServices;
let anvil: Anvil;
let llama: LlamaServer;
const pages = await startFixtureServer();

before(async () => {
  services = await startLiveServices();
  ({ anvil, llama } = services);
  session = await launchChromium({ build: 'e2e' });
  ({ context, extensionId } = session);
  await pointAt(session, services);
});

after(async () => {
  await session?.close();
  await Promise.all([services?.stop(), pages.close()]);
});

const extensionPage = (): Promise<Page> => openExtensionPage(context, extensionId);

const job = (s: LiveStatus, id: string) => {
  const j = s.jobs.find((x) => x.id === id);
  assert.ok(j, `job ${id} in ${JSON.stringify(s.jobs.map((x) => x.id))}`);
  return j;
};

type StoredEntry = { value: unknown; okAt: string | null; source: unknown; error: unknown };
const readEntries = (page: Page) =>
  page.evaluate(async () => ((await chrome.storage.local.get('live:entries'))['live:entries'] ?? {}) as Record<string, StoredEntry>);

interface LiveCard {
  mode: string | null;
  note: string | null;
  facts: Record<string, { fresh: string | null; text: string }>;
  split: string | null;
}

/** The card's "Live data" section, read through the card host's open shadow root. */
function readLive(): LiveCard | null {
  const root = document.querySelector('[data-lrt-card]')?.shadowRoot;
  const section = root?.querySelector('section[data-live-mode]');
  if (!root || !section) return null;
  const facts: LiveCard['facts'] = {};
  for (const li of section.querySelectorAll('li[data-live]')) facts[li.getAttribute('data-live') ?? '?'] = { fresh: li.getAttribute('data-fresh'), text: li.textContent ?? '' };
  return {
    mode: section.getAttribute('data-live-mode'),
    note: section.querySelector('[data-live-note]')?.textContent ?? null,
    facts,
    split: root.querySelector('[data-yield-split]')?.textContent ?? null,
  };
}

/** Opens the fixture page in a new tab, hovers weETH and returns the card's live section. */
async function weethCard(): Promise<{ page: Page; live: LiveCard }> {
  const page = await context.newPage();
  await page.goto(pages.url('/fixtures/slice.html'));
  await hoverMark(page, '#row-weeth');
  await page.getByRole('dialog', { name: 'weETH' }).waitFor();
  await page.waitForFunction(() => !!document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('section[data-live-mode]'));
  const live = await page.evaluate(readLive);
  assert.ok(live, 'live section on the card');
  return { page, live };
}

test('live card: rate, supply, price, peg, APY split and TVL arrive from the local services, fresh', async () => {
  const ext = await extensionPage();
  // The worker's first tick ran with no endpoints written yet; this refresh joins or follows it, the next one is ours.
  await refresh(ext);
  const s = await refresh(ext);
  for (const id of ['rates:eip155:1', 'prices', 'charts', 'yields', 'tvl', 'exit:eip155:1', 'redemption:eip155:1']) {
    const j = job(s, id);
    assert.equal(j.error, null, `${id}: ${JSON.stringify(j.error)}`);
    assert.equal(j.interrupted, false, id);
    assert.ok(j.lastOkAt, `${id} succeeded`);
  }
  assert.deepEqual(s.damaged, []);
  const entries = await readEntries(ext);
  for (const k of ['rate:weeth', 'rate:ezeth', `price:${ETH_KEY}`, `price:${WEETH_KEY}`, `chart:${WEETH_KEY}`, `yield:${WEETH_POOL}`, `yield:${STETH_POOL}`, 'tvl:ether.fi-stake']) {
    assert.ok(entries[k]?.okAt, `${k} cached: ${JSON.stringify(entries[k])}`);
  }
  assert.deepEqual(entries['supply:weeth']!.value, 1_234_567);
  assert.deepEqual(entries['supply:weeth']!.source, { kind: 'chain', chain: 'eip155:1', contract: WEETH, function: 'totalSupply()', block: (entries['supply:weeth']!.source as { block: string }).block, at: (entries['supply:weeth']!.source as { at: string }).at });

  const { page, live } = await weethCard();
  assert.equal(live.mode, 'live');
  assert.equal(live.note, null, 'nothing stale or failing');
  assert.deepEqual(Object.keys(live.facts), ['rate', 'supply', 'price', 'peg', 'apy', 'tvl', 'exit', 'exit-sellable', 'exit-venue', 'redemption']);
  for (const [id, f] of Object.entries(live.facts)) {
    assert.equal(f.fresh, 'true', id);
    assert.match(f.text, /\(live, [0-2] min ago\)/, id);
  }
  assert.match(live.facts.rate!.text, /1 weETH = 1\.07 ETH/);
  assert.match(live.facts.supply!.text, /1,234,567 weETH/);
  assert.match(live.facts.price!.text, /\$3,203\.58/);
  assert.match(live.facts.peg!.text, /0\.20% below backing \(\$3,203\.58 vs \$3,210\.00\); up to 0\.\d\d% off over 6\.8 days/);
  assert.match(live.facts.apy!.text, /3\.10%: 2\.80% plain ETH staking \+ 0\.30% restaking premium \(verified by DefiLlama: ether\.fi-stake, WEETH on Ethereum\)/);
  assert.match(live.facts.tvl!.text, /\$6\.50B \(ether\.fi, DefiLlama\)/);
  assert.match(live.split ?? '', /3\.10% APY = plain ETH staking \(benchmark: Lido stETH\) 2\.80% \+ restaking premium 0\.30%/);
  await page.close();
  await ext.close();
});

test('services stopped: the last good values stay, grey, with their age and a note saying what fails', async (t) => {
  await Promise.all([anvil.stop(), llama.stop()]);
  t.after(() => Promise.all([anvil.start(), llama.start()]));
  const ext = await extensionPage();
  // Age the cache by 3 h (and 5 min, so no value sits on a freshness boundary) instead of waiting.
  await session.worker.evaluate(async (shiftMs) => {
    const all = ((await chrome.storage.local.get('live:entries'))['live:entries'] ?? {}) as Record<string, { okAt: string | null }>;
    for (const e of Object.values(all)) if (e.okAt) e.okAt = new Date(Date.parse(e.okAt) - shiftMs).toISOString();
    await chrome.storage.local.set({ 'live:entries': all });
  }, 3 * HOUR + 5 * 60_000);
  const before = await readEntries(ext);

  const s = await refresh(ext);
  for (const id of ['rates:eip155:1', 'prices', 'charts']) {
    const j = job(s, id);
    assert.ok(j.error, `${id} reports its failure`);
    assert.equal(j.error.kind, 'network', `${id}: ${JSON.stringify(j.error)}`);
    assert.ok(j.failures >= 1, id);
  }
  const after = await readEntries(ext);
  for (const k of ['rate:weeth', `price:${WEETH_KEY}`, `price:${ETH_KEY}`, `yield:${WEETH_POOL}`, `yield:${STETH_POOL}`, 'tvl:ether.fi-stake']) {
    assert.deepEqual(after[k]!.value, before[k]!.value, `${k} keeps its last good value`);
    assert.equal(after[k]!.okAt, before[k]!.okAt, `${k} keeps its time`);
    assert.ok(after[k]!.error, `${k} records the failure`);
  }

  const { page, live } = await weethCard();
  assert.equal(live.mode, 'live');
  for (const id of ['rate', 'supply', 'price', 'peg', 'apy', 'tvl']) {
    const f = live.facts[id];
    assert.ok(f, `${id} still shown`);
    assert.equal(f.fresh, 'false', id);
    assert.match(f.text, /\(last good value, 3 h ago\)/, id);
  }
  assert.match(live.facts.rate!.text, /1 weETH = 1\.07 ETH/);
  assert.match(live.facts.peg!.text, /0\.20% below backing/);
  assert.match(live.facts.apy!.text, /3\.10%: 2\.80% plain ETH staking \+ 0\.30% restaking premium/);
  assert.match(live.note ?? '', /Live data is out of date: showing the last good values, the oldest from 3 h ago\. Now failing: .+/);
  // In our words, by kind: never a host (a user's own RPC host would identify them to the page).
  assert.match(live.note ?? '', /could not be reached/, `says what fails: ${live.note}`);
  assert.doesNotMatch(live.note ?? '', /127\.0\.0\.1|localhost/);
  // The card is still the whole card, not an error.
  assert.match(await page.getByRole('dialog', { name: 'weETH' }).innerText(), /Slashing/);
  await page.close();

  const st = await status(ext);
  assert.ok(job(st, 'prices').error, 'live:status answers with the job errors');
  await ext.close();
});

test('service worker stopped mid-refresh: values kept, run reported interrupted, no refetch burst on restart', async (t) => {
  const ext = await extensionPage();
  // Good values first (services are back up).
  const fresh = await refresh(ext);
  assert.equal(job(fresh, 'prices').error, null, JSON.stringify(job(fresh, 'prices').error));
  const good = await readEntries(ext);

  llama.fault('/coins', { kind: 'hang' });
  t.after(() => llama.clearFaults());
  const pricesBefore = llama.countRequests('/coins/prices');
  // Not awaited: the worker dies before it can answer.
  const pending = send<LiveStatus>(ext, 'live:refresh').catch((err: unknown) => err);
  const deadline = Date.now() + 10_000;
  while (llama.countRequests('/coins/prices') === pricesBefore) {
    assert.ok(Date.now() < deadline, 'the prices request reached the server');
    await new Promise((r) => setTimeout(r, 50));
  }
  // Let the jobs that do not hang finish (the rates job among them: it shares anvil with the slashing jobs, so it is
  // waited for, not timed), then kill the worker while prices (and charts) hang.
  const ratesDone = Date.now() + 10_000;
  for (;;) {
    const j = await ext.evaluate(async () => ((await chrome.storage.local.get('live:jobs'))['live:jobs'] as Record<string, { runningSince: string | null; lastOkAt: string | null }>)['rates:eip155:1']);
    if (j && j.runningSince === null && j.lastOkAt && Date.parse(j.lastOkAt) > Date.parse(job(fresh, 'rates:eip155:1').lastOkAt ?? '')) break;
    assert.ok(Date.now() < ratesDone, 'the rates job finished before the stop');
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 500));
  // A mark on the running worker's global scope: a restarted worker will not have it.
  const oldWorker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  assert.ok(oldWorker);
  await oldWorker.evaluate(() => Object.assign(globalThis, { __rlBeforeStop: true }));
  const cdp = await context.newCDPSession(ext);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  const reply = await pending;
  assert.ok(reply instanceof Error && /message channel closed|port closed/i.test(reply.message), `the refresh never answered: ${String(reply)}`);
  const pricesAtStop = llama.countRequests('/coins/prices');

  // While the worker is down, the cache still holds the last good values.
  const kept = await readEntries(ext);
  // prices and charts were cut off: their last good values and times are untouched (and no error was recorded).
  for (const k of [`price:${WEETH_KEY}`, `price:${ETH_KEY}`, `chart:${WEETH_KEY}`, `chart:${ETH_KEY}`]) {
    assert.deepEqual(kept[k]!.value, good[k]!.value, `${k} kept`);
    assert.equal(kept[k]!.okAt, good[k]!.okAt, `${k} kept its time`);
    assert.equal(kept[k]!.error, null, `${k}: no failure recorded for a run that never ended`);
  }
  // The rates job finished before the stop: same value, a newer time.
  assert.deepEqual(kept['rate:weeth']!.value, good['rate:weeth']!.value);
  const jobs = await ext.evaluate(async () => (await chrome.storage.local.get('live:jobs'))['live:jobs'] as Record<string, { runningSince: string | null; nextDueAt: string; lastRunAt: string }>);
  assert.ok(jobs.prices!.runningSince, 'prices was running when the worker stopped');
  assert.ok(Date.parse(jobs.prices!.nextDueAt) - Date.parse(jobs.prices!.lastRunAt) >= 2 * 60_000 - 1000, 'next due pushed 2 min ahead before fetching');

  // Wake the worker with a message.
  const st = await status(ext);
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? (await context.waitForEvent('serviceworker'));
  // Playwright may keep the same Worker object for the restarted target; the lost global mark proves the restart.
  assert.equal(await worker.evaluate(() => (globalThis as { __rlBeforeStop?: boolean }).__rlBeforeStop), undefined, 'the worker restarted');
  const prices = job(st, 'prices');
  assert.equal(prices.interrupted, true, 'prices reported interrupted');
  assert.equal(job(st, 'rates:eip155:1').interrupted, false, 'rates finished before the stop');

  // The card (another wake-up path: the content script's message) still shows the good values.
  const { page, live } = await weethCard();
  assert.match(live.facts.rate?.text ?? '', /1 weETH = 1\.07 ETH/);
  assert.match(live.facts.price?.text ?? '', /\$3,203\.58/);
  assert.match(live.facts.peg?.text ?? '', /0\.20% below backing/);
  assert.equal(live.facts.price?.fresh, 'true');

  // No refetch storm: the restarted worker finds prices not yet due.
  await new Promise((r) => setTimeout(r, 4000));
  const extra = llama.countRequests('/coins/prices') - pricesAtStop;
  assert.ok(extra <= 1, `at most 1 new /coins/prices request after restart, got ${extra}`);
  llama.clearFaults();
  await page.close();
  await cdp.detach();
  await ext.close();
});
