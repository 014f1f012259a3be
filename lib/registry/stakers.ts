// Runs in: build, background, tests. Who stakes on EigenLayer for each restaking token: per protocol, how its
// staker contracts (the addresses EigenLayer's DelegationManager knows as stakers) are found on chain, and which
// strategies to read for them. Where a getter lists them, the getter is stored, never a copy of its answer, so
// a new staker shows up without a release. Every address and signature is from the protocol's own repository at a
// commit (cited); an address found only elsewhere is `verified: false`. Inception (inETH) is left out: its
// RestakingPool finds restakers by provider name (`getRestaker(string)`), and the names are only in
// `RestakerAdded` events, so no getter enumerates them.
import { getAddress, isAddress } from 'viem';
import { z } from '../zod';
import { ETHERFI_NODES } from './data/etherfi-nodes';
import type { SourceRef } from './schema';
import { repoFile } from './sources';

const Address = z.string().check(z.refine((a) => isAddress(a, { strict: false }) && getAddress(a) === a, 'not a checksummed address'));
/** A view's Solidity signature as called: name and argument types, no spaces. */
const Signature = z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*\((address|uint256|bytes32)?\)$/));

/**
 * The contract to ask: a fixed address, or one reached from a fixed address through zero-argument getters that
 * return addresses (Swell publishes its token, not its EigenLayerManager).
 */
export const ContractRef = z.object({
  address: Address,
  via: z.array(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*\(\)$/))),
});

export const Enumeration = z.discriminatedUnion('kind', [
  /** One getter returning address[]. */
  z.object({ kind: z.literal('list'), contract: ContractRef, list: Signature }),
  /** A count getter, then an index getter for firstIndex … firstIndex + count − 1. */
  z.object({ kind: z.literal('count-index'), contract: ContractRef, count: Signature, item: Signature, firstIndex: z.union([z.literal(0), z.literal(1)]) }),
  /** A getter returning bytes32[] keys, then a lookup per key returning the address. */
  z.object({ kind: z.literal('keys-lookup'), contract: ContractRef, keys: Signature, item: Signature }),
  /** Addresses from the protocol's repository, where no getter lists them. */
  z.object({ kind: z.literal('fixed'), addresses: z.array(Address).check(z.minLength(1)), source: z.string() }),
]);

export const StrategyRef = z.object({
  address: Address,
  label: z.string().check(z.minLength(1)),
  /**
   * ETH per unit of underlying when fixed by design (1 for beacon chain ETH and stETH); null when it must come
   * from a live rate, then `rateToken` names the registry token whose rate to use.
   */
  ethPerUnderlying: z.nullable(z.literal(1)),
  rateToken: z.optional(z.string()),
});

export const StakerSpec = z.object({
  protocol: z.string().check(z.minLength(1)),
  /** Registry token ids backed by these stakers (eETH and weETH share ether.fi's). */
  tokens: z.array(z.string()).check(z.minLength(1)),
  chain: z.literal('eip155:1'),
  enumerations: z.array(Enumeration).check(z.minLength(1)),
  strategies: z.array(StrategyRef).check(z.minLength(1)),
  /** false: some address is not confirmed in the protocol's own repository (see `note`). */
  verified: z.boolean(),
  note: z.string(),
  sources: z.array(z.string()).check(z.minLength(1)),
});
export type StakerSpec = z.infer<typeof StakerSpec>;
export type Enumeration = z.infer<typeof Enumeration>;
export type ContractRef = z.infer<typeof ContractRef>;

const EL = 'f84a5151080cdf0b77b9b6e46506cde723d06c28';
const RZ = 'fc8c8e083852339fbddc7339287e54db77ff3959';
const KL = 'c289b815eb8f3300ed9feab13ef6b8b05515a15c';
const EF = 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7';
const PF = '380600060cd231fd8616ba167e674d4140486dbb';
const SW = 'ba1eeff12ab994a26492fa5dcd0aa8937733dbb4';
const EP = 'e86c1ddb53f093dfee75efff6d209993907c19dd';
const BR = '64bcb9e98d9d4224a18ca64888582631d54c4565';

