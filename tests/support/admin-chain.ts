// Places the admin-discovery test contracts (OwnableMock, SafeMock, TimelockMock, AccessManagerMock) and the
// LayerZero mocks on a running anvil, and sets EIP-1967 slots with anvil_setStorageAt.
import { type Address, type Hex, pad, parseAbi } from 'viem';
import { ROLES, SLOTS, type SlotName } from '../../lib/sources/admin';
import { chainClients, placeContract, send } from './chain.ts';

export const ownableMockAbi = parseAbi([
  'function owner() view returns (address)',
  'function authority() view returns (address)',
  'function implementation() view returns (address)',
  'function setOwner(address o)',
  'function setAuthority(address a)',
  'function setImplementation(address i)',
  'function setReverting(bool r)',
]);
export const roleManagerMockAbi = parseAbi(['function hasRole(bytes32 role, address account) view returns (bool)', 'function grantRole(bytes32 role, address account)']);
export const safeMockAbi = parseAbi([
  'function getOwners() view returns (address[])',
  'function getThreshold() view returns (uint256)',
  'function getModulesPaginated(address start, uint256 pageSize) view returns (address[] array, address next)',
  'function setOwners(address[] o, uint256 t)',
  'function setModules(address[] m)',
]);
export const timelockMockAbi = parseAbi([
  'function getMinDelay() view returns (uint256)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'function getRoleMemberCount(bytes32 role) view returns (uint256)',
  'function getRoleMember(bytes32 role, uint256 index) view returns (address)',
  'function setMinDelay(uint256 d)',
  'function setEnumerable(bool e)',
  'function grantRole(bytes32 role, address account)',
]);
export const accessManagerMockAbi = parseAbi([
  'function PUBLIC_ROLE() view returns (uint64)',
  'function ADMIN_ROLE() view returns (uint64)',
  'function getTargetFunctionRole(address target, bytes4 selector) view returns (uint64)',
  'function hasRole(uint64 roleId, address account) view returns (bool isMember, uint32 executionDelay)',
  'function setTargetFunctionRole(address target, bytes4 selector, uint64 role)',
  'function grantRole(uint64 role, address account, uint32 executionDelay)',
]);
export const lzEndpointMockAbi = parseAbi([
  'function getReceiveLibrary(address receiver, uint32 eid) view returns (address lib, bool isDefault)',
  'function delegates(address oapp) view returns (address)',
  'function setDelegate(address oapp, address d)',
  'function setReceiveLibrary(address oapp, uint32 eid, address lib)',
  'function setDefaultReceiveLibrary(uint32 eid, address lib)',
]);
export const receiveUlnMockAbi = parseAbi([
  'struct UlnConfig { uint64 confirmations; uint8 requiredDVNCount; uint8 optionalDVNCount; uint8 optionalDVNThreshold; address[] requiredDVNs; address[] optionalDVNs; }',
  'function getUlnConfig(address oapp, uint32 remoteEid) view returns (UlnConfig)',
  'function setUlnConfig(address oapp, uint32 eid, uint64 confirmations, address[] required, address[] optional, uint8 optionalThreshold)',
]);

export async function setSlot(url: string, address: Address, slot: SlotName, value: Address): Promise<void> {
  await chainClients(url).test.setStorageAt({ address, index: SLOTS[slot], value: pad(value, { size: 32 }) });
}

/** Sets raw code (e.g. an EIP-7702 designator `0xef0100 ‖ delegate`). */
export async function setRawCode(url: string, address: Address, code: Hex): Promise<void> {
  await chainClients(url).test.setCode({ address, bytecode: code });
}

export interface ProxySetup {
  implementation?: Address;
  admin?: Address;
  beacon?: Address;
  owner?: Address;
  authority?: Address;
}

/** An OwnableMock at `address` with the given EIP-1967 slots and owner/authority. */
export async function placeOwned(url: string, address: Address, p: ProxySetup = {}): Promise<void> {
  await placeContract(url, address, 'OwnableMock');
  if (p.implementation) await setSlot(url, address, 'implementation', p.implementation);
  if (p.admin) await setSlot(url, address, 'admin', p.admin);
  if (p.beacon) await setSlot(url, address, 'beacon', p.beacon);
  if (p.owner) await send(url, address, ownableMockAbi, 'setOwner', [p.owner]);
  if (p.authority) await send(url, address, ownableMockAbi, 'setAuthority', [p.authority]);
}

export async function placeSafe(url: string, address: Address, owners: readonly Address[], threshold: number, modules: readonly Address[] = []): Promise<void> {
  await placeContract(url, address, 'SafeMock');
  await send(url, address, safeMockAbi, 'setOwners', [owners, BigInt(threshold)]);
  if (modules.length) await send(url, address, safeMockAbi, 'setModules', [modules]);
}

export async function placeTimelock(url: string, address: Address, t: { minDelaySec: number; proposers: readonly Address[]; enumerable: boolean }): Promise<void> {
  await placeContract(url, address, 'TimelockMock');
  await send(url, address, timelockMockAbi, 'setMinDelay', [BigInt(t.minDelaySec)]);
  await send(url, address, timelockMockAbi, 'setEnumerable', [t.enumerable]);
  for (const p of t.proposers) await send(url, address, timelockMockAbi, 'grantRole', [ROLES.proposer, p]);
}
