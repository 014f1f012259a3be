// Stader Labs ETHx (a liquid staking token that LRTs build on). Facts from ../shared/research/lrt-tokens.md
// (compiled 2026-11), checked against the DefiLlama yield-server adaptor read at the commit below.
import type { TokenProfileInput } from '../schema';
import { repoFile } from '../sources';

export const stader: TokenProfileInput[] = [
  {
    id: 'ethx',
    symbol: 'ETHx',
    aliases: [],
    name: 'Stader ETHx',
    issuer: 'Stader Labs',
    category: 'lst',
    deployments: [
      { chain: 'eip155:1', address: '0xA35b1B31Ce002FBF2058D22F30f95D405200A15b', decimals: null, verified: true, sources: ['ys-stader', 'inception-readme'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Value-accruing LST: getExchangeRate() on the Stader staking contract 0xcf5EA1b38380f6aF39068375516Daf40Ed70D299 gives ETH per ETHx.',
        verified: true,
        sources: ['ys-stader'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0xcf5EA1b38380f6aF39068375516Daf40Ed70D299',
      function: 'getExchangeRate()',
      returns: 'ETH per ETHx, 18 decimals',
      read: { args: [], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['ys-stader'],
    },
    underlying: ['ETH'],
    layers: [],
    slashing: {
      text: 'ETHx itself is not restaked; it carries Ethereum validator risk. EigenLayer lists an ETHx strategy, so restaking exposure comes from the protocols that deposit ETHx there.',
      verified: false,
      sources: ['eigen-readme'],
    },
    withdrawal: {
      text: 'The redemption path and its delay are not confirmed here.',
      verified: false,
      sources: ['ys-stader'],
    },
    liquidity: {
      text: 'Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['ys-stader'],
    },
    exitVenues: [],
    audits: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Ethereum consensus and execution rewards'],
    defillama: { slug: 'stader', poolIds: [], verified: true },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'ETHx is a liquid staking token, not a restaking token. EigenLayer’s ETHx strategy (0x9d7eD45EE2E8FC5482fa2428f15C971e6369011d) is an accounting contract, not a token.',
      'Token decimals were not read on-chain.',
    ],
    sources: [
      repoFile('ys-stader', 'DefiLlama/yield-server', '03d0602c4fb0fc1092facd44f2e2273cfe2c2199', 'src/adaptors/stader/index.js'),
      repoFile('inception-readme', 'inceptionlrt/smart-contracts', 'd287ad36be5e468ee20aafd2491387386210694c', 'README.md', 'InceptionLRT README: links ETHx (Stader) on Ethereum'),
      repoFile('eigen-readme', 'Layr-Labs/eigenlayer-contracts', 'f84a5151080cdf0b77b9b6e46506cde723d06c28', 'README.md', 'EigenLayer README: mainnet deployments and strategies'),
    ],
    reviewedAt: '2026-11-20',
  },
];
