// Places the compiled test contracts on a running anvil (anvil_setCode) and drives their setters.
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hex,
  createTestClient,
  createWalletClient,
  http,
  publicActions,
} from 'viem';
import { mainnet } from 'viem/chains';
import {
  allocationManagerMockAbi,
  balancerQueriesMockAbi,
  balancerVaultMockAbi,
  curvePoolMockAbi,
  fluidResolverMockAbi,
  delegationManagerMockAbi,
  lrtMockAbi,
  quoterV2MockAbi,
  setRevertingAbi,
  withdrawalsMockAbi,
} from './abis.ts';
import { type ContractName, compileContracts } from './solc.ts';

/** Real mainnet addresses the mocks are placed at. */
export const ADDRESSES = {
  multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11',
  quoterV2: '0x61fFE014bA17989E743c5F6cB21bF9697530B21e',
  balancerQueries: '0xE39B5e3B6D74016b2F6A9673D7d7493B6DF549d5',
  balancerVault: '0xBA12222222228d8Ba445958a75a0704d566BF2C8',
  fluidDexResolver: '0x05Bd8269A20C472b148246De20E6852091BF16Ff',
  allocationManager: '0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39',
  delegationManager: '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A',
} as const satisfies Record<string, Address>;

/** anvil's first default account: unlocked, funded. */
export const ANVIL_SENDER: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function makeClients(url: string) {
  const transport = http(url, { retryCount: 0 });
  return {
    test: createTestClient({ mode: 'anvil', chain: mainnet, transport, pollingInterval: 20 }).extend(publicActions),
    wallet: createWalletClient({ account: ANVIL_SENDER, chain: mainnet, transport, pollingInterval: 20 }),
  };
}
const clientsByUrl = new Map<string, ReturnType<typeof makeClients>>();

/** Cached anvil test client (with public actions) and wallet client for `url`. The chain is viem's mainnet (id 1). */
export function chainClients(url: string): ReturnType<typeof makeClients> {
  let c = clientsByUrl.get(url);
  if (!c) clientsByUrl.set(url, (c = makeClients(url)));
  return c;
}

/** Puts `name`'s runtime code at `address` (no constructor runs: storage starts at zero). */
export async function placeContract(url: string, address: Address, name: ContractName): Promise<void> {
  const compiled = await compileContracts();
  await chainClients(url).test.setCode({ address, bytecode: compiled[name].deployedBytecode });
}

export function placeMulticall3(url: string): Promise<void> {
  return placeContract(url, ADDRESSES.multicall3, 'Multicall3');
}

/** Sends a transaction from ANVIL_SENDER and waits for a successful receipt. */
export async function send<
  const abi extends Abi,
  fn extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
  const args extends ContractFunctionArgs<abi, 'nonpayable' | 'payable', fn>,
