// Exit liquidity quoted on-chain against local test venues (Curve get_dy, Uniswap v3 QuoterV2 at its mainnet
// address, Balancer queries at its mainnet address) on anvil, and the live exit petal it feeds. The registry names
// no venue yet (none confirmed from a source), so the profiles here add test venues to a copy of ezETH.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getToken } from '../../../lib/registry';
import { TokenProfile } from '../../../lib/registry/schema';
import { quoteExits } from '../../../lib/sources/exit';
import { chainClient } from '../../../lib/sources/rpc';
import { rate } from '../../../lib/risk/rate';
import { startAnvil, type Anvil } from '../../support/anvil';
import { ADDRESSES, placeContract, placeMulticall3, placeProtocolMocks, setBalancerPool, setCurvePool, setQuoterPool } from '../../support/chain';

const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const EZETH = getToken('ezeth')!;
const TOKEN = EZETH.deployments[0]!.address as `0x${string}`;
const CURVE_POOL = '0x1111111111111111111111111111111111111111';
const POOL_ID = `0x${'22'.repeat(32)}` as const;
const E18 = 10n ** 18n;

let anvil: Anvil;
beforeAll(async () => {
  anvil = await startAnvil();
  await placeMulticall3(anvil.url);
  await placeProtocolMocks(anvil.url);
  await placeContract(anvil.url, TOKEN, 'LrtMock');
  // Shallow Curve pool: 10,000 / 10,000. Deep Uniswap pool: 1,000,000 / 1,000,000. Mid Balancer pool: 50,000 / 50,000.
  await setCurvePool(anvil.url, CURVE_POOL, { coins: [TOKEN, WETH], balances: [10_000n * E18, 10_000n * E18] });
  await setQuoterPool(anvil.url, { tokenIn: TOKEN, tokenOut: WETH, fee: 100, reserveIn: 1_000_000n * E18, reserveOut: 1_000_000n * E18 });
  await setBalancerPool(anvil.url, { poolId: POOL_ID, tokens: [TOKEN, WETH], balances: [50_000n * E18, 50_000n * E18] });
}, 60_000);
afterAll(() => anvil?.stop());

function withVenue(quote: unknown, address: string): TokenProfile {
  return TokenProfile.parse({ ...EZETH, exitVenues: [{ chain: 'eip155:1', address, kind: (quote as { kind: string }).kind, pair: 'ezETH/WETH', quote, verified: true, sources: EZETH.deployments[0]!.sources }] });
}

/** Constant-product impact of selling `n` into reserves `r`, relative to a 1-token sale, in percent. */
const cp = (r: number, n: number) => (1 - (r / (r + n)) / (r / (r + 1))) * 100;

test('Curve, Uniswap v3 and Balancer venues are quoted in one multicall; impact matches the pools', async () => {
  const cc = chainClient('eip155:1', [anvil.url]);
  if ('ok' in cc) throw new Error(cc.message);
  const curve = { ...withVenue({ kind: 'curve', i: 0, j: 1, outDecimals: 18 }, CURVE_POOL), id: 'test-curve' };
  const uni = { ...withVenue({ kind: 'uniswap-v3', quoter: ADDRESSES.quoterV2, tokenOut: WETH, fee: 100, outDecimals: 18 }, '0x3333333333333333333333333333333333333333'), id: 'test-uni' };
  const bal = { ...withVenue({ kind: 'balancer', queries: ADDRESSES.balancerQueries, poolId: POOL_ID, tokenOut: WETH, outDecimals: 18 }, '0x2222222222222222222222222222222222222222'), id: 'test-bal' };
  const res = await quoteExits(cc.client, [curve, uni, bal], 'eip155:1');
  if (!res.ok) throw new Error(res.message);
  const impact = (id: string, size: string) => {
    const o = res.data[id]!;
    if (!o.ok) throw new Error(o.message);
    return o.data.impactPct[size]!;
  };
  expect(impact('test-curve', '1000')).toBeCloseTo(cp(10_000, 1000), 2);
  expect(impact('test-curve', '100')).toBeCloseTo(cp(10_000, 100), 2);
  expect(impact('test-bal', '1000')).toBeCloseTo(cp(50_000, 1000), 2);
  // Uniswap's fee is the same at every size, so it cancels out of the impact.
  expect(impact('test-uni', '1000')).toBeCloseTo(cp(1_000_000, 1000), 2);

  const at = new Date(res.fetchedAt);
  const red = rate(curve, at, { exit: { impactPct: impact('test-curve', '1000'), sizeLabel: '1,000 ezETH', asOf: res.fetchedAt, links: [] } });
  expect(red.petals.find((p) => p.id === 'exit')).toMatchObject({ level: 'bad', method: 'live' });
  expect(red.petals.find((p) => p.id === 'exit')!.fact).toMatch(/Selling 1,000 ezETH costs 9\.\d+% in price impact \(over 5%\)/);
});

test('a venue that reverts fails for its token only', async () => {
  const cc = chainClient('eip155:1', [anvil.url]);
  if ('ok' in cc) throw new Error(cc.message);
  // No pool configured on the quoter for this fee tier: the quote reverts.
  const missing = { ...withVenue({ kind: 'uniswap-v3', quoter: ADDRESSES.quoterV2, tokenOut: WETH, fee: 3000, outDecimals: 18 }, '0x4444444444444444444444444444444444444444'), id: 'test-missing' };
  const curve = { ...withVenue({ kind: 'curve', i: 0, j: 1, outDecimals: 18 }, CURVE_POOL), id: 'test-curve' };
  const res = await quoteExits(cc.client, [missing, curve], 'eip155:1');
  if (!res.ok) throw new Error(res.message);
  expect(res.data['test-missing']).toMatchObject({ ok: false, kind: 'revert' });
  expect(res.data['test-curve']).toMatchObject({ ok: true });
});