export const STAKER_SOURCES: SourceRef[] = [
  repoFile('el-readme', 'Layr-Labs/eigenlayer-contracts', EL, 'README.md', 'EigenLayer mainnet deployment: DelegationManager, AllocationManager, strategies'),
  repoFile('el-am-storage', 'Layr-Labs/eigenlayer-contracts', EL, 'src/contracts/core/storage/AllocationManagerStorage.sol', 'EigenLayer: BEACONCHAIN_ETH_STRAT and DEFAULT_BURN_ADDRESS'),
  repoFile('renzo-restake-manager', 'Renzo-Protocol/contracts-public', RZ, 'contracts/RestakeManager.sol', 'Renzo RestakeManager: getOperatorDelegatorsLength()'),
  repoFile('renzo-restake-manager-storage', 'Renzo-Protocol/contracts-public', RZ, 'contracts/RestakeManagerStorage.sol', 'Renzo RestakeManagerStorage: operatorDelegators (public array)'),
  repoFile('kelp-readme', 'Kelp-DAO/LRT-rsETH', KL, 'README.md', 'Kelp mainnet addresses: LRTDepositPool, NodeDelegator proxies'),
  repoFile('kelp-deposit-pool', 'Kelp-DAO/LRT-rsETH', KL, 'contracts/LRTDepositPool.sol', 'Kelp LRTDepositPool: getNodeDelegatorQueue()'),
  repoFile('etherfi-deployed', 'etherfi-protocol/smart-contracts', EF, 'script/deploys/Deployed.s.sol', 'ether.fi mainnet addresses: ETHERFI_RESTAKER, STAKING_MANAGER'),
  repoFile('etherfi-nodes', 'etherfi-protocol/smart-contracts', EF, 'script/operator-management/etherFiNodes.json', 'ether.fi EtherFiNode list (474)'),
  repoFile('puffer-deployer-helper', 'PufferFinance/puffer-contracts', PF, 'mainnet-contracts/script/DeployerHelper.s.sol', 'Puffer mainnet addresses: PufferProtocol, PufferModuleManager'),
  repoFile('puffer-protocol', 'PufferFinance/puffer-contracts', PF, 'mainnet-contracts/src/PufferProtocol.sol', 'PufferProtocol: getModuleWeights(), getModuleAddress(bytes32)'),
  repoFile('swell-whitelist', 'SwellNetwork/v3-core-public', SW, 'contracts/lrt/contracts/implementations/Whitelist.sol', 'Swell rswETH (Whitelist): AccessControlManager'),
  repoFile('swell-acm', 'SwellNetwork/v3-core-public', SW, 'contracts/lrt/contracts/implementations/AccessControlManager.sol', 'Swell AccessControlManager: DepositManager'),
  repoFile('swell-deposit-manager', 'SwellNetwork/v3-core-public', SW, 'contracts/lrt/contracts/implementations/DepositManager.sol', 'Swell DepositManager: eigenLayerManager'),
  repoFile('swell-el-manager', 'SwellNetwork/v3-core-public', SW, 'contracts/lrt/contracts/implementations/EigenLayerManager.sol', 'Swell EigenLayerManager: stakeId, stakerProxyAddresses (from 1)'),
  repoFile('dla-swell-restaking', 'DefiLlama/DefiLlama-Adapters', '11761e6e6d5bd1618626c6b517fec8ba0aa1767a', 'projects/swell-restaking/index.js', 'DefiLlama adapter: rswETH address'),
  repoFile('eigenpie-staking', 'magpiexyz/eigenpie_contracts', EP, 'EigenpieStaking.sol', 'EigenpieStaking: getNodeDelegatorQueue()'),
  repoFile('dla-eigenpie', 'DefiLlama/DefiLlama-Adapters', '5612fbadb2fd182e0866d53588d43baa494abd97', 'projects/eigenpie/config.js', 'DefiLlama adapter: EigenpieStaking address'),
  repoFile('bedrock-readme', 'Bedrock-Technology/stake', BR, 'README.md', 'Bedrock mainnet deployment: RESTAKING_ADDRESS'),
  repoFile('bedrock-restaking', 'Bedrock-Technology/stake', BR, 'src/contracts/restaking.sol', 'Bedrock Restaking: getTotalPods(), podOwners (public array)'),
];

const BEACON = { address: '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0', label: 'beacon chain ETH', ethPerUnderlying: 1 } as const;
const STETH = { address: '0x93c4b944D05dfe6df7645A86cd2206016c51564D', label: 'stETH', ethPerUnderlying: 1 } as const;
const ETHX = { address: '0x9d7eD45EE2E8FC5482fa2428f15C971e6369011d', label: 'ETHx', ethPerUnderlying: null, rateToken: 'ethx' } as const;
const EL_SOURCES = ['el-readme', 'el-am-storage'];

