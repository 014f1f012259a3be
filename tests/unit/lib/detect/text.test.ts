import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anchorsOf, createTextMatcher, quickCheck } from '../../../../lib/detect/text';
import { detectConfig } from '../../../../lib/registry/detect-config';
import { MISNOMERS } from '../../../../lib/registry/misnomers';
import { TOKENS } from '../../../../lib/registry';
import { addressesInHref, classifyLink, linkContext } from '../../../../lib/detect/links';
import type { DetectConfig } from '../../../../lib/detect/types';

const EZETH = '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110';
const EZETH_L2 = '0x2416092f143378750bb29b79eD961ab195CcEea5';
const WEETH = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
// Two made-up addresses sharing the first and last four hex digits, to test ambiguity of truncated forms.
const TWIN_A = '0xAbCd000000000000000000000000000000001234';
const TWIN_B = '0xAbCd111111111111111111111111111111111234';
const FRAGSOL = 'FRAGSEthVFL7fdqM8hxfxkfCZzUvmg21cqPJVvC1qdbo';

const config: DetectConfig = {
  tokens: [
    { id: 'ezeth', symbol: 'ezETH', aliases: [] },
    { id: 'weeth', symbol: 'weETH', aliases: ['Wrapped eETH'] },
    { id: 'weeths', symbol: 'weETHs', aliases: [] },
    { id: 'eeth', symbol: 'eETH', aliases: [] },
    { id: 'pufeth', symbol: 'pufETH', aliases: [] },
    { id: 'rseth', symbol: 'rsETH', aliases: ['wrsETH'] },
    { id: 'lbtc', symbol: 'LBTC', aliases: [] },
    { id: 'dot', symbol: 'SolvBTC.BBN', aliases: [] },
    { id: 'fragsol', symbol: 'fragSOL', aliases: [] },
    { id: 'twin-a', symbol: 'twinA', aliases: [] },
    { id: 'twin-b', symbol: 'twinB', aliases: [] },
  ],
  misnomers: [
    { id: 'misnomer-keth', term: 'kETH' },
    { id: 'misnomer-eigeneth', term: 'eigenETH' },
  ],
  addresses: [
    { id: 'ezeth', address: EZETH },
    { id: 'ezeth', address: EZETH_L2 },
    { id: 'weeth', address: WEETH },
    { id: 'fragsol', address: FRAGSOL },
    { id: 'twin-a', address: TWIN_A },
    { id: 'twin-b', address: TWIN_B },
  ],
};
const matcher = createTextMatcher(config);
const found = (text: string) => matcher.find(text).map((m) => `${m.id}:${m.kind}@${m.start}:${m.text}`);

