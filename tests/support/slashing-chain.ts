// Slashing test chain: typed ABIs of the EigenLayer, LRT-staker, Symbiotic and Mellow test contracts (checked
// against the solc output by the integration suite) and helpers that place them at real mainnet addresses.
import { parseAbi, type Address, type Hex } from 'viem';
import { chainClients, placeContract, placeMulticall3, send } from './chain.ts';

export const EL_ADDRESSES = {
  delegationManager: '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A',
  allocationManager: '0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39',
  stethStrategy: '0x93c4b944D05dfe6df7645A86cd2206016c51564D',
  ethxStrategy: '0x9d7eD45EE2E8FC5482fa2428f15C971e6369011d',
  beaconChainEth: '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0',
} as const satisfies Record<string, Address>;

export const elDelegationManagerAbi = parseAbi([
  'function delegatedTo(address staker) view returns (address)',
  'function getWithdrawableShares(address staker, address[] strategies) view returns (uint256[] withdrawableShares, uint256[] depositShares)',
  'function getOperatorsShares(address[] operators, address[] strategies) view returns (uint256[][] shares)',
  'function getOperatorShares(address operator, address[] strategies) view returns (uint256[] shares)',
  'function reverting() view returns (bool)',
  'function setDelegatedTo(address staker, address operator)',
  'function setWithdrawable(address staker, address strategy, uint256 shares)',
  'function setOperatorShares(address operator, address strategy, uint256 shares)',
  'function setReverting(bool r)',
]);

export const elAllocationManagerAbi = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
  'function getAllocatedSets(address operator) view returns (OperatorSet[])',
  'function getMaxMagnitudes(address[] operators, address strategy) view returns (uint64[] out)',
  'function getMinimumSlashableStake(OperatorSet s, address[] operators, address[] strategies, uint32 futureBlock) view returns (uint256[][] slashableStake)',
  'function getStrategyAllocations(address operator, address strategy) view returns (OperatorSet[] sets, Allocation[] allocations)',
  'function isRedistributingOperatorSet(OperatorSet s) view returns (bool)',
  'function getSlasher(OperatorSet s) view returns (address)',
  'function reverting() view returns (bool)',
  'function setAllocatedSets(address operator, OperatorSet[] sets)',
  'function setMaxMagnitude(address operator, address strategy, uint64 m)',
  'function setAllocation(address operator, OperatorSet s, address strategy, uint64 current, int128 pendingDiff, uint32 effectBlock)',
  'function setSlashable(address operator, OperatorSet s, bool v)',
  'function setRedistributing(OperatorSet s, bool v)',
  'function setSlasher(OperatorSet s, address slasher)',
  'function setReverting(bool r)',
]);

export const elStrategyAbi = parseAbi(['function rate() view returns (uint256)', 'function setRate(uint256 r)', 'function sharesToUnderlyingView(uint256 amountShares) view returns (uint256)']);

export const elVetoableSlasherAbi = parseAbi([
  'function vetoWindowBlocks() view returns (uint32)',
  'function vetoCommittee() view returns (address)',
  'function setVeto(uint32 windowBlocks, address committee)',
]);

export const lrtStakersAbi = parseAbi([
  'function getNodeDelegatorQueue() view returns (address[])',
  'function getOperatorDelegatorsLength() view returns (uint256)',
  'function operatorDelegators(uint256 i) view returns (address)',
  'function getTotalPods() view returns (uint256)',
  'function podOwners(uint256 i) view returns (address)',
  'function getModuleWeights() view returns (bytes32[])',
  'function getModuleAddress(bytes32 name) view returns (address)',
  'function AccessControlManager() view returns (address)',
  'function DepositManager() view returns (address)',
  'function eigenLayerManager() view returns (address)',
  'function stakeId() view returns (uint256)',
  'function stakerProxyAddresses(uint256 id) view returns (address)',
  'function reverting() view returns (bool)',
  'function setReverting(bool r)',
  'function setStakers(address[] s)',
  'function setNext(address n)',
  'function setModules(bytes32[] names, address[] addrs)',
]);

