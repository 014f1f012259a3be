// The popup's pure parts: registry search, list rows with live peg and APY, the summary counts, sparklines,
// explorer links for every deployment, the detail's extra sections, and the data status.
import { describe, expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { TOKENS, getToken } from '../../../../lib/registry';
import { toCardView, toRegistryEntry, toRowView } from '../../../../lib/views/build';
import { searchTokens } from '../../../../lib/registry/search';
import { TokenList, levelCounts } from '../../../../components/token-list';
import { Sparkline, spark } from '../../../../components/sparkline';
import { explorerUrl } from '../../../../lib/chains';
import { TokenCard } from '../../../../components/token-card';
import { DataStatus } from '../../../../components/data-status';
import { jobLabel, jobState } from '../../../../components/live-status';
import type { LiveStatus, TabTokenView } from '../../../../lib/views/schema';
import type { TokenLive } from '../../../../lib/live/facts';
import { yieldSplit } from '../../../../lib/views/live';

const NOW = new Date('2026-11-20T12:00:00Z');
const entries = TOKENS.map((t) => toRegistryEntry(t, NOW));
const ids = (q: string) => searchTokens(entries, q).map((e) => e.id);

describe('registry search', () => {
  test('by symbol: the exact symbol first, then prefixes', () => {
    expect(ids('ezeth')[0]).toBe('ezeth');
    expect(ids('EZETH')[0]).toBe('ezeth');
    // "weeth": the exact symbol first, then weETHs (prefix); "rs": prefixes (rsETH, rstETH, rswETH) before tokens
    // that only contain it (e.g. by name or issuer).
    expect(ids('weeth').slice(0, 2)).toEqual(['weeth', 'weeths']);
    const rs = searchTokens(entries, 'rs');
    const firstNonPrefix = rs.findIndex((e) => !e.symbol.toLowerCase().startsWith('rs'));
    expect(firstNonPrefix === -1 || rs.slice(firstNonPrefix).every((e) => !e.symbol.toLowerCase().startsWith('rs'))).toBe(true);
    expect(rs.map((e) => e.id)).toEqual(expect.arrayContaining(['rseth', 'rsteth', 'rsweth']));
  });

  test('by issuer and by name', () => {
    const kelp = ids('kelp');
    expect(kelp).toContain('rseth');
    for (const id of kelp) expect(getToken(id)!.issuer.toLowerCase()).toContain('kelp');
    expect(ids('renzo')).toEqual(expect.arrayContaining(['ezeth', 'pzeth']));
    expect(ids('ether.fi')).toEqual(expect.arrayContaining(['eeth', 'weeth']));
  });

  test('by contract address, whole or from six characters, any case', () => {
    expect(ids('0xbf5495Efe5DB9ce00f80364C8B423567e58d2110')).toEqual(['ezeth']);
    expect(ids('0xBF5495')).toEqual(['ezeth']);
    // A bare "0x" or a short prefix matches no address.
    expect(ids('0x')).toEqual([]);
    expect(ids('0xbf5')).toEqual([]);
  });

  test('empty and unknown queries give nothing; results are capped', () => {
    expect(ids('   ')).toEqual([]);
    expect(ids('definitely-not-a-token')).toEqual([]);
    expect(searchTokens(entries, 'e', 5)).toHaveLength(5);
  });

  test('misnomers are not tokens: kETH finds no Karak token', () => {
    expect(ids('keth')).toEqual([]);
  });
});

const live = (pegPct: number, apyPct: number, fresh: boolean): TokenLive => ({
  rate: null,
  supply: null,
  price: null,
  peg: { value: { nowPct: pegPct, maxAbsPct: null, coverageDays: 0, history: [], marketUsd: 1, backingUsd: 1 }, okAt: '2026-11-20T11:55:00Z', sources: [], fresh, failing: [] },
  apy: { value: { totalPct: apyPct, basePct: null, premiumPct: null, history: [] }, okAt: '2026-11-20T09:00:00Z', sources: [], fresh, failing: [] },
  tvl: null,
  exit: null,
  missing: [],
});

describe('list rows', () => {
  test('carry the live peg and APY, nothing offline or before any data', () => {
    const t = getToken('weeth')!;
    expect(toRowView(t, NOW, { live: live(-0.2, 3.1, true), offline: false })).toMatchObject({ peg: { pct: -0.2, fresh: true }, apy: { pct: 3.1, fresh: true } });
    expect(toRowView(t, NOW, { live: live(-0.2, 3.1, true), offline: true })).toMatchObject({ peg: null, apy: null });
    expect(toRowView(t, NOW)).toMatchObject({ peg: null, apy: null, category: t.category });
  });

  test('the summary counts worst levels, lists LSTs apart, and shows stale figures grey with their age', () => {
    const rows: TabTokenView[] = [
      { ...toRowView(getToken('ezeth')!, NOW, { live: live(-3.2, 4, true), offline: false }), count: 3 },
      { ...toRowView(getToken('weeth')!, NOW, { live: live(-0.2, 3.1, false), offline: false }), count: 1 },
      { ...toRowView(getToken('wsteth')!, NOW), count: 2 },
    ];
    const html = renderToStaticMarkup(<TokenList tokens={rows} onOpen={() => undefined} now={NOW} />);
    expect(html).toContain('2 restaking tokens on this page');
    expect(html).toContain('4 mentions');
    expect(html).toContain('Liquid staking tokens (not restaking)');
    expect(html).toContain('peg −3.20%');
    expect(html).toMatch(/class="rl-fig rl-stale" data-fresh="false"[^>]*>peg −0.20%<span class="rl-fig-age"> \(5 min ago\)/);
    expect(html).toContain('APY 4.00%');
    expect(levelCounts([{ rating: { worst: 'bad' } }, { rating: { worst: 'bad' } }, { rating: { worst: 'unknown' } }])).toBe('2 red, 1 grey');
  });

  test('the empty state says what Restake Lens looks for', () => {
    const html = renderToStaticMarkup(<TokenList tokens={[]} onOpen={() => undefined} />);
    expect(html).toContain('No restaking tokens on this page');
    expect(html).toMatch(/ezETH, weETH.*fragSOL/);
  });
});

describe('yield split', () => {
  const withApy = (fresh: boolean): TokenLive => ({
    ...live(0, 3.4, fresh),
    apy: { value: { totalPct: 3.4, basePct: 2.9, premiumPct: 0.5, history: [] }, okAt: '2026-11-20T11:00:00Z', sources: [], fresh, failing: [] },
  });
  test('only for a restaking token with a fresh APY and a benchmark', () => {
    expect(yieldSplit(withApy(true), 'lrt')).toMatchObject({ totalApyPct: 3.4, baseApyPct: 2.9, premiumApyPct: 0.5 });
    expect(yieldSplit(withApy(false), 'lrt')).toBeNull();
    expect(yieldSplit(withApy(true), 'lst')).toBeNull();
    expect(yieldSplit(null, 'lrt')).toBeNull();
    expect(yieldSplit(live(0, 3.4, true), 'lrt')).toBeNull(); // no benchmark
  });

  test('the card says why there is no split: LST, non-ETH asset, offline, or no fresh APY', () => {
    const text = (id: string, offline = false) =>
      renderToStaticMarkup(<TokenCard state={{ status: 'ready', view: toCardView(getToken(id)!, 'test', NOW, { live: null, offline }) }} titleId="t" />);
    expect(text('wsteth')).toContain('not applicable: a liquid staking token');
    expect(text('lbtc')).toContain('no plain-staking benchmark for this asset');
    expect(text('fragsol')).toContain('no plain-staking benchmark for this asset');
    expect(text('ezeth', true)).toContain('not shown in offline mode');
    expect(text('ezeth')).toContain('not known (no fresh live APY');
  });
});

describe('sparkline', () => {
  test('needs two finite points; summarises first, last, lowest and highest in its label', () => {
    expect(spark([1])).toBeNull();
    expect(spark([1, Number.NaN])).toBeNull();
    expect(spark([3, 1, 2])).toMatchObject({ min: 1, max: 3, last: 2 });
    const html = renderToStaticMarkup(<Sparkline values={[-0.1, -0.5, 0.2]} label="peg" format={(v) => `${v.toFixed(1)}%`} baseline={0} />);
    expect(html).toContain('aria-label="peg: from -0.1% to 0.2%, lowest -0.5%, highest 0.2%"');
    expect(html).toContain('<polyline');
    expect(html).toContain('rl-spark-base');
    expect(renderToStaticMarkup(<Sparkline values={[]} label="x" format={String} />)).toBe('');
  });
});

describe('deployments', () => {
  test('every deployment in the registry gets an explorer link on its own chain', () => {
    for (const t of TOKENS)
      for (const d of t.deployments) {
        const url = explorerUrl(d.chain, d.address);
        expect(url, `${t.id} on ${d.chain}`).not.toBeNull();
        expect(url!.endsWith(`/${d.address}`)).toBe(true);
        expect(url!.startsWith('https://')).toBe(true);
      }
    expect(explorerUrl('eip155:1', '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110')).toBe('https://etherscan.io/address/0xbf5495Efe5DB9ce00f80364C8B423567e58d2110');
    expect(explorerUrl('eip155:999999', '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110')).toBeNull();
    expect(explorerUrl('eip155:1', 'javascript:alert(1)')).toBeNull();
  });

  test('the detail lists deployments with links and offers the report control; the hover card does not', () => {
    const v = toCardView(getToken('ezeth')!, 'test', NOW);
    const detail = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view: v }} titleId="t" detail={{ onReport: () => undefined }} />);
    expect(detail).toContain('data-deployments');
    expect(detail).toContain('href="https://etherscan.io/address/0xbf5495Efe5DB9ce00f80364C8B423567e58d2110"');
    expect(detail).toContain('Report a wrong fact');
    const card = renderToStaticMarkup(<TokenCard state={{ status: 'ready', view: v }} titleId="t" />);
    expect(card).not.toContain('data-deployments');
    expect(card).not.toContain('Report a wrong fact');
  });
});

