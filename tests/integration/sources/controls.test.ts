// The curated pufETH controls driving a real discovery: test contracts at Puffer's real addresses (PufferVault,
// AccessManager, Timelock, Community and Operations multisigs, Pauser multisig). The AccessManager names the
// upgrader role, the chain confirms the Community multisig holds it, and the curated Timelock edge (no delay for
// the Community multisig, Puffer's Timelock.sol) makes the weakest path instant: red, with the Safe's live
// threshold, and the Pauser Safe read live for the pause line. Then LBTC's timelock at Lombard's addresses: an
// EOA proposer whose proposals only the Owner Safe can execute.
import { createPublicClient, getAddress, http, type Address, type PublicClient } from 'viem';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { controlsFor, discoveryInput, judgeInput } from '../../../lib/registry/controls';
import { discoverAdmin, ROLES, UPGRADE_SELECTOR } from '../../../lib/sources/admin';
import { effectiveHolder, judgeAdminPaths } from '../../../lib/risk/admin';
import { startAnvil, type Anvil } from '../../support/anvil';
import { placeContract, placeMulticall3, send } from '../../support/chain';
import { accessManagerMockAbi, placeOwned, placeSafe, placeTimelock, timelockMockAbi } from '../../support/admin-chain';

const puf = controlsFor('pufeth')!;
const VAULT = getAddress('0xD9A442856C234a39a81a089C06451EBAa4306a72');
const AM = getAddress('0x8c1686069474410E6243425f4a10177a94EBEE11');
const TIMELOCK = getAddress('0x3C28B7c7Ba1A1f55c9Ce66b263B33B204f2126eA');
const COMMUNITY = getAddress('0x446d4d6b26815f9bA78B5D454E303315D586Cb2a');
const OPS = getAddress('0xC0896ab1A8cae8c2C1d27d011eb955Cca955580d');
const PAUSER = getAddress('0x1ba8e3aA853F73ae8093E26B7B8F2520c3620Df4');
const IMPL = getAddress('0x0000000000000000000000000000000000001111');
const signers = (n: number, from: number): Address[] => Array.from({ length: n }, (_, i) => getAddress(`0x${(from + i).toString(16).padStart(40, '0')}`));

let anvil: Anvil;
let client: PublicClient;