>(url: string, address: Address, abi: abi, functionName: fn, args: args): Promise<Hex> {
  const { test, wallet } = chainClients(url);
  // The generic args satisfy viem's writeContract at runtime; its conditional types do not narrow here.
  const hash = await wallet.writeContract({ address, abi, functionName, args } as never);
  const receipt = await test.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${functionName} on ${address} reverted`);
  return hash;
}

export interface LrtState {
  rate: bigint;
  supply?: bigint;
  decimals?: number;
  symbol?: string;
}

/** Places LrtMock at `address` and sets its rate (and optionally supply, decimals, symbol). */
export async function placeLrt(url: string, address: Address, state: LrtState): Promise<void> {
  await placeContract(url, address, 'LrtMock');
  await setRate(url, address, state.rate);
  if (state.supply !== undefined) await setSupply(url, address, state.supply);
  if (state.decimals !== undefined) await setDecimals(url, address, state.decimals);
  if (state.symbol !== undefined) await send(url, address, lrtMockAbi, 'setSymbol', [state.symbol]);
}

export const setRate = (url: string, address: Address, rate: bigint) => send(url, address, lrtMockAbi, 'setRate', [rate]);
export const setSupply = (url: string, address: Address, supply: bigint) => send(url, address, lrtMockAbi, 'setSupply', [supply]);
export const setDecimals = (url: string, address: Address, decimals: number) => send(url, address, lrtMockAbi, 'setDecimals', [decimals]);

/** Every mock has setReverting(bool): when on, its views revert with "<Contract>: reverting". */
export const setReverting = (url: string, address: Address, reverting: boolean) =>
  send(url, address, setRevertingAbi, 'setReverting', [reverting]);

export interface CurvePoolState {
  coins: readonly [Address, Address];
  balances: readonly [bigint, bigint];
}

/** Places CurvePoolMock at `address` (unless `place: false`) and sets coins and balances. */
export async function setCurvePool(url: string, address: Address, pool: CurvePoolState, place = true): Promise<void> {
  if (place) await placeContract(url, address, 'CurvePoolMock');
  await send(url, address, curvePoolMockAbi, 'setCoins', pool.coins);
  await send(url, address, curvePoolMockAbi, 'setBalances', [pool.balances]);
}

export interface QuoterPool {
  tokenIn: Address;
  tokenOut: Address;
  /** Uniswap fee tier in hundredths of a bip (500 = 0.05 %). */
  fee: number;
  reserveIn: bigint;
  reserveOut: bigint;
}

/** Configures one direction of a pool on the QuoterV2 mock (placed beforehand with placeContract). */
export const setQuoterPool = (url: string, p: QuoterPool, quoter: Address = ADDRESSES.quoterV2) =>
  send(url, quoter, quoterV2MockAbi, 'setPool', [p.tokenIn, p.tokenOut, p.fee, p.reserveIn, p.reserveOut]);

/** What QuoterV2Mock returns as amountOut for `amountIn` on pool `p`. */
export function quoterAmountOut(p: QuoterPool, amountIn: bigint): bigint {
  const inAfterFee = (amountIn * (1_000_000n - BigInt(p.fee))) / 1_000_000n;
  return (p.reserveOut * inAfterFee) / (p.reserveIn + inAfterFee);
}

export interface BalancerPool {
  poolId: Hex;
  tokens: readonly [Address, Address];
  balances: readonly [bigint, bigint];
  /** What Vault.getPoolTokens lists, when not just the two tokens (a composable pool also lists its own BPT). */
  vaultTokens?: readonly Address[];
}

/** Configures the pool on the BalancerQueries mock and registers its tokens on the Vault mock (as the Vault lists them). */
export async function setBalancerPool(url: string, p: BalancerPool, queries: Address = ADDRESSES.balancerQueries): Promise<void> {
  await send(url, queries, balancerQueriesMockAbi, 'setPool', [p.poolId, p.tokens[0], p.tokens[1], p.balances[0], p.balances[1]]);
  await send(url, ADDRESSES.balancerVault, balancerVaultMockAbi, 'setPoolTokens', [p.poolId, [...(p.vaultTokens ?? p.tokens)]]);
}

export interface FluidPool {
  dex: Address;
  tokens: readonly [Address, Address];
  reserves: readonly [bigint, bigint];
  /** Larger sales estimate to 0, as the real resolver's do past a pool's limits. Default: no limit. */
  maxIn?: bigint;
}

export const setFluidPool = (url: string, p: FluidPool, resolver: Address = ADDRESSES.fluidDexResolver) =>
  send(url, resolver, fluidResolverMockAbi, 'setPool', [p.dex, p.tokens[0], p.tokens[1], p.reserves[0], p.reserves[1], p.maxIn ?? 2n ** 255n]);

export interface OperatorSet {
  avs: Address;
  id: number;
}

/** Magnitudes of (operator, strategy); unset pairs read max = 1e18 and encumbered = 0, as on mainnet for unslashed operators. */
export const setMagnitudes = (
  url: string,
  m: { operator: Address; strategy: Address; max: bigint; encumbered: bigint },
  manager: Address = ADDRESSES.allocationManager,
) => send(url, manager, allocationManagerMockAbi, 'setMagnitudes', [m.operator, m.strategy, m.max, m.encumbered]);

export const setAllocatedSets = (url: string, operator: Address, sets: readonly OperatorSet[], manager: Address = ADDRESSES.allocationManager) =>
  send(url, manager, allocationManagerMockAbi, 'setAllocatedSets', [operator, sets]);

export const setRedistributing = (url: string, set: OperatorSet, value: boolean, manager: Address = ADDRESSES.allocationManager) =>
  send(url, manager, allocationManagerMockAbi, 'setRedistributing', [set, value]);

export const setOperatorShares = (
  url: string,
  s: { operator: Address; strategy: Address; shares: bigint },
  manager: Address = ADDRESSES.delegationManager,
) => send(url, manager, delegationManagerMockAbi, 'setOperatorShares', [s.operator, s.strategy, s.shares]);

export const setDelegatedTo = (url: string, staker: Address, operator: Address, manager: Address = ADDRESSES.delegationManager) =>
  send(url, manager, delegationManagerMockAbi, 'setDelegatedTo', [staker, operator]);

/** Places Multicall3 and every protocol mock at its real mainnet address. */
export async function placeProtocolMocks(url: string): Promise<void> {
  await placeMulticall3(url);
  await placeContract(url, ADDRESSES.quoterV2, 'QuoterV2Mock');
  await placeContract(url, ADDRESSES.balancerQueries, 'BalancerQueriesMock');
  await placeContract(url, ADDRESSES.balancerVault, 'BalancerVaultMock');
  await placeContract(url, ADDRESSES.fluidDexResolver, 'FluidResolverMock');
  await placeContract(url, ADDRESSES.allocationManager, 'AllocationManagerMock');
  await placeContract(url, ADDRESSES.delegationManager, 'DelegationManagerMock');
}

/** Places WithdrawalsMock (every withdrawal view the redemption reader calls) at `address`. */
export const placeWithdrawals = (url: string, address: Address) => placeContract(url, address, 'WithdrawalsMock');

/** Sends one setter of WithdrawalsMock at `address`. */
export const setWithdrawals = (url: string, address: Address, functionName: WithdrawalsSetter, args: readonly unknown[]) =>
  send(url, address, withdrawalsMockAbi, functionName as never, args as never);
type WithdrawalsSetter = 'setPaused' | 'setRequests' | 'setRequest' | 'setRedeemable' | 'setKelpQueue' | 'setExitFee' | 'setBalance' | 'setReverting';

/** Sets an address's native balance (anvil_setBalance). */
export const setEthBalance = (url: string, address: Address, wei: bigint) => chainClients(url).test.setBalance({ address, value: wei });
