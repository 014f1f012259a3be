// Eigenpie (Magpie). Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
// Trap: mstETH is Eigenpie's mLRT for stETH, not a Mellow vault token.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, EIGENLAYER_SLASHING, page, repoFile } from '../sources';

const PIE = 'e86c1ddb53f093dfee75efff6d209993907c19dd';

export const eigenpie: TokenProfileInput[] = [
  {
    id: 'egeth',
    symbol: 'egETH',
    aliases: [],
    name: 'Eigenpie Restaked ETH',
    issuer: 'Eigenpie',
    category: 'lrt',
    deployments: [
      { chain: 'eip155:1', address: '0x18f313Fc6Afc9b5FD6f0908c1b3D476E3feA1DD9', decimals: 18, verified: true, sources: ['dla-eigenpie', 'chainlink-egeth'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Eigenpie mLRT token: exchangeRateToNative() gives ETH per egETH (1e18 scale), from the stored exchangeRateToLST times the price provider’s price of the underlying.',
        verified: true,
        sources: ['eigenpie-mlrt'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0x18f313Fc6Afc9b5FD6f0908c1b3D476E3feA1DD9',
      function: 'exchangeRateToNative()',
      returns: 'ETH per egETH, 18 decimals',
      read: { args: [], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['eigenpie-mlrt', 'dla-eigenpie'],
    },
    underlying: ['ETH'],
    layers: [{ layer: 'EigenLayer', via: 'Eigenpie NodeDelegators (native restaking through EigenPods)', avs: [], operators: [], verified: true, sources: ['eigenpie-node-delegator', 'dla-eigenpie'] }],
    slashing: {
      text: 'Restakes on EigenLayer, where slashing is live since 2025-04-17 for operators that opt in to operator sets. Which AVSs can slash Eigenpie’s stake is not confirmed here.',
      verified: false,
      sources: ['eigen-slashing', 'eigenpie-node-delegator'],
    },
    withdrawal: {
      text: 'In the Eigenpie repository snapshot (Aug 2024) the withdraw manager rejects native-ETH withdrawals (NativeWithdrawNotSupported), so egETH had no direct redemption path there. Whether one exists now is not confirmed here.',
      verified: true,
      sources: ['eigenpie-withdraw-manager'],
    },
    liquidity: {
      text: 'Without a confirmed redemption path, exit is a DEX sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['eigenpie-withdraw-manager'],
    },
    exitVenues: [],
    audits: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Ethereum consensus and execution rewards', 'EigenLayer AVS rewards'],
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: ['No audit reports are in the Eigenpie contracts repository; audits are not confirmed here.'],
    sources: [
      repoFile('eigenpie-mlrt', 'magpiexyz/eigenpie_contracts', PIE, 'tokens/MLRT.sol'),
      repoFile('eigenpie-node-delegator', 'magpiexyz/eigenpie_contracts', PIE, 'NodeDelegator.sol'),
      repoFile('eigenpie-withdraw-manager', 'magpiexyz/eigenpie_contracts', PIE, 'EigenpieWithdrawManager.sol'),
      repoFile('dla-eigenpie', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/eigenpie/index.js'),
      page('chainlink-egeth', 'Chainlink CCIP directory: egETH (Eigenpie Restaked ETH, 18 decimals)', 'https://docs.chain.link/ccip/directory/mainnet/token/egETH'),
      EIGENLAYER_SLASHING,
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'msteth',
    symbol: 'mstETH',
    aliases: [],
    name: 'mstETH',
    issuer: 'Eigenpie',
    category: 'lrt',
    deployments: [
      { chain: 'eip155:1', address: '0x49446A0874197839D15395B908328a74ccc96Bc0', decimals: 18, verified: true, sources: ['dla-rumpel', 'eigenpie-mlrt'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Eigenpie mLRT for stETH: exchangeRateToLST() gives stETH per mstETH (1e18 scale); MstETHRateProvider.getRate() returns the same value. exchangeRateToNative() converts it to ETH with Eigenpie’s price provider.',
        verified: true,
        sources: ['eigenpie-mlrt', 'eigenpie-msteth-rate'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0x49446A0874197839D15395B908328a74ccc96Bc0',
      function: 'exchangeRateToLST()',
      returns: 'stETH per mstETH, 18 decimals (not ETH)',
      read: { args: [], decimals: 18, invert: false, unit: 'stETH', unitCoin: 'ethereum:0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84' },
      verified: true,
      sources: ['eigenpie-mlrt', 'eigenpie-msteth-rate', 'dla-rumpel'],
    },
    underlying: ['stETH'],
    layers: [{ layer: 'EigenLayer', via: 'Eigenpie NodeDelegators (EigenLayer strategy deposits)', avs: [], operators: [], verified: true, sources: ['eigenpie-node-delegator'] }],
    slashing: {
      text: 'Restakes stETH on EigenLayer, where slashing is live since 2025-04-17 for operators that opt in to operator sets. Which AVSs can slash Eigenpie’s stake is not confirmed here.',
      verified: false,
      sources: ['eigen-slashing', 'eigenpie-node-delegator'],
    },
    withdrawal: {
      text: 'Queue in EigenpieWithdrawManager: the stETH amount is fixed at the request’s rate and claimable after the end of the next 7-day epoch plus an LST withdrawal delay. The configured delay was not read on-chain.',
      verified: true,
      sources: ['eigenpie-withdraw-manager'],
    },
    liquidity: {
      text: 'Exit before the queue completes is a DEX sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['eigenpie-withdraw-manager'],
    },
    exitVenues: [],
    audits: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Lido staking rewards (stETH)', 'EigenLayer AVS rewards'],
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'mstETH is issued by Eigenpie (Magpie), not by Mellow.',
      'Its rate is quoted in stETH, not ETH.',
      'The on-chain token name is not confirmed here.',
      'No audit reports are in the Eigenpie contracts repository; audits are not confirmed here.',
    ],
    sources: [
      repoFile('eigenpie-mlrt', 'magpiexyz/eigenpie_contracts', PIE, 'tokens/MLRT.sol'),
      repoFile('eigenpie-msteth-rate', 'magpiexyz/eigenpie_contracts', PIE, 'balancer/MstETHRateProvider.sol'),
      repoFile('eigenpie-node-delegator', 'magpiexyz/eigenpie_contracts', PIE, 'NodeDelegator.sol'),
      repoFile('eigenpie-withdraw-manager', 'magpiexyz/eigenpie_contracts', PIE, 'EigenpieWithdrawManager.sol'),
      repoFile('dla-rumpel', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/rumpel/index.js'),
      EIGENLAYER_SLASHING,
    ],
    reviewedAt: '2026-11-20',
  },
];
