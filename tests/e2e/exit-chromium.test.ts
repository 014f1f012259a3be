// E2E for the Exit petal in real Chromium, against local services only: every exit venue the registry names placed
// on anvil at its mainnet address (tests/support/venues.ts), and the withdrawal contracts the redemption job reads.
// After one refresh, the popup detail of ezETH, weETH, rsETH, pufETH and LBTC shows a judged live Exit petal, the
// size sellable within 2% and 5%, the impact at each reported size, the best venue, the redemption estimate where
// the protocol's path is read, and the chain calls behind each.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { extensionPage, pointAt, refresh, startLiveServices, type LiveServices } from './lib/live-services.ts';

let session: ChromiumSession;
let context: BrowserContext;
let extensionId: string;
let services: LiveServices;

before(async () => {
  services = await startLiveServices();
  session = await launchChromium({ build: 'e2e' });
  ({ context, extensionId } = session);
  await pointAt(session, services);
  const page = await extensionPage(context, extensionId);
  const s = await refresh(page);
  for (const id of ['exit:eip155:1', 'redemption:eip155:1']) {
    const j = s.jobs.find((x) => x.id === id);
    assert.ok(j?.lastOkAt, `${id} ran: ${JSON.stringify(j)}`);
    assert.equal(j.error, null, `${id}: ${JSON.stringify(j.error)}`);
  }
  await page.close();
});

after(async () => {
  await session?.close();
  await services?.stop();
});

interface Detail {
  petal: { level: string | null; fact: string; sources: string[] } | null;
  live: Record<string, { fresh: string | null; text: string; sources: string[] }>;
}

/** The popup's detail of one token: its Exit petal and its live facts, each with its sources' labels. */
async function detail(id: string): Promise<{ page: Page; d: Detail }> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?token=${id}`);
  await page.waitForSelector('[data-petal="exit"]');
  await page.waitForSelector('li[data-live="exit-sellable"]');
  const d = await page.evaluate((): Detail => {
    const labels = (el: Element) => [...el.querySelectorAll('.rl-sources [title]')].map((a) => a.getAttribute('title') ?? '');
    const p = document.querySelector('[data-petal="exit"]');
    const live: Detail['live'] = {};
    for (const li of document.querySelectorAll('li[data-live]')) live[li.getAttribute('data-live') ?? '?'] = { fresh: li.getAttribute('data-fresh'), text: li.textContent ?? '', sources: labels(li) };
    return { petal: p ? { level: p.getAttribute('data-level'), fact: p.textContent ?? '', sources: labels(p) } : null, live };
  });
  return { page, d };
}

const CASES: Array<{ id: string; symbol: string; sizes: string[]; level: string; call: RegExp; redemption: RegExp | null }> = [
  // ezETH: five venues of 20,000 a side: about 408 within 2%, under the 1,000 comfortable size: yellow; Renzo's
  // withdrawal queue is not read (address unconfirmed), its curated facts decide the rest.
  { id: 'ezeth', symbol: 'ezETH', sizes: ['10', '100', '1,000'], level: 'warning', call: /estimateSwapIn|get_dy|quoteExactInputSingle|querySwap/, redemption: null },
  // weETH: 100,000 a side, about 2,040 within 2%, and ether.fi's queue open: green.
  { id: 'weeth', symbol: 'weETH', sizes: ['10', '100', '1,000'], level: 'good', call: /estimateSwapIn|quoteExactInputSingle|get_dy/, redemption: /Redeem instantly up to 320 ETH at once; otherwise wait in the queue \(queue: 1,235 ETH ahead, 3 requests\)/ },
  // rsETH: yellow market, Kelp's 8-day queue is open (not strong): yellow.
  { id: 'rseth', symbol: 'rsETH', sizes: ['10', '100', '1,000'], level: 'warning', call: /estimateSwapIn|quoteExactInputSingle|querySwap/, redemption: /Redeem at the rate in about 8 days \(queue: 1,235 ETH ahead, 35 requests\)/ },
  // pufETH: one Curve pool (yellow market); 2,000 ETH instantly redeemable, but the vault has no pause flag to read
  // (AccessManager), so whether redemption is open is unknown and it cannot lift the market: yellow.
  { id: 'pufeth', symbol: 'pufETH', sizes: ['10', '100', '1,000'], level: 'warning', call: /get_dy/, redemption: /up to 2,000 ETH at once \(exit fee 1%\)/ },
  // LBTC: BTC sizes; 500 a side: about 10 within 2% (under 50): yellow; Lombard's path is curated.
  { id: 'lbtc', symbol: 'LBTC', sizes: ['1', '10', '50'], level: 'warning', call: /estimateSwapIn|get_dy/, redemption: null },
];

for (const c of CASES) {
  test(`${c.symbol}: a judged live Exit petal, sellable within 2% / 5%, impact per size, venue, redemption, chain sources`, async () => {
    const { page, d } = await detail(c.id);
    try {
      assert.ok(d.petal, 'exit petal');
      assert.equal(d.petal.level, c.level, `${d.petal.fact} / ${d.live['redemption']?.text}`);
      assert.match(d.petal.fact, new RegExp(`${c.symbol} sellable within 2% and .* ${c.symbol} within 5%`));
      assert.ok(d.petal.sources.some((s) => c.call.test(s)), `petal sources: ${d.petal.sources.join(' | ')}`);
      assert.match(d.petal.fact, /live, /);

      const sell = d.live['exit-sellable']!;
      assert.equal(sell.fresh, 'true');
      assert.match(sell.text, new RegExp(`Sellable within 2% / within 5%: (about|at least) [\\d,.]+ ${c.symbol} within 2%, (about|at least) [\\d,.]+ ${c.symbol} within 5%`));
      assert.ok(sell.sources.some((s) => c.call.test(s) && /\(Ethereum\), block [\d,]+/.test(s)), sell.sources.join(' | '));

      const impact = d.live['exit']!;
      for (const size of c.sizes) assert.match(impact.text, new RegExp(`${size} ${c.symbol}: \\d+\\.\\d\\d%`), impact.text);
      assert.ok(impact.sources.length > 0);
      assert.match(d.live['exit-venue']!.text, /Best venue: .*(fluid-dex|curve|uniswap-v3|balancer) /);

      if (c.redemption) {
        const r = d.live['redemption'];
        assert.ok(r, `redemption fact in ${Object.keys(d.live).join(', ')}`);
        assert.match(r.text.replace(/^.*?Redemption: /, ''), c.redemption);
        assert.ok(r.sources.some((s) => /\(Ethereum\), block/.test(s)), r.sources.join(' | '));
        assert.match(d.petal.fact, c.redemption);
      } else {
        assert.equal(d.live['redemption'], undefined);
      }
    } finally {
      await page.close();
    }
  });
}
