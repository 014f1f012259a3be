// Jito. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
// JitoSOL is a plain liquid staking token (SPL stake pool), not a restaking token; Solana LRTs build on it.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, YS_COMMIT, repoFile } from '../sources';

export const jito: TokenProfileInput[] = [
  {
    id: 'jitosol',
    symbol: 'JitoSOL',
    aliases: [],
    name: 'Jito Staked SOL',
    issuer: 'Jito',
    category: 'lst',
    deployments: [
      {
        chain: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp',
        address: 'J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn',
        decimals: null,
        verified: true,
        sources: ['ys-jito', 'dla-core-assets'],
      },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'SPL stake-pool token (pool account Jito4APyf…Awbb): its SOL value is the pool’s staked SOL divided by JitoSOL supply. No single getter is named here.',
        verified: false,
        sources: ['dla-jito', 'ys-jito'],
      },
    },
    rateSource: null,
    underlying: ['SOL'],
    layers: [],
    slashing: {
      text: 'JitoSOL itself is not restaked; it is a common deposit asset of Jito Restaking vaults and Solana LRTs such as kySOL and fragSOL. Validator risk in the stake pool is not assessed here.',
      verified: true,
      sources: ['ys-kyros', 'dla-jito-restaking'],
    },
    withdrawal: {
      text: 'The withdrawal path and timing are not confirmed here.',
      verified: false,
      sources: ['dla-jito'],
    },
    liquidity: {
      text: 'Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['ys-jito'],
    },
    audits: [],
    exitVenues: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Solana staking rewards'],
    defillama: { slug: 'jito-liquid-staking', poolIds: [], verified: true },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: ['JitoSOL is a liquid staking token, not a restaking token; it appears here because Solana restaking tokens are built on it.'],
    sources: [
      repoFile('ys-jito', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/jito-liquid-staking/index.js'),
      repoFile('dla-jito', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/jito/index.js'),
      repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json'),
      repoFile('dla-jito-restaking', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/jito-restaking/index.js'),
      repoFile('ys-kyros', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/kyros/index.js'),
    ],
    reviewedAt: '2026-11-20',
  },
];