beforeAll(async () => {
  anvil = await startAnvil();
  const url = anvil.url;
  client = createPublicClient({ transport: http(url, { batch: true, retryCount: 0 }) }) as PublicClient;
  await placeMulticall3(url);
  await placeContract(url, IMPL, 'OwnableMock');
  await placeOwned(url, VAULT, { implementation: IMPL, authority: AM });
  await placeContract(url, AM, 'AccessManagerMock');
  await send(url, AM, accessManagerMockAbi, 'setTargetFunctionRole', [VAULT, UPGRADE_SELECTOR, 1n]);
  await send(url, AM, accessManagerMockAbi, 'grantRole', [0n, TIMELOCK, 0]);
  await send(url, AM, accessManagerMockAbi, 'grantRole', [1n, COMMUNITY, 0]);
  await send(url, AM, accessManagerMockAbi, 'grantRole', [1n, OPS, 7 * 86_400]);
  // Puffer's Timelock is custom (no getMinDelay): a contract of unknown kind until the curated edges name who acts.
  await placeContract(url, TIMELOCK, 'OwnableMock');
  await placeSafe(url, COMMUNITY, signers(7, 0x100), 4);
  await placeSafe(url, OPS, signers(5, 0x200), 3);
  await placeSafe(url, PAUSER, signers(3, 0x300), 1);
  // The other contracts that matter: plain contracts with no readable controller and no proxy slot.
  for (const c of puf.contracts.filter((x) => x.role !== 'token')) await placeContract(url, getAddress(c.address), 'OwnableMock');
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

test('pufETH: the Community multisig upgrades through the AccessManager with no delay; a 1-of-3 pauser is a single key', async () => {
  const input = discoveryInput(puf);
  const r = await discoverAdmin(client, 'eip155:1', input.roots, { hints: input.hints });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const d = r.data;
  expect(d.nodes[AM]!.classification.kind).toBe('access-manager');
  expect(d.nodes[AM]!.controllers.map((e) => [e.to, e.delaySec, e.note])).toEqual(
    expect.arrayContaining([
      [TIMELOCK, 0, 'ADMIN_ROLE'],
      [COMMUNITY, 0, `role 1 may call upgradeToAndCall on ${VAULT}`],
      [OPS, 7 * 86_400, `role 1 may call upgradeToAndCall on ${VAULT}`],
    ]),
  );
  expect(d.nodes[TIMELOCK]!.controllers.map((e) => [e.role, e.to, e.delaySec])).toEqual([
    ['curated', COMMUNITY, 0],
    ['curated', OPS, 7 * 86_400],
  ]);
  const j = judgeAdminPaths({ discovery: d, ...judgeInput(puf, d), redemptionDays: 0 });
  expect(j.level).toBe('bad');
  expect(j.weakest).toMatchObject({ delaySec: 0, holder: { kind: 'safe', address: COMMUNITY, threshold: 4, signers: 7 } });
  expect(j.pause).toMatchObject({ level: 'warning' });
  expect(j.pause!.holders[0]!.holder).toEqual({ kind: 'key', address: PAUSER, delegate: null });
});

test('LBTC: the deployer account may propose on the 24-hour timelock, but only the 3-of-5 Safe executes', async () => {
  const url = anvil.url;
  const lbtc = controlsFor('lbtc')!;
  const TOKEN = getAddress('0x8236a87084f8B84306f72007F36F2618A5634494');
  const TL = getAddress('0x055E84e7FE8955E2781010B866f10Ef6E1E77e59');
  const OWNER_SAFE = getAddress('0x251a604E8E8f6906d60f8dedC5aAeb8CD38F4892');
  const DEPLOYER = getAddress('0x3F6BF1C36CcBb59eAF8415301a0ceC73c344a079');
  const PROXY_ADMIN = getAddress('0x00000000000000000000000000000000000bae01');
  await placeOwned(url, TOKEN, { implementation: IMPL, admin: PROXY_ADMIN });
  await placeOwned(url, PROXY_ADMIN, { owner: TL });
  await placeTimelock(url, TL, { minDelaySec: 86_400, proposers: [OWNER_SAFE, DEPLOYER], enumerable: false });
  await send(url, TL, timelockMockAbi, 'grantRole', [ROLES.executor, OWNER_SAFE]);
  await placeSafe(url, OWNER_SAFE, signers(5, 0x400), 3);
  for (const c of lbtc.contracts.filter((x) => x.role !== 'token')) await placeContract(url, getAddress(c.address), 'OwnableMock');

  const input = discoveryInput(lbtc);
  const r = await discoverAdmin(client, 'eip155:1', input.roots, { hints: input.hints });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.data.nodes[TL]!.classification).toMatchObject({ kind: 'timelock', minDelaySec: { value: 86_400 }, anyoneCanExecute: { value: false } });
  expect(r.data.nodes[TL]!.controllers.map((e) => [e.role, e.to])).toEqual([
    ['proposer', OWNER_SAFE],
    ['executor', OWNER_SAFE],
    ['proposer', DEPLOYER],
  ]);
  expect(r.data.nodes[DEPLOYER]!.classification.kind).toBe('key');
  const j = judgeAdminPaths({ discovery: r.data, ...judgeInput(lbtc, r.data), redemptionDays: null });
  // 24 hours is under 7 days whatever the redemption time: red, and the fact says who really executes.
  expect(j.level).toBe('bad');
  expect(j.timelockTier).toBe(2);
  const viaKey = j.paths.find((p) => p.holder.kind === 'key')!;
  expect(viaKey.gates).toEqual([{ kind: 'safe', address: OWNER_SAFE, threshold: 3, signers: 5, modules: 0 }]);
  expect(effectiveHolder(viaKey)).toEqual(viaKey.gates[0]);
  // On the tie the judged path is held by the Safe either way, never by the key alone.
  expect(effectiveHolder(j.weakest!)).toMatchObject({ kind: 'safe', threshold: 3 });
  expect(j.fact).toContain('a 3-of-5 Safe');
});
