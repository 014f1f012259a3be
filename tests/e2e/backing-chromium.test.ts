// E2E for backing read from chain (issue 16) in real Chromium, against local services only: anvil holding Renzo's
// RestakeManager, Kelp's config, deposit pool and oracle, ether.fi's pool and restaker, Puffer's vault, stETH/WETH
// balances, and LayerZero's Ethereum endpoint and receive library answering every curated route
// (tests/support/backing-state.ts). After one refresh the ezETH, rsETH, weETH and pufETH cards (popup detail) each
// show a judged Backing petal, the sentence, the asset mix with amounts and shares and the routes with their
// verifiers, each linked to the contract calls it rests on; rsETH's one single-DVN route makes it red.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { SCREENSHOTS } from './lib/env.ts';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { extensionPage as openExtensionPage, pointAt, refresh, startLiveServices, type LiveServices } from './lib/live-services.ts';
import { EXPECTED, WEAK_ROUTE } from '../support/backing-state.ts';

let session: ChromiumSession;
let context: BrowserContext;
let extensionId: string;
let services: LiveServices;

before(async () => {
  services = await startLiveServices({ backing: true });
  session = await launchChromium({ build: 'e2e' });
  ({ context, extensionId } = session);
  await pointAt(session, services);
});

after(async () => {
  await session?.close();
  await services?.stop();
});

interface BackingDom {
  petal: { level: string | null; text: string; links: string[] } | null;
  state: string | null;
  sentence: string | null;
  assets: Array<{ kind: string | null; text: string; hrefs: string[] }>;
  routes: Array<{ n: string | null; text: string; hrefs: string[] }>;
  specLinks: string[];
}

function readBacking(): BackingDom {
  const hrefs = (el: Element) => [...el.querySelectorAll('.rl-sources > *')].map((a) => a.getAttribute('href') ?? '');
  const p = document.querySelector('li[data-petal="backing"]');
  const s = document.querySelector('[data-backing-live]');
  return {
    petal: p ? { level: p.getAttribute('data-level'), text: p.textContent ?? '', links: [...p.querySelectorAll('.rl-sources > *')].map((a) => a.getAttribute('title') ?? '') } : null,
    state: s?.getAttribute('data-backing-live') ?? null,
    sentence: s?.querySelector('[data-backing-sentence]')?.textContent ?? null,
    assets: [...(s?.querySelectorAll('li[data-backing-asset]') ?? [])].map((li) => ({ kind: li.getAttribute('data-backing-asset'), text: li.textContent ?? '', hrefs: hrefs(li) })),
    routes: [...(s?.querySelectorAll('li[data-backing-route]') ?? [])].map((li) => ({ n: li.getAttribute('data-backing-route'), text: li.textContent ?? '', hrefs: hrefs(li) })),
    specLinks: [...(s?.querySelectorAll('p.rl-muted .rl-sources > *') ?? [])].map((a) => a.getAttribute('href') ?? ''),
  };
}

async function detail(id: string): Promise<{ page: Page; dom: BackingDom }> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?token=${id}`);
  await page.waitForSelector('[data-backing-live="read"]');
  return { page, dom: await page.evaluate(readBacking) };
}

const ETHERSCAN = /^https:\/\/etherscan\.io\/address\/0x[0-9a-fA-F]{40}#readContract$/;

test('after one refresh, four cards judge the Backing petal from the mix and the routes read on chain', async () => {
  const ext = await openExtensionPage(context, extensionId);
  await refresh(ext);
  const stored = await ext.evaluate(async () => {
    const all = ((await chrome.storage.local.get('live:entries'))['live:entries'] ?? {}) as Record<string, { value: unknown }>;
    return ['ezeth', 'rseth', 'weeth', 'pufeth'].map((t) => !!all[`backing:${t}`]?.value);
  });
  assert.deepEqual(stored, [true, true, true, true], 'every mix cached');
  await ext.close();

  for (const [id, symbol] of [['ezeth', 'ezETH'], ['rseth', 'rsETH'], ['weeth', 'weETH'], ['pufeth', 'pufETH']] as const) {
    const { page, dom } = await detail(id);
    const want = EXPECTED[id];
    assert.equal(dom.petal?.level, want.level, `${id} petal: ${dom.petal?.text}`);
    assert.match(dom.petal!.text, /live, [0-9]+ min ago/, `${id} petal is live`);
    assert.equal(dom.state, 'read', id);
    assert.match(dom.sentence ?? '', want.sentence, `${id} sentence`);
    assert.ok(dom.sentence!.includes(symbol));
    assert.match(dom.sentence!, /\(block [\d,]+, live, \d+ min ago\)/, `${id}: the sentence carries the block and age`);
    assert.ok(dom.assets.length >= 2, `${id}: the mix is listed`);
    for (const a of dom.assets) {
      assert.match(a.text, /[\d,.]+ ETH, [\d.]+% \(/, `${id}: amount and share: ${a.text}`);
      assert.ok(a.hrefs.length > 0 && a.hrefs.every((h) => ETHERSCAN.test(h)), `${id}: each asset links its calls: ${a.text}`);
    }
    assert.ok(dom.specLinks.some((h) => /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//.test(h)), `${id}: the protocol files the views come from`);
    if (id !== 'ezeth') {
      assert.ok(dom.routes.length > 0, `${id}: routes listed`);
      for (const r of dom.routes) assert.ok(r.hrefs.every((h) => ETHERSCAN.test(h)) && r.hrefs.length === 2, `${id}: route links: ${r.text}`);
    }
    if (id === 'pufeth') await page.locator('[data-backing]').screenshot({ path: join(SCREENSHOTS, 'backing-detail-chromium.png') });
    await page.close();
  }

  const rs = (await detail('rseth')).dom;
  assert.match(rs.petal!.text, new RegExp(`Route ${WEAK_ROUTE.label} → 0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3 is verified by a single verifier`));
  assert.ok(rs.petal!.links.some((l) => l.startsWith(`getUlnConfig(0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3,${WEAK_ROUTE.remoteEid})`)), `rsETH petal links the route's config: ${rs.petal!.links.join(' | ')}`);
  assert.equal(rs.routes[0]!.n, '1', 'weakest route first');
  assert.match(rs.routes[0]!.text, /^Blast → Ethereum: 1 verifier \(LayerZero Labs\), 15 confirmations/);
  assert.match(rs.routes[1]!.text, /2 verifiers \(LayerZero Labs, Nethermind\)/);
  assert.ok(rs.assets.some((a) => /^LST2: 1,020 ETH, 11\.3% \(staking token\)/.test(a.text)), rs.assets.map((a) => a.text).join(' | '));

  const ez = (await detail('ezeth')).dom;
  assert.ok(ez.assets.some((a) => a.kind === 'unattributed' && /^Deposit and withdrawal queues \(not broken out\): 100 ETH, 4\.7%/.test(a.text)));
  assert.match(ez.petal!.text, /Hyperlane warp route/);
  assert.ok(ez.petal!.links.some((l) => l.startsWith('calculateTVLs()')), ez.petal!.links.join(' | '));

  const we = (await detail('weeth')).dom;
  assert.match(we.petal!.text, /Every route read needs at least 2 verifiers/);
  assert.ok(we.assets.some((a) => /^ETH \(validators and pool\): 8,500 ETH, 85% \(native, the total minus the parts read\)/.test(a.text)));
});
