// Table-driven tests at every threshold edge of public/method.html (lrt-v0.2; the live Slashing rules: tests/unit/lib/risk/slashing.test.ts and live.test.ts).
import { describe, expect, test } from 'vitest';
import { getToken } from '../../../../lib/registry';
import type { RiskInputs, TokenProfile } from '../../../../lib/registry/schema';
import { CURATED_MAX_AGE_DAYS, headline, judgeAdmin, judgeBacking, judgeCode, judgeExit, judgePeg, judgePegLive, judgeSlashing, rate } from '../../../../lib/risk/rate';
import { METHOD_VERSION, PETALS, type Level, type Petal } from '../../../../lib/risk/types';

const NOW = new Date('2026-11-20T12:00:00Z');
const base = getToken('pufeth')!;
const prov = { asOf: '2026-11-01', verified: true, sources: ['puffer-readme'] };
const NO_RISK: RiskInputs = { slashing: null, exit: null, admin: null, peg: null, backing: null };

function token(patch: Partial<TokenProfile> = {}, risk: Partial<RiskInputs> = {}): TokenProfile {
  return { ...base, ...patch, risk: { ...NO_RISK, ...risk } };
}
const slashing = (x: Partial<NonNullable<RiskInputs['slashing']>>) =>
  token({}, { slashing: { slashablePct: 5, redistributing: false, committeeWithoutVeto: false, operatorHhi: null, ...prov, ...x } });
const exit = (x: Partial<NonNullable<RiskInputs['exit']>>) =>
  token({}, { exit: { slippagePct: 0.5, redemptionsOpen: true, primaryExitDays: 7, ...prov, ...x } });
const peg = (x: Partial<NonNullable<RiskInputs['peg']>>) => token({}, { peg: { maxAbsDeviation7dPct: 0.1, maxAbsDeviation90dPct: null, ...prov, ...x } });
const backing = (x: Partial<NonNullable<RiskInputs['backing']>>, patch: Partial<TokenProfile> = {}) =>
  token(patch, { backing: { simpleBackingPct: 95, bridgeMinVerifiers: null, bridged: false, offchainCustody: false, ...prov, ...x } });
const admin = (x: Partial<NonNullable<RiskInputs['admin']>>, exitDays: number | null = 7) =>
  token(
    {},
    {
      admin: { minUpgradeDelayDays: 40, multisig: { threshold: 4, signers: 7 }, eoaControl: false, ...prov, ...x },
      exit: exitDays === null ? null : { slippagePct: null, redemptionsOpen: null, primaryExitDays: exitDays, ...prov },
    },
  );

describe('slashing exposure', () => {
  test.each<[string, TokenProfile, Level]>([
    ['10% slashable', slashing({ slashablePct: 10 }), 'good'],
    ['10.01%', slashing({ slashablePct: 10.01 }), 'warning'],
    ['50%', slashing({ slashablePct: 50 }), 'warning'],
    ['50.01%', slashing({ slashablePct: 50.01 }), 'bad'],
    ['redistributing set', slashing({ redistributing: true }), 'bad'],
    ['committee without veto', slashing({ committeeWithoutVeto: true }), 'bad'],
    ['HHI 0.15', slashing({ operatorHhi: 0.15 }), 'warning'],
    ['HHI 0.1499', slashing({ operatorHhi: 0.1499 }), 'good'],
    ['HHI 0.25', slashing({ operatorHhi: 0.25 }), 'warning'],
    ['HHI 0.2501', slashing({ operatorHhi: 0.2501 }), 'bad'],
    ['unknown share', slashing({ slashablePct: null }), 'unknown'],
    ['unknown share but concentrated operators', slashing({ slashablePct: null, operatorHhi: 0.2 }), 'warning'],
    ['unknown redistribution', slashing({ redistributing: null }), 'unknown'],
    ['no input (restaked)', token(), 'unknown'],
    ['an LST that is not restaked', token({ category: 'lst', layers: [] }), 'good'],
  ])('%s → %s', (_l, t, level) => expect(judgeSlashing(t).level).toBe(level));
});

