// Admin state for the e2e run and the admin job's integration test: at the real addresses of the contracts that
// matter (lib/registry/controls.ts, each cited there), EIP-1967 slots set with anvil_setStorageAt, and the
// controllers the research names (Kelp's ProxyAdmin and 10-day timelock, Renzo's 3-day timelock and Safe, ether.fi's
// upgrade timelock and Safe, Puffer's AccessManager, Timelock and multisigs, Lombard's 24-hour timelock with its
// Safe and EOA proposers) as test contracts. Where a contract already holds another suite's mock (a rate source, a
// withdrawal queue, a staker registry) only its slots are set, so every other reader keeps working. Controllers
// whose full address no primary source gave here are synthetic, visibly so (0x…ad…): never a guessed real address.
import { type Address, getAddress, parseAbi } from 'viem';
import { ROLES, UPGRADE_SELECTOR } from '../../lib/sources/admin';
import { chainClients, placeContract, send } from './chain.ts';
import { accessManagerMockAbi, ownableMockAbi, placeSafe, placeTimelock, setSlot, timelockMockAbi } from './admin-chain.ts';

const DAY = 86_400;
const test = (n: number) => getAddress(`0x00000000000000000000000000000000000ad${n.toString(16).padStart(3, '0')}`);
const signers = (from: number, n: number) => Array.from({ length: n }, (_, i) => test(0x800 + from + i));

/** One implementation with code, behind every proxy here. */
export const IMPLEMENTATION = test(1);

export const A = {
  // Kelp (Kelp-DAO/LRT-rsETH@c289b815 README).
  rseth: '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7',
  kelpDepositPool: '0x036676389e48133B63a802f8635AD39E752D375D',
  kelpOracle: '0x349A73444b1a310BAe67ef67973022020d70020d',
  kelpConfig: '0x947Cb49334e6571ccBFEF1f1f1178d8469D65ec7',
  kelpWithdrawals: '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16',
  kelpUnstaking: '0xc66830E2667bc740c0BED9A71F18B14B8c8184bA',
  kelpOft: '0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3',
  kelpProxyAdmin: '0xb61e0E39b6d4030C36A176f576aaBE44BF59Dc78',
  kelpTimelock: '0x49bD9989E31aD35B0A62c20BE86335196A3135B1',
  /** The adapter's owner as Yearn read it (yearn/risk-score@fcc7c476 bridges.json): a 3-of-6 Safe. */
  kelpOftOwner: '0xCbcdd778AA25476F203814214dD3E9b9c46829A1',
  kelpSafe: test(0x101),
  // Renzo.
  ezeth: '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110',
  renzoRestakeManager: '0x74a09653A083691711cF8215a6ab074BB4e99ef5',
  renzoRateProvider: '0x387dBc0fB00b26fb085aa658527D5BE98302c84C',
  renzoRoleManager: '0x4994EFc62101A9e3F885d872514c2dC7b3235849',
  renzoLockbox: '0xC8140dA31E6bCa19b287cC35531c2212763C2059',
  renzoTimelock: '0x81F6e9914136Da1A1d3b1eFd14F7E0761c3d4cc7',
  renzoSafe: '0xD1e6626310fD54Eceb5b9a51dA2eC329D6D4B68A',
  renzoProxyAdmin: test(0x201),
  // ether.fi.
  weeth: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee',
  eeth: '0x35fA164735182de50811E8e2E824cFb9B6118ac2',
  etherfiPool: '0x308861A430be4cce5502d0A12724771Fc6DaF216',
  etherfiUpgradeTimelock: '0x9f26d4C958fD811A1F59B01B86Be7dFFc9d20761',
  etherfiUpgradeSafe: '0xcdd57D11476c22d265722F68390b036f3DA48c21',
  // Puffer.
  pufeth: '0xD9A442856C234a39a81a089C06451EBAa4306a72',
  pufferOracle: '0x0BE2aE0edbeBb517541DF217EF0074FC9a9e994f',
  pufferWithdrawals: '0xDdA0483184E75a5579ef9635ED14BacCf9d50283',
  pufferAccessManager: '0x8c1686069474410E6243425f4a10177a94EBEE11',
  pufferTimelock: '0x3C28B7c7Ba1A1f55c9Ce66b263B33B204f2126eA',
  pufferCommunity: '0x446d4d6b26815f9bA78B5D454E303315D586Cb2a',
  pufferOps: '0xC0896ab1A8cae8c2C1d27d011eb955Cca955580d',
  pufferPauser: '0x1ba8e3aA853F73ae8093E26B7B8F2520c3620Df4',
  // Lombard.
  lbtc: '0x8236a87084f8B84306f72007F36F2618A5634494',
  lombardRouter: '0x9eCe5fB1aB62d9075c4ec814b321e24D8EA021ac',
  lombardBridge: '0x451c54981C7DA5d95901b770C540547cF5FE0A2D',
  lombardTimelock: '0x055E84e7FE8955E2781010B866f10Ef6E1E77e59',
  lombardSafe: '0x251a604E8E8f6906d60f8dedC5aAeb8CD38F4892',
  lombardDeployer: '0x3F6BF1C36CcBb59eAF8415301a0ceC73c344a079',
  lombardProxyAdmin: test(0x301),
  // Bedrock uniBTC.
  unibtc: '0x004E9C3EF86bc1ca1f0bB5C7662861Ee93350568',
  unibtcVault: '0x047D41F2544B7F63A8e991aF2068a363d210d6Da',
  unibtcProxyAdmin: test(0x401),
  unibtcSafe: test(0x402),
} as const satisfies Record<string, Address>;

