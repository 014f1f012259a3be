// Symbiotic exposure of the Mellow vaults read from a real chain: anvil with test contracts implementing the real
// views (Mellow symbioticVault(), Symbiotic v1 vault, delegator, slasher, BurnerRouter, a burner) at the Mellow
// vaults' real addresses. One vault per case: a veto slasher whose slashed collateral goes to the curator, an
// instant slasher with one network routed to a non-burner, a legacy vault, a vault with no slasher, a vault whose
// Symbiotic vault reverts. Expected figures are worked out by hand from that state.
import { getAddress, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getToken } from '../../../lib/registry';
import { fromSymbiotic, judgeSlashingLive, symbioticSentence } from '../../../lib/risk/slashing';
import { chainClient } from '../../../lib/sources/rpc';
import { discoverNetworks, networkOf, readVaults, type VaultInput } from '../../../lib/sources/symbiotic';
import { startAnvil, type Anvil } from '../../support/anvil';
import { chainClients, placeMulticall3, send } from '../../support/chain';
import { placeBurner, placeSymbioticVault, subnetwork, symVaultAbi } from '../../support/slashing-chain';

const E18 = 10n ** 18n;
const a = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`) as Address;
const mellow = (id: string) => getToken(id)!.deployments.find((d) => d.chain === 'eip155:1')!.address as Address;
const WSTETH = a(0x757e7);
const [N1, N2, N3] = [a(0x11e71), a(0x11e72), a(0x11e73)];
const [SN1, SN2, SN3] = [subnetwork(N1), subnetwork(N2, 1), subnetwork(N3)];
const CURATOR = a(0xc0a7);
const RESOLVER = a(0x4e5);
const BURNER = a(0xb0a1);

let anvil: Anvil;
let startBlock = 0n;
beforeAll(async () => {
  anvil = await startAnvil();
  const url = anvil.url;
  await placeMulticall3(url);
  startBlock = await chainClients(url).test.getBlockNumber();
  await placeBurner(url, BURNER, WSTETH);
  // steakLRT: NetworkRestake, VetoSlasher 3 days, resolver set for N1 only; slashed wstETH goes to the curator.
  // N1 limit 500 (max 600) of 1,000 = 50%; N2 limit 2,000 capped at the stake = 100%; N3 max 0 (opted out).
  await placeSymbioticVault(url, {
    mellow: mellow('steaklrt'),
    vault: a(0x5001),
    delegator: { address: a(0xde01), type: 0, limits: [{ subnetwork: SN1, max: 600n * E18, limit: 500n * E18 }, { subnetwork: SN2, max: 2000n * E18, limit: 2000n * E18 }, { subnetwork: SN3, max: 0n, limit: 0n }] },
    slasher: { address: a(0x5101), type: 1, vetoSeconds: 259_200, resolvers: [{ subnetwork: SN1, resolver: RESOLVER }] },
    burner: { address: a(0xb401), globalReceiver: CURATOR, delay: 3600 },
    collateral: WSTETH,
    activeStake: 1000n * E18,
  });
  // Re7LRT: OperatorSpecific, instant slasher; slashed wstETH is burned, except N1's, routed to the curator.
  // N1 200 of 1,000 = 20%; N2 50 = 5%.
  await placeSymbioticVault(url, {
    mellow: mellow('re7lrt'),
    vault: a(0x5002),
    delegator: { address: a(0xde02), type: 2, limits: [{ subnetwork: SN1, max: 200n * E18, limit: 200n * E18 }, { subnetwork: SN2, max: 100n * E18, limit: 50n * E18 }] },
    slasher: { address: a(0x5102), type: 0, vetoSeconds: 0 },
    burner: { address: a(0xb402), globalReceiver: BURNER, delay: 604_800, networkReceivers: [{ network: N1, receiver: CURATOR }] },
    collateral: WSTETH,
    activeStake: 1000n * E18,
  });
  // amphrETH: a pre-migration Mellow vault.
  await placeSymbioticVault(url, { mellow: mellow('amphreth'), vault: null });
  // rstETH: no slasher at all.
  await placeSymbioticVault(url, {
    mellow: mellow('rsteth'),
    vault: a(0x5004),
    delegator: { address: a(0xde04), type: 0, limits: [{ subnetwork: SN1, max: 900n * E18, limit: 900n * E18 }] },
    slasher: null,
    burner: { address: a(0xb404), globalReceiver: BURNER, delay: 0 },
    collateral: WSTETH,
    activeStake: 1000n * E18,
  });
  // DVstETH: its Symbiotic vault reverts every view.
  await placeSymbioticVault(url, {
    mellow: mellow('dvsteth'),
    vault: a(0x5005),
    delegator: { address: a(0xde05), type: 0, limits: [] },
    slasher: { address: a(0x5105), type: 0, vetoSeconds: 0 },
    burner: { address: a(0xb405), globalReceiver: BURNER, delay: 0 },
    collateral: WSTETH,
    activeStake: E18,
  });
  await send(url, a(0x5005), symVaultAbi, 'setReverting', [true]);
}, 120_000);
afterAll(() => anvil?.stop());

async function client() {
  const cc = await chainClient('eip155:1', [anvil.url]);
  if ('ok' in cc) throw new Error(cc.message);
  return cc.client;
}

const input = (tokenId: string, subnetworks: VaultInput['subnetworks']): VaultInput => ({ tokenId, mellowVault: mellow(tokenId), subnetworks, networksScanned: true });
const ALL = [input('steaklrt', [SN1, SN2, SN3]), input('re7lrt', [SN1, SN2]), input('amphreth', []), input('rsteth', [SN1]), input('dvsteth', [])];

describe('network discovery from SetMaxNetworkLimit events', () => {
  test('finds every subnetwork that had a limit, in chunks, and resumes where it stopped', async () => {
    const c = await client();
    const full = await discoverNetworks(c, a(0xde01), { fromBlock: startBlock, chunk: 5n });
    if (!full.ok) throw new Error(full.message);
    expect(full.data.subnetworks.sort()).toEqual([SN1, SN2, SN3].sort());
    expect(full.data.source).toMatchObject({ contract: a(0xde01), function: expect.stringContaining('SetMaxNetworkLimit') });
    expect(networkOf(SN2)).toBe(N2.toLowerCase());
    // Two requests of 2 blocks only: a partial scan says how far it got; the next scan continues from there.
    const part = await discoverNetworks(c, a(0xde01), { fromBlock: startBlock, chunk: 2n, maxRequests: 2 });
    if (!part.ok) throw new Error(part.message);
    expect(BigInt(part.data.scannedTo)).toBe(startBlock + 3n);
    const rest = await discoverNetworks(c, a(0xde01), { fromBlock: BigInt(part.data.scannedTo) + 1n });
    if (!rest.ok) throw new Error(rest.message);
    expect(new Set([...part.data.subnetworks, ...rest.data.subnetworks])).toEqual(new Set([SN1, SN2, SN3]));
  });
});

describe('vault exposure', () => {
  test('steakLRT: shared stake judged per network; veto; slashed collateral goes to the curator', async () => {
    const res = await readVaults(await client(), ALL);
    if (!res.ok) throw new Error(res.message);
    // 5 symbioticVault(), 4 × 6 vault views, 20 types/limits/routers, 13 veto/resolver/receiver/burner probes, 1 extra probe.
    expect(res.data.cost).toEqual({ subCalls: 63, ethCalls: 5 });
    const v = res.data.vaults.steaklrt!;
    expect(v.missing).toEqual([]);
    expect(v.complete).toBe(true);
    expect(v.legacy).toBe(false);
    expect(v.vault?.value).toBe(a(0x5001));
    expect(v.delegatorType?.value).toBe('NetworkRestake');
    expect(v.slasher).toMatchObject({ kind: 'veto', vetoSeconds: { value: 259_200 } });
    expect(v.networks.map((n) => [n.network, n.pct])).toEqual([
      [N1.toLowerCase(), 50],
      [N2.toLowerCase(), 100],
    ]);
    expect(v.largestNetworkPct).toBe(100);
    expect(v.sumOfLimitsPct).toBe(150);
    expect(v.receivers).toEqual([expect.objectContaining({ address: CURATOR, burns: false })]);
    expect(v.redistributingPct).toBe(100);
    // N2 has no resolver: nobody can veto its requests.
    expect(v.networks[1]!.resolver?.value).toBe('0x0000000000000000000000000000000000000000');
    expect(v.noVetoPct).toBe(100);
    expect(symbioticSentence('steakLRT', v)).toBe(
      "One network can slash up to 100% of steakLRT's Symbiotic stake; 2 networks together up to 150%; slashed collateral goes to an address that is not a burner.",
    );
    expect(judgeSlashingLive(fromSymbiotic(v, res.fetchedAt, 1_800_000), new Date(res.fetchedAt))).toMatchObject({ level: 'bad', fact: 'One network can slash 100% of the stake (over 50%).' });
    expect(v.sources.map((s) => s.function)).toEqual(expect.arrayContaining(['symbioticVault()', 'delegator()', 'TYPE()', 'vetoDuration()', `networkLimit(${SN1})`]));
  });

  test('Re7LRT: instant slasher; only the network routed to a non-burner redistributes', async () => {
    const res = await readVaults(await client(), ALL);
    if (!res.ok) throw new Error(res.message);
    const v = res.data.vaults.re7lrt!;
    expect(v.complete).toBe(true);
    expect(v.delegatorType?.value).toBe('OperatorSpecific');
    expect(v.slasher).toMatchObject({ kind: 'instant', vetoSeconds: null });
    expect(v.largestNetworkPct).toBe(20);
    expect(v.sumOfLimitsPct).toBe(25);
    expect(v.receivers).toEqual([expect.objectContaining({ address: BURNER, burns: true }), expect.objectContaining({ address: CURATOR, burns: false })]);
    expect(v.redistributingPct).toBe(20);
    expect(v.noVetoPct).toBe(20);
    expect(judgeSlashingLive(fromSymbiotic(v, res.fetchedAt, 1_800_000), new Date(res.fetchedAt)).fact).toBe('20% of the stake can be redistributed: slashed funds go to a third party, not a burn.');
  });

  test('a legacy vault and a vault with no slasher: nothing slashable, and said so', async () => {
    const res = await readVaults(await client(), ALL);
    if (!res.ok) throw new Error(res.message);
    expect(res.data.vaults.amphreth).toMatchObject({ legacy: true, complete: true, largestNetworkPct: 0, vault: null });
    expect(judgeSlashingLive(fromSymbiotic(res.data.vaults.amphreth!, res.fetchedAt, 1_800_000), new Date(res.fetchedAt)).level).toBe('good');
    expect(judgeSlashingLive(fromSymbiotic(res.data.vaults.dvsteth!, res.fetchedAt, 1_800_000), new Date(res.fetchedAt)).level).toBe('unknown');
    expect(res.data.vaults.rsteth).toMatchObject({ legacy: false, complete: true, slasher: { kind: 'none' }, largestNetworkPct: 0, sumOfLimitsPct: 0 });
  });

  test('a Symbiotic vault that reverts fails its own token only', async () => {
    const res = await readVaults(await client(), ALL);
    if (!res.ok) throw new Error(res.message);
    expect(res.data.vaults.dvsteth).toMatchObject({ complete: false, largestNetworkPct: null, missing: [expect.stringContaining('a vault view failed')] });
    expect(res.data.vaults.steaklrt!.complete).toBe(true);
  });

  test('no contract at the Mellow address is a failure, not a legacy vault', async () => {
    const res = await readVaults(await client(), [{ ...input('steaklrt', []), mellowVault: a(0xdead) }]);
    if (!res.ok) throw new Error(res.message);
    expect(res.data.vaults.steaklrt).toMatchObject({ legacy: false, complete: false, largestNetworkPct: null });
  });

  test('networks not scanned yet: partial', async () => {
    const res = await readVaults(await client(), [{ ...input('steaklrt', []), networksScanned: false }]);
    if (!res.ok) throw new Error(res.message);
    expect(res.data.vaults.steaklrt).toMatchObject({ complete: false, missing: [expect.stringContaining('not scanned')] });
  });

  test('budget exceeded: partial, and says so', async () => {
    const res = await readVaults(await client(), ALL, { budget: 8 });
    if (!res.ok) throw new Error(res.message);
    expect(res.data.budgetExceeded).toBe(true);
    expect(res.data.cost.subCalls).toBe(8);
    expect(Object.values(res.data.vaults).filter((v) => !v.legacy).every((v) => !v.complete)).toBe(true);
  });

  test('the RPC down: a contained failure', async () => {
    const c = await client();
    await anvil.stop();
    try {
      expect(await readVaults(c, ALL)).toMatchObject({ ok: false });
      expect(await discoverNetworks(c, a(0xde01), { fromBlock: 0n })).toMatchObject({ ok: false });
    } finally {
      await anvil.start();
    }
  });
});