export const symVaultAbi = parseAbi([
  'function delegator() view returns (address)',
  'function slasher() view returns (address)',
  'function burner() view returns (address)',
  'function collateral() view returns (address)',
  'function activeStake() view returns (uint256)',
  'function epochDuration() view returns (uint48)',
  'function symbioticVault() view returns (address)',
  'function reverting() view returns (bool)',
  'function setReverting(bool r)',
  'function setVault(address d, address s, address b, address c, uint256 stake, uint48 epoch)',
  'function setSymbioticVault(address v)',
]);

export const symDelegatorAbi = parseAbi([
  'event SetMaxNetworkLimit(bytes32 indexed subnetwork, uint256 amount)',
  'function TYPE() view returns (uint64)',
  'function operator() view returns (address)',
  'function network() view returns (address)',
  'function maxNetworkLimit(bytes32) view returns (uint256)',
  'function networkLimit(bytes32 subnetwork) view returns (uint256)',
  'function setType(uint64 t)',
  'function setSpecific(address op, address net)',
  'function setLimits(bytes32 subnetwork, uint256 maxLimit, uint256 limit)',
]);

export const symSlasherAbi = parseAbi([
  'function TYPE() view returns (uint64)',
  'function vetoDuration() view returns (uint48)',
  'function resolver(bytes32 subnetwork, bytes) view returns (address)',
  'function setSlasher(uint64 t, uint48 veto)',
  'function setResolver(bytes32 subnetwork, address r)',
]);

export const symBurnerAbi = parseAbi(['function COLLATERAL() view returns (address)', 'function setCollateral(address c)']);

export const symBurnerRouterAbi = parseAbi([
  'function globalReceiver() view returns (address)',
  'function delay() view returns (uint48)',
  'function networkReceiver(address) view returns (address)',
  'function setRouter(address global, uint48 d)',
  'function setNetworkReceiver(address net, address receiver)',
]);

export interface OperatorSet {
  avs: Address;
  id: number;
}

const dm = EL_ADDRESSES.delegationManager;
const am = EL_ADDRESSES.allocationManager;

/** Multicall3, the DelegationManager and the AllocationManager at their mainnet addresses. */
export async function placeEigenLayer(url: string): Promise<void> {
  await placeMulticall3(url);
  await placeContract(url, dm, 'ElDelegationManager');
  await placeContract(url, am, 'ElAllocationManager');
}

export const el = {
  delegate: (url: string, staker: Address, operator: Address) => send(url, dm, elDelegationManagerAbi, 'setDelegatedTo', [staker, operator]),
  withdrawable: (url: string, staker: Address, strategy: Address, shares: bigint) => send(url, dm, elDelegationManagerAbi, 'setWithdrawable', [staker, strategy, shares]),
  operatorShares: (url: string, operator: Address, strategy: Address, shares: bigint) => send(url, dm, elDelegationManagerAbi, 'setOperatorShares', [operator, strategy, shares]),
  sets: (url: string, operator: Address, sets: readonly OperatorSet[]) => send(url, am, elAllocationManagerAbi, 'setAllocatedSets', [operator, sets]),
  maxMagnitude: (url: string, operator: Address, strategy: Address, m: bigint) => send(url, am, elAllocationManagerAbi, 'setMaxMagnitude', [operator, strategy, m]),
  allocate: (url: string, a: { operator: Address; set: OperatorSet; strategy: Address; current: bigint; pendingDiff?: bigint; effectBlock?: number; slashable?: boolean }) =>
    send(url, am, elAllocationManagerAbi, 'setAllocation', [a.operator, a.set, a.strategy, a.current, a.pendingDiff ?? 0n, a.effectBlock ?? 0]).then(() =>
      send(url, am, elAllocationManagerAbi, 'setSlashable', [a.operator, a.set, a.slashable ?? true]),
    ),
  slashable: (url: string, operator: Address, set: OperatorSet, v: boolean) => send(url, am, elAllocationManagerAbi, 'setSlashable', [operator, set, v]),
  redistributing: (url: string, set: OperatorSet, v: boolean) => send(url, am, elAllocationManagerAbi, 'setRedistributing', [set, v]),
  slasher: (url: string, set: OperatorSet, slasher: Address) => send(url, am, elAllocationManagerAbi, 'setSlasher', [set, slasher]),
};

/** Places a VetoableSlasher at `address` with its window and committee. */
export async function placeVetoSlasher(url: string, address: Address, windowBlocks: number, committee: Address): Promise<void> {
  await placeContract(url, address, 'ElVetoableSlasher');
  await send(url, address, elVetoableSlasherAbi, 'setVeto', [windowBlocks, committee]);
}

