// Backing views on anvil: the test contracts at the real mainnet addresses of lib/registry/backing.ts, with a mix
// per protocol set through their setters. Used by the backing reader's integration test and the backing e2e state.
// Where another suite's test contract already sits at an address (the redemption and slashing mocks share several),
// the backing mock overlays it: that code moves to a side address and answers every call the backing mock does not.
import { getAddress, keccak256, parseAbi, parseEther, type Address } from 'viem';
import { BACKING_SPECS, STETH, WETH, type BackingSpec } from '../../lib/registry/backing';
import { chainClients, send } from './chain';
import { compileContracts, type ContractName } from './solc';

const overlayAbi = parseAbi(['function setNext(address n)']);
export const renzoTvlMockAbi = parseAbi([
  'function setCollateral(address[] t)',
  'function setTvls(uint256[][] perOd, uint256 total)',
  'function setBackingReverting(bool r)',
]);
export const kelpPoolMockAbi = parseAbi([
  'function setAssets(address[] a)',
  'function setDeposits(address a, uint256 v)',
  'function setPrice(address a, uint256 p)',
  'function setRevertsFor(address a, bool r)',
]);
export const etherfiPoolMockAbi = parseAbi(['function setTotal(uint256 t)', 'function setPerToken(address token, uint256 v)', 'function setBackingReverting(bool r)']);
export const pufferVaultMockAbi = parseAbi(['function setTotalAssets(uint256 t)', 'function setPendingLido(uint256 p)', 'function setBackingReverting(bool r)']);
export const tokenBalanceMockAbi = parseAbi(['function setBackingBalance(address holder, uint256 b)', 'function setBackingSymbol(string s)']);

/** Puts `name` at `address`; code already there (another suite's mock) moves aside and answers the other calls. */
export async function placeOver(url: string, address: Address, name: ContractName): Promise<void> {
  const { test } = chainClients(url);
  const mine = (await compileContracts())[name].deployedBytecode;
  const existing = await test.getCode({ address });
  if (existing?.toLowerCase() === mine.toLowerCase()) return;
  await test.setCode({ address, bytecode: mine });
  if (existing && existing !== '0x') {
    const side = getAddress(`0x${keccak256(address).slice(-40)}`);
    await test.setCode({ address: side, bytecode: existing });
    await send(url, address, overlayAbi, 'setNext', [side]);
  }
}

const spec = <K extends BackingSpec['kind']>(kind: K) => BACKING_SPECS.find((e) => e.spec.kind === kind)!.spec as Extract<BackingSpec, { kind: K }>;
export const RENZO = spec('renzo');
export const KELP = spec('kelp');
export const ETHERFI = spec('etherfi');
export const PUFFER = spec('puffer');
export const ETH_MARKER = getAddress('0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE');
/** A second LST for the tests' mixes: a test address, named by its own symbol() as the reader names unknown assets. */
export const OTHER_LST = getAddress('0x00000000000000000000000000000000000157a2');

/** The mixes the tests and the e2e state use, in ETH. */
export const MIX = {
  renzo: { perOd: [[1000, 50, 200], [500, 0, 300]], total: 2150 },
  kelp: { eth: 5000, steth: 3000, other: 1000, otherPrice: 1.02 },
  etherfi: { total: 10_000, steth: 1500 },
  puffer: { total: 4000, steth: 300, pendingLido: 100, weth: 50, eth: 20 },
} as const;

const wei = (n: number) => parseEther(String(n));

/** Places every backing view and ERC-20 the reader calls, and sets the mixes of MIX. Multicall3 must be placed already. */
export async function placeBacking(url: string): Promise<void> {
  for (const a of [STETH, WETH, OTHER_LST]) await placeOver(url, getAddress(a), 'TokenBalanceMock');
  await send(url, OTHER_LST, tokenBalanceMockAbi, 'setBackingSymbol', ['LST2']);

  await placeOver(url, RENZO.restakeManager, 'RenzoTvlMock');
  await send(url, RENZO.restakeManager, renzoTvlMockAbi, 'setCollateral', [[getAddress(STETH), OTHER_LST]]);
  await send(url, RENZO.restakeManager, renzoTvlMockAbi, 'setTvls', [MIX.renzo.perOd.map((row) => row.map(wei)), wei(MIX.renzo.total)]);

  for (const a of [KELP.config, KELP.depositPool, KELP.oracle]) await placeOver(url, a, 'KelpPoolMock');
  await send(url, KELP.config, kelpPoolMockAbi, 'setAssets', [[ETH_MARKER, getAddress(STETH), OTHER_LST]]);
  const kelp: Array<[Address, number, number]> = [[ETH_MARKER, MIX.kelp.eth, 1], [getAddress(STETH), MIX.kelp.steth, 1], [OTHER_LST, MIX.kelp.other, MIX.kelp.otherPrice]];
  for (const [a, amount, price] of kelp) {
    await send(url, KELP.depositPool, kelpPoolMockAbi, 'setDeposits', [a, wei(amount)]);
    await send(url, KELP.oracle, kelpPoolMockAbi, 'setPrice', [a, wei(price)]);
  }

  for (const a of [ETHERFI.liquidityPool, ETHERFI.restaker]) await placeOver(url, a, 'EtherfiPoolMock');
  await send(url, ETHERFI.liquidityPool, etherfiPoolMockAbi, 'setTotal', [wei(MIX.etherfi.total)]);
  await send(url, ETHERFI.restaker, etherfiPoolMockAbi, 'setPerToken', [getAddress(STETH), wei(MIX.etherfi.steth)]);

  await placeOver(url, PUFFER.vault, 'PufferVaultMock');
  await send(url, PUFFER.vault, pufferVaultMockAbi, 'setTotalAssets', [wei(MIX.puffer.total)]);
  await send(url, PUFFER.vault, pufferVaultMockAbi, 'setPendingLido', [wei(MIX.puffer.pendingLido)]);
  await send(url, getAddress(STETH), tokenBalanceMockAbi, 'setBackingBalance', [PUFFER.vault, wei(MIX.puffer.steth)]);
  await send(url, getAddress(WETH), tokenBalanceMockAbi, 'setBackingBalance', [PUFFER.vault, wei(MIX.puffer.weth)]);
  await chainClients(url).test.setBalance({ address: PUFFER.vault, value: wei(MIX.puffer.eth) });
}
