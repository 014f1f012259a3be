// Admin discovery and the weakest-path judgement against a real chain: anvil with minimal test contracts that
// implement the real view signatures (OwnableMock, SafeMock, TimelockMock, AccessManagerMock), placed at Kelp's
// real rsETH addresses where the scenario is rsETH's, EIP-1967 slots set with anvil_setStorageAt. Faults each get
// their own root: a slot pointing at an address with no code, an ownership cycle, a call that reverts, the depth
// limit, and an RPC that is down.
import { createPublicClient, getAddress, http, type Address, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_MAX_DEPTH, diffDiscoveries, discoverAdmin, ROLES, UPGRADE_SELECTOR, type Discovery } from '../../../lib/sources/admin';
import { judgeAdminPaths, type ContractThatMatters } from '../../../lib/risk/admin';
import { startAnvil, freePort, type Anvil } from '../../support/anvil';
import { startRpcProxy } from '../../support/rpc-proxy';
import { placeContract, placeMulticall3, send } from '../../support/chain';
import { accessManagerMockAbi, ownableMockAbi, roleManagerMockAbi, placeOwned, placeSafe, placeTimelock, setRawCode, setSlot, timelockMockAbi } from '../../support/admin-chain';

const a = (n: number | string) => getAddress(`0x${String(n).padStart(40, '0')}`);
// Kelp DAO rsETH on Ethereum (Kelp-DAO/LRT-rsETH@c289b815 README, "ETH Mainnet").
const RSETH = getAddress('0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7');
const KELP_PROXY_ADMIN = getAddress('0xb61e0E39b6d4030C36A176f576aaBE44BF59Dc78');
const KELP_TIMELOCK = getAddress('0x49bD9989E31aD35B0A62c20BE86335196A3135B1');
const IMPL = a('1111');
const SAFE = a('5afe01');
const SIGNERS = [a('51'), a('52'), a('53'), a('54'), a('55')];
const EOA = a('bee1');

const UUPS = a('20001');
const MODULE_SAFE = a('5afe02');
const MODULE = a('30d1');
const LONG_TIMELOCK = a('71e1');
const MODULE_TOKEN = a('20002');
const ZERO_PA = a('20003');
const ZERO_TOKEN = a('20004');
const ZERO_TL = a('71e2');
const AM_TOKEN = a('20005');
const AM = a('acce55');
const WEAK_SAFE = a('5afe03');
const DELEGATED = a('7702');
const SEVEN702_TOKEN = a('20006');
const ROLE_TOKEN = a('20007');
const ROLE_MANAGER = a('201e');
const RM_TIMELOCK = a('71e3');

const NO_CODE_TOKEN = a('f0001');
const NO_CODE_IMPL = a('dead01');
const CYCLE_A = a('c1c1a');
const CYCLE_B = a('c1c1b');
const REVERT_TOKEN = a('f0003');
const REVERTER = a('eeee');
const DEEP = [a('d0'), a('d1'), a('d2'), a('d3'), a('d4'), a('d5')];

let anvil: Anvil;
let client: PublicClient;
const matters = (address: Address, label: string): ContractThatMatters[] => [{ address, label }];

