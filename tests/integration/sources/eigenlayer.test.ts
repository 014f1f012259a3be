// EigenLayer slashing exposure read from a real chain: anvil with test contracts implementing the real view
// signatures at the real mainnet addresses (DelegationManager, AllocationManager, the stETH strategy, Renzo's
// RestakeManager, Kelp's deposit pool, Puffer, Swell's getter chain, Bedrock). The state has four operators and
// four operator sets: one with a veto slasher, one redistributing with an EOA slasher, one that cannot slash, and
// one with only a pending allocation. Every expected figure below is worked out by hand from that state.
import { getAddress, keccak256, toHex, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STAKERS, STAKER_SOURCES } from '../../../lib/registry/stakers';
import { readExposure, readSetMeta, readStakers, mergeStakerMaps, refreshCost, rotation, setKey, type StakerMap } from '../../../lib/sources/eigenlayer';
import { eigenLayerSentence, fromEigenLayer, judgeSlashingLive } from '../../../lib/risk/slashing';
import { chainClient } from '../../../lib/sources/rpc';
import { enumerateStakers } from '../../../lib/sources/stakers';
import { startAnvil, type Anvil } from '../../support/anvil';
import { chainClients, send } from '../../support/chain';
import { compileContracts } from '../../support/solc';
import * as sc from '../../support/slashing-chain';
import { EL_ADDRESSES as A, el, placeEigenLayer, placeStakerList, placeStrategy, placeVetoSlasher } from '../../support/slashing-chain';

