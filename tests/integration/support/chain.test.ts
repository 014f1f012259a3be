// Self-test of the local chain support: solc build, anvil lifecycle, mocks at real addresses, viem multicall over fallback.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Abi,
  type Address,
  type AbiFunction,
  type Hex,
  createPublicClient,
  fallback,
  http,
  parseAbi,
  parseEther,
  toFunctionSelector,
  zeroAddress,
} from 'viem';
import { mainnet } from 'viem/chains';
import { type Anvil, freePort, startAnvil } from '../../support/anvil';
import { compileContracts, type CompiledContracts } from '../../support/solc';
import * as abis from '../../support/abis';
import {
  ADDRESSES,
  ANVIL_SENDER,
  chainClients,
  placeContract,
  placeLrt,
  placeProtocolMocks,
  quoterAmountOut,
  setAllocatedSets,
  setBalancerPool,
  setCurvePool,
  setDelegatedTo,
  setMagnitudes,
  setOperatorShares,
  setQuoterPool,
  setRedistributing,
  setReverting,
} from '../../support/chain';

const RENZO: Address = '0x387dBc0fB00b26fb085aa658527D5BE98302c84C';
const BROKEN: Address = '0x000000000000000000000000000000000000b0b0';
const WETH: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const EZETH: Address = '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110';
const OPERATOR: Address = '0x0000000000000000000000000000000000000a11';
const STRATEGY: Address = '0x0000000000000000000000000000000000005757';
const AVS: Address = '0x000000000000000000000000000000000000a755';
const RATE = 1_041_234_567_890_123_456n;

let anvil: Anvil;
let compiled: CompiledContracts;
let deadUrl: string;

beforeAll(async () => {
  compiled = await compileContracts();
  anvil = await startAnvil();
  deadUrl = `http://127.0.0.1:${await freePort()}`; // Nothing listens there.
  await placeProtocolMocks(anvil.url);
  await placeLrt(anvil.url, RENZO, { rate: RATE, supply: parseEther('1000000'), symbol: 'ezETH' });
  await placeLrt(anvil.url, BROKEN, { rate: 1n });
  await setReverting(anvil.url, BROKEN, true);
}, 30_000);

afterAll(() => anvil?.stop());

/** A fallback client whose first RPC is down; records the JSON-RPC bodies sent to anvil. */
function liveClient() {
  const sent: { method: string; params: unknown[] }[] = [];
  const client = createPublicClient({
    chain: mainnet,
    batch: { multicall: true },
    transport: fallback([
      http(deadUrl, { retryCount: 0 }),
      http(anvil.url, {
        retryCount: 0,
        onFetchRequest: async (req) => {
          const body = (await req.clone().json()) as { method: string; params: unknown[] } | { method: string; params: unknown[] }[];
          sent.push(...(Array.isArray(body) ? body : [body]));
        },
      }),
    ], { retryCount: 0 }),
  });
  return { client, sent };
}

describe('compiled contracts', () => {
  test('every hand-written ABI item exists in the solc ABI', () => {
    const pairs: [Abi, keyof CompiledContracts][] = [
      [abis.multicall3Abi, 'Multicall3'],
      [abis.lrtMockAbi, 'LrtMock'],
      [abis.curvePoolMockAbi, 'CurvePoolMock'],
      [abis.quoterV2MockAbi, 'QuoterV2Mock'],
      [abis.balancerQueriesMockAbi, 'BalancerQueriesMock'],
      [abis.allocationManagerMockAbi, 'AllocationManagerMock'],
      [abis.delegationManagerMockAbi, 'DelegationManagerMock'],
      [abis.balancerVaultMockAbi, 'BalancerVaultMock'],
      [abis.withdrawalsMockAbi, 'WithdrawalsMock'],
      [abis.fluidResolverMockAbi, 'FluidResolverMock'],
    ];
    const sig = (f: AbiFunction) => `${toFunctionSelector(f)}:${f.stateMutability}:${JSON.stringify(f.outputs.map((o) => o.type))}`;
    for (const [abi, name] of pairs) {
      const real = new Set(compiled[name].abi.filter((x): x is AbiFunction => x.type === 'function').map(sig));
      for (const f of abi.filter((x): x is AbiFunction => x.type === 'function')) expect(real, `${name}.${f.name}`).toContain(sig(f));
    }
  });

  test('bytecode is 0x-prefixed hex with no unlinked libraries or immutables', () => {
    for (const c of Object.values(compiled)) {
      expect(c.deployedBytecode).toMatch(/^0x[0-9a-f]{100,}$/);
      expect(c.bytecode).toMatch(/^0x[0-9a-f]+$/);
    }
  });
});