/** What each card's Admin petal must say, from this state. */
export const EXPECTED = {
  rseth: { level: 'bad', weakest: /RSETH_OFTAdapter/, holder: /3-of-6 Safe/, delay: 'no delay' },
  ezeth: { level: 'bad', weakest: /ezETH|RestakeManager/, holder: /3-of-5 Safe/, delay: '3 days' },
  weeth: { level: 'bad', weakest: /weETH|eETH|LiquidityPool/, holder: /4-of-7 Safe/, delay: '3 days' },
  pufeth: { level: 'bad', weakest: /Community multisig|pufETH|PufferOracle|PufferWithdrawalManager/, holder: /Safe/, delay: 'no delay' },
  lbtc: { level: 'bad', weakest: /LBTC|AssetRouter|BridgeV2/, holder: /3-of-5 Safe/, delay: '24 h' },
  unibtc: { level: 'bad', weakest: /uniBTC|Vault/, holder: /3-of-5 Safe/, delay: 'no delay' },
} as const;

const hasCode = async (url: string, a: Address) => ((await chainClients(url).test.getCode({ address: a })) ?? '0x') !== '0x';

/**
 * A proxy at `address`: its implementation slot, and its admin slot or owner. A contract another suite placed keeps
 * its code (only slots are set: they live at hashed indexes no mock uses); otherwise an OwnableMock answers owner().
 */
async function proxy(url: string, address: Address, p: { admin?: Address; owner?: Address; authority?: Address }): Promise<void> {
  const taken = await hasCode(url, address);
  if (!taken) await placeContract(url, address, 'OwnableMock');
  await setSlot(url, address, 'implementation', IMPLEMENTATION);
  if (p.admin) await setSlot(url, address, 'admin', p.admin);
  if (p.owner) {
    if (taken) throw new Error(`${address} holds another mock: it cannot answer owner()`);
    await send(url, address, ownableMockAbi, 'setOwner', [p.owner]);
  }
  if (p.authority) {
    // Another suite's WithdrawalsMock (the Puffer vault) answers authority() too.
    const abi = taken ? parseAbi(['function setAuthority(address a)']) : ownableMockAbi;
    await send(url, address, abi, 'setAuthority', [p.authority]);
  }
}

async function owned(url: string, address: Address, owner: Address): Promise<void> {
  if (await hasCode(url, address)) throw new Error(`${address} already holds code`);
  await placeContract(url, address, 'OwnableMock');
  await send(url, address, ownableMockAbi, 'setOwner', [owner]);
}

/** Puffer's ROLE_ID_UPGRADER (PufferFinance/Deployments-and-ACL actors_and_roles: role 1). */
export const PUFFER_UPGRADER_ROLE = 1n;

