// The protocols' own withdrawal paths read on anvil, with a test contract implementing the real view functions at
// the real mainnet addresses (ether.fi WithdrawRequestNFT and EtherFiRedemptionManager, Kelp LRTWithdrawalManager,
// Puffer's vault and WETH): open, paused, timed pause, queue length and ETH ahead, instant capacity, a revert.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { parseEther, type Address } from 'viem';
import { TOKENS } from '../../../lib/registry';
import { MAX_SUMMED_REQUESTS, estimate, readRedemptions, redeemableOn, type RedemptionRead } from '../../../lib/sources/redemption';
import { chainClient } from '../../../lib/sources/rpc';
import { startAnvil, type Anvil } from '../../support/anvil';
import { chainClients, placeMulticall3, placeWithdrawals, setEthBalance, setWithdrawals } from '../../support/chain';

const NFT: Address = '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c';
const RM: Address = '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0';
const KELP: Address = '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16';
const PUFFER: Address = '0xD9A442856C234a39a81a089C06451EBAa4306a72';
const WETH: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const ETH_KEY: Address = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';

let anvil: Anvil;
let url: string;
beforeAll(async () => {
  anvil = await startAnvil();
  url = anvil.url;
  await placeMulticall3(url);
  for (const a of [NFT, RM, KELP, PUFFER, WETH]) await placeWithdrawals(url, a);
}, 60_000);
afterAll(() => anvil?.stop());

beforeEach(async () => {
  // ether.fi: requests 8, 9 and 10 pending (1 + 2 + 3.5 ETH); 1,500 ETH redeemable instantly.
  await setWithdrawals(url, NFT, 'setPaused', [false, 0n]);
  await setWithdrawals(url, NFT, 'setRequests', [11, 7]);
  for (const [id, amount] of [[8n, '1'], [9n, '2'], [10n, '3.5']] as const) await setWithdrawals(url, NFT, 'setRequest', [id, parseEther(amount)]);
  await setWithdrawals(url, RM, 'setPaused', [false, 0n]);
  await setWithdrawals(url, RM, 'setRedeemable', [ETH_KEY, parseEther('1500')]);
  // Kelp: 8 days of blocks, requests 5..39 locked, 1,234.5 ETH committed to them.
  await setWithdrawals(url, KELP, 'setPaused', [false, 0n]);
  await setWithdrawals(url, KELP, 'setReverting', [false]);
  await setWithdrawals(url, KELP, 'setKelpQueue', [ETH_KEY, 57_600n, 40n, 5n, parseEther('1234.5')]);
  // Puffer: a 1% exit fee, 300 WETH and 20 ETH in the vault.
  await setWithdrawals(url, PUFFER, 'setExitFee', [100n]);
  await setWithdrawals(url, WETH, 'setBalance', [PUFFER, parseEther('300')]);
  await setEthBalance(url, PUFFER, parseEther('20'));
});

async function read() {
  const cc = await chainClient('eip155:1', [url]);
  if ('ok' in cc) throw new Error(cc.message);
  const res = await readRedemptions(cc.client, TOKENS, 'eip155:1');
  if (!res.ok) throw new Error(res.message);
  return res.data;
}
const ok = (o: Awaited<ReturnType<typeof read>>[string] | undefined): RedemptionRead => {
  if (!o?.ok) throw new Error(o ? o.message : 'no outcome');
  return o.data;
};

test('the registry tokens with a readable path', () => {
  expect(redeemableOn(TOKENS, 'eip155:1').map((t) => t.id).sort()).toEqual(['eeth', 'pufeth', 'rseth', 'weeth']);
  expect(redeemableOn(TOKENS, 'eip155:8453')).toEqual([]);
});

test('Kelp: delay from withdrawalDelayBlocks, queue from the nonces and assetsCommitted, with chain sources', async () => {
  const k = ok((await read()).rseth);
  expect(k).toMatchObject({ protocol: 'Kelp', open: true, delayDays: 8, queue: { requests: 35, aheadEth: 1234.5 }, instant: null });
  expect(k.estimate).toBe('Redeem at the rate in about 8 days (queue: 1,235 ETH ahead, 35 requests).');
  const block = String(await chainClients(url).test.getBlockNumber());
  expect(k.block).toBe(block);
  expect(k.sources.map((s) => s.function)).toEqual([
    'paused()',
    'withdrawalDelayBlocks()',
    `nextUnusedNonce(${ETH_KEY})`,
    `nextLockedNonce(${ETH_KEY})`,
    `assetsCommitted(${ETH_KEY})`,
  ]);
  expect(k.sources[0]).toMatchObject({ kind: 'chain', chain: 'eip155:1', contract: KELP, block });
});