describe('viem over fallback([dead, anvil]) with multicall batching', () => {
  test('concurrent readContract calls become one aggregate3 eth_call to the canonical Multicall3', async () => {
    const { client, sent } = liveClient();
    const [rate, assets] = await Promise.all([
      client.readContract({ address: RENZO, abi: abis.lrtMockAbi, functionName: 'getRate' }),
      client.readContract({ address: RENZO, abi: abis.lrtMockAbi, functionName: 'convertToAssets', args: [10n ** 18n] }),
    ]);
    expect(rate).toBe(RATE);
    expect(assets).toBe(RATE);
    const calls = sent.filter((s) => s.method === 'eth_call');
    expect(calls).toHaveLength(1);
    expect((calls[0]!.params[0] as { to: string }).to.toLowerCase()).toBe(ADDRESSES.multicall3.toLowerCase());
  });

  test('multicall with allowFailure: one success, one revert with its reason', async () => {
    const { client } = liveClient();
    const [ok, bad] = await client.multicall({
      allowFailure: true,
      contracts: [
        { address: RENZO, abi: abis.lrtMockAbi, functionName: 'getRate' },
        { address: BROKEN, abi: abis.lrtMockAbi, functionName: 'getRate' },
      ],
    });
    expect(ok).toEqual({ status: 'success', result: RATE });
    expect(bad?.status).toBe('failure');
    expect(String(bad?.error)).toContain('LrtMock: reverting');
  });

  test('every LrtMock getter reads the stored rate', async () => {
    const { client } = liveClient();
    const noArg = ['getRate', 'rsETHPrice', 'exchangeRatio', 'exchangeRateToNative', 'exchangeRateToLST', 'ratio', 'stEthPerToken', 'getExchangeRate'] as const;
    const oneArg = ['convertToAssets', 'mETHToETH', 'getValueByShares'] as const;
    const res = await client.multicall({
      allowFailure: false,
      contracts: [
        ...noArg.map((functionName) => ({ address: RENZO, abi: abis.lrtMockAbi, functionName }) as const),
        ...oneArg.map((functionName) => ({ address: RENZO, abi: abis.lrtMockAbi, functionName, args: [2n * 10n ** 18n] }) as const),
      ],
    });
    expect(res).toEqual([...noArg.map(() => RATE), ...oneArg.map(() => 2n * RATE)]);
    const [supply, decimals, symbol] = await client.multicall({
      allowFailure: false,
      contracts: (['totalSupply', 'decimals', 'symbol'] as const).map((functionName) => ({ address: RENZO, abi: abis.lrtMockAbi, functionName })),
    });
    expect([supply, decimals, symbol]).toEqual([parseEther('1000000'), 18, 'ezETH']);
  });

  test('Multicall3 helpers answer', async () => {
    const { client } = liveClient();
    const m = { address: ADDRESSES.multicall3, abi: abis.multicall3Abi } as const;
    const [block, chainId, balance] = await Promise.all([
      client.readContract({ ...m, functionName: 'getBlockNumber' }),
      client.readContract({ ...m, functionName: 'getChainId' }),
      client.readContract({ ...m, functionName: 'getEthBalance', args: [ANVIL_SENDER] }),
    ]);
    expect(block).toBe(await client.getBlockNumber());
    expect(chainId).toBe(1n);
    expect(balance).toBe(await client.getBalance({ address: ANVIL_SENDER }));
  });
});

