// E2E for admin discovery (issue 16) in real Chromium, against local services only: anvil holding the admin state of
// tests/support/admin-state.ts at the real addresses of the contracts that matter (EIP-1967 slots, ProxyAdmins,
// timelocks, Safes, Puffer's AccessManager). After a refresh the cards of ezETH, weETH, rsETH, pufETH, LBTC and
// uniBTC (popup detail) and rsETH's hover card say who can upgrade what and how fast, hop by hop with the contract,
// getter and block linked to the explorer, and judge the Admin petal on the weakest path. A shortened timelock delay
// shows as "changed, seen on".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { SCREENSHOTS, startFixtureServer } from './lib/env.ts';
import { launchChromium, type ChromiumSession } from './lib/launch.ts';
import { adminState, extensionPage as openExtensionPage, pointAt, refresh, startLiveServices, type LiveServices } from './lib/live-services.ts';
import { hoverMark } from './lib/marks.ts';

const { A, EXPECTED, setTimelockDelay } = await adminState();

let session: ChromiumSession;
let context: BrowserContext;
let extensionId: string;
let services: LiveServices;
const pages = await startFixtureServer();

before(async () => {
  services = await startLiveServices({ admin: true });
  session = await launchChromium({ build: 'e2e' });
  ({ context, extensionId } = session);
  await pointAt(session, services);
});

after(async () => {
  await session?.close();
  await Promise.all([services?.stop(), pages.close()]);
});

interface Link {
  label: string;
  href: string | null;
}
interface AdminDom {
  petal: { level: string | null; text: string; links: Link[] } | null;
  state: string | null;
  fresh: string | null;
  sentence: string | null;
  contracts: Array<{ address: string; weakest: string | null; text: string; links: Link[] }>;
  pausers: string[];
  changes: string[];
  notRead: number;
}

/** The Admin petal and section of a card rendered under `root` (a shadow host selector, or the document). */
function readAdmin(rootSel: string | null): AdminDom {
  const root: ParentNode | null | undefined = rootSel ? document.querySelector(rootSel)?.shadowRoot : document;
  if (!root) throw new Error('no card root');
  const links = (el: Element) => [...el.querySelectorAll('.rl-sources > *')].map((a) => ({ label: a.getAttribute('title') ?? '', href: a.getAttribute('href') }));
  const p = root.querySelector('li[data-petal="admin"]');
  const s = root.querySelector('[data-admin-live]');
  return {
    petal: p ? { level: p.getAttribute('data-level'), text: p.textContent ?? '', links: links(p) } : null,
    state: s?.getAttribute('data-admin-live') ?? null,
    fresh: s?.getAttribute('data-fresh') ?? null,
    sentence: s?.querySelector('[data-admin-sentence]')?.textContent ?? null,
    contracts: [...(s?.querySelectorAll('li[data-admin-contract]') ?? [])].map((li) => ({ address: li.getAttribute('data-admin-contract') ?? '', weakest: li.getAttribute('data-weakest'), text: li.textContent ?? '', links: links(li) })),
    pausers: [...(s?.querySelectorAll('[data-admin-pauser]') ?? [])].map((e) => e.textContent ?? ''),
    changes: [...(s?.querySelectorAll('[data-admin-change]') ?? [])].map((e) => e.textContent ?? ''),
    notRead: s?.querySelectorAll('[data-admin-not-read] li').length ?? 0,
  };
}