describe('data status', () => {
  const job = (over: Partial<LiveStatus['jobs'][number]>): LiveStatus['jobs'][number] => ({
    id: 'prices',
    lastRunAt: '2026-11-20T11:50:00Z',
    lastOkAt: '2026-11-20T11:50:00Z',
    nextDueAt: '2026-11-20T12:00:00Z',
    interrupted: false,
    failures: 0,
    error: null,
    notes: [],
    ...over,
  });

  test('labels and states', () => {
    expect(jobLabel('rates:eip155:1')).toBe('Redemption rates and supply (Ethereum)');
    expect(jobLabel('redemption:eip155:1')).toBe('Redemption queues, read from the withdrawal contracts (Ethereum)');
    expect(jobLabel('prices')).toBe('Market prices (DefiLlama coins)');
    expect(jobLabel('el-exposure')).toBe('EigenLayer slashing exposure (Ethereum)');
    expect(jobState(job({}))).toBe('ok');
    expect(jobState(job({ interrupted: true }))).toBe('interrupted');
    expect(jobState(job({ error: { kind: 'http', message: 'HTTP 500', at: '2026-11-20T11:59:00Z' } }))).toBe('failing');
    expect(jobState(job({ lastOkAt: null }))).toBe('never');
  });

  test('says what fails and whether offline mode is on', () => {
    const status: LiveStatus = {
      offline: false,
      damaged: [],
      jobs: [job({}), job({ id: 'yields', failures: 3, error: { kind: 'timeout', message: 'timed out after 15 s', at: '2026-11-20T11:59:00Z' } })],
    };
    const html = renderToStaticMarkup(<DataStatus status={status} now={NOW} />);
    expect(html).toContain('1 of 2 sources need attention');
    expect(renderToStaticMarkup(<DataStatus status={{ ...status, jobs: [] }} now={NOW} />)).toContain('No refresh has run yet.');
    expect(renderToStaticMarkup(<DataStatus status={{ ...status, jobs: [job({})] }} now={NOW} />)).toContain('The last run of every source succeeded.');
    // In our words by kind: the popup never shows a response's text or a host (the options page has the details).
    expect(html).toContain('Failing (3 times in a row): the source did not answer in time');
    expect(html).not.toContain('timed out after 15 s');
    expect(html).toContain('last success 10 min ago');
    expect(renderToStaticMarkup(<DataStatus status={{ ...status, offline: true }} now={NOW} />)).toContain('Offline mode: on');
  });
});
