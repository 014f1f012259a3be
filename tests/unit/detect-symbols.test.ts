import { describe, expect, test } from 'vitest';
import { createSymbolMatcher } from '../../lib/detect/symbols';

const matcher = createSymbolMatcher([
  { id: 'ezeth', symbol: 'ezETH', aliases: [] },
  { id: 'weeth', symbol: 'weETH', aliases: [] },
  { id: 'eeth', symbol: 'eETH', aliases: [] },
  { id: 'pufeth', symbol: 'pufETH', aliases: [] },
  { id: 'rseth', symbol: 'rsETH', aliases: ['wrsETH'] },
]);
const ids = (text: string) => matcher.find(text).map((m) => `${m.id}@${m.start}:${m.text}`);

describe('symbol matching', () => {
  test.each([
    ['ezETH', ['ezeth@0:ezETH']],
    ['$ezETH', ['ezeth@1:ezETH']],
    ['(ezETH)', ['ezeth@1:ezETH']],
    ['ezETH/WETH', ['ezeth@0:ezETH']],
    ['PT-weETH', ['weeth@3:weETH']],
    ['YT-rsETH-26DEC2026', ['rseth@3:rsETH']],
    ['weETH', ['weeth@0:weETH']],
    ['eETH and weETH', ['eeth@0:eETH', 'weeth@9:weETH']],
    ['wrsETH on Base', ['rseth@0:wrsETH']],
    ['1,000 pufETH.', ['pufeth@6:pufETH']],
    ['ezETH,weETH;rsETH', ['ezeth@0:ezETH', 'weeth@6:weETH', 'rseth@12:rsETH']],
    ['«ezETH»', ['ezeth@1:ezETH']],
  ])('%j matches %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  test.each([
    'PrezETH',
    'sweETHeart',
    'ETH WETH stETH wstETH rETH METH',
    'EZETH ezeth Ezeth WEETH',
    'ezETH2',
    '_ezETH',
    'ezETH_',
    'éezETH',
    'ezETHé',
    '',
  ])('%j matches nothing', (text) => {
    expect(ids(text)).toEqual([]);
    expect(matcher.find(text)).toEqual([]);
  });

  test('the same text claimed by two tokens is a registry error', () => {
    expect(() =>
      createSymbolMatcher([
        { id: 'a', symbol: 'xETH', aliases: [] },
        { id: 'b', symbol: 'yETH', aliases: ['xETH'] },
      ]),
    ).toThrow(/xETH/);
  });

  test('an empty registry matches nothing', () => {
    expect(createSymbolMatcher([]).find('ezETH')).toEqual([]);
  });

  test('symbols with regex metacharacters are matched literally', () => {
    const m = createSymbolMatcher([{ id: 'dot', symbol: 'SolvBTC.BBN', aliases: [] }]);
    expect(m.find('SolvBTC.BBN').map((x) => x.id)).toEqual(['dot']);
    expect(m.find('SolvBTCxBBN')).toEqual([]);
  });
});
