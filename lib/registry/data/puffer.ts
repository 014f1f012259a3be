// Puffer Finance. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, EIGENLAYER_SLASHING, YS_COMMIT, repoFile } from '../sources';
import { VENUE_SOURCES, curve } from '../venues';

const PUF = '10580523278776018b7f51d6a704ba2dd3c580fe';

export const puffer: TokenProfileInput[] = [
  {
    id: 'pufeth',
    symbol: 'pufETH',
    aliases: [],
    name: 'pufETH',
    issuer: 'Puffer Finance',
    category: 'lrt',
    deployments: [
      { chain: 'eip155:1', address: '0xD9A442856C234a39a81a089C06451EBAa4306a72', decimals: 18, verified: true, sources: ['puffer-readme', 'ys-puffer'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'ERC-4626 vault share (PufferVault): convertToAssets(1e18) gives ETH per pufETH.',
        verified: true,
        sources: ['ys-puffer', 'puffer-readme'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0xD9A442856C234a39a81a089C06451EBAa4306a72',
      function: 'convertToAssets(uint256)',
      returns: 'ETH per pufETH when called with 1e18',
      read: { args: ['1000000000000000000'], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['ys-puffer', 'puffer-readme'],
    },
    underlying: ['ETH', 'WETH', 'stETH'],
    layers: [{ layer: 'EigenLayer', via: 'native restaking', avs: [], operators: [], verified: true, sources: ['puffer-readme'] }],
    slashing: {
      text: 'Native restaking on EigenLayer, where slashing is live since 2025-04-17 for operators that opt in to operator sets. Which AVSs can slash Puffer’s validators is not confirmed here.',
      verified: false,
      sources: ['eigen-slashing'],
    },
    withdrawal: {
      text: 'ERC-4626 withdraw/redeem from PufferVaultV2: instant while within dailyAssetsWithdrawalLimit, minus exitFeeBasisPoints. Current limit and fee were not read on-chain.',
      verified: false,
      sources: ['puffer-vault-v2'],
    },
    liquidity: {
      text: 'Direct redemption is capped per day; beyond the cap, exit is a DEX sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['puffer-vault-v2'],
    },
    audits: [
      { firm: 'Trail of Bits', date: '2024-03', scope: 'pufETH', verified: true, sources: ['puffer-audits'] },
      { firm: 'BlockSec', date: '2024-04', scope: 'pufETH v2 (and v1)', verified: true, sources: ['puffer-readme'] },
      { firm: 'Creed', date: '2024-04', scope: 'pufETH v2', verified: true, sources: ['puffer-readme'] },
      { firm: 'Nethermind', date: null, scope: 'pufETH v2', verified: true, sources: ['puffer-readme'] },
      { firm: 'SlowMist', date: null, scope: 'pufETH v1', verified: true, sources: ['puffer-audits'] },
      { firm: 'Quantstamp', date: null, scope: 'pufETH v1', verified: true, sources: ['puffer-audits'] },
    ],
    exitVenues: [
      curve('pufETH/wstETH', '0xEEda34A377dD0ca676b9511EE1324974fA8d980D', 'wstETH', false, ['gearbox-tokens', 'gearbox-contracts']),
    ],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Ethereum consensus and execution rewards', 'EigenLayer AVS rewards'],
    defillama: { slug: 'puffer-stake', poolIds: [], verified: true, poolKey: '0xD9A442856C234a39a81a089C06451EBAa4306a72' },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [],
    sources: [
      VENUE_SOURCES.curveNg,
      VENUE_SOURCES.gearboxTokens,
      VENUE_SOURCES.gearboxContracts,
      repoFile('puffer-readme', 'PufferFinance/pufETH', PUF, 'README.md'),
      repoFile('puffer-vault-v2', 'PufferFinance/pufETH', PUF, 'docs/PufferVaultV2.md'),
      repoFile('puffer-audits', 'PufferFinance/pufETH', PUF, 'audits', 'Puffer audit reports (repository folder)'),
      repoFile('ys-puffer', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/puffer-stake/index.js'),
      repoFile('dla-puffer', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/puffer-lrt/index.js'),
      EIGENLAYER_SLASHING,
    ],
    reviewedAt: '2026-11-20',
  },
];