export const STAKERS: StakerSpec[] = [
  {
    protocol: 'Renzo',
    tokens: ['ezeth'],
    chain: 'eip155:1',
    enumerations: [
      {
        kind: 'count-index',
        contract: { address: '0x74a09653A083691711cF8215a6ab074BB4e99ef5', via: [] },
        count: 'getOperatorDelegatorsLength()',
        item: 'operatorDelegators(uint256)',
        firstIndex: 0,
      },
    ],
    strategies: [BEACON, STETH],
    verified: false,
    note: 'The getters are in Renzo’s repository; the RestakeManager address (0x74a0…9ef5) is not: it is the one third parties and the research notes use. wBETH deposits are not read.',
    sources: ['renzo-restake-manager', 'renzo-restake-manager-storage', ...EL_SOURCES],
  },
  {
    protocol: 'Kelp',
    tokens: ['rseth'],
    chain: 'eip155:1',
    enumerations: [{ kind: 'list', contract: { address: '0x036676389e48133B63a802f8635AD39E752D375D', via: [] }, list: 'getNodeDelegatorQueue()' }],
    strategies: [BEACON, STETH, ETHX],
    verified: true,
    note: 'The README lists twelve NodeDelegators (index 0–11); the getter is read instead so a new one counts at once.',
    sources: ['kelp-readme', 'kelp-deposit-pool', ...EL_SOURCES],
  },
  {
    protocol: 'ether.fi',
    tokens: ['eeth', 'weeth'],
    chain: 'eip155:1',
    enumerations: [
      // EtherFiRestaker holds the stETH restaked through the Liquifier.
      { kind: 'fixed', addresses: ['0x1B7a4C3797236A1C37f8741c0Be35c2c72736fFf'], source: 'etherfi-deployed' },
      { kind: 'fixed', addresses: [...ETHERFI_NODES], source: 'etherfi-nodes' },
    ],
    strategies: [BEACON, STETH],
    verified: true,
    note: 'No getter lists the EtherFiNodes: the list is the repository’s (474 at the cited commit); nodes added later are missed. Too many for one refresh: read in rotation.',
    sources: ['etherfi-deployed', 'etherfi-nodes', ...EL_SOURCES],
  },
  {
    protocol: 'Puffer',
    tokens: ['pufeth'],
    chain: 'eip155:1',
    enumerations: [
      { kind: 'keys-lookup', contract: { address: '0xf7b6B32492c2e13799D921E84202450131bd238B', via: [] }, keys: 'getModuleWeights()', item: 'getModuleAddress(bytes32)' },
    ],
    strategies: [BEACON],
    verified: true,
    note: 'PufferModules own the EigenPods; each module is delegated to a Puffer RestakingOperator.',
    sources: ['puffer-deployer-helper', 'puffer-protocol', ...EL_SOURCES],
  },
  {
    protocol: 'Swell',
    tokens: ['rsweth'],
    chain: 'eip155:1',
    enumerations: [
      {
        kind: 'count-index',
        contract: { address: '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0', via: ['AccessControlManager()', 'DepositManager()', 'eigenLayerManager()'] },
        count: 'stakeId()',
        item: 'stakerProxyAddresses(uint256)',
        firstIndex: 1,
      },
    ],
    strategies: [BEACON],
    verified: false,
    note: 'The getter chain is in Swell’s repository; the rswETH address it starts from is from DefiLlama’s adapter, not Swell’s repository.',
    sources: ['swell-whitelist', 'swell-acm', 'swell-deposit-manager', 'swell-el-manager', 'dla-swell-restaking', ...EL_SOURCES],
  },
  {
    protocol: 'Eigenpie',
    tokens: ['egeth', 'msteth'],
    chain: 'eip155:1',
    enumerations: [{ kind: 'list', contract: { address: '0x24db6717dB1C75B9Db6eA47164D8730B63875dB7', via: [] }, list: 'getNodeDelegatorQueue()' }],
    strategies: [BEACON, STETH],
    verified: false,
    note: 'One NodeDelegator queue serves every Eigenpie asset, so egETH and mstETH share its exposure. The EigenpieStaking address is from DefiLlama’s adapter, not Eigenpie’s repository.',
    sources: ['eigenpie-staking', 'dla-eigenpie', ...EL_SOURCES],
  },
  {
    protocol: 'Bedrock',
    tokens: ['unieth'],
    chain: 'eip155:1',
    enumerations: [
      { kind: 'count-index', contract: { address: '0x3F4eaCeb930b0Edfa78a1DFCbaE5c5494E6e9850', via: [] }, count: 'getTotalPods()', item: 'podOwners(uint256)', firstIndex: 0 },
    ],
    strategies: [BEACON],
    verified: true,
    note: 'podOwners(0) is the Restaking contract itself.',
    sources: ['bedrock-readme', 'bedrock-restaking', ...EL_SOURCES],
  },
];

/** Every address a spec names, for checks. */
export function specAddresses(s: StakerSpec): string[] {
  return [
    ...s.strategies.map((k) => k.address),
    ...s.enumerations.flatMap((e) => (e.kind === 'fixed' ? e.addresses : [e.contract.address])),
  ];
}