const E18 = 10n ** 18n;
const a = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`) as Address;
// Actors (test addresses): operators, LRT staker contracts, AVSs, slashers.
const [OP_A, OP_B, OP_C] = [a(0xa1), a(0xb1), a(0xc1)];
const [OD1, OD2] = [a(0x0d1), a(0x0d2)]; // Renzo OperatorDelegators
const [NDC1, NDC2, NDC3] = [a(0x4d1), a(0x4d2), a(0x4d3)]; // Kelp NodeDelegators
const [AVS_X, AVS_Y, AVS_Z] = [a(0xa5001), a(0xa5002), a(0xa5003)];
const S1 = { avs: AVS_X, id: 1 }; // veto slasher
const S2 = { avs: AVS_Y, id: 0 }; // redistributing, EOA slasher
const S3 = { avs: AVS_X, id: 2 }; // allocated, but the operator is not slashable by it
const S4 = { avs: AVS_Z, id: 7 }; // pending allocation only
const VETO_SLASHER = a(0x5e70);
const EOA_SLASHER = a(0xe0a);
const COMMITTEE = a(0xc0331);
const BEACON = A.beaconChainEth;
const STETH = A.stethStrategy;
const STRATEGIES = [
  { address: BEACON, ethPerUnderlying: 1 },
  { address: STETH, ethPerUnderlying: 1 },
];
const spec = (protocol: string) => STAKERS.find((s) => s.protocol === protocol)!;
const addrOf = (protocol: string) => {
  const e = spec(protocol).enumerations[0]!;
  if (e.kind === 'fixed') throw new Error('fixed');
  return e.contract.address as Address;
};

let anvil: Anvil;
let pendingEffect = 0;
beforeAll(async () => {
  anvil = await startAnvil();
  const url = anvil.url;
  await placeEigenLayer(url);
  // 1 stETH-strategy share = 1.05 stETH.
  await placeStrategy(url, STETH, 105n * 10n ** 16n);
  await placeVetoSlasher(url, VETO_SLASHER, 50_400, COMMITTEE);

  // Staker lists at the protocols' real addresses.
  await placeStakerList(url, addrOf('Renzo'), [OD1, OD2]);
  await placeStakerList(url, addrOf('Kelp'), [NDC1, NDC2, NDC3]);
  const modules = [keccak256(toHex('PUFFER_MODULE_0')), keccak256(toHex('EIGEN_DA'))];
  await placeStakerList(url, addrOf('Puffer'), [a(0xf01), a(0xf02)], { modules });
  const [acm, dmgr, elm] = [a(0x5a1), a(0x5a2), a(0x5a3)];
  await placeStakerList(url, addrOf('Swell'), [], { next: acm });
  await placeStakerList(url, acm, [], { next: dmgr });
  await placeStakerList(url, dmgr, [], { next: elm });
  await placeStakerList(url, elm, [a(0x5b1), a(0x5b2), a(0x5b3)]);
  await placeStakerList(url, addrOf('Bedrock'), [addrOf('Bedrock'), a(0xbe1)]);

  // ezETH: OD1 → A (100 ETH native, 50 stETH shares = 52.5 ETH), OD2 → B (200 ETH native).
  await el.delegate(url, OD1, OP_A);
  await el.withdrawable(url, OD1, BEACON, 100n * E18);
  await el.withdrawable(url, OD1, STETH, 50n * E18);
  await el.delegate(url, OD2, OP_B);
  await el.withdrawable(url, OD2, BEACON, 200n * E18);
  // rsETH: NDC1 → B (50 native), NDC2 → C (20 stETH shares = 21 ETH; C's native stake was slashed to nothing), NDC3 undelegated (30 native).
  await el.delegate(url, NDC1, OP_B);
  await el.withdrawable(url, NDC1, BEACON, 50n * E18);
  await el.delegate(url, NDC2, OP_C);
  await el.withdrawable(url, NDC2, STETH, 20n * E18);
  await el.withdrawable(url, NDC3, BEACON, 30n * E18);

  // Operators' total shares (all their stakers, not only ours).
  await el.operatorShares(url, OP_A, BEACON, 1000n * E18);
  await el.operatorShares(url, OP_A, STETH, 100n * E18);
  await el.operatorShares(url, OP_B, BEACON, 2000n * E18);
  await el.operatorShares(url, OP_C, STETH, 100n * E18);
  await el.maxMagnitude(url, OP_C, BEACON, 0n);

  // A: S1 10% of native and stETH; S2 20% of native and 30% of stETH; S3 50% of native but A is not slashable by S3.
  await el.sets(url, OP_A, [S1, S2, S3]);
  await el.allocate(url, { operator: OP_A, set: S1, strategy: BEACON, current: E18 / 10n });
  await el.allocate(url, { operator: OP_A, set: S1, strategy: STETH, current: E18 / 10n });
  await el.allocate(url, { operator: OP_A, set: S2, strategy: STETH, current: (3n * E18) / 10n });
  await el.allocate(url, { operator: OP_A, set: S2, strategy: BEACON, current: E18 / 5n });
  await el.allocate(url, { operator: OP_A, set: S3, strategy: BEACON, current: E18 / 2n, slashable: false });
  // B: S1 5% of native; S4 +20% of native pending, due in 1,000 blocks.
  pendingEffect = Number(await chainClients(url).test.getBlockNumber()) + 1000;
  await el.sets(url, OP_B, [S1, S4]);
  await el.allocate(url, { operator: OP_B, set: S1, strategy: BEACON, current: E18 / 20n });
  await el.allocate(url, { operator: OP_B, set: S4, strategy: BEACON, current: 0n, pendingDiff: E18 / 5n, effectBlock: pendingEffect });
  // C: S1 20% of stETH; its native max magnitude is 0.
  await el.sets(url, OP_C, [S1]);
  await el.allocate(url, { operator: OP_C, set: S1, strategy: STETH, current: E18 / 5n });
  await el.allocate(url, { operator: OP_C, set: S1, strategy: BEACON, current: E18 / 2n });

  await el.redistributing(url, S2, true);
  await el.slasher(url, S1, VETO_SLASHER);
  await el.slasher(url, S2, EOA_SLASHER);
  await el.slasher(url, S3, VETO_SLASHER);
  await el.slasher(url, S4, EOA_SLASHER);
}, 120_000);
afterAll(() => anvil?.stop());

async function client() {
  const cc = await chainClient('eip155:1', [anvil.url]);
  if ('ok' in cc) throw new Error(cc.message);
  return cc.client;
}

const TOKENS = [
  { tokenId: 'ezeth', strategies: STRATEGIES, stakers: [OD1, OD2] },
  { tokenId: 'rseth', strategies: STRATEGIES, stakers: [NDC1, NDC2, NDC3] },
];

async function stakerMap(): Promise<StakerMap['entries']> {
  const res = await readStakers(await client(), TOKENS.flatMap((t) => t.stakers.map((staker) => ({ staker, strategies: t.strategies.map((s) => s.address) }))));
  if (!res.ok) throw new Error(res.message);
  return res.data.entries;
}

test('the test contracts expose exactly the ABIs the helpers type', async () => {
  const compiled = await compileContracts();
  const sig = (abi: readonly { type: string; name?: string; inputs?: readonly { type: string }[] }[]) =>
    abi.filter((x) => x.type === 'function').map((f) => `${f.name}(${(f.inputs ?? []).map((i) => i.type).join(',')})`).sort();
  const pairs = [
    [sc.elDelegationManagerAbi, 'ElDelegationManager'],
    [sc.elAllocationManagerAbi, 'ElAllocationManager'],
    [sc.elStrategyAbi, 'ElStrategy'],
    [sc.elVetoableSlasherAbi, 'ElVetoableSlasher'],
    [sc.lrtStakersAbi, 'LrtStakers'],
    [sc.symVaultAbi, 'SymVault'],
    [sc.symDelegatorAbi, 'SymDelegator'],
    [sc.symSlasherAbi, 'SymSlasher'],
    [sc.symBurnerRouterAbi, 'SymBurnerRouter'],
    [sc.symBurnerAbi, 'SymBurner'],
  ] as const;
  for (const [abi, name] of pairs) expect(sig(abi as never), name).toEqual(sig(compiled[name].abi as never));
});

describe('staker enumeration through the registry getters', () => {
  test('every getter kind: list, count-index (from 0 and from 1), keys-lookup, a getter chain, a fixed list', async () => {
    const res = await enumerateStakers(await client(), STAKERS, STAKER_SOURCES);
    if (!res.ok) throw new Error(res.message);
    const got = (p: string) => {
      const o = res.data[p]!;
      if (!o.ok) throw new Error(o.message);
      return o.data.stakers.map((s) => s.address);
    };
    expect(got('Renzo')).toEqual([OD1, OD2]);
    expect(got('Kelp')).toEqual([NDC1, NDC2, NDC3]);
    expect(got('Puffer')).toEqual([a(0xf01), a(0xf02)]);
    expect(got('Swell')).toEqual([a(0x5b1), a(0x5b2), a(0x5b3)]);
    expect(got('Bedrock')).toEqual([addrOf('Bedrock'), a(0xbe1)]);
    // ether.fi: the restaker plus the repository's 474 nodes, sourced to the file, not to a call.
    const ef = res.data['ether.fi']!;
    if (!ef.ok) throw new Error(ef.message);
    expect(ef.data.stakers).toHaveLength(475);
    expect(ef.data.stakers[1]!.source).toMatchObject({ kind: 'doc', url: expect.stringContaining('etherFiNodes.json') });
    // Each listed staker carries the call that returned it.
    const kelp = res.data.Kelp!;
    expect(kelp.ok && kelp.data.stakers[0]!.source).toMatchObject({ kind: 'chain', contract: addrOf('Kelp'), function: 'getNodeDelegatorQueue()' });
    // Eigenpie's pool holds no contract here: its getter fails for Eigenpie only.
    expect(res.data.Eigenpie).toMatchObject({ ok: false });
  });

  test('a staker registry that reverts fails its own protocol only', async () => {
    await send(anvil.url, addrOf('Kelp'), sc.lrtStakersAbi, 'setReverting', [true]);
    try {
      const res = await enumerateStakers(await client(), STAKERS, STAKER_SOURCES);
      if (!res.ok) throw new Error(res.message);
      expect(res.data.Kelp).toMatchObject({ ok: false, kind: 'revert', message: expect.stringContaining('getNodeDelegatorQueue()') });
      expect(res.data.Renzo).toMatchObject({ ok: true });
    } finally {
      await send(anvil.url, addrOf('Kelp'), sc.lrtStakersAbi, 'setReverting', [false]);
    }
  });

  test('a budget too small for the items says which protocol was not read', async () => {
    const res = await enumerateStakers(await client(), [spec('Renzo'), spec('Kelp')], STAKER_SOURCES, { budget: 3 });
    if (!res.ok) throw new Error(res.message);
    expect(res.data.Kelp).toMatchObject({ ok: true });
    expect(res.data.Renzo).toMatchObject({ ok: false, kind: 'no-data', message: expect.stringContaining('call budget') });
  });
});

describe('slow path: the staker map', () => {
  test('delegatedTo and withdrawable shares per staker, each with its call', async () => {
    const m = await stakerMap();
    const od1 = m[OD1.toLowerCase()]!;
    if (!od1.ok) throw new Error(od1.message);
    expect(od1.data.operator.value).toBe(OP_A);
    expect(od1.data.operator.source).toMatchObject({ contract: A.delegationManager, function: `delegatedTo(${OD1})` });
    expect(od1.data.shares.value[BEACON.toLowerCase()]).toBe((100n * E18).toString());
    const ndc3 = m[NDC3.toLowerCase()]!;
    expect(ndc3.ok && ndc3.data.operator.value).toBeNull();
  });

  test('rotation: a budget of 5 reads two stakers whole; the next run continues where it stopped', async () => {
    const all = TOKENS.flatMap((t) => t.stakers);
    const first = rotation(all, 0, 2);
    expect(first).toEqual({ slice: [OD1, OD2], next: 2 });
    const c = await client();
    const res = await readStakers(c, all.map((staker) => ({ staker, strategies: [BEACON, STETH] })), { budget: 5 });
    if (!res.ok) throw new Error(res.message);
    expect(Object.keys(res.data.entries)).toHaveLength(2);
    expect(res.data.notRead).toEqual([NDC1, NDC2, NDC3]);
    expect(res.data.cost).toEqual({ subCalls: 4, ethCalls: 1 });
    const rest = await readStakers(c, res.data.notRead.map((staker) => ({ staker, strategies: [BEACON, STETH] })));
    if (!rest.ok) throw new Error(rest.message);
    const merged = mergeStakerMaps(res.data.entries, rest.data.entries, all);
    expect(Object.keys(merged)).toHaveLength(5);
    expect(rotation(all, 4, 2)).toEqual({ slice: [NDC3, OD1], next: 1 });
  });
});

describe('fast path: exposure per token', () => {
  test('ezETH: every figure from the chain state', async () => {
    const res = await readExposure(await client(), { tokens: TOKENS, stakerMap: await stakerMap() });
    if (!res.ok) throw new Error(res.message);
    expect(res.data.budgetExceeded).toBe(false);
    // 3 operators, 4 sets, 2 strategies (1 LST), 4 pending pairs, 4 uncached sets, 2 slashers: the formula's count.
    expect(res.data.cost.subCalls).toBe(27);
    expect(refreshCost({ stakers: 0, operators: 3, sets: 4, strategies: 2, lsts: 1, pendingPairs: 4, uncachedSets: 4, slashers: 2 }).total).toBe(27);
    expect(res.data.cost.ethCalls).toBe(5);
    const t = res.data.tokens.ezeth!;
    expect(t.missing).toEqual([]);
    expect(t.complete).toBe(true);
    // Backing: 100 + 50 × 1.05 + 200 = 352.5 ETH.
    expect(t.backingEth).toBeCloseTo(352.5, 9);
    // A native 100 × (10% S1 + 20% S2; S3 cannot slash) + A stETH 52.5 × (10% + 30%) + B native 200 × 5% = 30 + 21 + 10 = 61.
    expect(t.slashableEth).toBeCloseTo(61, 9);
    expect(t.slashablePct).toBeCloseTo((61 / 352.5) * 100, 9);
    // Redistribution: S2 only, and only its stETH (52.5 × 30% = 15.75): native ETH is never redistributed.
    expect(t.redistributingEth).toBeCloseTo(15.75, 9);
    // S2's slasher is an EOA: all of S2 (20 native + 15.75 stETH) has no veto.
    expect(t.noVetoEth).toBeCloseTo(35.75, 9);
    // Sets: S2 = 20 + 15.75, S1 = 10 + 5.25 + 10 = 25.25; S3 (cannot slash) and S4 (pending only) hold nothing now.
    expect(t.sets.map((s) => [setKey(s), Number(s.slashableEth.toFixed(6))])).toEqual([
      [setKey(S2), 35.75],
      [setKey(S1), 25.25],
    ]);
    expect(t.sets[1]!.meta).toMatchObject({ kind: 'veto', veto: { windowBlocks: { value: 50_400 }, committee: { value: COMMITTEE } } });
    expect(t.sets[0]!.meta).toMatchObject({ kind: 'no-veto', redistributing: { value: true }, veto: null });
    expect(t.sets[1]!.source).toMatchObject({ contract: A.allocationManager, function: expect.stringMatching(/^getMinimumSlashableStake\(\(0x0+A5001,1\),\[/i) });
    expect(t.largestSet).toMatchObject({ avs: AVS_Y, id: 0 });
    expect(t.largestSet!.pct).toBeCloseTo((35.75 / 352.5) * 100, 9);
    expect(t.largestAvs).toMatchObject({ avs: AVS_Y, sets: 1 });
    // The raw answer for A in S2: 1,000 native × 20% and 100 stETH shares × 30%.
    expect(t.sets[0]!.minimumSlashableStake[OP_A.toLowerCase()]).toEqual({ [BEACON.toLowerCase()]: (200n * E18).toString(), [STETH.toLowerCase()]: (30n * E18).toString() });
    expect(t.avsCount).toBe(2);
    // Operators: A 152.5, B 200 of 352.5 delegated.
    expect(t.operatorCount).toBe(2);
    expect(t.operators[0]).toMatchObject({ operator: OP_B, slashedBefore: false });
    expect(t.topOperatorPct).toBeCloseTo((200 / 352.5) * 100, 9);
    expect(t.operatorHhi).toBeCloseTo((152.5 / 352.5) ** 2 + (200 / 352.5) ** 2, 9);
    expect(t.undelegatedPct).toBe(0);
    // Pending: B's +20% of native to S4 at its effect block: 200 × 20% = 40 ETH more.
    expect(t.pending).toEqual([expect.objectContaining({ operator: OP_B, avs: AVS_Z, id: 7, strategy: BEACON, pendingDiff: (E18 / 5n).toString(), effectBlock: pendingEffect })]);
    expect(t.pending[0]!.eth).toBeCloseTo(40, 9);
    expect(t.pendingIncreasePct).toBeCloseTo((40 / 352.5) * 100, 9);
    // Every figure has its calls; all at one block.
    expect(new Set(t.sources.map((s) => s.block))).toEqual(new Set([res.data.block]));
    // What the card shows for this state.
    expect(eigenLayerSentence('ezETH', t)).toBe("Up to 17% of ezETH's backing can be slashed by 2 AVSs; 4.5% can be redistributed.");
    expect(judgeSlashingLive(fromEigenLayer(t, res.fetchedAt, 1_800_000), new Date(res.fetchedAt))).toMatchObject({
      level: 'bad',
      fact: '4.5% of the backing can be redistributed: slashed funds go to a third party, not a burn.',
    });
    expect(t.sources.map((s) => s.function)).toEqual(expect.arrayContaining([`delegatedTo(${OD1})`, 'sharesToUnderlyingView(1e18)', `getAllocatedSets(${OP_A})`, `isRedistributingOperatorSet((${AVS_Y},0))`, 'vetoWindowBlocks()']));
  });

  test('rsETH: an operator with zero max magnitude, an undelegated staker', async () => {
    const res = await readExposure(await client(), { tokens: TOKENS, stakerMap: await stakerMap() });
    if (!res.ok) throw new Error(res.message);
    const t = res.data.tokens.rseth!;
    expect(t.complete).toBe(true);
    // Backing 50 + 20 × 1.05 + 30 = 101; slashable B native 50 × 5% + C stETH 21 × 20% = 2.5 + 4.2.
    expect(t.backingEth).toBeCloseTo(101, 9);
    expect(t.slashableEth).toBeCloseTo(6.7, 9);
    expect(t.undelegatedPct).toBeCloseTo((30 / 101) * 100, 9);
    // C's native stake was slashed to nothing: shown as slashed before, and no division by zero anywhere.
    expect(t.operators.find((o) => o.operator === OP_C)).toMatchObject({ slashedBefore: true, maxMagnitudes: { value: { [BEACON.toLowerCase()]: '0' } } });
    expect(t.redistributingEth).toBe(0);
    // B's pending +20% of native adds 50 × 20% = 10 ETH; two operators hold it: HHI (50/71)² + (21/71)² is red.
    expect(t.pendingIncreasePct).toBeCloseTo((10 / 101) * 100, 9);
    expect(judgeSlashingLive(fromEigenLayer(t, res.fetchedAt, 1_800_000), new Date(res.fetchedAt))).toMatchObject({ level: 'bad', fact: expect.stringContaining('HHI 0.58') });
  });

  test('per-set constants can be read once and passed back in: the next run spends fewer calls', async () => {
    const c = await client();
    const meta = await readSetMeta(c, [S1, S2, S3, S4]);
    if (!meta.ok) throw new Error(meta.message);
    expect(meta.data[setKey(S3)]).toMatchObject({ ok: true, data: { kind: 'veto' } });
    const map = await stakerMap();
    const cold = await readExposure(c, { tokens: TOKENS, stakerMap: map });
    const warm = await readExposure(c, { tokens: TOKENS, stakerMap: map, setMeta: meta.data });
    if (!cold.ok || !warm.ok) throw new Error('read failed');
    // 4 sets × 2 calls and 2 slashers × 2 probes are not spent again.
    expect(cold.data.cost.subCalls - warm.data.cost.subCalls).toBe(12);
    expect(warm.data.tokens.ezeth!.slashableEth).toBeCloseTo(61, 9);
  });

  test('budget exceeded: a partial result that says what it lacks', async () => {
    const res = await readExposure(await client(), { tokens: TOKENS, stakerMap: await stakerMap() }, { budget: 6 });
    if (!res.ok) throw new Error(res.message);
    expect(res.data.budgetExceeded).toBe(true);
    const t = res.data.tokens.ezeth!;
    expect(t.complete).toBe(false);
    expect(t.missing.join('\n')).toMatch(/getMinimumSlashableStake not read/);
    expect(res.data.cost.subCalls).toBe(6);
  });

  test('sub-calls are split into eth_calls of at most maxPerCall', async () => {
    const res = await readExposure(await client(), { tokens: TOKENS, stakerMap: await stakerMap() }, { maxPerCall: 3 });
    if (!res.ok) throw new Error(res.message);
    expect(res.data.cost.ethCalls).toBeGreaterThanOrEqual(Math.ceil(res.data.cost.subCalls / 3));
    expect(res.data.tokens.ezeth!.slashableEth).toBeCloseTo(61, 9);
  });

  test('the RPC down: a contained failure, and the next read after it comes back works', async () => {
    const c = await client();
    const map = await stakerMap();
    await anvil.stop();
    try {
      const res = await readExposure(c, { tokens: TOKENS, stakerMap: map });
      expect(res).toMatchObject({ ok: false, kind: expect.stringMatching(/network|timeout/) });
      const stakers = await readStakers(c, [{ staker: OD1, strategies: [BEACON] }]);
      expect(stakers.ok).toBe(false);
    } finally {
      await anvil.start();
    }
    const again = await readExposure(c, { tokens: TOKENS, stakerMap: map });
    expect(again.ok).toBe(true);
  });
});

test('what a full refresh of the registry costs', () => {
  // Stakers: Renzo ~10 ODs, Kelp 12, ether.fi 475, Puffer ~10 modules, Swell ~10, Eigenpie ~10, Bedrock ~5 (counts
  // other than Kelp's and ether.fi's are assumptions). Operators ~60, sets ~50, 6 strategies (5 LSTs), ~80 pending pairs.
  const cost = refreshCost({ stakers: 532, operators: 60, sets: 50, strategies: 6, lsts: 5, pendingPairs: 80, uncachedSets: 50, slashers: 40 });
  expect(cost).toEqual({ slow: 1064, fast: 1 + 6 + 60 + 5 + 50 + 80, meta: 180, total: 1064 + 202 + 180 });
});
