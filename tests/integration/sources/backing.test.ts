// The backing reader against anvil: Renzo's RestakeManager, Kelp's config, deposit pool and oracle, ether.fi's
// liquidity pool and restaker, Puffer's vault, and stETH/WETH balances, each a test contract at its real address.
// Every figure carries the call it came from; a revert or an absurd amount fails its protocol alone.
import { createPublicClient, getAddress, http, parseAbi, parseEther, type PublicClient } from 'viem';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { BACKING_SPECS, STETH } from '../../../lib/registry/backing';
import { readBacking, type BackingMix } from '../../../lib/sources/backing';
import type { Outcome } from '../../../lib/sources/http';
import { startAnvil, type Anvil } from '../../support/anvil';
import { chainClients, placeLrt, placeMulticall3, send } from '../../support/chain';
import {
  ETHERFI,
  KELP,
  OTHER_LST,
  PUFFER,
  RENZO,
  etherfiPoolMockAbi,
  kelpPoolMockAbi,
  placeBacking,
  placeOver,
  tokenBalanceMockAbi,
  pufferVaultMockAbi,
  renzoTvlMockAbi,
} from '../../support/backing-chain';

let anvil: Anvil;
let client: PublicClient;
let snapshot: `0x${string}`;
const AT = new Date('2026-12-01T12:00:00Z');