describe('protocol mocks at their mainnet addresses', () => {
  const pool = { tokenIn: EZETH, tokenOut: WETH, fee: 100, reserveIn: parseEther('5000'), reserveOut: parseEther('5100') } as const;

  test('QuoterV2: simulateContract and multicall (with a view-declared ABI) quote the pool; unknown pools revert', async () => {
    await setQuoterPool(anvil.url, pool);
    const { client } = liveClient();
    const params = { tokenIn: EZETH, tokenOut: WETH, amountIn: parseEther('1'), fee: 100, sqrtPriceLimitX96: 0n } as const;
    const { result } = await client.simulateContract({ address: ADDRESSES.quoterV2, abi: abis.quoterV2MockAbi, functionName: 'quoteExactInputSingle', args: [params] });
    expect(result[0]).toBe(quoterAmountOut(pool, parseEther('1')));
    expect(result[1]).toBeGreaterThan(0n);
    // viem's multicall types accept only view functions; the selector is the same either way.
    const viewAbi = parseAbi([
      'struct P { address tokenIn; address tokenOut; uint256 amountIn; uint24 fee; uint160 sqrtPriceLimitX96; }',
      'function quoteExactInputSingle(P params) view returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
    ]);
    const [known, unknown] = await client.multicall({
      allowFailure: true,
      contracts: [
        { address: ADDRESSES.quoterV2, abi: viewAbi, functionName: 'quoteExactInputSingle', args: [params] },
        { address: ADDRESSES.quoterV2, abi: viewAbi, functionName: 'quoteExactInputSingle', args: [{ ...params, fee: 500 }] },
      ],
    });
    expect(known?.status === 'success' && known.result[0]).toBe(quoterAmountOut(pool, parseEther('1')));
    expect(String(unknown?.error)).toContain('QuoterV2Mock: unknown pool');
  });

  test('Curve get_dy and coins', async () => {
    const curve: Address = '0x85dE3ADd465a219EE25E04d22c39aB027cF5C12E';
    await setCurvePool(anvil.url, curve, { coins: [WETH, EZETH], balances: [parseEther('1000'), parseEther('990')] });
    const { client } = liveClient();
    const c = { address: curve, abi: abis.curvePoolMockAbi } as const;
    const [dy, coin1] = await Promise.all([
      client.readContract({ ...c, functionName: 'get_dy', args: [0n, 1n, parseEther('1')] }),
      client.readContract({ ...c, functionName: 'coins', args: [1n] }),
    ]);
    expect(dy).toBe((parseEther('990') * parseEther('1')) / parseEther('1001'));
    expect(coin1).toBe(EZETH);
  });

  test('Balancer querySwap, both kinds', async () => {
    const poolId = `0x${'ab'.repeat(32)}` as const;
    await setBalancerPool(anvil.url, { poolId, tokens: [EZETH, WETH], balances: [parseEther('2000'), parseEther('2050')] });
    const { client } = liveClient();
    const funds = { sender: zeroAddress, fromInternalBalance: false, recipient: zeroAddress, toInternalBalance: false };
    const swap = { poolId, kind: 0, assetIn: EZETH, assetOut: WETH, amount: parseEther('1'), userData: '0x' as Hex };
    const q = (s: typeof swap) =>
      client.simulateContract({ address: ADDRESSES.balancerQueries, abi: abis.balancerQueriesMockAbi, functionName: 'querySwap', args: [s, funds] });
    expect((await q(swap)).result).toBe((parseEther('2050') * parseEther('1')) / parseEther('2001'));
    expect((await q({ ...swap, kind: 1 })).result).toBe((parseEther('2000') * parseEther('1')) / parseEther('2049') + 1n);
    await expect(q({ ...swap, assetOut: zeroAddress })).rejects.toThrow('BAL#521');
  });

  test('EigenLayer AllocationManager and DelegationManager views', async () => {
    const set = { avs: AVS, id: 7 };
    await setMagnitudes(anvil.url, { operator: OPERATOR, strategy: STRATEGY, max: 9n * 10n ** 17n, encumbered: 3n * 10n ** 17n });
    await setAllocatedSets(anvil.url, OPERATOR, [set, { avs: AVS, id: 8 }]);
    await setRedistributing(anvil.url, set, true);
    await setOperatorShares(anvil.url, { operator: OPERATOR, strategy: STRATEGY, shares: parseEther('123') });
    await setDelegatedTo(anvil.url, RENZO, OPERATOR);
    const { client } = liveClient();
    const am = { address: ADDRESSES.allocationManager, abi: abis.allocationManagerMockAbi } as const;
    const dm = { address: ADDRESSES.delegationManager, abi: abis.delegationManagerMockAbi } as const;
    const res = await client.multicall({
      allowFailure: false,
      contracts: [
        { ...am, functionName: 'getMaxMagnitude', args: [OPERATOR, STRATEGY] },
        { ...am, functionName: 'getMaxMagnitude', args: [OPERATOR, zeroAddress] },
        { ...am, functionName: 'getEncumberedMagnitude', args: [OPERATOR, STRATEGY] },
        { ...am, functionName: 'getAllocatedSets', args: [OPERATOR] },
        { ...am, functionName: 'isRedistributingOperatorSet', args: [set] },
        { ...am, functionName: 'isRedistributingOperatorSet', args: [{ avs: AVS, id: 8 }] },
        { ...dm, functionName: 'getOperatorShares', args: [OPERATOR, [STRATEGY, zeroAddress]] },
        { ...dm, functionName: 'delegatedTo', args: [RENZO] },
      ],
    });
    expect(res).toEqual([9n * 10n ** 17n, 10n ** 18n, 3n * 10n ** 17n, [set, { avs: AVS, id: 8 }], true, false, [parseEther('123'), 0n], OPERATOR]);
  });
});