describe('symbols: case and boundary rules (docs/detection.md)', () => {
  test.each([
    ['ezETH', ['ezeth:symbol@0:ezETH']],
    ['$ezETH', ['ezeth:symbol@1:ezETH']],
    ['(ezETH)', ['ezeth:symbol@1:ezETH']],
    ['ezETH/WETH', ['ezeth:symbol@0:ezETH']],
    ['ezETH-WETH LP', ['ezeth:symbol@0:ezETH']],
    ['weETH', ['weeth:symbol@0:weETH']],
    ['weETHs vault', ['weeths:symbol@0:weETHs']],
    ['eETH and weETH', ['eeth:symbol@0:eETH', 'weeth:symbol@9:weETH']],
    ['wrsETH on Base', ['rseth:symbol@0:wrsETH']],
    ['Wrapped eETH', ['weeth:symbol@0:Wrapped eETH']],
    ['1,000 pufETH.', ['pufeth:symbol@6:pufETH']],
    ['ezETH,weETH;rsETH', ['ezeth:symbol@0:ezETH', 'weeth:symbol@6:weETH', 'rseth:symbol@12:rsETH']],
    ['«ezETH»', ['ezeth:symbol@1:ezETH']],
    ['SolvBTC.BBN', ['dot:symbol@0:SolvBTC.BBN']],
    ['LBTC vault', ['lbtc:symbol@0:LBTC']],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  // Scripts written without spaces: the symbol touches the words around it. Phrasings as posts and articles
  // write them (Chinese, Japanese, Korean, Thai), cashtags included.
  test.each([
    ['以Renzo的流动性重新质押代币ezETH作为回报', ['ezeth:symbol@16:ezETH']],
    ['支持$ezETH的借贷市场', ['ezeth:symbol@3:ezETH']],
    ['质押ETH获得eETH，再包装成weETH即可在DeFi中使用', ['eeth:symbol@7:eETH', 'weeth:symbol@16:weETH']],
    ['用户可将rsETH存入Pendle，获得PT-rsETH与YT-rsETH', ['rseth:symbol@4:rsETH', 'rseth:wrapped@20:PT-rsETH', 'rseth:wrapped@29:YT-rsETH']],
    ['ether.fiのweETHをAaveに預けると、aEthweETHを受け取れます', ['weeth:symbol@9:weETH', 'weeth:wrapped@25:aEthweETH']],
    ['リステーキングトークンpufETHの利回り', ['pufeth:symbol@11:pufETH']],
    ['$rsETHは現在ディスカウント中', ['rseth:symbol@1:rsETH']],
    ['ezETH를 예치하면 포인트를 받습니다', ['ezeth:symbol@0:ezETH']],
    ['리스테이킹 토큰인LBTC와$weETH의 차이', ['lbtc:symbol@9:LBTC', 'weeth:symbol@15:weETH']],
    ['ฝากweETHเพื่อรับผลตอบแทน', ['weeth:symbol@3:weETH']],
    [`合约地址${EZETH}已验证`, [`ezeth:address@4:${EZETH}`]],
  ])('unspaced scripts: %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    'PrezETH',
    'sweETHeart',
    'ETH WETH stETH wstETH rETH METH',
    'EZETH ezeth Ezeth WEETH lbtc',
    'ezETH2',
    '_ezETH',
    'ezETH_',
    'éezETH',
    'ezETHé',
    'SolvBTCxBBN',
    'variableDebtEthweETH stableDebtEthweETH',
    // Spaced scripts still block: Greek, Cyrillic, and digits (full-width too) and `_` next to CJK text.
    'αezETH',
    'ezETHβ',
    'жezETH',
    'ezETHы',
    '代币ezETH2',
    '代币ezETH_',
    '代币ezETH１',
    '代币_ezETH',
    '',
  ])('%j matches nothing', (text) => {
    expect(found(text)).toEqual([]);
  });

  test('the same name claimed by two ids is a registry error', () => {
    expect(() =>
      createTextMatcher({
        tokens: [
          { id: 'a', symbol: 'xETH', aliases: [] },
          { id: 'b', symbol: 'yETH', aliases: ['xETH'] },
        ],
        misnomers: [],
        addresses: [],
      }),
    ).toThrow(/xETH/);
  });

  test('an empty config matches nothing', () => {
    expect(createTextMatcher({ tokens: [], misnomers: [], addresses: [] }).find('ezETH 0xbf5495Efe5DB9ce00f80364C8B423567e58d2110')).toEqual([]);
  });
});

describe('wrapped forms', () => {
  test.each([
    ['PT-weETH', ['weeth:wrapped@0:PT-weETH']],
    ['PT-weETH-26DEC2024 matures', ['weeth:wrapped@0:PT-weETH-26DEC2024']],
    ['YT-ezETH-26JUN2025', ['ezeth:wrapped@0:YT-ezETH-26JUN2025']],
    ['SY-rsETH', ['rseth:wrapped@0:SY-rsETH']],
    ['PT pufETH 27MAR2025', ['pufeth:wrapped@0:PT pufETH 27MAR2025']],
    ['PT-weETH (26 Dec 2026)', ['weeth:wrapped@0:PT-weETH']],
    ['LP-PT-weETHs', ['weeths:wrapped@3:PT-weETHs']],
    ['aEthweETH', ['weeth:wrapped@0:aEthweETH']],
    ['aArbweETH, aBasezETH', ['weeth:wrapped@0:aArbweETH', 'ezeth:wrapped@11:aBasezETH']],
    ['aEthLBTC', ['lbtc:wrapped@0:aEthLBTC']],
    ['aEthEtherFiweETH', ['weeth:wrapped@0:aEthEtherFiweETH']],
    ['waEthweETH stataEthweETH', ['weeth:wrapped@0:waEthweETH', 'weeth:wrapped@11:stataEthweETH']],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each(['PTweETH', 'XT-weETH', 'aFooweETH', 'aEthweETHx', 'PT-wstETH-26DEC2024', 'aEthWETH'])('%j is not a wrapped registry token', (text) => {
    expect(found(text).filter((m) => m.includes(':wrapped'))).toEqual([]);
  });
});

describe('misnomers', () => {
  test('are marked impostor under their own id', () => {
    expect(found('Karak kETH and eigenETH are not tokens; kETHs and KETH are not either')).toEqual([
      'misnomer-keth:impostor@6:kETH',
      'misnomer-eigeneth:impostor@15:eigenETH',
    ]);
  });
});

describe('addresses', () => {
  test('full EVM addresses in any letter case, only registry deployments', () => {
    expect(found(`token ${EZETH}`)).toEqual([`ezeth:address@6:${EZETH}`]);
    expect(found(EZETH.toLowerCase())).toEqual([`ezeth:address@0:${EZETH.toLowerCase()}`]);
    expect(found(`0x${EZETH.slice(2).toUpperCase()}`)).toHaveLength(1);
    expect(found(`etherscan.io/token/${EZETH_L2}`)).toEqual([`ezeth:address@19:${EZETH_L2}`]);
    expect(found('wallet 0x1111111111111111111111111111111111111111')).toEqual([]);
  });

  test('a tx hash or a longer hex string never yields an address', () => {
    expect(found(`${EZETH}00`)).toEqual([]);
    expect(found(`0x${'ab'.repeat(32)}`)).toEqual([]);
    expect(found(`x${EZETH}`)).toEqual([]);
  });

  test('the matched address is carried on the match', () => {
    expect(matcher.find(`see ${EZETH.toLowerCase()}`)[0]?.address).toBe(EZETH.toLowerCase());
    expect(matcher.find('0xbf54…2110')[0]?.address).toBe(EZETH);
  });

  test.each([
    ['0xbf54…2110', ['ezeth:address@0:0xbf54…2110']],
    ['0xbf5495Ef...e58d2110', ['ezeth:address@0:0xbf5495Ef...e58d2110']],
    ['0xBF54..2110', ['ezeth:address@0:0xBF54..2110']],
    ['(0x2416…Eea5)', ['ezeth:address@1:0x2416…Eea5']],
    ['0xcd5f…b7ee', ['weeth:address@0:0xcd5f…b7ee']],
  ])('truncated %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    ['0xabcd…1234', 'fits two registry addresses'],
    ['0xbf5…2110', 'too short a head'],
    ['0xbf54…110', 'too short a tail'],
    ['0xbf54…2111', 'no registry address ends so'],
    ['0xbf54 … 2110', 'spaces are not how addresses are shortened'],
  ])('truncated %j is not marked (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  test('Solana mints match exactly, case-sensitive', () => {
    expect(found(`mint ${FRAGSOL}`)).toEqual([`fragsol:address@5:${FRAGSOL}`]);
    expect(found(FRAGSOL.toLowerCase())).toEqual([]);
    expect(found(`${FRAGSOL}x`)).toEqual([]);
  });
});

describe('links', () => {
  const idx = matcher.addresses;
  test('addresses in paths, queries and hash routes, with their position', () => {
    expect(addressesInHref(`https://etherscan.io/token/${EZETH}?a=0x1111111111111111111111111111111111111111`, idx)).toEqual([
      { address: EZETH, tokenPosition: true },
      { address: '0x1111111111111111111111111111111111111111', tokenPosition: false },
    ]);
    expect(addressesInHref(`/swap?inputCurrency=ETH&outputCurrency=${WEETH}`, idx)).toEqual([{ address: WEETH, tokenPosition: true }]);
    expect(addressesInHref(`https://debank.com/token/eth/${EZETH}`, idx)).toEqual([{ address: EZETH, tokenPosition: true }]);
    expect(addressesInHref(`https://app.example/#/assets/${EZETH}`, idx)).toEqual([{ address: EZETH, tokenPosition: true }]);
    expect(addressesInHref(`https://etherscan.io/address/${EZETH}`, idx)).toEqual([{ address: EZETH, tokenPosition: false }]);
    expect(addressesInHref(`https://solscan.io/token/${FRAGSOL}`, idx)).toEqual([{ address: FRAGSOL, tokenPosition: true }]);
    expect(addressesInHref('javascript:alert("0xbf5495Efe5DB9ce00f80364C8B423567e58d2110")', idx)).toEqual([]);
    expect(addressesInHref('https://example.com/blog/ezeth', idx)).toEqual([]);
    expect(addressesInHref('http://[bad', idx)).toEqual([]);
  });

  const sym = (id: string, text: string) => matcher.find(text).filter((m) => m.id === id);
  test('a symbol in a link to its own contract becomes `link`', () => {
    const ctx = linkContext(`https://etherscan.io/token/${EZETH}`, idx)!;
    expect(classifyLink(sym('ezeth', 'ezETH'), ctx, idx).matches.map((m) => m.kind)).toEqual(['link']);
  });
  test('a name-only link to a registry contract is marked whole', () => {
    const ctx = linkContext(`https://etherscan.io/token/${EZETH.toLowerCase()}`, idx)!;
    expect(classifyLink([], ctx, idx).whole).toBe('ezeth');
  });
  test('a symbol tied to a foreign token address is an impostor, with the address', () => {
    const ctx = linkContext('/token/0xdEAD000000000000000000000000000000000001', idx)!;
    const out = classifyLink(sym('ezeth', 'ezETH'), ctx, idx).matches;
    expect(out.map((m) => [m.kind, m.address])).toEqual([['impostor', '0xdEAD000000000000000000000000000000000001']]);
    // Another registry token's contract under this name is an impostor too.
    const other = linkContext(`/token/${WEETH}`, idx)!;
    expect(classifyLink(sym('ezeth', 'ezETH'), other, idx).matches.map((m) => m.kind)).toEqual(['impostor']);
  });
  test('pool and wallet links, and links naming two tokens, are not impostor signals', () => {
    expect(linkContext('/address/0xdEAD000000000000000000000000000000000001', idx)).toBeNull();
    expect(linkContext('/pool/0xdEAD000000000000000000000000000000000001', idx)).toBeNull();
    const ctx = linkContext('/token/0xdEAD000000000000000000000000000000000001', idx)!;
    const both = matcher.find('ezETH/weETH');
    expect(classifyLink(both, ctx, idx).matches.map((m) => m.kind)).toEqual(['symbol', 'symbol']);
    expect(classifyLink([], ctx, idx).whole).toBeNull();
  });
  test('a link to another chain’s deployment of the same token is still the token', () => {
    const ctx = linkContext(`https://arbiscan.io/token/${EZETH_L2}`, idx)!;
    expect(classifyLink(sym('ezeth', 'ezETH'), ctx, idx).matches.map((m) => m.kind)).toEqual(['link']);
  });
});

describe('the quick check (anchors)', () => {
  test('every name contains one of the anchors, whatever the names (code points, never half a surrogate pair)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 40 }), (names) => {
        const anchors = anchorsOf(names);
        for (const n of names) expect(anchors.some((a) => n.includes(a))).toBe(true);
        for (const a of anchors) expect(a).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }),
    );
  });
  test('the quick check says yes exactly when the text holds a name (or "0x"), for any names and text', () => {
    // A small alphabet, so names share anchors, overlap, and sit inside each other and inside the text.
    const s = (min: number, max: number) => fc.string({ unit: fc.constantFrom('E', 'T', 'H', 'e', 'z', 'W', '0', 'x', ' ', '汉', '😀'), minLength: min, maxLength: max });
    fc.assert(
      fc.property(fc.uniqueArray(s(1, 6), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.array(s(0, 30), { maxLength: 8 }), (names, evm, texts) => {
        const quick = quickCheck(names, evm);
        for (const t of [...texts, ...names, ...names.map((n) => `W${n}x`)]) {
          const want = names.some((n) => t.includes(n)) || (evm && t.includes('0x'));
          expect(quick(t), JSON.stringify({ names, evm, t })).toBe(want);
        }
      }),
      { numRuns: 500 },
    );
  });
  test('few anchors for the bundled registry, and every bundled name and address is still found in prose', () => {
    const real = detectConfig(TOKENS, MISNOMERS, { markLst: true });
    const m = createTextMatcher(real);
    const names = [...real.tokens.flatMap((t) => [t.symbol, ...t.aliases]), ...real.misnomers.map((x) => x.term)];
    expect(anchorsOf(names).length).toBeLessThan(names.length / 4);
    for (const n of names) expect(m.find(`Deposit into ${n} today.`).map((x) => x.text)).toContain(n);
    for (const a of real.addresses) expect(m.find(`token ${a.address} here`).map((x) => x.text)).toEqual([a.address]);
  });
});