async function detail(id: string): Promise<{ page: Page; dom: AdminDom }> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?token=${id}`);
  await page.waitForSelector('[data-admin-live="read"]');
  return { page, dom: await page.evaluate(readAdmin, null) };
}

const EXPLORER = /^https:\/\/etherscan\.io\/address\/0x[0-9a-fA-F]{40}#readContract$/;

test('after a refresh, six cards say who can upgrade what and how fast, read from chain, and judge the Admin petal', async () => {
  const ext = await openExtensionPage(context, extensionId);
  await refresh(ext);
  const symbols = { ezeth: 'ezETH', weeth: 'weETH', rseth: 'rsETH', pufeth: 'pufETH', lbtc: 'LBTC', unibtc: 'uniBTC' } as const;
  for (const [id, want] of Object.entries(EXPECTED)) {
    const { page, dom } = await detail(id);
    assert.equal(dom.petal?.level, want.level, `${id} petal: ${dom.petal?.text}`);
    assert.match(dom.petal!.text, /live, [0-9]+ min ago/, `${id} petal is live`);
    assert.match(dom.petal!.text, want.holder, `${id} petal names the holder: ${dom.petal!.text}`);
    assert.ok(dom.petal!.text.includes(want.delay), `${id} petal gives the delay (${want.delay}): ${dom.petal!.text}`);
    assert.equal(dom.state, 'read', id);
    assert.equal(dom.fresh, 'true', id);
    assert.ok(dom.sentence?.startsWith(` Fastest known way to change ${symbols[id as keyof typeof symbols]}:`) || dom.sentence?.includes(`Fastest known way to change ${symbols[id as keyof typeof symbols]}:`), `${id} sentence: ${dom.sentence}`);
    assert.match(dom.sentence!, /\(Ethereum, block [\d,]+, live, \d+ min ago\)/, `${id}: chain, block and age`);
    assert.match(dom.sentence!, want.weakest, `${id}: the weakest contract is named`);
    assert.ok(dom.contracts.some((c) => c.weakest === 'true'), `${id}: the weakest contract is marked`);
    const hops = dom.contracts.flatMap((c) => c.links);
    assert.ok(hops.length > 0, `${id}: hops are linked`);
    // Chain reads link to the explorer; a curated hop (control held in code) to the protocol's repository file.
    for (const l of hops) assert.match(l.href ?? '', /^https:\/\/(etherscan\.io\/address\/0x[0-9a-fA-F]{40}#readContract|github\.com\/.+)$/, `${id}: ${l.label}`);
    assert.ok(hops.some((l) => EXPLORER.test(l.href ?? '')), `${id}: chain reads are linked to the explorer`);
    assert.ok(hops.some((l) => /block [\d,]+/.test(l.label)), `${id}: each read names its block`);
    await page.close();
  }

  const rs = await detail('rseth');
  await rs.page.locator('[data-admin]').screenshot({ path: join(SCREENSHOTS, 'admin-detail-chromium.png') });
  const token = rs.dom.contracts.find((c) => c.address === A.rseth)!;
  assert.match(token.text, /proxy admin \(EIP-1967 admin slot\)\s*0xb61e…Dc78.*owner\(\)\s*0x49bD…35B1.*timelock proposer.*a 6-of-8 Safe.*10 days, tier 1/s, token.text);
  assert.ok(token.links.some((l) => /^eth_getStorageAt\(admin slot/.test(l.label)));
  assert.ok(token.links.some((l) => /^getRoleMember\(PROPOSER_ROLE,0\) on 0x49bD…35B1/.test(l.label)));
  assert.equal(rs.dom.contracts.find((c) => c.address === A.kelpOft)!.weakest, 'true');
  await rs.page.close();

  const we = (await detail('weeth')).dom;
  assert.ok(we.pausers.some((p) => /Pausing the ether\.fi protocol: .* held by a single key/.test(p)), we.pausers.join(' | '));
  assert.ok(we.notRead > 0, 'weETH: contracts with no readable control are listed as not read');
  const pf = (await detail('pufeth')).dom;
  assert.match(pf.contracts.find((c) => c.address === A.pufeth)!.text, /authority\(\) \(AccessManager\).*role holder.*no delay/s);
  const lb = (await detail('lbtc')).dom;
  assert.match(lb.contracts.find((c) => c.address === A.lbtc)!.text, /executed only by a 3-of-5 Safe/);
  // ezETH's RestakeManager and RoleManager come from third parties: the section says unverified.
  assert.match((await detail('ezeth')).dom.sentence!, /unverified/);

  // A shorter timelock delay, read on the next run: "changed, seen on <date>".
  await setTimelockDelay(services.anvil.url, A.kelpTimelock, 9 * 86_400);
  await refresh(ext);
  const changed = (await detail('rseth')).dom;
  const today = new Date().toISOString().slice(0, 10);
  assert.ok(changed.changes.some((c) => c.includes(`Changed, seen on ${today}: shorter delay on ${A.kelpTimelock}: 10 days → 9 days (weakens control)`)), changed.changes.join(' | '));
  await ext.close();
});

test('the hover card shows the same Admin section, each contract’s fastest path only', async () => {
  const page = await context.newPage();
  await page.goto(pages.url('/fixtures/slice.html'));
  await hoverMark(page, '#row-rseth', 'rseth');
  await page.getByRole('dialog', { name: 'rsETH' }).waitFor();
  await page.waitForFunction(() => !!document.querySelector('[data-lrt-card]')?.shadowRoot?.querySelector('[data-admin-live="read"]'));
  const dom = await page.evaluate(readAdmin, '[data-lrt-card]');
  assert.equal(dom.petal?.level, 'bad');
  assert.match(dom.sentence!, /Fastest known way to change rsETH: RSETH_OFTAdapter/);
  const token = dom.contracts.find((c) => c.address === A.rseth)!;
  assert.match(token.text, /a 6-of-8 Safe/);
  for (const l of token.links) assert.match(l.href ?? '', EXPLORER);
  await page.close();
});
