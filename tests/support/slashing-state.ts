// A whole-registry slashing state for the live pipeline (integration and e2e): the EigenLayer contracts, the staker
// registries of Renzo, Kelp, ether.fi and Puffer at their real addresses, operators and operator sets, and two
// Mellow vaults on Symbiotic. Every figure the cards show follows by hand from the numbers below (EXPECTED).
// Addresses are the registry's (lib/registry/stakers.ts, data/mellow.ts), written out because node --test cannot
// import lib/registry; tests/integration/live/slashing.test.ts checks they agree.
import { getAddress, keccak256, toHex, type Address } from 'viem';
import { chainClients } from './chain.ts';
import { EL_ADDRESSES, el, placeBurner, placeEigenLayer, placeStakerList, placeStrategy, placeSymbioticVault, placeVetoSlasher, subnetwork } from './slashing-chain.ts';

const E18 = 10n ** 18n;
const a = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`) as Address;

export const REGISTRY = {
  renzoRestakeManager: '0x74a09653A083691711cF8215a6ab074BB4e99ef5',
  kelpDepositPool: '0x036676389e48133B63a802f8635AD39E752D375D',
  etherfiRestaker: '0x1B7a4C3797236A1C37f8741c0Be35c2c72736fFf',
  /** The first EtherFiNode of the repository's list (lib/registry/data/etherfi-nodes.ts). */
  etherfiNode0: '0x002a6B9AF140CfB18c64D2f9FA4AA464DC3d223E',
  pufferProtocol: '0xf7b6B32492c2e13799D921E84202450131bd238B',
  steakLrt: '0xBEEF69Ac7870777598A04B2bd4771c71212E6aBc',
  amphrEth: '0x5fD13359Ba15A84B76f7F87568309040176167cd',
} as const satisfies Record<string, Address>;

export const ACTORS = {
  renzoOds: [a(0x0d1), a(0x0d2), a(0x0d3), a(0x0d4)],
  renzoOps: [a(0xa1), a(0xa2), a(0xa3), a(0xa4)],
  kelpNds: [a(0x4d1), a(0x4d2)],
  kelpOp: a(0xe1),
  etherfiOps: [a(0xf1), a(0xf2)],
  pufferModules: Array.from({ length: 7 }, (_, i) => a(0xf00 + i)),
  pufferOps: Array.from({ length: 7 }, (_, i) => a(0xb00 + i)),
  avsVeto: a(0xa5001),
  avsRedistributing: a(0xa5002),
  avsNoVeto: a(0xa5003),
  vetoSlasher: a(0x5e70),
  eoaSlasher: a(0xe0a),
  committee: a(0xc0331),
  networks: [a(0x11e71), a(0x11e72)],
  resolver: a(0x4e5),
  burner: a(0xb0a1),
  wsteth: a(0x757e7),
} as const;

/** S1 veto-gated; S2 redistributing with an EOA slasher; S3 an EOA slasher, only a pending allocation. */
export const SETS = {
  veto: { avs: ACTORS.avsVeto, id: 1 },
  redistributing: { avs: ACTORS.avsRedistributing, id: 0 },
  noVeto: { avs: ACTORS.avsNoVeto, id: 7 },
} as const;

/** What the cards must show, worked out by hand from the state. */
export const EXPECTED = {
  // 4 × 50 native ETH, one operator each (HHI 0.25); each operator allocates 10% of its 1,000 to S1 → 10%;
  // operator A has +40% pending to S3 → 20 ETH more = 10% of 200. Judged on 10 + 10 = 20%: yellow.
  ezeth: { backing: 200, slashablePct: 10, pendingPct: 10, hhi: 0.25, level: 'warning' },
  // NodeDelegator 1: 100 stETH shares (1.05 stETH each = 105 ETH) with operator E, which allocates 20% of its
  // stETH to the redistributing S2 → 21 ETH; NodeDelegator 2: 50 native ETH, not delegated. 21 / 155 = 13.548%: red.
  rseth: { backing: 155, slashablePct: (21 / 155) * 100, redistributingPct: (21 / 155) * 100, undelegatedPct: (50 / 155) * 100, level: 'bad' },
  // Restaker: 200 stETH shares (210 ETH) with operator F, 5% to S1 → 10.5 ETH; node 0: 90 native with operator G,
  // nothing allocated. 10.5 / 300 = 3.5%; HHI 0.7² + 0.3² = 0.58: red.
  weeth: { backing: 300, slashablePct: 3.5, hhi: 0.58, level: 'bad' },
  // 7 modules × 100 native, one operator each, each 8% to S1: 8%, HHI 1/7 = 0.143: green.
  pufeth: { backing: 700, slashablePct: 8, hhi: 1 / 7, level: 'good' },
  // NetworkRestake, VetoSlasher (3 days), both networks with a resolver, slashed wstETH burned. N1 500 of 1,000 =
  // 50%, N2 300 = 30%: largest 50% (not over 50): yellow.
  steaklrt: { largestPct: 50, sumPct: 80, level: 'warning' },
  amphreth: { level: 'good' },
} as const;

/** Places the whole state. `stakerCount` of ether.fi: the restaker plus its 474 nodes are all enumerated. */
export async function placeSlashingState(url: string): Promise<{ pendingEffectBlock: number }> {
  const { veto, redistributing, noVeto } = SETS;
  const A = ACTORS;
  const BEACON = EL_ADDRESSES.beaconChainEth;
  const STETH = EL_ADDRESSES.stethStrategy;
  await placeEigenLayer(url);
  await placeStrategy(url, STETH, 105n * 10n ** 16n);
  await placeVetoSlasher(url, A.vetoSlasher, 50_400, A.committee);
  await el.redistributing(url, redistributing, true);
  await el.slasher(url, veto, A.vetoSlasher);
  await el.slasher(url, redistributing, A.eoaSlasher);
  await el.slasher(url, noVeto, A.eoaSlasher);

  // ezETH
  await placeStakerList(url, REGISTRY.renzoRestakeManager, A.renzoOds);
  const pendingEffectBlock = Number(await chainClients(url).test.getBlockNumber()) + 1000;
  for (let i = 0; i < 4; i++) {
    const [od, op] = [A.renzoOds[i]!, A.renzoOps[i]!];
    await el.delegate(url, od, op);
    await el.withdrawable(url, od, BEACON, 50n * E18);
    await el.operatorShares(url, op, BEACON, 1000n * E18);
    await el.sets(url, op, i === 0 ? [veto, noVeto] : [veto]);
    await el.allocate(url, { operator: op, set: veto, strategy: BEACON, current: E18 / 10n });
  }
  await el.allocate(url, { operator: A.renzoOps[0]!, set: noVeto, strategy: BEACON, current: 0n, pendingDiff: (2n * E18) / 5n, effectBlock: pendingEffectBlock });

  // rsETH
  await placeStakerList(url, REGISTRY.kelpDepositPool, A.kelpNds);
  await el.delegate(url, A.kelpNds[0]!, A.kelpOp);
  await el.withdrawable(url, A.kelpNds[0]!, STETH, 100n * E18);
  await el.withdrawable(url, A.kelpNds[1]!, BEACON, 50n * E18);
  await el.operatorShares(url, A.kelpOp, STETH, 1000n * E18);
  await el.sets(url, A.kelpOp, [redistributing]);
  await el.allocate(url, { operator: A.kelpOp, set: redistributing, strategy: STETH, current: E18 / 5n });

  // weETH (the restaker and node 0; the other 473 nodes hold nothing)
  const [opF, opG] = A.etherfiOps;
  await el.delegate(url, REGISTRY.etherfiRestaker, opF);
  await el.withdrawable(url, REGISTRY.etherfiRestaker, STETH, 200n * E18);
  await el.operatorShares(url, opF, STETH, 1000n * E18);
  await el.sets(url, opF, [veto]);
  await el.allocate(url, { operator: opF, set: veto, strategy: STETH, current: E18 / 20n });
  await el.delegate(url, REGISTRY.etherfiNode0, opG);
  await el.withdrawable(url, REGISTRY.etherfiNode0, BEACON, 90n * E18);
  await el.operatorShares(url, opG, BEACON, 900n * E18);

  // pufETH
  const modules = A.pufferModules.map((_, i) => keccak256(toHex(`PUFFER_MODULE_${i}`)));
  await placeStakerList(url, REGISTRY.pufferProtocol, A.pufferModules, { modules });
  for (let i = 0; i < 7; i++) {
    const [m, op] = [A.pufferModules[i]!, A.pufferOps[i]!];
    await el.delegate(url, m, op);
    await el.withdrawable(url, m, BEACON, 100n * E18);
    await el.operatorShares(url, op, BEACON, 1000n * E18);
    await el.sets(url, op, [veto]);
    await el.allocate(url, { operator: op, set: veto, strategy: BEACON, current: (8n * E18) / 100n });
  }

  // Mellow on Symbiotic
  const [N1, N2] = A.networks;
  const [SN1, SN2] = [subnetwork(N1), subnetwork(N2)];
  await placeBurner(url, A.burner, A.wsteth);
  await placeSymbioticVault(url, {
    mellow: REGISTRY.steakLrt,
    vault: a(0x5001),
    delegator: { address: a(0xde01), type: 0, limits: [{ subnetwork: SN1, max: 600n * E18, limit: 500n * E18 }, { subnetwork: SN2, max: 300n * E18, limit: 400n * E18 }] },
    slasher: { address: a(0x5101), type: 1, vetoSeconds: 259_200, resolvers: [{ subnetwork: SN1, resolver: A.resolver }, { subnetwork: SN2, resolver: A.resolver }] },
    burner: { address: a(0xb401), globalReceiver: A.burner, delay: 3600 },
    collateral: A.wsteth,
    activeStake: 1000n * E18,
  });
  await placeSymbioticVault(url, { mellow: REGISTRY.amphrEth, vault: null });
  return { pendingEffectBlock };
}
