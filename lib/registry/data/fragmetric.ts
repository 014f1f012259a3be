// Fragmetric. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
// fragSOL's mainnet mint is the one the SDK uses for non-local clusters (FRAGSEth…qdbo). The program's constants
// have held a different FRAGSOL mint (FRAGsJAb…), a local/dev value that must not be used.
// fragJTO and fragBTC are receipt tokens of the same program but are not profiled here (no sourced category).
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, repoFile } from '../sources';

const FRAG = '719afd4122c5c471036b47411551734f53250f28';
const REPO = 'fragmetric-labs/fragmetric-contracts';

export const fragmetric: TokenProfileInput[] = [
  {
    id: 'fragsol',
    symbol: 'fragSOL',
    aliases: [],
    name: 'Fragmetric Restaked SOL',
    issuer: 'Fragmetric',
    category: 'sol-lrt',
    deployments: [
      {
        chain: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp',
        address: 'FRAGSEthVFL7fdqM8hxfxkfCZzUvmg21cqPJVvC1qdbo',
        decimals: null,
        kind: 'Token-2022 mint with a transfer hook',
        verified: true,
        sources: ['frag-sdk-program', 'frag-sdk-context-test'],
      },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'The Fragmetric fund account records one_receipt_token_as_sol, the SOL value of one fragSOL, which the program updates as the fund earns. No single on-chain getter for it is named here.',
        verified: true,
        sources: ['frag-fund-account'],
      },
    },
    rateSource: null,
    underlying: ['SOL', 'JitoSOL', 'BNSOL', 'mSOL'],
    layers: [
      {
        layer: 'Jito Restaking',
        via: 'the Fragmetric fund restakes supported tokens into Jito Vault program vaults',
        avs: [],
        operators: [],
        verified: true,
        sources: ['frag-restake-cmd', 'dla-jito-restaking'],
      },
    ],
    slashing: {
      text: 'Restakes through Jito Restaking vaults. Whether slashing is live there, and which NCNs the vaults secure, is not confirmed here.',
      verified: false,
      sources: ['frag-restake-cmd', 'dla-jito-restaking'],
    },
    withdrawal: {
      text: 'Withdrawals are requested from the Fragmetric fund and processed in batches. The fund manager sets the withdrawal fee and batch interval and can switch withdrawals and transfers off. Live values were not read.',
      verified: true,
      sources: ['frag-lib'],
    },
    liquidity: {
      text: 'Beyond the batched withdrawal, exit is a market sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['frag-lib'],
    },
    audits: [
      { firm: 'Certora', date: '2024-10', scope: 'Fragmetric Solana programs (report file; scope not read)', verified: true, sources: ['frag-audits'] },
      { firm: 'Quantstamp', date: '2024-10', scope: 'Fragmetric Solana programs (report file; scope not read)', verified: true, sources: ['frag-audits'] },
      { firm: 'Quantstamp', date: '2025-02', scope: 'Fragmetric Solana programs (report file; scope not read)', verified: true, sources: ['frag-audits'] },
      { firm: 'Certora', date: '2025-07', scope: 'Fragmetric Solana programs (report file; scope not read)', verified: true, sources: ['frag-audits'] },
      { firm: 'Quantstamp', date: '2025-08', scope: 'Fragmetric Solana programs (report file; scope not read)', verified: true, sources: ['frag-audits'] },
    ],
    exitVenues: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Solana staking rewards of the LSTs held', 'Jito Restaking rewards (not confirmed here)'],
    defillama: { slug: 'fragmetric', poolIds: [], verified: false },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'fragSOL’s mainnet mint is FRAGSEth…qdbo. Fragmetric’s program code has also held a different fragSOL mint (FRAGsJAb…), a local development value: do not use it.',
      'Fragmetric also issues fragJTO and fragBTC; they are not covered by this profile.',
    ],
    sources: [
      repoFile('frag-sdk-program', REPO, FRAG, 'clients/js/fragmetric-sdk/src/programs/restaking/program.ts'),
      repoFile('frag-sdk-context-test', REPO, FRAG, 'clients/js/fragmetric-sdk/src/context/account/context.test.ts'),
      repoFile('frag-fund-account', REPO, FRAG, 'programs/restaking/src/modules/fund/fund_account.rs'),
      repoFile('frag-restake-cmd', REPO, FRAG, 'programs/restaking/src/modules/fund/commands/cmd14_restake_vst.rs'),
      repoFile('frag-lib', REPO, FRAG, 'programs/restaking/src/lib.rs'),
      repoFile('frag-audits', REPO, FRAG, 'audits', 'Fragmetric audit reports (repository folder)'),
      repoFile('dla-jito-restaking', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/jito-restaking/index.js'),
      repoFile('dla-fragmetric', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/fragmetric/index.js'),
    ],
    reviewedAt: '2026-11-20',
  },
];