beforeAll(async () => {
  anvil = await startAnvil();
  client = createPublicClient({ transport: http(anvil.url, { batch: true, retryCount: 0 }) }) as PublicClient;
  await placeMulticall3(anvil.url);
  await placeBacking(anvil.url);
  snapshot = await chainClients(anvil.url).test.snapshot();
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

beforeEach(async () => {
  // Every test starts from the standard mixes; fault tests change one protocol.
  await chainClients(anvil.url).test.revert({ id: snapshot });
  snapshot = await chainClients(anvil.url).test.snapshot();
});

async function read(): Promise<Record<string, Outcome<BackingMix>>> {
  const r = await readBacking(client, 'eip155:1', BACKING_SPECS, () => AT);
  expect(r.ok).toBe(true);
  if (!r.ok) throw new Error('unreachable');
  return r.data;
}
const data = (o: Outcome<BackingMix> | undefined): BackingMix => {
  if (!o?.ok) throw new Error(`expected a mix, got ${JSON.stringify(o)}`);
  return o.data;
};
const asset = (m: BackingMix, label: string) => m.assets.find((a) => a.label === label)!;

describe('the standard mixes', () => {
  test('Renzo: per-collateral column sums of calculateTVLs(), native ETH last, the queues as the remainder', async () => {
    const m = data((await read()).Renzo);
    expect(m.totalEth).toBeCloseTo(2150, 9);
    expect(asset(m, 'stETH')).toMatchObject({ eth: 1500, kind: 'token', topTier: true, asset: getAddress(STETH) });
    expect(asset(m, 'LST2')).toMatchObject({ eth: 50, kind: 'token', topTier: false, asset: OTHER_LST });
    expect(asset(m, 'ETH staked in EigenPods')).toMatchObject({ eth: 500, kind: 'native' });
    expect(asset(m, 'Deposit and withdrawal queues (not broken out)')).toMatchObject({ eth: 100, kind: 'unattributed', derived: true });
    expect(m.nativePct).toBeCloseTo((500 / 2150) * 100, 9);
    expect(m.layeredPct).toBeCloseTo((1550 / 2150) * 100, 9);
    expect(m.simplePct).toBeCloseTo((2000 / 2150) * 100, 9);
    expect(m.unattributedPct).toBeCloseTo((100 / 2150) * 100, 9);
    const tvl = asset(m, 'stETH').sources[0]!;
    expect(tvl).toMatchObject({ kind: 'chain', chain: 'eip155:1', contract: RENZO.restakeManager, function: 'calculateTVLs()', at: AT.toISOString() });
    expect(tvl.block).toMatch(/^\d+$/);
    expect(asset(m, 'stETH').sources.map((s) => s.function)).toContain('collateralTokens(0)');
    // The unknown token is named by its own symbol(), and that call is cited.
    expect(asset(m, 'LST2').sources.map((s) => `${s.contract}:${s.function}`)).toContain(`${OTHER_LST}:symbol()`);
  });

  test('Kelp: deposits per supported asset times the oracle price', async () => {
    const m = data((await read()).Kelp);
    expect(m.totalEth).toBeCloseTo(9020, 9);
    expect(asset(m, 'ETH')).toMatchObject({ eth: 5000, kind: 'native' });
    expect(asset(m, 'stETH')).toMatchObject({ eth: 3000, topTier: true });
    expect(asset(m, 'LST2').eth).toBeCloseTo(1020, 9);
    expect(m.nativePct).toBeCloseTo((5000 / 9020) * 100, 9);
    expect(m.layeredPct).toBeCloseTo((4020 / 9020) * 100, 9);
    expect(m.simplePct).toBeCloseTo((8000 / 9020) * 100, 9);
    expect(asset(m, 'stETH').sources.map((s) => `${s.contract}:${s.function}`)).toEqual([
      `${KELP.depositPool}:getTotalAssetDeposits(${getAddress(STETH)})`,
      `${KELP.oracle}:getAssetPrice(${getAddress(STETH)})`,
    ]);
    expect(m.sources.map((s) => s.function)).not.toContain('getSupportedAssetList()');
  });

  test('ether.fi: the restaker’s stETH and the rest of the pool as native ETH', async () => {
    const m = data((await read())['ether.fi']);
    expect(m.totalEth).toBe(10_000);
    expect(asset(m, 'stETH')).toMatchObject({ eth: 1500, kind: 'token' });
    expect(asset(m, 'ETH (validators and pool)')).toMatchObject({ eth: 8500, kind: 'native', derived: true });
    expect(m.layeredPct).toBeCloseTo(15, 9);
    expect(m.simplePct).toBeCloseTo(100, 9);
    expect(asset(m, 'stETH').sources[0]).toMatchObject({ contract: ETHERFI.restaker, function: `getTotalPooledEther(${getAddress(STETH)})` });
  });

  test('Puffer: stETH held and in Lido’s queue, WETH, ETH, and validator ETH derived from totalAssets()', async () => {
    const m = data((await read()).Puffer);
    expect(m.totalEth).toBe(4000);
    expect(asset(m, 'stETH').eth).toBe(300);
    expect(asset(m, 'stETH in Lido’s withdrawal queue').eth).toBe(100);
    expect(asset(m, 'WETH')).toMatchObject({ eth: 50, kind: 'native' });
    expect(asset(m, 'ETH held')).toMatchObject({ eth: 20, kind: 'native' });
    expect(asset(m, 'ETH in validators (net of reward accounting)')).toMatchObject({ eth: 3530, derived: true });
    expect(m.nativePct).toBeCloseTo(90, 9);
    expect(m.layeredPct).toBeCloseTo(10, 9);
    expect(asset(m, 'ETH held').sources[0]).toMatchObject({ contract: '0xcA11bde05977b3631167028862bE2a173976CA11', function: `getEthBalance(${PUFFER.vault})` });
  });
});

describe('faults stay with their protocol', () => {
  test('a reverting RestakeManager fails Renzo only', async () => {
    await send(anvil.url, RENZO.restakeManager, renzoTvlMockAbi, 'setBackingReverting', [true]);
    const r = await read();
    expect(r.Renzo?.ok).toBe(false);
    if (r.Renzo && !r.Renzo.ok) expect(r.Renzo.kind).toBe('revert');
    expect(data(r.Kelp).totalEth).toBeCloseTo(9020, 9);
    expect(data(r.Puffer).totalEth).toBe(4000);
  });

  test('one Kelp asset reverting fails Kelp; an oracle price outside 1–10 ETH is implausible', async () => {
    await send(anvil.url, KELP.depositPool, kelpPoolMockAbi, 'setRevertsFor', [OTHER_LST, true]);
    let r = await read();
    expect(r.Kelp?.ok).toBe(false);
    expect(data(r['ether.fi']).totalEth).toBe(10_000);
    await send(anvil.url, KELP.depositPool, kelpPoolMockAbi, 'setRevertsFor', [OTHER_LST, false]);
    await send(anvil.url, KELP.oracle, kelpPoolMockAbi, 'setPrice', [OTHER_LST, parseEther('1000')]);
    r = await read();
    expect(r.Kelp?.ok).toBe(false);
    if (r.Kelp && !r.Kelp.ok) expect(r.Kelp).toMatchObject({ kind: 'implausible' });
  });

  test('absurd amounts: a part above the total, a total of 10^30 ETH, a zero total', async () => {
    await send(anvil.url, ETHERFI.restaker, etherfiPoolMockAbi, 'setPerToken', [getAddress(STETH), parseEther('20000')]);
    await send(anvil.url, PUFFER.vault, pufferVaultMockAbi, 'setTotalAssets', [10n ** 48n]);
    await send(anvil.url, RENZO.restakeManager, renzoTvlMockAbi, 'setTvls', [[[0n, 0n, 0n]], 0n]);
    const r = await read();
    for (const p of ['ether.fi', 'Puffer', 'Renzo']) {
      expect(r[p]?.ok, p).toBe(false);
      if (r[p] && !r[p].ok) expect(r[p].kind, `${p}: ${r[p].message}`).toBe('implausible');
    }
    expect(data(r.Kelp).totalEth).toBeCloseTo(9020, 9);
  });

  test('Renzo rows that do not match the collateral list are refused', async () => {
    await send(anvil.url, RENZO.restakeManager, renzoTvlMockAbi, 'setTvls', [[[parseEther('1'), parseEther('1')]], parseEther('2')]);
    const r = await read();
    expect(r.Renzo?.ok).toBe(false);
  });

  test('an RPC that is down fails the read as a whole, with a clear message', async () => {
    const dead = createPublicClient({ transport: http('http://127.0.0.1:1', { retryCount: 0 }) }) as PublicClient;
    const r = await readBacking(dead, 'eip155:1', BACKING_SPECS, () => AT);
    expect(r.ok).toBe(false);
  });
});

test('a backing mock overlaying another suite’s mock answers its own views and forwards the rest', async () => {
  const at = getAddress('0x000000000000000000000000000000000000beef');
  await placeLrt(anvil.url, at, { rate: 10n ** 18n, supply: 5n * 10n ** 18n, decimals: 18, symbol: 'UNDER' });
  await placeOver(anvil.url, at, 'TokenBalanceMock');
  await send(anvil.url, at, tokenBalanceMockAbi, 'setBackingBalance', [PUFFER.vault, parseEther('7')]);
  const erc20 = parseAbi(['function balanceOf(address) view returns (uint256)', 'function symbol() view returns (string)', 'function totalSupply() view returns (uint256)']);
  expect(await client.readContract({ address: at, abi: erc20, functionName: 'balanceOf', args: [PUFFER.vault] })).toBe(parseEther('7'));
  expect(await client.readContract({ address: at, abi: erc20, functionName: 'symbol' })).toBe('UNDER');
  expect(await client.readContract({ address: at, abi: erc20, functionName: 'totalSupply' })).toBe(5n * 10n ** 18n);
});