beforeAll(async () => {
  anvil = await startAnvil();
  const url = anvil.url;
  client = createPublicClient({ transport: http(url, { batch: true, retryCount: 0 }) }) as PublicClient;
  await placeMulticall3(url);
  await placeContract(url, IMPL, 'OwnableMock');
  // rsETH: transparent proxy → ProxyAdmin → 10-day TimelockController → 3-of-5 Safe proposer.
  await placeOwned(url, RSETH, { implementation: IMPL, admin: KELP_PROXY_ADMIN });
  await placeOwned(url, KELP_PROXY_ADMIN, { owner: KELP_TIMELOCK });
  await placeTimelock(url, KELP_TIMELOCK, { minDelaySec: 10 * 86_400, proposers: [SAFE], enumerable: true });
  await placeSafe(url, SAFE, SIGNERS, 3);
  // A UUPS token owned by an EOA.
  await placeOwned(url, UUPS, { implementation: IMPL, owner: EOA });
  // A token behind a 40-day timelock proposed by a 4-of-5 Safe that has a module.
  await placeOwned(url, MODULE_TOKEN, { implementation: IMPL, owner: LONG_TIMELOCK });
  await placeTimelock(url, LONG_TIMELOCK, { minDelaySec: 40 * 86_400, proposers: [MODULE_SAFE], enumerable: true });
  await placeSafe(url, MODULE_SAFE, SIGNERS, 4, [MODULE]);
  // A ProxyAdmin owned by a zero-delay timelock whose proposers are not enumerable (the real TimelockController).
  await placeOwned(url, ZERO_TOKEN, { implementation: IMPL, admin: ZERO_PA });
  await placeOwned(url, ZERO_PA, { owner: ZERO_TL });
  await placeTimelock(url, ZERO_TL, { minDelaySec: 0, proposers: [SAFE], enumerable: false });
  // An AccessManaged UUPS token: role 7 may call upgradeToAndCall, held by a 2-of-3 Safe with a 2-day execution delay.
  await placeOwned(url, AM_TOKEN, { implementation: IMPL, authority: AM });
  await placeContract(url, AM, 'AccessManagerMock');
  await send(url, AM, accessManagerMockAbi, 'setTargetFunctionRole', [AM_TOKEN, UPGRADE_SELECTOR, 7n]);
  await send(url, AM, accessManagerMockAbi, 'grantRole', [7n, WEAK_SAFE, 2 * 86_400]);
  await placeSafe(url, WEAK_SAFE, SIGNERS.slice(0, 3), 2);
  // An EIP-7702 account owning a token.
  await placeOwned(url, SEVEN702_TOKEN, { implementation: IMPL, owner: DELEGATED });
  await setRawCode(url, DELEGATED, `0xef0100${IMPL.slice(2)}`);
  // A token whose minting is governed by a RoleManager (ezETH's shape): DEFAULT_ADMIN_ROLE held by a 3-day timelock.
  await placeOwned(url, ROLE_TOKEN, { implementation: IMPL, admin: KELP_PROXY_ADMIN });
  await placeContract(url, ROLE_MANAGER, 'RoleManagerMock');
  await send(url, ROLE_MANAGER, roleManagerMockAbi, 'grantRole', [ROLES.defaultAdmin, RM_TIMELOCK]);
  await placeTimelock(url, RM_TIMELOCK, { minDelaySec: 3 * 86_400, proposers: [SAFE], enumerable: false });
  // Faults.
  await placeOwned(url, NO_CODE_TOKEN, { implementation: NO_CODE_IMPL, admin: EOA });
  await placeOwned(url, CYCLE_A, { owner: CYCLE_B });
  await placeOwned(url, CYCLE_B, { owner: CYCLE_A });
  await placeOwned(url, REVERT_TOKEN, { implementation: IMPL, admin: REVERTER });
  await placeOwned(url, REVERTER, { owner: EOA });
  await send(url, REVERTER, ownableMockAbi, 'setReverting', [true]);
  for (let i = 0; i < DEEP.length; i++) await placeOwned(url, DEEP[i]!, i + 1 < DEEP.length ? { owner: DEEP[i + 1]! } : { owner: EOA });
}, 90_000);

afterAll(async () => {
  await anvil?.stop();
});

