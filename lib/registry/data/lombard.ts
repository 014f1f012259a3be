// Lombard Finance. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
// LBTC is no longer 1:1 with BTC (2025 yield-bearing upgrade): price it with StakedLBTCOracle, never assume 1 LBTC = 1 BTC.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, YS_COMMIT, page, repoFile } from '../sources';
import { VENUE_SOURCES, curve, fluidDex, fluidDexSource } from '../venues';

const LOM = 'deafcdcf9c30e3b7f9f580b796a623a2b104febe';
const LBTC_MULTICHAIN = '0xecAc9C5F704e954931349Da37F60E39f515c11c1';

// StakedLBTC at one address on these chains (Lombard mainnet.json); chain ids from Lombard's hardhat.config.ts.
const MULTICHAIN = [
  'eip155:8453', // base
  'eip155:56', // bsc
  'eip155:80094', // berachain
  'eip155:146', // sonic
  'eip155:43114', // avalanche
  'eip155:747474', // katana
  'eip155:57073', // ink
  'eip155:42793', // etherlink
  'eip155:2818', // morph
  'eip155:239', // tac
] as const;

export const lombard: TokenProfileInput[] = [
  {
    id: 'lbtc',
    symbol: 'LBTC',
    aliases: [],
    name: 'Lombard LBTC',
    issuer: 'Lombard Finance',
    category: 'btc-lrt',
    deployments: [
      {
        chain: 'eip155:1',
        address: '0x8236a87084f8B84306f72007F36F2618A5634494',
        decimals: 8,
        kind: 'StakedLBTC',
        verified: true,
        sources: ['lombard-mainnet', 'lombard-staked', 'ys-lombard'],
      },
      ...MULTICHAIN.map((chain) => ({
        chain,
        address: LBTC_MULTICHAIN,
        decimals: 8,
        kind: 'StakedLBTC',
        verified: true,
        sources: ['lombard-mainnet', 'lombard-staked', 'lombard-hardhat'],
      })),
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Yield-bearing since the 2025 upgrade, so 1 LBTC is no longer 1 BTC. StakedLBTCOracle holds a ratio (LBTC per BTC) published with a notary-consortium proof; getRate() returns 1e36 ÷ ratio, the BTC value of one LBTC.',
        verified: true,
        sources: ['lombard-oracle', 'lombard-mainnet', 'lombard-audits'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0x1De9fcfeDF3E51266c188ee422fbA1c7860DA0eF',
      function: 'getRate()',
      returns: 'BTC per LBTC, 18 decimals (1e36 ÷ ratio())',
      read: { args: [], decimals: 18, invert: false, unit: 'WBTC', unitCoin: 'ethereum:0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599' },
      verified: true,
      sources: ['lombard-oracle', 'lombard-mainnet'],
    },
    underlying: ['BTC'],
    layers: [
      {
        layer: 'Babylon',
        via: 'BTC staking (not confirmed from a Lombard source)',
        avs: [],
        operators: [],
        verified: false,
        sources: ['dla-bitcoin-book', 'kiln-babylon'],
      },
    ],
    slashing: {
      text: 'Babylon BTC staking scripts carry slashing conditions for finality-provider misbehaviour. Whether LBTC’s BTC is staked on Babylon today, how much, and with which finality providers is not confirmed here.',
      verified: false,
      sources: ['kiln-babylon', 'dla-bitcoin-book'],
    },
    withdrawal: {
      text: 'redeemForBtc burns LBTC; the notary consortium and custody approvers then release BTC to the given Bitcoin address. Fees and the delay were not read here; a ~21-day Babylon unbonding figure comes from a secondary source and is not confirmed.',
      verified: false,
      sources: ['lombard-readme', 'lombard-staked', 'babylon-llms'],
    },
    liquidity: {
      text: 'Besides redemption to BTC, exit is a market sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['lombard-readme'],
    },
    audits: [
      { firm: 'Halborn', date: '2024-08-05', scope: 'V1: consortium, LBTC, libs, bascule', verified: true, sources: ['lombard-audits'] },
      { firm: 'Veridise', date: '2024-08-21', scope: 'V1: consortium, LBTC, libs', verified: true, sources: ['lombard-audits'] },
      { firm: 'Halborn', date: '2024-10-10', scope: 'BTCB PMM: LBTC, pmm, libs', verified: true, sources: ['lombard-audits'] },
      { firm: 'Halborn', date: '2024-12-09', scope: 'FBTC integration', verified: true, sources: ['lombard-audits'] },
      { firm: 'OpenZeppelin', date: '2024-12-13', scope: 'V2: LBTC, bridge/oft, consortium, libs', verified: true, sources: ['lombard-audits'] },
      { firm: 'Veridise', date: '2024-12-17', scope: 'V2: LBTC, BasculeV2, bridge, consortium, factory, libs, pmm', verified: true, sources: ['lombard-audits'] },
      { firm: 'OpenZeppelin', date: '2025-07-25', scope: 'Yield Bearing: NativeLBTC, AssetRouter, GMP, oracle, libs, bridgev2', verified: true, sources: ['lombard-audits'] },
      { firm: 'Sherlock', date: '2025-07-25', scope: 'Yield Bearing: NativeLBTC, AssetRouter, GMP, oracle, libs', verified: true, sources: ['lombard-audits'] },
      { firm: 'ABDK', date: '2025-09-22', scope: 'StakeAndBake', verified: true, sources: ['lombard-audits'] },
      { firm: 'OpenZeppelin', date: '2025-10-24', scope: 'BTC.b and BridgeV2', verified: true, sources: ['lombard-audits'] },
    ],
    exitVenues: [
      fluidDex('WBTC/LBTC', '0xe0Cc64Ab3712e2087E1D4AAB6f3A14F120449E5f', 'WBTC', ['fluid-dex-wbtc-lbtc']),
      fluidDex('LBTC/cbBTC', '0xc8F989E9B7ECE1b4D092Ae4db7fAF1294146bdA4', 'cbBTC', ['fluid-dex-lbtc-cbbtc']),
      curve('LBTC/WBTC', '0x2f3bC4c27A4437AeCA13dE0e37cdf1028f3706F0', 'WBTC', true, ['dla-lombard-vault', 'gearbox-tokens', 'gearbox-contracts', 'veda-chainvalues']),
      curve('eBTC/LBTC/WBTC (TriBTC)', '0xabaf76590478F2fE0b396996f55F0b61101e9502', 'WBTC', false, ['gearbox-tokens', 'gearbox-contracts', 'veda-chainvalues']),
    ],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Yield published through the oracle ratio; where it comes from (Babylon staking or another strategy) is not confirmed here'],
    defillama: { slug: 'lombard-lbtc', poolIds: [], verified: true, poolKey: '0x8236a87084f8B84306f72007F36F2618A5634494' },
    risk: {
      slashing: null,
      exit: null,
      admin: null,
      peg: null,
      backing: {
        simpleBackingPct: null,
        bridgeMinVerifiers: null,
        bridged: null,
        offchainCustody: true,
        asOf: '2025-11-04',
        verified: true,
        sources: ['lombard-readme'],
      },
    },
    notes: [
      'LBTC is no longer 1:1 with BTC: since the 2025 yield-bearing upgrade its BTC value comes from StakedLBTCOracle.getRate().',
      'The same LBTC address, 0xecAc…11c1, is used on Base, BNB Chain, Berachain, Sonic, Avalanche, Katana, Ink, Etherlink, Morph and TAC.',
      'Lombard notes that some contracts were modified after they were audited.',
    ],
    sources: [
      VENUE_SOURCES.fluidResolver,
      fluidDexSource('fluid-dex-lbtc-cbbtc', 'Dex_LBTC_cbBTC.json'),
      fluidDexSource('fluid-dex-wbtc-lbtc', 'Dex_WBTC_LBTC.json'),
      VENUE_SOURCES.curveNg,
      VENUE_SOURCES.dlaLombardVault,
      VENUE_SOURCES.gearboxTokens,
      VENUE_SOURCES.gearboxContracts,
      VENUE_SOURCES.vedaChainValues,
      repoFile('lombard-mainnet', 'lombard-finance/evm-smart-contracts', LOM, 'mainnet.json'),
      repoFile('lombard-staked', 'lombard-finance/evm-smart-contracts', LOM, 'contracts/LBTC/StakedLBTC.sol'),
      repoFile('lombard-oracle', 'lombard-finance/evm-smart-contracts', LOM, 'contracts/LBTC/StakedLBTCOracle.sol'),
      repoFile('lombard-readme', 'lombard-finance/evm-smart-contracts', LOM, 'README.md'),
      repoFile('lombard-audits', 'lombard-finance/evm-smart-contracts', LOM, 'docs/audit/README.md', 'Lombard audit reports (docs/audit/README.md)'),
      repoFile('lombard-hardhat', 'lombard-finance/evm-smart-contracts', LOM, 'hardhat.config.ts', 'Lombard hardhat config: network names and chain ids'),
      repoFile('ys-lombard', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/lombard-lbtc/index.js'),
      repoFile(
        'dla-bitcoin-book',
        'DefiLlama/DefiLlama-Adapters',
        DLA_COMMIT,
        'projects/helper/bitcoin-book/index.js',
        'DefiLlama bitcoin-book: Babylon stake scripts delegated to a Lombard finality provider',
      ),
      page('kiln-babylon', 'Kiln docs: Babylon BTC staking scripts include slashing conditions', 'https://docs.api.kiln.fi/docs/1-pre-register-btc-staking-delegation'),
      page(
        'babylon-llms',
        'Babylon Labs documentation summary (third-party): BTC unbonding about 21 days',
        'https://raw.githubusercontent.com/api-evangelist/babylon-labs/refs/heads/main/llms/babylon-labs-llms.txt',
      ),
    ],
    reviewedAt: '2026-11-20',
  },
];
