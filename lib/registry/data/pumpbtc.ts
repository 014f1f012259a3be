// PumpBTC. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
// The research marks most pumpBTC facts UNVERIFIED; decimals, 1:1 minting and the Babylon/withdrawal design were
// confirmed here from the issuer's repository (pumpbtc/pumpBTC-contract), which may describe an older version.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, page, repoFile } from '../sources';
import { VENUE_SOURCES, curve } from '../venues';

const REPO = 'pumpbtc/pumpBTC-contract';

export const pumpbtc: TokenProfileInput[] = [
  {
    id: 'pumpbtc',
    symbol: 'pumpBTC',
    aliases: [],
    name: 'pumpBTC',
    issuer: 'PumpBTC',
    category: 'btc-lrt',
    deployments: [
      {
        chain: 'eip155:1',
        address: '0xF469fBD2abcd6B9de8E169d128226C0Fc90a012e',
        // 8 per the issuer's 2024 contracts; not read from the live token.
        decimals: null,
        verified: true,
        sources: ['dla-swell-earn-eth'],
      },
      {
        chain: 'eip155:60808',
        address: '0x1fCca65fb6Ae3b2758b9b2B394CB227eAE404e1E',
        decimals: null,
        verified: false,
        sources: ['dla-core-assets', 'lombard-hardhat'],
      },
    ],
    model: {
      kind: 'one-to-one',
      rate: {
        text: 'PumpStaking mints pumpBTC 1:1 for the wrapped BTC staked (both 8 decimals); rewards are not shown as a rising exchange rate. Whether the live contracts still work this way is not confirmed here.',
        verified: false,
        sources: ['pump-staking', 'pump-readme'],
      },
    },
    rateSource: null,
    underlying: ['BTC', 'WBTC', 'FBTC', 'BTCB'],
    layers: [
      {
        layer: 'Babylon',
        via: 'an operator swaps deposited wrapped BTC for BTC and stakes it on Babylon',
        avs: [],
        operators: [],
        verified: false,
        sources: ['pump-readme'],
      },
    ],
    slashing: {
      text: 'The issuer’s README says the BTC is staked on Babylon, whose staking scripts carry slashing conditions for finality-provider misbehaviour. Which finality providers are used, and the current share staked, are not confirmed here.',
      verified: false,
      sources: ['pump-readme', 'kiln-babylon'],
    },
    withdrawal: {
      text: 'Standard unstake: request, then claim about 10 days later (about 7 days of Babylon unbonding plus conversion back to wrapped BTC). Instant unstake is paid from not-yet-staked deposits for a fee (default 3%). Live parameters were not read.',
      verified: false,
      sources: ['pump-readme', 'pump-staking'],
    },
    liquidity: {
      text: 'Instant unstake is limited to deposits not yet sent to Babylon; beyond that, exit is a market sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['pump-readme'],
    },
    audits: [],
    exitVenues: [
      curve('pumpBTC/WBTC', '0xEA659B615b48EC6e2D55cD82FCBE5F43d79aeea0', 'WBTC', false, ['gearbox-tokens', 'gearbox-contracts']),
    ],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Babylon BTC staking rewards (per the issuer’s README; not confirmed for the live product)'],
    defillama: null,
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
        asOf: '2024-07-09',
        verified: true,
        sources: ['pump-readme'],
      },
    },
    notes: [
      'pumpBTC is backed by BTC that an operator moves off-chain and stakes; the token contract cannot show that backing.',
      'Most pumpBTC facts here come from the issuer’s 2024 contract repository and are not confirmed for the current deployment.',
    ],
    sources: [
      VENUE_SOURCES.curveNg,
      VENUE_SOURCES.gearboxTokens,
      VENUE_SOURCES.gearboxContracts,
      repoFile('pump-readme', REPO, '2af63a14a9894cc85e7bfceeec7290cc98d962c1', 'README.md'),
      repoFile('pump-staking', REPO, 'd2888fafc46676fb7557262208e2e16ac1120ab5', 'contracts/PumpStaking.sol'),
      repoFile('dla-swell-earn-eth', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/swell-earn-eth/index.js'),
      repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json'),
      repoFile('dla-pumpbtc', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/pumpbtc/index.js'),
      repoFile(
        'lombard-hardhat',
        'lombard-finance/evm-smart-contracts',
        'deafcdcf9c30e3b7f9f580b796a623a2b104febe',
        'hardhat.config.ts',
        'Lombard hardhat config: BOB chain id 60808',
      ),
      page('kiln-babylon', 'Kiln docs: Babylon BTC staking scripts include slashing conditions', 'https://docs.api.kiln.fi/docs/1-pre-register-btc-staking-delegation'),
    ],
    reviewedAt: '2026-11-20',
  },
];
