// Swell Network. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
// swETH is Swell's plain liquid staking token; rswETH is its restaked token. Keep the two apart.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, EIGENLAYER_SLASHING, YS_COMMIT, repoFile } from '../sources';
import { VENUE_SOURCES, curve } from '../venues';

const SWELL = 'ba1eeff12ab994a26492fa5dcd0aa8937733dbb4';
const EIGEN = 'f84a5151080cdf0b77b9b6e46506cde723d06c28';

export const swell: TokenProfileInput[] = [
  {
    id: 'rsweth',
    symbol: 'rswETH',
    aliases: [],
    name: 'rswETH',
    issuer: 'Swell',
    category: 'lrt',
    deployments: [
      { chain: 'eip155:1', address: '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0', decimals: 18, verified: true, sources: ['ys-swell-restaking', 'dla-swell-restaking'] },
      // Listed as rswETH in DefiLlama's coreAssets; decimals not read on these chains.
      { chain: 'eip155:1923', address: '0x18d33689AE5d02649a859A1CF16c9f0563975258', decimals: null, verified: true, sources: ['dla-core-assets'] },
      { chain: 'eip155:80094', address: '0x850CDF416668210ED0c36bfFF5d21921C7adA3b8', decimals: null, verified: true, sources: ['dla-core-assets'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'rswETH does not rebase: Swell reprices it (Reprice events), and getRate() / rswETHToETHRate() on the token give ETH per rswETH (1e18 scale).',
        verified: true,
        sources: ['swell-rsweth', 'ys-swell-restaking'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0',
      function: 'getRate()',
      returns: 'ETH per rswETH, 18 decimals (same value as rswETHToETHRate())',
      read: { args: [], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['swell-rsweth', 'dla-swell-restaking'],
    },
    underlying: ['ETH'],
    layers: [
      { layer: 'EigenLayer', via: 'Swell DepositManager and EigenLayerManager (EigenPods and strategies)', avs: [], operators: [], verified: true, sources: ['swell-deposit-manager'] },
    ],
    slashing: {
      text: 'Restakes on EigenLayer, where slashing is live since 2025-04-17 for operators that opt in to operator sets. Which AVSs can slash Swell’s stake, and how much is allocated, is not confirmed here.',
      verified: false,
      sources: ['eigen-slashing', 'swell-deposit-manager'],
    },
    withdrawal: {
      text: 'A withdrawal request mints an rswEXIT NFT; Swell processes requests in order and the holder then finalizes to receive ETH. Requests have a minimum and maximum size. The typical delay is not confirmed here.',
      verified: false,
      sources: ['swell-rswexit'],
    },
    liquidity: {
      text: 'Exit before a request is processed is a DEX sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['swell-rswexit'],
    },
    exitVenues: [
      curve('rswETH/WETH', '0xeE04382c4cA6c450213923fE0f0daB19b0ff3939', 'WETH', false, ['veda-chainvalues']),
    ],
    audits: [
      { firm: 'Sigma Prime', date: null, scope: 'Liquid Restaking Token (v1 and v2 reports)', verified: true, sources: ['swell-audits'] },
      { firm: 'Sigma Prime', date: null, scope: 'Network restaking contracts', verified: true, sources: ['swell-audits'] },
      { firm: 'Nethermind', date: null, scope: 'NM0231, LRT contracts', verified: true, sources: ['swell-audits'] },
    ],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Ethereum consensus and execution rewards', 'EigenLayer AVS rewards'],
    // Pool id as quoted from DefiLlama's /pools listing by third-party integrators' code (two independent copies agree;
    // not by DefiLlama itself): poolIdsVerified stays false. The yields job checks it with /poolsEnriched at run time
    // (project, symbol, chain) and the card shows the APY as verified by DefiLlama only then. See docs/live-data.md.
    defillama: { slug: 'swell-liquid-restaking', poolIds: ['eff9b43c-a80d-4bfc-9f9e-55e02a8ef619'], verified: true, poolKey: '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0', poolSymbol: 'rswETH' },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: ['rswETH (restaked) and swETH (liquid staking only) are different Swell tokens with different risks.'],
    sources: [
      VENUE_SOURCES.curveNg,
      VENUE_SOURCES.vedaChainValues,
      repoFile('swell-rsweth', 'SwellNetwork/v3-core-public', SWELL, 'contracts/lrt/contracts/implementations/RswETH.sol'),
      repoFile('swell-rswexit', 'SwellNetwork/v3-core-public', SWELL, 'contracts/lrt/contracts/implementations/RswEXIT.sol'),
      repoFile('swell-deposit-manager', 'SwellNetwork/v3-core-public', SWELL, 'contracts/lrt/contracts/implementations/DepositManager.sol'),
      repoFile('swell-audits', 'SwellNetwork/v3-core-public', SWELL, 'Audit Reports', 'Swell audit reports (repository folder)'),
      repoFile('ys-swell-restaking', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/swell-liquid-restaking/index.js'),
      repoFile('dla-swell-restaking', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/swell-restaking/index.js'),
      repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json'),
      EIGENLAYER_SLASHING,
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'sweth',
    symbol: 'swETH',
    aliases: [],
    name: 'swETH',
    issuer: 'Swell',
    category: 'lst',
    deployments: [
      { chain: 'eip155:1', address: '0xf951E335afb289353dc249e82926178EaC7DEd78', decimals: 18, verified: true, sources: ['ys-swell-staking', 'dla-swell'] },
      // Listed as swETH in DefiLlama's coreAssets; decimals not read on this chain.
      { chain: 'eip155:1923', address: '0x09341022ea237a4DB1644DE7CCf8FA0e489D85B7', decimals: null, verified: true, sources: ['dla-core-assets'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'swETH does not rebase: getRate() / swETHToETHRate() on the token give ETH per swETH (1e18 scale).',
        verified: true,
        sources: ['swell-sweth', 'ys-swell-staking'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0xf951E335afb289353dc249e82926178EaC7DEd78',
      function: 'getRate()',
      returns: 'ETH per swETH, 18 decimals (same value as swETHToETHRate())',
      read: { args: [], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['swell-sweth', 'dla-swell'],
    },
    underlying: ['ETH'],
    layers: [],
    slashing: {
      text: 'swETH is liquid staking, not restaking: its validators face Ethereum consensus slashing only. Others can deposit swETH into EigenLayer’s swETH strategy (0x0Fe4…96d6); that restaking risk sits with whoever deposits it, not with plain swETH.',
      verified: true,
      sources: ['swell-sweth', 'eigen-readme'],
    },
    withdrawal: {
      text: 'A withdrawal request mints a swEXIT NFT; Swell processes requests in order and the holder then finalizes to receive ETH. The typical delay is not confirmed here.',
      verified: false,
      sources: ['swell-swexit'],
    },
    liquidity: {
      text: 'Exit before a request is processed is a DEX sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['swell-swexit'],
    },
    exitVenues: [],
    audits: [
      { firm: 'Sigma Prime', date: null, scope: 'Swell Network, report v2.1', verified: true, sources: ['swell-audits'] },
      { firm: 'Sigma Prime', date: null, scope: 'Barracuda upgrade', verified: true, sources: ['swell-audits'] },
      { firm: 'Cyfrin', date: '2024-02-23', scope: 'Swell v2.0', verified: true, sources: ['swell-audits'] },
    ],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Ethereum consensus and execution rewards'],
    defillama: { slug: 'swell-liquid-staking', poolIds: [], verified: true },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: ['swETH is Swell’s liquid staking token, not a restaking token; Swell’s restaked token is rswETH.'],
    sources: [
      repoFile('swell-sweth', 'SwellNetwork/v3-core-public', SWELL, 'contracts/lst/contracts/implementations/swETH.sol'),
      repoFile('swell-swexit', 'SwellNetwork/v3-core-public', SWELL, 'contracts/lst/contracts/implementations/swEXIT.sol'),
      repoFile('swell-audits', 'SwellNetwork/v3-core-public', SWELL, 'Audit Reports', 'Swell audit reports (repository folder)'),
      repoFile('ys-swell-staking', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/swell-liquid-staking/index.js'),
      repoFile('dla-swell', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/swell/index.js'),
      repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json'),
      repoFile('eigen-readme', 'Layr-Labs/eigenlayer-contracts', EIGEN, 'README.md', 'EigenLayer README: mainnet deployments (strategies)'),
    ],
    reviewedAt: '2026-11-20',
  },
];