test('ether.fi: instant capacity, and the pending requests summed; eETH and weETH share the path', async () => {
  const data = await read();
  const e = ok(data.eeth);
  expect(data.weeth).toEqual(data.eeth);
  expect(e).toMatchObject({ open: true, instant: { eth: 1500, feePct: null }, queue: { requests: 3, aheadEth: 6.5 }, delayDays: null });
  expect(e.estimate).toBe('Redeem instantly up to 1,500 ETH at once; otherwise wait in the queue (queue: 6.5 ETH ahead, 3 requests); the contract sets no fixed wait.');
  expect(e.sources.at(-1)!.function).toBe('getRequest(uint256) for ids 8–10');
});

test('ether.fi: a queue too long to sum is given as a count', async () => {
  await setWithdrawals(url, NFT, 'setRequests', [MAX_SUMMED_REQUESTS + 10, 2]);
  const e = ok((await read()).eeth);
  expect(e.queue).toEqual({ requests: MAX_SUMMED_REQUESTS + 7, aheadEth: null });
  expect(e.estimate).toContain(`queue: ${MAX_SUMMED_REQUESTS + 7} requests ahead`);
});

test('Puffer: instant from the vault’s WETH and ETH, with its exit fee', async () => {
  const p = ok((await read()).pufeth);
  expect(p).toMatchObject({ open: null, instant: { eth: 320, feePct: 1 }, delayDays: 0, queue: null });
  expect(p.estimate).toBe('Redeem at the rate now, up to 320 ETH at once (exit fee 1%).');
  await setWithdrawals(url, WETH, 'setBalance', [PUFFER, 0n]);
  await setEthBalance(url, PUFFER, 0n);
  const empty = ok((await read()).pufeth);
  expect(empty).toMatchObject({ instant: { eth: 0 }, delayDays: null });
  expect(empty.estimate).toBe('Puffer holds no ETH for instant redemption now.');
});

test('a paused queue, and a timed pause still running, read as closed', async () => {
  await setWithdrawals(url, KELP, 'setPaused', [true, 0n]);
  const ts = (await chainClients(url).test.getBlock()).timestamp;
  await setWithdrawals(url, NFT, 'setPaused', [false, ts + 3600n]);
  await setWithdrawals(url, RM, 'setPaused', [false, ts + 3600n]);
  const data = await read();
  expect(ok(data.rseth)).toMatchObject({ open: false, estimate: 'Kelp redemption requests are paused on-chain: the only exit now is selling.' });
  expect(ok(data.eeth)).toMatchObject({ open: false, instant: { eth: 0 } });
  // A timed pause that has ended is not a pause.
  await setWithdrawals(url, NFT, 'setPaused', [false, ts - 10n]);
  expect(ok((await read()).eeth).open).toBe(true);
});

test('a withdrawal contract that reverts fails its own tokens only', async () => {
  await setWithdrawals(url, KELP, 'setReverting', [true]);
  const data = await read();
  expect(data.rseth).toMatchObject({ ok: false, kind: 'revert' });
  expect(data.eeth).toMatchObject({ ok: true });
  expect(data.pufeth).toMatchObject({ ok: true });
});

test('estimate wording at each combination', () => {
  const base = { protocol: 'X', open: true, instant: null, queue: null, delayDays: null } as const;
  expect(estimate({ ...base, delayDays: 7.04 })).toBe('Redeem at the rate in about 7.1 days.');
  expect(estimate({ ...base, delayDays: 3, queue: { requests: 1, aheadEth: 12 } })).toBe('Redeem at the rate in about 3 days (queue: 12 ETH ahead, 1 request).');
  expect(estimate(base)).toBe("X's withdrawal state could not be read.");
  expect(estimate({ ...base, open: false, delayDays: 3 })).toMatch(/paused on-chain/);
});

test('the support helper places every path with a given state (as e2e suites use it)', async () => {
  const { placeRedemptionPaths } = await import('../../support/venues');
  const other = await startAnvil();
  try {
    await placeMulticall3(other.url);
    await placeRedemptionPaths(other.url, { etherfi: { pending: [4, 6], instantEth: 900 }, kelp: { delayDays: 8, requests: 12, aheadEth: 300 }, puffer: { liquidEth: 50, exitFeeBps: 100 } });
    const cc = await chainClient('eip155:1', [other.url]);
    if ('ok' in cc) throw new Error(cc.message);
    const res = await readRedemptions(cc.client, TOKENS, 'eip155:1');
    if (!res.ok) throw new Error(res.message);
    expect(ok(res.data.eeth)).toMatchObject({ open: true, instant: { eth: 900 }, queue: { requests: 2, aheadEth: 10 } });
    expect(ok(res.data.rseth)).toMatchObject({ open: true, delayDays: 8, queue: { requests: 12, aheadEth: 300 } });
    expect(ok(res.data.pufeth)).toMatchObject({ instant: { eth: 50, feePct: 1 }, delayDays: 0 });
  } finally {
    await other.stop();
  }
}, 30_000);
