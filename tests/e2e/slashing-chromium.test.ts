// E2E for slashing read from chain (issue 14) in real Chromium, against local services only: anvil holding the
// EigenLayer contracts, the staker registries of Renzo, Kelp, ether.fi and Puffer at their real addresses and two
// Mellow vaults on Symbiotic (tests/support/slashing-state.ts). The staker map fills in rotation over several
// refreshes; then the ezETH, rsETH, weETH, pufETH and steakLRT cards (popup detail) and weETH's hover card each show
// a judged Slashing petal, the plain sentence and the figures, each linked to the contract calls it rests on.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { SCREENSHOTS, startFixtureServer } from './lib/env.ts';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { extensionPage as openExtensionPage, pointAt, refresh, startLiveServices, type LiveServices } from './lib/live-services.ts';
import { ACTORS, EXPECTED } from '../support/slashing-state.ts';

let session: ChromiumSession;
let context: BrowserContext;
let extensionId: string;
let services: LiveServices;
const pages = await startFixtureServer();

before(async () => {
  services = await startLiveServices({ slashing: true });
  session = await launchChromium({ build: 'e2e' });
  ({ context, extensionId } = session);
  await pointAt(session, services);
});

after(async () => {
  await session?.close();
  await Promise.all([services?.stop(), pages.close()]);
});

interface SlashingDom {
  petal: { level: string | null; text: string; links: string[] } | null;
  state: string | null;
  fresh: string | null;
  sentence: string | null;
  figures: Record<string, { text: string; links: Array<{ label: string; href: string | null }> }>;
  calls: number;
}

/** The Slashing petal and section of a card rendered under `root`. */
function readSlashing(rootSel: string | null): SlashingDom {
  const root: ParentNode | null | undefined = rootSel ? document.querySelector(rootSel)?.shadowRoot : document;
  if (!root) throw new Error('no card root');
  const links = (el: Element) => [...el.querySelectorAll('.rl-sources > *')].map((a) => ({ label: a.getAttribute('title') ?? '', href: a.getAttribute('href') }));
  const p = root.querySelector('li[data-petal="slashing"]');
  const s = root.querySelector('[data-slashing-live]');
  const figures: SlashingDom['figures'] = {};
  for (const li of s?.querySelectorAll('li[data-slashing-figure]') ?? []) figures[li.getAttribute('data-slashing-figure') ?? '?'] = { text: li.textContent ?? '', links: links(li) };
  return {
    petal: p ? { level: p.getAttribute('data-level'), text: p.textContent ?? '', links: links(p).map((l) => l.label) } : null,
    state: s?.getAttribute('data-slashing-live') ?? null,
    fresh: s?.getAttribute('data-fresh') ?? null,
    sentence: s?.querySelector('[data-slashing-sentence]')?.textContent ?? null,
    figures,
    calls: s?.querySelectorAll('[data-slashing-calls] .rl-sources > *').length ?? 0,
  };
}