/** Places an LST strategy at `address` answering sharesToUnderlyingView at `rate` (underlying per 1e18 shares). */
export async function placeStrategy(url: string, address: Address, rate: bigint): Promise<void> {
  await placeContract(url, address, 'ElStrategy');
  await send(url, address, elStrategyAbi, 'setRate', [rate]);
}

/** Places LrtStakers at `address` listing `stakers` (and, for Swell-style chains, pointing `next` onward). */
export async function placeStakerList(url: string, address: Address, stakers: readonly Address[], opts: { next?: Address; modules?: readonly Hex[] } = {}): Promise<void> {
  await placeContract(url, address, 'LrtStakers');
  await send(url, address, lrtStakersAbi, 'setStakers', [stakers]);
  if (opts.next) await send(url, address, lrtStakersAbi, 'setNext', [opts.next]);
  if (opts.modules) await send(url, address, lrtStakersAbi, 'setModules', [opts.modules, stakers]);
}

export interface SymbioticVaultState {
  mellow: Address;
  /** null: a pre-migration Mellow vault (symbioticVault() reverts). */
  vault: Address | null;
  delegator?: { address: Address; type: 0 | 1 | 2 | 3; limits: ReadonlyArray<{ subnetwork: Hex; max: bigint; limit: bigint }> };
  slasher?: { address: Address; type: 0 | 1; vetoSeconds: number; resolvers?: ReadonlyArray<{ subnetwork: Hex; resolver: Address }> } | null;
  burner?: { address: Address; globalReceiver: Address; delay: number; networkReceivers?: ReadonlyArray<{ network: Address; receiver: Address }> };
  collateral?: Address;
  activeStake?: bigint;
  epochSeconds?: number;
}

/** Places a Mellow vault and, unless legacy, its Symbiotic vault, delegator, slasher and burner router. */
export async function placeSymbioticVault(url: string, s: SymbioticVaultState): Promise<void> {
  await placeContract(url, s.mellow, 'SymVault');
  if (!s.vault) return;
  await send(url, s.mellow, symVaultAbi, 'setSymbioticVault', [s.vault]);
  await placeContract(url, s.vault, 'SymVault');
  const d = s.delegator!;
  await placeContract(url, d.address, 'SymDelegator');
  await send(url, d.address, symDelegatorAbi, 'setType', [BigInt(d.type)]);
  for (const l of d.limits) await send(url, d.address, symDelegatorAbi, 'setLimits', [l.subnetwork, l.max, l.limit]);
  const zero = '0x0000000000000000000000000000000000000000' as const;
  if (s.slasher) {
    await placeContract(url, s.slasher.address, 'SymSlasher');
    await send(url, s.slasher.address, symSlasherAbi, 'setSlasher', [BigInt(s.slasher.type), s.slasher.vetoSeconds]);
    for (const r of s.slasher.resolvers ?? []) await send(url, s.slasher.address, symSlasherAbi, 'setResolver', [r.subnetwork, r.resolver]);
  }
  const b = s.burner!;
  await placeContract(url, b.address, 'SymBurnerRouter');
  await send(url, b.address, symBurnerRouterAbi, 'setRouter', [b.globalReceiver, b.delay]);
  for (const r of b.networkReceivers ?? []) await send(url, b.address, symBurnerRouterAbi, 'setNetworkReceiver', [r.network, r.receiver]);
  await send(url, s.vault, symVaultAbi, 'setVault', [d.address, s.slasher?.address ?? zero, b.address, s.collateral!, s.activeStake ?? 0n, s.epochSeconds ?? 604_800]);
}

/** Places a burner contract for `collateral` at `address`. */
export async function placeBurner(url: string, address: Address, collateral: Address): Promise<void> {
  await placeContract(url, address, 'SymBurner');
  await send(url, address, symBurnerAbi, 'setCollateral', [collateral]);
}

/** Symbiotic subnetwork id: the network in the high 20 bytes, the identifier in the low 12. */
export const subnetwork = (network: Address, id = 0): Hex => `0x${network.slice(2).toLowerCase()}${id.toString(16).padStart(24, '0')}` as Hex;

/** Mines `n` empty blocks. */
export const mine = (url: string, n: number) => chainClients(url).test.mine({ blocks: n });