/** Places the admin state of rsETH, ezETH, weETH/eETH, pufETH, LBTC and uniBTC. Multicall3 must be placed first. */
export async function placeAdminState(url: string): Promise<void> {
  if (!(await hasCode(url, IMPLEMENTATION))) await placeContract(url, IMPLEMENTATION, 'OwnableMock');

  // rsETH: transparent proxies → Kelp's ProxyAdmin → 10-day TimelockController (proposers enumerable) → 6-of-8 Safe;
  // the OFT adapter is owned directly by a 3-of-6 Safe, as Yearn read it.
  for (const a of [A.rseth, A.kelpDepositPool, A.kelpOracle, A.kelpConfig, A.kelpWithdrawals, A.kelpUnstaking]) await proxy(url, a, { admin: A.kelpProxyAdmin });
  await proxy(url, A.kelpOft, { owner: A.kelpOftOwner });
  await owned(url, A.kelpProxyAdmin, A.kelpTimelock);
  await placeTimelock(url, A.kelpTimelock, { minDelaySec: 10 * DAY, proposers: [A.kelpSafe], enumerable: true });
  await placeSafe(url, A.kelpSafe, signers(0, 8), 6);
  await placeSafe(url, A.kelpOftOwner, signers(10, 6), 3);

  // ezETH: ProxyAdmin → Renzo's 3-day timelock (not enumerable; the Safe confirmed by hasRole) → 3-of-5 Safe.
  for (const a of [A.ezeth, A.renzoRestakeManager, A.renzoRoleManager, A.renzoLockbox]) await proxy(url, a, { admin: A.renzoProxyAdmin });
  await proxy(url, A.renzoRateProvider, { admin: A.renzoProxyAdmin });
  await owned(url, A.renzoProxyAdmin, A.renzoTimelock);
  await placeTimelock(url, A.renzoTimelock, { minDelaySec: 3 * DAY, proposers: [A.renzoSafe], enumerable: false });
  await send(url, A.renzoTimelock, timelockMockAbi, 'grantRole', [ROLES.executor, A.renzoSafe]);
  await placeSafe(url, A.renzoSafe, signers(20, 5), 3);

  // weETH, eETH, LiquidityPool: UUPS (implementation slot only); the curated edge leads to the upgrade timelock
  // (3 days, as ether.fi's scripts and DeFiScan give it), proposed by a 4-of-7 Safe.
  for (const a of [A.weeth, A.eeth, A.etherfiPool]) await proxy(url, a, {});
  await placeTimelock(url, A.etherfiUpgradeTimelock, { minDelaySec: 3 * DAY, proposers: [A.etherfiUpgradeSafe], enumerable: false });
  await placeSafe(url, A.etherfiUpgradeSafe, signers(30, 7), 4);

  // pufETH: UUPS AccessManaged; the AccessManager gives upgradeToAndCall to the upgrader role, held by the
  // Community and Operations multisigs; the Timelock (a custom one, no getMinDelay) is its admin.
  for (const a of [A.pufeth, A.pufferOracle, A.pufferWithdrawals]) await proxy(url, a, { authority: A.pufferAccessManager });
  await placeContract(url, A.pufferAccessManager, 'AccessManagerMock');
  for (const a of [A.pufeth, A.pufferOracle, A.pufferWithdrawals]) await send(url, A.pufferAccessManager, accessManagerMockAbi, 'setTargetFunctionRole', [a, UPGRADE_SELECTOR, PUFFER_UPGRADER_ROLE]);
  await send(url, A.pufferAccessManager, accessManagerMockAbi, 'grantRole', [PUFFER_UPGRADER_ROLE, A.pufferCommunity, 0]);
  await send(url, A.pufferAccessManager, accessManagerMockAbi, 'grantRole', [PUFFER_UPGRADER_ROLE, A.pufferOps, 7 * DAY]);
  await send(url, A.pufferAccessManager, accessManagerMockAbi, 'grantRole', [0n, A.pufferTimelock, 0]);
  await placeContract(url, A.pufferTimelock, 'OwnableMock');
  await placeSafe(url, A.pufferCommunity, signers(40, 7), 4);
  await placeSafe(url, A.pufferOps, signers(50, 5), 3);
  await placeSafe(url, A.pufferPauser, signers(60, 3), 2);

  // LBTC: token, AssetRouter, BridgeV2 → ProxyAdmin → LombardTimeLock, 24 hours; proposers the Owner Safe and the
  // deployer EOA, execution restricted to the Safe.
  for (const a of [A.lbtc, A.lombardRouter, A.lombardBridge]) await proxy(url, a, { admin: A.lombardProxyAdmin });
  await owned(url, A.lombardProxyAdmin, A.lombardTimelock);
  await placeTimelock(url, A.lombardTimelock, { minDelaySec: DAY, proposers: [A.lombardSafe, A.lombardDeployer], enumerable: false });
  await send(url, A.lombardTimelock, timelockMockAbi, 'grantRole', [ROLES.executor, A.lombardSafe]);
  await placeSafe(url, A.lombardSafe, signers(70, 5), 3);

  // uniBTC: token and Vault → ProxyAdmin owned by a 3-of-5 Safe, no timelock (Yearn's uniBTC report).
  for (const a of [A.unibtc, A.unibtcVault]) await proxy(url, a, { admin: A.unibtcProxyAdmin });
  await owned(url, A.unibtcProxyAdmin, A.unibtcSafe);
  await placeSafe(url, A.unibtcSafe, signers(80, 5), 3);
}

/** Shortens the upgrade timelock's delay, for the "changed, seen on" line. */
export const setTimelockDelay = (url: string, timelock: Address, seconds: number) => send(url, timelock, timelockMockAbi, 'setMinDelay', [BigInt(seconds)]);
