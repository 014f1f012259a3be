// Lido stETH and wstETH (liquid staking tokens that LRTs build on). Addresses confirmed from Lido's own
// deployed-mainnet.json (lidofinance/core) and DefiLlama's coreAssets.json, at the commits below.
import type { TokenProfileInput } from '../schema';
import { repoFile } from '../sources';

const LIDO = 'e6719e9c301abbb6a747de57b590029eb29bc6b3';
const STETH = '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84';
const WSTETH = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';

const sources = [
  repoFile('lido-deployed', 'lidofinance/core', LIDO, 'deployed-mainnet.json', 'Lido core: deployed-mainnet.json (stETH, wstETH, WithdrawalQueueERC721)'),
  repoFile('lido-steth', 'lidofinance/core', LIDO, 'contracts/0.4.24/StETH.sol'),
  repoFile('lido-wsteth', 'lidofinance/core', LIDO, 'contracts/0.6.12/WstETH.sol'),
  repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', '1265aac972745c4b77233b9885977fae1eafb7d1', 'projects/helper/coreAssets.json', 'DefiLlama coreAssets.json (ethereum.STETH, ethereum.WSTETH, L2 WSTETH)'),
  repoFile('ys-lido', 'DefiLlama/yield-server', 'c1f6d62ff7a9903d75d409d8ad50410349190f98', 'src/adaptors/lido/index.js'),
];

const slashing = {
  text: 'Not a restaking token: Lido stakes on Ethereum only, so the exposure is Ethereum validator slashing. Restaking exposure comes from protocols that deposit stETH or wstETH into EigenLayer, Symbiotic or Karak.',
  verified: false,
  sources: ['lido-deployed'],
};

const withdrawal = {
  text: 'Withdrawal requests go through Lido’s WithdrawalQueueERC721 (0x889edC2eDab5f40e902b864aD4d7AdE8E412F9B1), which issues an unstETH NFT (“Lido: stETH Withdrawal NFT”). The typical wait is not confirmed here.',
  verified: true,
  sources: ['lido-deployed'],
};

const liquidity = {
  text: 'Pool depth is not measured in this bundled profile.',
  verified: false,
  sources: ['lido-deployed'],
};

const common = {
  issuer: 'Lido',
  category: 'lst',
  underlying: ['ETH'],
  layers: [],
  slashing,
  withdrawal,
  liquidity,
  exitVenues: [],
  audits: [],
  bounty: null,
  incidents: [],
  launchedAt: null,
  yieldSources: ['Ethereum consensus and execution rewards'],
  // Pool id as quoted from DefiLlama's /pools listing by several independent third-party repositories (not by
  // DefiLlama itself): poolIdsVerified stays false. See docs/live-data.md.
  defillama: { slug: 'lido', poolIds: ['747c1d2a-c668-4682-b9f9-296708a3dd90'], verified: true, poolSymbol: 'stETH' },
  risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
  sources,
  reviewedAt: '2026-11-20',
} satisfies Partial<TokenProfileInput>;

export const lido: TokenProfileInput[] = [
  {
    ...common,
    id: 'steth',
    symbol: 'stETH',
    aliases: [],
    name: 'Liquid staked Ether 2.0',
    deployments: [{ chain: 'eip155:1', address: STETH, decimals: 18, verified: true, sources: ['lido-deployed', 'lido-steth', 'dla-core-assets'] }],
    model: {
      kind: 'rebasing',
      rate: {
        text: 'Rebasing: balances track each holder’s share of pooled ETH, so 1 stETH is a claim on about 1 ETH and balances grow as rewards are reported. Do not apply wstETH’s stEthPerToken() to stETH balances.',
        verified: true,
        sources: ['lido-steth', 'lido-wsteth'],
      },
    },
    rateSource: null,
    notes: [
      'stETH rebases; wstETH is the non-rebasing wrapper whose stETH value grows.',
      'rstETH (a Mellow vault curated by P2P) and mstETH (Eigenpie) are not Lido tokens.',
    ],
  },
  {
    ...common,
    id: 'wsteth',
    symbol: 'wstETH',
    aliases: [],
    name: 'Wrapped liquid staked Ether 2.0',
    deployments: [
      { chain: 'eip155:1', address: WSTETH, decimals: 18, verified: true, sources: ['lido-deployed', 'lido-wsteth', 'dla-core-assets'] },
      { chain: 'eip155:42161', address: '0x5979D7b546E38E414F7E9822514be443A4800529', decimals: null, kind: 'bridged wstETH', verified: true, sources: ['dla-core-assets'] },
      { chain: 'eip155:10', address: '0x1F32b1c2345538c0c6f582fCB022739c4A194Ebb', decimals: null, kind: 'bridged wstETH', verified: true, sources: ['dla-core-assets'] },
      { chain: 'eip155:137', address: '0x03b54A6e9a984069379fae1a4fC4dBAE93B3bCCD', decimals: null, kind: 'bridged wstETH', verified: true, sources: ['dla-core-assets'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Non-rebasing wrapper of stETH: each wstETH is a fixed share of pooled ETH. stEthPerToken() gives stETH per 1 wstETH; getStETHByWstETH(amount) converts any amount.',
        verified: true,
        sources: ['lido-wsteth'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: WSTETH,
      function: 'stEthPerToken()',
      returns: 'stETH (≈ ETH) per wstETH, 18 decimals',
      read: { args: [], decimals: 18, invert: false, unit: 'stETH', unitCoin: 'ethereum:0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84' },
      verified: true,
      sources: ['lido-wsteth', 'lido-deployed'],
    },
    notes: [
      'wstETH does not rebase; its stETH value grows. Unwrapping returns stETH.',
      'On Arbitrum, Optimism and Polygon, wstETH is a bridged token: its backing also depends on the bridge. The bridge routes were not reviewed here.',
    ],
  },
];