async function discover(roots: Address[], opts: Parameters<typeof discoverAdmin>[3] = {}): Promise<Discovery> {
  const r = await discoverAdmin(client, 'eip155:1', roots, opts);
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

describe('classification', () => {
  test('rsETH: proxy → ProxyAdmin → 10-day timelock → 3-of-5 Safe, each read with its source', async () => {
    const d = await discover([RSETH]);
    const token = d.nodes[RSETH]!;
    expect(token.proxy?.implementation?.value).toBe(IMPL);
    expect(token.proxy?.admin?.value).toBe(KELP_PROXY_ADMIN);
    expect(token.proxy?.admin?.source).toMatchObject({ kind: 'chain', chain: 'eip155:1', contract: RSETH, block: d.block });
    expect(token.proxy?.admin?.source.function).toMatch(/^eth_getStorageAt\(admin slot 0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103\)$/);
    expect(d.nodes[KELP_PROXY_ADMIN]!.classification.kind).toBe('owned');
    const tl = d.nodes[KELP_TIMELOCK]!.classification;
    expect(tl.kind).toBe('timelock');
    if (tl.kind !== 'timelock') return;
    expect(tl.minDelaySec.value).toBe(864_000);
    expect(tl.minDelaySec.source).toMatchObject({ contract: KELP_TIMELOCK, function: 'getMinDelay()' });
    expect(d.nodes[KELP_TIMELOCK]!.controllers).toEqual([expect.objectContaining({ role: 'proposer', to: SAFE, delaySec: 864_000 })]);
    const safe = d.nodes[SAFE]!.classification;
    expect(safe).toMatchObject({ kind: 'safe', threshold: { value: 3 }, owners: { value: SIGNERS }, modules: { value: [] } });
    expect(d.nodes[IMPL]).toMatchObject({ reason: 'implementation', code: { value: 'contract' } });
    expect(d.cycles).toEqual([]);
    expect(d.truncated).toEqual([]);

    // 10 days minus Kelp's 8-day withdrawal: a 2-day exit window, red.
    const j = judgeAdminPaths({ discovery: d, contracts: matters(RSETH, 'rsETH'), curated: [], redemptionDays: 8 });
    expect(j.level).toBe('bad');
    expect(j.exitWindowDays).toBe(2);
    expect(j.timelockTier).toBe(1);
    expect(j.weakest?.holder).toEqual({ kind: 'safe', address: SAFE, threshold: 3, signers: 5, modules: 0 });
    expect(j.fact).toContain('a 3-of-5 Safe');
    expect(j.links.map((l) => l.function)).toEqual([expect.stringMatching(/^eth_getStorageAt\(admin slot/), 'owner()', `getRoleMember(PROPOSER_ROLE,0)`]);
    // With a 40-day redemption-free world the same path would be yellow at 10 days: the window, not the Safe, decides.
    expect(judgeAdminPaths({ discovery: d, contracts: matters(RSETH, 'rsETH'), curated: [], redemptionDays: 0 }).level).toBe('warning');
  });

  test('a UUPS token owned by an EOA is a single key with no delay: red', async () => {
    const d = await discover([UUPS]);
    expect(d.nodes[EOA]!.classification).toEqual({ kind: 'key', delegate: null });
    expect(d.nodes[EOA]!.code.value).toBe('none');
    const j = judgeAdminPaths({ discovery: d, contracts: matters(UUPS, 'token'), curated: [], redemptionDays: 1 });
    expect(j.level).toBe('bad');
    expect(j.weakest?.holder).toEqual({ kind: 'key', address: EOA, delegate: null });
    expect(j.fact).toContain('no delay');
  });

  test('an EIP-7702 account is classified as a key, with its delegate', async () => {
    const d = await discover([SEVEN702_TOKEN]);
    expect(d.nodes[DELEGATED]!.classification).toEqual({ kind: 'key', delegate: IMPL });
    expect(d.nodes[DELEGATED]!.code.value).toBe('eip7702');
    const j = judgeAdminPaths({ discovery: d, contracts: matters(SEVEN702_TOKEN, 'token'), curated: [], redemptionDays: 1 });
    expect(j.level).toBe('bad');
    expect(j.fact).toContain('EIP-7702');
  });

  test('a Safe with a module behind a 40-day timelock: the window is long, but the module keeps it yellow', async () => {
    const d = await discover([MODULE_TOKEN]);
    expect(d.nodes[MODULE_SAFE]!.classification).toMatchObject({ kind: 'safe', threshold: { value: 4 }, modules: { value: [MODULE] }, modulesTruncated: false });
    const j = judgeAdminPaths({ discovery: d, contracts: matters(MODULE_TOKEN, 'token'), curated: [], redemptionDays: 7 });
    expect(j.exitWindowDays).toBe(33);
    expect(j.level).toBe('warning');
    expect(j.fact).toContain('modules');
  });

  test('a timelock with zero delay, proposers not enumerable: found through a candidate, red', async () => {
    const without = await discover([ZERO_TOKEN]);
    expect(without.nodes[ZERO_TL]!.classification).toMatchObject({ kind: 'timelock', minDelaySec: { value: 0 }, proposersEnumerable: false });
    expect(without.nodes[ZERO_TL]!.problems.join()).toContain('not enumerable');
    // Without a candidate nobody is known to propose through it: grey, not green.
    expect(judgeAdminPaths({ discovery: without, contracts: matters(ZERO_TOKEN, 'token'), curated: [], redemptionDays: 7 }).level).toBe('unknown');
    const d = await discover([ZERO_TOKEN], { hints: { candidates: { [ZERO_TL]: [SAFE, EOA] } } });
    expect(d.nodes[ZERO_TL]!.controllers).toEqual([expect.objectContaining({ role: 'proposer', to: SAFE, delaySec: 0, source: expect.objectContaining({ function: `hasRole(PROPOSER_ROLE,${SAFE})` }) })]);
    const j = judgeAdminPaths({ discovery: d, contracts: matters(ZERO_TOKEN, 'token'), curated: [], redemptionDays: 7 });
    expect(j.level).toBe('bad');
    expect(j.timelockTier).toBe(4);
  });

  test('an AccessManager: the upgrader role is asked of the manager for the token, with its execution delay', async () => {
    const d = await discover([AM_TOKEN], { hints: { candidates: { [AM]: [WEAK_SAFE, EOA] } } });
    expect(d.nodes[AM]!.classification.kind).toBe('access-manager');
    expect(d.nodes[AM]!.controllers).toEqual([expect.objectContaining({ role: 'role-member', to: WEAK_SAFE, delaySec: 172_800 })]);
    const j = judgeAdminPaths({ discovery: d, contracts: matters(AM_TOKEN, 'token'), curated: [], redemptionDays: 1 });
    expect(j.level).toBe('bad'); // 2 days − 1 day of redemption: a 1-day window
    expect(j.weakest?.holder).toMatchObject({ kind: 'safe', threshold: 2, signers: 3 });
  });

  test('an AccessControl RoleManager: DEFAULT_ADMIN_ROLE confirmed for a candidate, then its timelock’s proposer', async () => {
    const d = await discover([ROLE_TOKEN, ROLE_MANAGER], { hints: { candidates: { [ROLE_MANAGER]: [EOA, RM_TIMELOCK], [RM_TIMELOCK]: [SAFE] } } });
    expect(d.nodes[ROLE_MANAGER]!.controllers).toEqual([
      expect.objectContaining({ role: 'role-member', to: RM_TIMELOCK, delaySec: 0, note: 'DEFAULT_ADMIN_ROLE', source: expect.objectContaining({ function: `hasRole(DEFAULT_ADMIN_ROLE,${RM_TIMELOCK})` }) }),
    ]);
    const j = judgeAdminPaths({
      discovery: d,
      contracts: [
        { address: ROLE_TOKEN, label: 'token' },
        { address: ROLE_MANAGER, label: 'role manager (minting)' },
      ],
      curated: [],
      redemptionDays: 7,
    });
    // The role manager's 3-day path is faster than nothing, but the token's 10-day path is slower: the weakest is 3 days.
    expect(j.weakest).toMatchObject({ targetLabel: 'role manager (minting)', delaySec: 3 * 86_400 });
    expect(j.level).toBe('bad');
  });

  test('one discovery over several roots shares nodes and keeps each root’s paths', async () => {
    const d = await discover([RSETH, UUPS, ZERO_TOKEN]);
    expect(d.roots).toEqual([RSETH, UUPS, ZERO_TOKEN]);
    const j = judgeAdminPaths({
      discovery: d,
      contracts: [
        { address: RSETH, label: 'rsETH' },
        { address: UUPS, label: 'minter' },
      ],
      curated: [],
      redemptionDays: 8,
    });
    expect(j.weakest?.targetLabel).toBe('minter');
    expect(j.paths.map((p) => p.targetLabel)).toEqual(['minter', 'rsETH']);
  });
});

describe('batching', () => {
  test('each level’s code and slot reads leave as one JSON-RPC batch, its probes as one Multicall3 eth_call', async () => {
    const proxy = await startRpcProxy(anvil.url);
    try {
      const batched = createPublicClient({ transport: http(proxy.url, { batch: true, retryCount: 0 }) }) as PublicClient;
      const r = await discoverAdmin(batched, 'eip155:1', [RSETH]);
      expect(r.ok).toBe(true);
      const reads = proxy.requests.filter((q) => q.methods.includes('eth_getCode')).map((q) => q.methods);
      // Level 0: rsETH; 1: its ProxyAdmin and implementation (code only); 2: the timelock; 3: the Safe.
      expect(reads).toEqual([
        ['eth_getCode', 'eth_getStorageAt', 'eth_getStorageAt', 'eth_getStorageAt'],
        ['eth_getCode', 'eth_getCode', 'eth_getStorageAt', 'eth_getStorageAt', 'eth_getStorageAt'],
        ['eth_getCode', 'eth_getStorageAt', 'eth_getStorageAt', 'eth_getStorageAt'],
        ['eth_getCode', 'eth_getStorageAt', 'eth_getStorageAt', 'eth_getStorageAt'],
      ]);
      // One block number, then per level one batch and one or two eth_calls (the timelock's role members are a second round).
      expect(proxy.requests.length).toBeLessThanOrEqual(1 + 4 * 3);
      expect(proxy.requests.every((q) => q.methods.every((m) => ['eth_blockNumber', 'eth_getCode', 'eth_getStorageAt', 'eth_call'].includes(m)))).toBe(true);
    } finally {
      await proxy.stop();
    }
  });
});

describe('faults', () => {
  test('an implementation slot pointing at an address with no code is reported on the proxy', async () => {
    const d = await discover([NO_CODE_TOKEN]);
    expect(d.nodes[NO_CODE_IMPL]!.code.value).toBe('none');
    expect(d.nodes[NO_CODE_TOKEN]!.problems).toEqual([`implementation ${NO_CODE_IMPL} has no code: the proxy cannot work as read`]);
    // The admin slot at a codeless address is a key: the proxy is still instantly upgradable by it.
    expect(judgeAdminPaths({ discovery: d, contracts: matters(NO_CODE_TOKEN, 'token'), curated: [], redemptionDays: 1 }).level).toBe('bad');
  });

  test('an ownership cycle is detected and the path is grey', async () => {
    const d = await discover([CYCLE_A]);
    expect(d.cycles).toEqual([[CYCLE_A, CYCLE_B, CYCLE_A]]);
    const j = judgeAdminPaths({ discovery: d, contracts: matters(CYCLE_A, 'token'), curated: [], redemptionDays: 1 });
    expect(j.level).toBe('unknown');
    expect(j.fact).toContain('cycle');
  });

  test('a controller whose every call reverts is a contract of unknown kind; other roots in the batch are unaffected', async () => {
    const d = await discover([REVERT_TOKEN, RSETH]);
    expect(d.nodes[REVERTER]!.classification).toEqual({ kind: 'unknown' });
    expect(d.nodes[RSETH]!.proxy?.admin?.value).toBe(KELP_PROXY_ADMIN);
    const j = judgeAdminPaths({ discovery: d, contracts: matters(REVERT_TOKEN, 'token'), curated: [], redemptionDays: 1 });
    expect(j.level).toBe('unknown');
    expect(j.fact).toContain('unknown kind');
  });

  test('the depth limit stops the walk and leaves the path grey', async () => {
    const d = await discover([DEEP[0]!]);
    expect(Object.keys(d.nodes)).toHaveLength(DEFAULT_MAX_DEPTH + 1);
    expect(d.truncated).toEqual([{ from: DEEP[4], to: DEEP[5], why: 'depth' }]);
    const j = judgeAdminPaths({ discovery: d, contracts: matters(DEEP[0]!, 'token'), curated: [], redemptionDays: 1 });
    expect(j.level).toBe('unknown');
    expect(j.fact).toContain('depth limit');
    // With one more hop allowed, the key at the end is found.
    const deeper = await discover([DEEP[0]!], { maxDepth: 6 });
    expect(judgeAdminPaths({ discovery: deeper, contracts: matters(DEEP[0]!, 'token'), curated: [], redemptionDays: 1 }).level).toBe('bad');
  });

  test('an RPC that is down is one contained failure', async () => {
    const port = await freePort();
    const down = createPublicClient({ transport: http(`http://127.0.0.1:${port}`, { retryCount: 0, timeout: 2000 }) }) as PublicClient;
    const r = await discoverAdmin(down, 'eip155:1', [RSETH]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.kind).toBe('network');
  });
});

describe('changes between two reads', () => {
  test('a new implementation and a shorter delay are reported with the date seen', async () => {
    const before = await discover([RSETH], { now: () => new Date('2026-11-20T00:00:00Z') });
    const NEW_IMPL = a('2222');
    await placeContract(anvil.url, NEW_IMPL, 'OwnableMock');
    await setSlot(anvil.url, RSETH, 'implementation', NEW_IMPL);
    await send(anvil.url, KELP_TIMELOCK, timelockMockAbi, 'setMinDelay', [86_400n]);
    const after = await discover([RSETH], { now: () => new Date('2026-11-21T00:00:00Z') });
    const changes = diffDiscoveries(before, after);
    expect(changes).toEqual([
      expect.objectContaining({ address: RSETH, kind: 'new-implementation', from: IMPL, to: NEW_IMPL, seenAt: '2026-11-21T00:00:00.000Z', weakens: false }),
      expect.objectContaining({ address: KELP_TIMELOCK, kind: 'shorter-delay', from: '864000', to: '86400', weakens: true }),
    ]);
    expect(diffDiscoveries(after, after)).toEqual([]);
    // Restore for the other tests.
    await setSlot(anvil.url, RSETH, 'implementation', IMPL);
    await send(anvil.url, KELP_TIMELOCK, timelockMockAbi, 'setMinDelay', [864_000n]);
  });
});
