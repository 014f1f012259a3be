// Readers' results built by hand for the unit tests of the slashing pipeline: one EigenLayer token exposure and one
// Symbiotic vault, with numbers chosen so every derived figure is easy to check. Each call carries a ChainSource.
import type { TokenExposure } from '../../lib/sources/eigenlayer';
import type { VaultExposure } from '../../lib/sources/symbiotic';
import { chainSource, type ChainSource } from '../../lib/provenance';

export const AT = '2026-11-25T12:00:00.000Z';
export const BLOCK = '21000000';
const A = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as `0x${string}`;
export const call = (fn: string, contract = A(0x948a)): ChainSource => chainSource('eip155:1', contract, fn, BLOCK, AT);
export const OPERATOR = A(0xa1);
export const AVS = A(0xa5001);

/** 100 ETH backing, 12% slashable by one veto-gated set, 2 operators 60/40, one pending +3 ETH 300 blocks ahead. */
export function exposure(over: Partial<TokenExposure> = {}): TokenExposure {
  const set = call(`getMinimumSlashableStake((${AVS},1),[2 operators],[1 strategies],21000001)`);
  return {
    tokenId: 'ezeth',
    block: BLOCK,
    complete: true,
    missing: [],
    backingEth: 100,
    undelegatedEth: 0,
    undelegatedPct: 0,
    slashableEth: 12,
    slashablePct: 12,
    redistributingEth: 0,
    redistributingPct: 0,
    noVetoEth: 0,
    noVetoPct: 0,
    sets: [
      {
        avs: AVS,
        id: 1,
        slashableEth: 12,
        pct: 12,
        source: set,
        minimumSlashableStake: { [OPERATOR]: { '0xbeac0eeeeeeeeeeeeeeeeeeeeeeeeeeeeeebeac0': '120000000000000000000' } },
        meta: {
          avs: AVS,
          id: 1,
          redistributing: { value: false, source: call(`isRedistributingOperatorSet((${AVS},1))`) },
          slasher: { value: A(0x5e70), source: call(`getSlasher((${AVS},1))`) },
          kind: 'veto',
          veto: { windowBlocks: { value: 50_400, source: call('vetoWindowBlocks()', A(0x5e70)) }, committee: { value: A(0xc0), source: call('vetoCommittee()', A(0x5e70)) } },
        },
      },
    ],
    largestSet: { avs: AVS, id: 1, pct: 12 },
    largestAvs: { avs: AVS, pct: 12, sets: 1 },
    avsCount: 1,
    operators: [
      { operator: OPERATOR, eth: 60, pct: 60, slashedBefore: false, maxMagnitudes: null, allocatedSets: null },
      { operator: A(0xb1), eth: 40, pct: 40, slashedBefore: true, maxMagnitudes: null, allocatedSets: null },
    ],
    operatorCount: 2,
    topOperatorPct: 60,
    operatorHhi: 0.52,
    pending: [{ operator: OPERATOR, avs: AVS, id: 1, strategy: A(0xbeac0), pendingDiff: '50000000000000000', effectBlock: 21_000_300, eth: 3, source: call(`getStrategyAllocations(${OPERATOR},0xbeac)`) }],
    pendingIncreasePct: 3,
    pendingMissing: [],
    unreadStakers: [],
    sources: [
      set,
      call('getOperatorsShares([2 operators],[0xbeaC…BEaC0])', A(0x3905)),
      call(`isRedistributingOperatorSet((${AVS},1))`),
      call(`getSlasher((${AVS},1))`),
      call('vetoWindowBlocks()', A(0x5e70)),
      call(`getStrategyAllocations(${OPERATOR},0xbeac)`),
      ...Array.from({ length: 10 }, (_, i) => call(`delegatedTo(${A(0xd00 + i)})`, A(0x3905))),
      ...Array.from({ length: 10 }, (_, i) => call(`getWithdrawableShares(${A(0xd00 + i)},[0xbeaC…BEaC0])`, A(0x3905))),
    ],
    ...over,
  };
}

/** A Symbiotic vault: two networks at 40% and 30% of 1,000, a VetoSlasher with both resolvers, a burner. */
export function vault(over: Partial<VaultExposure> = {}): VaultExposure {
  const lim = (n: number) => call(`networkLimit(0x${'1'.repeat(63)}${n})`, A(0xde01));
  return {
    tokenId: 'steaklrt',
    block: BLOCK,
    legacy: false,
    vault: { value: A(0x5001), source: call('symbioticVault()', A(0xbeef)) },
    delegatorType: { value: 'NetworkRestake', source: call('TYPE()', A(0xde01)) },
    slasher: { kind: 'veto', address: { value: A(0x5101), source: call('slasher()', A(0x5001)) }, vetoSeconds: { value: 259_200, source: call('vetoDuration()', A(0x5101)) } },
    activeStake: { value: '1000000000000000000000', source: call('activeStake()', A(0x5001)) },
    epochSeconds: { value: 604_800, source: call('epochDuration()', A(0x5001)) },
    networks: [
      { network: A(0x11e71), subnetwork: `0x${'1'.repeat(63)}1`, limit: { value: '400000000000000000000', source: lim(1) }, pct: 40, resolver: { value: A(0x4e5), source: call('resolver', A(0x5101)) }, receiver: null },
      { network: A(0x11e72), subnetwork: `0x${'1'.repeat(63)}2`, limit: { value: '300000000000000000000', source: lim(2) }, pct: 30, resolver: { value: A(0x4e5), source: call('resolver', A(0x5101)) }, receiver: null },
    ],
    largestNetworkPct: 40,
    sumOfLimitsPct: 70,
    receivers: [{ address: A(0xb0a1), burns: true, source: call('globalReceiver()', A(0xb401)) }],
    redistributingPct: 0,
    noVetoPct: 0,
    complete: true,
    missing: [],
    sources: [call('symbioticVault()', A(0xbeef)), call('activeStake()', A(0x5001)), lim(1), lim(2), call('TYPE()', A(0xde01)), call('vetoDuration()', A(0x5101)), call('globalReceiver()', A(0xb401)), call('COLLATERAL()', A(0xb0a1))],
    ...over,
  };
}