describe('exit and liquidity', () => {
  test.each<[string, TokenProfile, Level]>([
    ['1% slippage, open', exit({ slippagePct: 1 }), 'good'],
    ['1.01%', exit({ slippagePct: 1.01 }), 'warning'],
    ['5%', exit({ slippagePct: 5 }), 'warning'],
    ['5.01%', exit({ slippagePct: 5.01 }), 'bad'],
    ['redemptions closed', exit({ redemptionsOpen: false }), 'bad'],
    ['21-day redemption', exit({ primaryExitDays: 21 }), 'good'],
    ['21.5-day redemption', exit({ primaryExitDays: 21.5 }), 'warning'],
    ['slippage unknown', exit({ slippagePct: null }), 'unknown'],
    ['redemption status unknown', exit({ redemptionsOpen: null }), 'unknown'],
    ['no input', token(), 'unknown'],
  ])('%s → %s', (_l, t, level) => expect(judgeExit(t).level).toBe(level));
});

describe('admin and upgrade control (exit window = upgrade delay − redemption time)', () => {
  test.each<[string, TokenProfile, Level]>([
    ['window 30 days', admin({ minUpgradeDelayDays: 37 }, 7), 'good'],
    ['window 29.9 days', admin({ minUpgradeDelayDays: 36.9 }, 7), 'warning'],
    ['window 7 days', admin({ minUpgradeDelayDays: 14 }, 7), 'warning'],
    ['window 6.9 days', admin({ minUpgradeDelayDays: 13.9 }, 7), 'bad'],
    ['negative window', admin({ minUpgradeDelayDays: 2 }, 14), 'bad'],
    ['EOA control', admin({ eoaControl: true }), 'bad'],
    ['1-of-N multisig', admin({ multisig: { threshold: 1, signers: 3 } }), 'bad'],
    ['delay unknown', admin({ minUpgradeDelayDays: null }), 'unknown'],
    ['redemption time unknown, delay ≥ 7', admin({ minUpgradeDelayDays: 30 }, null), 'unknown'],
    ['redemption time unknown, delay < 7', admin({ minUpgradeDelayDays: 6.9 }, null), 'bad'],
    ['no input', token(), 'unknown'],
  ])('%s → %s', (_l, t, level) => expect(judgeAdmin(t).level).toBe(level));
});

describe('peg and oracle', () => {
  test.each<[string, TokenProfile, Level]>([
    ['0.5% in 7 days', peg({ maxAbsDeviation7dPct: 0.5 }), 'good'],
    ['0.51%', peg({ maxAbsDeviation7dPct: 0.51 }), 'warning'],
    ['2%', peg({ maxAbsDeviation7dPct: 2 }), 'warning'],
    ['2.01%', peg({ maxAbsDeviation7dPct: 2.01 }), 'bad'],
    ['5% in 90 days', peg({ maxAbsDeviation90dPct: 5 }), 'good'],
    ['5.01% in 90 days', peg({ maxAbsDeviation90dPct: 5.01 }), 'bad'],
    ['7-day unknown', peg({ maxAbsDeviation7dPct: null }), 'unknown'],
    ['no input', token(), 'unknown'],
  ])('%s → %s', (_l, t, level) => expect(judgePeg(t).level).toBe(level));
});

describe('code security', () => {
  const audits = [
    { firm: 'A', date: '2024-01', scope: 's', verified: true, sources: ['puffer-audits'] },
    { firm: 'B', date: '2024-02', scope: 's', verified: true, sources: ['puffer-audits'] },
  ];
  const bounty = (maxUsd: number | null, status: 'active' | 'ended' = 'active') => ({ status, platform: 'Immunefi', maxUsd, ...prov });
  const launched = (d: string) => ({ date: d, verified: true, sources: ['puffer-readme'] });
  const incident = (d: string, remediated: boolean | null) => ({ date: d, summary: 'x', remediated, sources: ['puffer-readme'] });
  test.each<[string, Partial<TokenProfile>, Level]>([
    ['2 firms, $1M bounty, 12+ months', { audits, bounty: bounty(1_000_000), launchedAt: launched('2025-11-19') }, 'good'],
    ['bounty $999,999', { audits, bounty: bounty(999_999), launchedAt: launched('2024-01-01') }, 'warning'],
    // Not finding a bounty is our missing research, not the issuer's weakness: grey, never yellow.
    ['no bounty found in the sources checked', { audits, bounty: null, bountyChecked: true, launchedAt: launched('2024-01-01') }, 'unknown'],
    ['bounty never looked for', { audits, bounty: null, bountyChecked: false, launchedAt: launched('2024-01-01') }, 'unknown'],
    ['no bounty found, but one firm only (a fact)', { audits: [audits[0]!], bounty: null, bountyChecked: true, launchedAt: launched('2024-01-01') }, 'warning'],
    ['the only bounty found has ended (a fact)', { audits, bounty: bounty(500_000, 'ended'), launchedAt: launched('2024-01-01') }, 'warning'],
    ['bounty with no stated maximum', { audits, bounty: bounty(null), launchedAt: launched('2024-01-01') }, 'unknown'],
    ['one firm', { audits: [audits[0]!], bounty: bounty(2_000_000), launchedAt: launched('2024-01-01') }, 'warning'],
    ['live 11 months', { audits, bounty: bounty(2_000_000), launchedAt: launched('2026-01-01') }, 'warning'],
    ['launch unknown', { audits, bounty: bounty(2_000_000), launchedAt: null }, 'unknown'],
    ['no audit found', { audits: [], bounty: bounty(2_000_000), launchedAt: launched('2024-01-01') }, 'unknown'],
    ['no audit found, recent incident', { audits: [], incidents: [incident('2026-04-18', null)] }, 'warning'],
    ['unremediated incident', { audits, bounty: bounty(2_000_000), launchedAt: launched('2024-01-01'), incidents: [incident('2020-01-01', false)] }, 'bad'],
    ['incident 364 days ago', { audits, bounty: bounty(2_000_000), launchedAt: launched('2024-01-01'), incidents: [incident('2025-11-21', true)] }, 'warning'],
    ['incident 366 days ago, remediated', { audits, bounty: bounty(2_000_000), launchedAt: launched('2024-01-01'), incidents: [incident('2025-11-19', true)] }, 'good'],
  ])('%s → %s', (_l, patch, level) => expect(judgeCode(token(patch), NOW).level).toBe(level));
});