async function detail(id: string): Promise<{ page: Page; dom: SlashingDom }> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?token=${id}`);
  await page.waitForSelector('[data-slashing-live]');
  return { page, dom: await page.evaluate(readSlashing, null) };
}

const LEVEL = { good: 'good', warning: 'warning', bad: 'bad' } as const;

test('after the staker map has turned over, five cards judge the Slashing petal from chain, with the calls linked', async () => {
  const ext = await openExtensionPage(context, extensionId);
  // The map is read a slice per run (35 stakers; 488 listed here, 475 of them ether.fi's): refresh until every
  // card's read is complete, as hourly runs would over half a day.
  const complete = () =>
    ext.evaluate(async () => {
      const all = ((await chrome.storage.local.get('live:entries'))['live:entries'] ?? {}) as Record<string, { value: { complete?: boolean } | null }>;
      return ['ezeth', 'rseth', 'weeth', 'pufeth'].every((t) => all[`el-exposure:${t}`]?.value?.complete === true) && !!all['sym-vault:steaklrt']?.value?.complete;
    });
  let runs = 0;
  while (!(await complete()) && runs < 30) {
    await refresh(ext);
    runs++;
  }
  assert.ok(await complete(), `every read complete after ${runs} refreshes`);
  // 488 stakers at 35 a run (10 on the first, which also enumerates): the map needs 15 runs, the fast path one more.
  assert.ok(runs >= 15, `the map turned over in rotation (${runs} refreshes)`);

  for (const [id, symbol] of [['ezeth', 'ezETH'], ['rseth', 'rsETH'], ['weeth', 'weETH'], ['pufeth', 'pufETH'], ['steaklrt', 'steakLRT']] as const) {
    const { page, dom } = await detail(id);
    const want = EXPECTED[id].level;
    assert.equal(dom.petal?.level, LEVEL[want], `${id} petal: ${dom.petal?.text}`);
    assert.match(dom.petal!.text, /live, [0-9]+ min ago/, `${id} petal is live`);
    assert.ok(dom.petal!.links.some((l) => /getMinimumSlashableStake|networkLimit|symbioticVault/.test(l)), `${id} petal links its calls: ${dom.petal!.links.join(' | ')}`);
    assert.equal(dom.state, 'read', id);
    assert.equal(dom.fresh, 'true', id);
    assert.ok(dom.sentence?.includes(symbol), `${id} sentence: ${dom.sentence}`);
    assert.ok(dom.calls > 0, `${id}: the detail lists every call`);
    for (const f of Object.values(dom.figures)) for (const l of f.links) assert.match(l.href ?? '', /^https:\/\/etherscan\.io\/address\/0x[0-9a-fA-F]{40}#readContract$/, `${id}: ${l.label}`);
    await page.close();
  }

  // The figures, each reproducible from the calls linked next to it.
  const ezPage = await detail('ezeth');
  await ezPage.page.locator('[data-slashing]').screenshot({ path: join(SCREENSHOTS, 'slashing-detail-chromium.png') });
  await ezPage.page.close();
  const ez = ezPage.dom;
  assert.match(ez.sentence!, /Up to 10% of ezETH's backing can be slashed by 1 AVS; none redistributes\./);
  assert.match(ez.sentence!, /unverified/, 'Renzo’s RestakeManager address is not from Renzo’s repository: shown unverified');
  assert.match(ez.figures.slashable!.text, /10%: 20 ETH of 200 ETH restaked on EigenLayer/);
  assert.ok(ez.figures.slashable!.links.some((l) => l.label.startsWith('getMinimumSlashableStake(')));
  assert.ok(ez.figures.slashable!.links.some((l) => l.label.startsWith('getOperatorsShares(')));
  assert.match(ez.figures.operators!.text, /4 operators; .* holds 25% of the delegated stake \(HHI 0\.250\)/);
  assert.match(ez.figures.pending!.text, /\+20 ETH slashable through operator .* from block [\d,]+ \(about \d{4}-\d{2}-\d{2}, an estimate at 12 s a block\)/);
  assert.ok(ez.figures.pending!.links.some((l) => l.label.startsWith('getStrategyAllocations(')));
  assert.match(ez.figures.largest!.text, new RegExp(`AVS ${ACTORS.avsVeto} \\(no curated name\\)`, 'i'));
  assert.match(ez.figures.veto!.text, /Every slash is veto-gated: a VetoableSlasher with a window of 50400 blocks/);

  const rs = (await detail('rseth')).dom;
  assert.match(rs.petal!.text, /14% of the backing can be redistributed/);
  assert.match(rs.figures.redistributing!.text, /13\.55% of the backing \(21 ETH\)/);
  assert.match(rs.figures.undelegated!.text, /32\.26% of the backing \(50 ETH\)/);

  const we = (await detail('weeth')).dom;
  assert.match(we.petal!.text, /HHI 0\.58, over 0\.25/);
  assert.match(we.figures.slashable!.text, /3\.5%: 10\.5 ETH of 300 ETH/);
  assert.match(we.figures.undelegated!.text, /\+\d+ more calls/, 'ether.fi’s per-node reads are counted, not all linked');

  const pf = (await detail('pufeth')).dom;
  assert.match(pf.petal!.text, /8% of the backing is slashable \(at most 10%\), none redistributed, every slash veto-gated/);
  assert.match(pf.figures.operators!.text, /7 operators; .* 14\.29% .* \(HHI 0\.143\)/);

  const st = (await detail('steaklrt')).dom;
  assert.match(st.sentence!, /One network can slash up to 50% of steakLRT's Symbiotic stake; 2 networks together up to 80%; slashed collateral is burned\./);
  assert.ok(st.figures.slashable!.links.some((l) => l.label.startsWith('networkLimit(')));
  assert.ok(st.figures.slashable!.links.some((l) => l.label.startsWith('activeStake()')));
  assert.match(st.figures.veto!.text, /VetoSlasher with a 3-day veto window/);
  await ext.close();
});

test('the hover card shows the same Slashing section; a Babylon token says nothing can be read', async () => {
  const page = await context.newPage();
  await page.goto(pages.url('/fixtures/slice.html'));
  await page.waitForSelector('#row-weeth lrt-mark');
  await page.hover('#row-weeth lrt-mark');
  await page.getByRole('dialog', { name: 'weETH' }).waitFor();
  await page.waitForFunction(() => !!document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('[data-slashing-live]'));
  const dom = await page.evaluate(readSlashing, '[data-lrt-card]');
  assert.equal(dom.petal?.level, 'bad');
  assert.match(dom.sentence!, /Up to 3\.5% of weETH's backing can be slashed by 1 AVS; none redistributes\./);
  assert.equal(dom.calls, 0, 'the hover card omits the every-call list');
  await page.close();

  const lbtc = await detail('lbtc');
  assert.equal(lbtc.dom.state, 'unreadable');
  assert.match(lbtc.dom.sentence!, /Nothing about LBTC's slashing exposure can be read from chain: Babylon/);
  assert.notEqual(lbtc.dom.petal?.text.includes('live,'), true);
  await lbtc.page.close();
});
