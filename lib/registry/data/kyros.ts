// Kyros. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
// Only the mint, the underlying (JitoSOL) and the DefiLlama slug are sourced; the rest is marked UNVERIFIED.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, YS_COMMIT, repoFile } from '../sources';

export const kyros: TokenProfileInput[] = [
  {
    id: 'kysol',
    symbol: 'kySOL',
    aliases: [],
    name: 'Kyros Restaked SOL',
    issuer: 'Kyros',
    category: 'sol-lrt',
    deployments: [
      {
        chain: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp',
        address: 'kySo1nETpsZE2NWe5vj2C64mPSciH1SppmHb4XieQ7B',
        decimals: null,
        verified: true,
        sources: ['ys-kyros'],
      },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'How kySOL’s value is tracked is not confirmed here; this profile assumes it accrues value against JitoSOL.',
        verified: false,
        sources: ['ys-kyros'],
      },
    },
    rateSource: null,
    underlying: ['JitoSOL'],
    layers: [
      {
        layer: 'Jito Restaking',
        via: 'Jito Vault program vault receipt token (not confirmed from a Kyros source)',
        avs: [],
        operators: [],
        verified: false,
        sources: ['ys-kyros', 'dla-jito-restaking'],
      },
    ],
    slashing: {
      text: 'Assumed to restake through Jito Restaking. Whether slashing is live there, and which NCNs and operators the vault uses, is not confirmed here.',
      verified: false,
      sources: ['dla-jito-restaking'],
    },
    withdrawal: {
      text: 'The withdrawal path and delay are not confirmed here.',
      verified: false,
      sources: ['ys-kyros'],
    },
    liquidity: {
      text: 'Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['ys-kyros'],
    },
    audits: [],
    exitVenues: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['JitoSOL staking yield', 'Jito Restaking rewards (not confirmed here)'],
    defillama: { slug: 'kyros', poolIds: [], verified: true },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: ['Kyros also issues kyJTO (backed by JTO); it is not covered by this profile.'],
    sources: [
      repoFile('ys-kyros', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/kyros/index.js'),
      repoFile('dla-jito-restaking', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/jito-restaking/index.js'),
    ],
    reviewedAt: '2026-11-20',
  },
];