describe('backing and dependencies', () => {
  const twoLayers = { layers: [...base.layers, { ...base.layers[0]!, layer: 'Symbiotic' as const }] };
  test.each<[string, TokenProfile, Level]>([
    ['90% simple backing, one layer, not bridged', backing({ simpleBackingPct: 90 }), 'good'],
    ['89.9%', backing({ simpleBackingPct: 89.9 }), 'warning'],
    ['two layers', backing({}, twoLayers), 'warning'],
    ['two layers, no backing input', token(twoLayers), 'warning'],
    ['bridged, 2 verifiers', backing({ bridged: true, bridgeMinVerifiers: 2 }), 'good'],
    ['bridged, 1 verifier', backing({ bridged: true, bridgeMinVerifiers: 1 }), 'bad'],
    ['bridged, verifiers unknown', backing({ bridged: true, bridgeMinVerifiers: null }), 'unknown'],
    ['off-chain custody', backing({ offchainCustody: true }), 'bad'],
    ['mix unknown', backing({ simpleBackingPct: null }), 'unknown'],
    ['no input', token(), 'unknown'],
  ])('%s → %s', (_l, t, level) => expect(judgeBacking(t).level).toBe(level));
});

describe('freshness and verification', () => {
  test(`a curated input exactly ${CURATED_MAX_AGE_DAYS} days old still counts; a day more is grey`, () => {
    const level = (asOf: string) => rate(peg({ asOf }), new Date('2026-11-20T00:00:00Z')).petals.find((p) => p.id === 'peg')!.level;
    expect(level('2026-08-22')).toBe('good'); // exactly 90 days
    expect(level('2026-08-21')).toBe('unknown'); // 91 days
  });

  test('an unverified input that would be green is grey; one that is red stays red', () => {
    const green = rate(peg({ verified: false }), NOW).petals.find((p) => p.id === 'peg')!;
    expect(green.level).toBe('unknown');
    expect(green.fact).toMatch(/unverified/);
    const red = rate(peg({ verified: false, maxAbsDeviation7dPct: 3 }), NOW).petals.find((p) => p.id === 'peg')!;
    expect(red.level).toBe('bad');
  });

  test('every petal carries its sources, method and age', () => {
    const r = rate(peg({}), NOW);
    const p = r.petals.find((x) => x.id === 'peg')!;
    expect(p).toMatchObject({ method: 'curated', asOf: '2026-11-01', sources: ['puffer-readme'], verified: true });
    expect(r.petals.map((x) => x.id)).toEqual(['slashing', 'exit', 'admin', 'peg', 'code', 'backing']);
  });
});