describe('anvil lifecycle', () => {
  test('stop refuses connections; start on the same port restores the chain state', async () => {
    const direct = chainClients(anvil.url).test;
    const before = await direct.getBlockNumber();
    await anvil.stop();
    expect(anvil.running).toBe(false);
    await expect(fetch(anvil.url, { method: 'POST', body: '{}' })).rejects.toThrow();
    const { client } = liveClient();
    await expect(client.readContract({ address: RENZO, abi: abis.lrtMockAbi, functionName: 'getRate' })).rejects.toThrow();
    await anvil.start();
    // The state came back, not a fresh chain (which would be at block 0). anvil_loadState may come back one block on
    // (seen once in a clean-clone run: 15 after 14), so the exact number is not the check; the contract read is.
    const after = await direct.getBlockNumber();
    expect(after >= before && after <= before + 1n, `block ${after} after ${before}`).toBe(true);
    expect(await client.readContract({ address: RENZO, abi: abis.lrtMockAbi, functionName: 'getRate' })).toBe(RATE);
  });

  test('anvil answers CORS preflights (the extension calls it from a service worker in e2e)', async () => {
    const res = await fetch(anvil.url, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('a second chain with another id runs beside the first', async () => {
    const other = await startAnvil({ chainId: 17000 });
    try {
      expect(other.port).not.toBe(anvil.port);
      expect(await chainClients(other.url).test.getChainId()).toBe(17000);
      await placeContract(other.url, RENZO, 'LrtMock');
      // Fresh storage: decimals fall back to 18, rate reads 0.
      const c = chainClients(other.url).test;
      expect(await c.readContract({ address: RENZO, abi: abis.lrtMockAbi, functionName: 'decimals' })).toBe(18);
      expect(await c.readContract({ address: RENZO, abi: abis.lrtMockAbi, functionName: 'getRate' })).toBe(0n);
    } finally {
      await other.stop();
    }
  });
});