describe('headline', () => {
  const petal = (level: Level): Petal => ({ id: 'peg', label: 'x', level, fact: '', sources: [], method: 'curated', asOf: null, verified: true });
  test.each<[Level[], Level, string]>([
    [['bad', 'warning', 'warning', 'good', 'unknown', 'good'], 'bad', '1 red, 2 yellow, 1 grey, 2 green'],
    [['good', 'good', 'good', 'good', 'good', 'good'], 'good', '6 green'],
    [['good', 'unknown', 'good', 'good', 'good', 'good'], 'unknown', '1 grey, 5 green'],
    [['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'], 'unknown', '6 grey'],
    [['warning', 'unknown', 'good', 'good', 'good', 'good'], 'warning', '1 yellow, 1 grey, 4 green'],
  ])('%j → %s', (levels, worst, text) => {
    const h = headline(levels.map(petal));
    expect(h.worst).toBe(worst);
    expect(h.text).toBe(text);
  });
});

describe('registry tokens', () => {
  test('a token with no curated inputs is grey on every data petal, never green', () => {
    const r = rate(getToken('ezeth')!, NOW);
    for (const p of r.petals.filter((x) => x.id !== 'code')) expect(p.level).toBe('unknown');
    expect(r.headline.worst).not.toBe('good');
  });
});

describe('method document', () => {
  test('public/method.html carries the implemented version and a section per petal', async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(new URL('../../../../public/method.html', import.meta.url), 'utf8');
    expect(html).toContain(`<strong id="version">${METHOD_VERSION}</strong>`);
    for (const p of PETALS) expect(html, p.id).toContain(`<h2 id="${p.id}">`);
    expect(html).toContain(`${CURATED_MAX_AGE_DAYS} days`);
  });
});

describe('live peg rule (judgePegLive), at its edges', () => {
  const base = { coverageDays: 7, asOf: '2026-11-21T00:00:00Z', links: [] };
  const level = (nowPct: number, maxAbsPct: number | null, coverageDays = 7) => judgePegLive({ ...base, nowPct, maxAbsPct, coverageDays }).level;
  test('now beyond 2% is red whatever the history', () => {
    expect(level(-2.01, null, 0)).toBe('bad');
    expect(level(-2, 2)).toBe('warning');
  });
  test('7-day maximum beyond 2% is red; beyond 0.5% yellow; at most 0.5% green', () => {
    expect(level(0.1, 2.01)).toBe('bad');
    expect(level(0.1, 0.51)).toBe('warning');
    expect(level(0.1, 0.5)).toBe('good');
  });
  test('without 6 days of history it is never green', () => {
    expect(level(0.1, 0.1, 5.9)).toBe('unknown');
    expect(level(0.1, null, 0)).toBe('unknown');
    expect(level(0.6, null, 0)).toBe('warning');
    expect(level(0.1, 0.1, 6)).toBe('good');
  });
});

describe('live petals: an unverified source never makes green', () => {
  test('a green live peg on an unverified rate function is grey, and says why', () => {
    const t = token({ rateSource: { ...getToken('pufeth')!.rateSource!, verified: false } });
    const r = rate(t, NOW, { peg: { nowPct: 0.1, maxAbsPct: 0.2, coverageDays: 7, asOf: NOW.toISOString(), links: [] } });
    const p = r.petals.find((x) => x.id === 'peg')!;
    expect(p).toMatchObject({ level: 'unknown', method: 'live', verified: false });
    expect(p.fact).toMatch(/\(rate function unverified\)$/);
  });
  test('a red live peg on an unverified rate function stays red', () => {
    const t = token({ rateSource: { ...getToken('pufeth')!.rateSource!, verified: false } });
    const r = rate(t, NOW, { peg: { nowPct: -3, maxAbsPct: 3, coverageDays: 7, asOf: NOW.toISOString(), links: [] } });
    expect(r.petals.find((x) => x.id === 'peg')!.level).toBe('bad');
  });
});

describe('backing: bridged supply with an unknown or thin verifier set', () => {
  test.each<[string, TokenProfile, Level, RegExp]>([
    ['bridged, verifiers unknown', backing({ bridged: true, bridgeMinVerifiers: null }), 'unknown', /verifier setup is not known/],
    ['bridged, 1 verifier', backing({ bridged: true, bridgeMinVerifiers: 1 }), 'bad', /a single verifier/],
    ['bridged, 0 verifiers', backing({ bridged: true, bridgeMinVerifiers: 0 }), 'bad', /no verifier/],
    ['bridged, 2 verifiers', backing({ bridged: true, bridgeMinVerifiers: 2 }), 'good', /bridges with 2\+ verifiers/],
    ['whether bridged is unknown', backing({ bridged: null }), 'unknown', /Whether bridged supply exists/],
  ])('%s', (_l, t, level, fact) => {
    const j = judgeBacking(t);
    expect(j.level).toBe(level);
    expect(j.fact).toMatch(fact);
  });
});
