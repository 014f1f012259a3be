// Bedrock (RockX). Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, EIGENLAYER_SLASHING, YS_COMMIT, page, repoFile } from '../sources';
import { VENUE_SOURCES, uniswapV3 } from '../venues';

const STAKE = '64bcb9e98d9d4224a18ca64888582631d54c4565';
const UNIBTC = '236e9eab0c3d108c8bd5778fec24406ea922ea21';

/** uniBTC outside Ethereum, each from Bedrock's deployments/<chain>.md. Decimals were not read on these chains. */
const UNIBTC_L2 = [
  ['eip155:42161', '0x6B2a01A5f79dEb4c2f3c0eDa7b01DF456FbD726a', 'arbitrum'],
  ['eip155:56', '0x6B2a01A5f79dEb4c2f3c0eDa7b01DF456FbD726a', 'bsc'],
  ['eip155:34443', '0x6B2a01A5f79dEb4c2f3c0eDa7b01DF456FbD726a', 'mode'],
  ['eip155:8453', '0x93919784C523f39CACaa98Ee0a9d96c3F32b593e', 'base'],
  ['eip155:10', '0x93919784C523f39CACaa98Ee0a9d96c3F32b593e', 'optimism'],
  ['eip155:5000', '0x93919784C523f39CACaa98Ee0a9d96c3F32b593e', 'mantle'],
  ['eip155:167000', '0x93919784C523f39CACaa98Ee0a9d96c3F32b593e', 'taiko'],
  ['eip155:60808', '0x236f8c0a61dA474dB21B693fB2ea7AAB0c803894', 'bob'],
  ['eip155:80094', '0xC3827A4BC8224ee2D116637023b124CED6db6e90', 'bera'],
  ['eip155:146', '0xC3827A4BC8224ee2D116637023b124CED6db6e90', 'sonic'],
  ['eip155:130', '0xd3c8dA379d71a33BfEE8875F87Ac2748bEB1d58d', 'unichain'],
  ['eip155:57073', '0xd3c8dA379d71a33BfEE8875F87Ac2748bEB1d58d', 'ink'],
  ['eip155:43111', '0xF9775085d726E782E83585033B58606f7731AB18', 'hemi'],
  ['eip155:1329', '0xDfc7D2d003A053b2E0490531e9317A59962b511E', 'sei'],
] as const;

export const bedrock: TokenProfileInput[] = [
  {
    id: 'unieth',
    symbol: 'uniETH',
    aliases: [],
    name: 'Universal ETH',
    issuer: 'Bedrock',
    category: 'lrt',
    deployments: [
      { chain: 'eip155:1', address: '0xF1376bceF0f78459C0Ed0ba5ddce976F1ddF51F4', decimals: 18, verified: true, sources: ['bedrock-readme', 'bedrock-token', 'ys-bedrock-unieth'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'exchangeRatio() on the Staking contract 0x4beFa2aA9c305238AA3E0b5D17eB20C045269E9d: currentReserve() × 1e18 ÷ uniETH supply, i.e. ETH per uniETH.',
        verified: true,
        sources: ['bedrock-staking', 'bedrock-readme'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0x4beFa2aA9c305238AA3E0b5D17eB20C045269E9d',
      function: 'exchangeRatio()',
      returns: 'ETH per uniETH, 18 decimals',
      read: { args: [], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['bedrock-staking', 'bedrock-readme'],
    },
    underlying: ['ETH'],
    layers: [
      {
        layer: 'EigenLayer',
        via: 'native restaking: validators registered with Bedrock EigenPods (restaking contract 0x3F4e…9850)',
        avs: [],
        operators: [],
        verified: true,
        sources: ['bedrock-readme', 'bedrock-staking'],
      },
    ],
    slashing: {
      text: 'Part of Bedrock’s validators restake natively on EigenLayer, where slashing is live since 2025-04-17 for operators that opt in to operator sets. How much of uniETH’s backing is restaked, and which AVSs can slash it, is not confirmed here.',
      verified: false,
      sources: ['eigen-slashing', 'bedrock-staking'],
    },
    withdrawal: {
      text: 'instantSwap() pays ETH at the current ratio, but only up to the ETH still pending in the Staking contract. redeemFromValidators() takes multiples of 32 ETH, is meant for institutions, and pays out through the Redeem contract (0x9816…3B8D) after validators exit. Typical delays are not confirmed here.',
      verified: true,
      sources: ['bedrock-staking', 'bedrock-readme'],
    },
    liquidity: {
      text: 'For amounts beyond the pending ETH buffer and below 32 ETH, exit is a DEX sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['bedrock-staking'],
    },
    exitVenues: [],
    audits: [
      { firm: 'PeckShield', date: null, scope: 'Bedrock v1.0', verified: true, sources: ['bedrock-audit-peckshield'] },
      { firm: 'PeckShield', date: null, scope: 'RockXStaking v1.0', verified: true, sources: ['bedrock-audit-peckshield-rockx'] },
    ],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Ethereum consensus and execution rewards', 'EigenLayer AVS rewards'],
    defillama: { slug: 'bedrock-unieth', poolIds: [], verified: true, poolKey: '0xF1376bceF0f78459C0Ed0ba5ddce976F1ddF51F4' },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: ['Bedrock was formerly RockX; the uniETH contracts still carry RockX names.'],
    sources: [
      repoFile('bedrock-readme', 'Bedrock-Technology/stake', STAKE, 'README.md', 'Bedrock stake README: mainnet deployment addresses'),
      repoFile('bedrock-staking', 'Bedrock-Technology/stake', STAKE, 'src/contracts/staking.sol'),
      repoFile('bedrock-token', 'Bedrock-Technology/stake', STAKE, 'src/contracts/rockx_eth.sol'),
      repoFile('bedrock-audit-peckshield', 'Bedrock-Technology/stake', STAKE, 'PeckShield-Audit-Report-Bedrock-v1.0.pdf'),
      repoFile('bedrock-audit-peckshield-rockx', 'Bedrock-Technology/stake', STAKE, 'PeckShield-Audit-Report-RockXStaking-v1.0.pdf'),
      repoFile('ys-bedrock-unieth', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/bedrock-unieth/index.js'),
      EIGENLAYER_SLASHING,
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'unibtc',
    symbol: 'uniBTC',
    aliases: [],
    name: 'uniBTC',
    issuer: 'Bedrock',
    category: 'btc-lrt',
    deployments: [
      { chain: 'eip155:1', address: '0x004E9C3EF86bc1ca1f0bB5C7662861Ee93350568', decimals: 8, verified: true, sources: ['unibtc-eth', 'unibtc-token'] },
      ...UNIBTC_L2.map(([chain, address, file]) => ({
        chain,
        address,
        decimals: null,
        verified: true,
        sources: [file === 'bob' ? 'unibtc-bob' : 'unibtc-deployments', ...(file === 'bob' ? ['dla-core-assets'] : [])],
      })),
    ],
    model: {
      kind: 'one-to-one',
      rate: {
        text: 'On Ethereum, Bedrock’s Vault mints uniBTC 1:1 for accepted BTC wrappers (WBTC, FBTC, cbBTC and others), adjusted only for decimals, so uniBTC does not accrue an exchange rate there; that the same holds on other chains is not confirmed. Bedrock also runs a uniBTC rate feed (0xE542…c716); what it reports is not confirmed here.',
        verified: false,
        sources: ['unibtc-vault', 'unibtc-eth'],
      },
    },
    rateSource: null,
    underlying: ['WBTC', 'FBTC', 'cbBTC', 'BTC'],
    layers: [
      {
        layer: 'Symbiotic',
        via: 'suniBTC, a separate Bedrock vault token, deposits uniBTC into a Symbiotic vault through SymbioticProxy 0xbbD6…8F6C',
        avs: [],
        operators: [],
        verified: true,
        sources: ['unibtc-cunibtc'],
      },
    ],
    slashing: {
      text: 'Plain uniBTC is a BTC wrapper; only uniBTC deposited through suniBTC reaches Symbiotic. Whether the BTC reserves are staked on Babylon is not confirmed from a primary source here, and which networks can slash the Symbiotic deposit is not confirmed either.',
      verified: false,
      sources: ['unibtc-cunibtc', 'dla-bedrock'],
    },
    withdrawal: {
      text: 'Redemption goes through Bedrock’s Redeem contract (0xAA73…9246 on Ethereum). Delays and fees are not confirmed here.',
      verified: false,
      sources: ['unibtc-eth'],
    },
    liquidity: {
      text: 'uniBTC is issued on many chains; on each, exit is Bedrock redemption or a DEX sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['unibtc-deployments'],
    },
    exitVenues: [
      uniswapV3('uniBTC/WBTC 0.05%', '0x3a32F5040Bc4d8417e78E236eb2C48c90e003FDa', 'WBTC', 500, []),
    ],
    audits: [
      { firm: 'PeckShield', date: null, scope: 'uniBTC v1.0', verified: true, sources: ['unibtc-audit-peckshield'] },
      { firm: 'BlockSec', date: null, scope: 'uniBTC v1.0 and v1.1', verified: true, sources: ['unibtc-audit-blocksec'] },
    ],
    bounty: null,
    incidents: [
      {
        date: '2024-09-26',
        summary: 'A newly deployed Vault let anyone call the native-asset mint() on Ethereum, so ETH minted uniBTC 1:1 as if it were BTC. About $2M was taken, mostly from DEX pools, before the Vault was paused at 21:03 UTC. Bedrock said the BTC reserves were unaffected and announced a reimbursement plan; that users were made whole is not confirmed here.',
        remediated: null,
        sources: ['blockthreat-unibtc', 'futurewealth-unibtc'],
      },
    ],
    launchedAt: null,
    yieldSources: [],
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'uniBTC is a 1:1 BTC wrapper, not an exchange-rate token: 1 uniBTC should equal 1 BTC of reserves.',
      'The token’s FREEZER_ROLE can freeze addresses; a frozen address can only send uniBTC to one designated recipient.',
      'Addresses differ by chain; each is keyed by chain and address.',
    ],
    sources: [
      VENUE_SOURCES.uniPoolAddress,
      VENUE_SOURCES.uniDeployments,
      repoFile('unibtc-eth', 'Bedrock-Technology/uniBTC', UNIBTC, 'deployments/ethereum.md', 'Bedrock uniBTC deployments: Ethereum'),
      repoFile('unibtc-bob', 'Bedrock-Technology/uniBTC', UNIBTC, 'deployments/bob.md', 'Bedrock uniBTC deployments: BOB'),
      repoFile('unibtc-deployments', 'Bedrock-Technology/uniBTC', UNIBTC, 'deployments', 'Bedrock uniBTC deployments, one file per chain (repository folder)'),
      repoFile('unibtc-token', 'Bedrock-Technology/uniBTC', UNIBTC, 'contracts/contracts/uniBTC.sol'),
      repoFile('unibtc-vault', 'Bedrock-Technology/uniBTC', UNIBTC, 'contracts/contracts/Vault.sol'),
      repoFile('unibtc-cunibtc', 'Bedrock-Technology/uniBTC', UNIBTC, 'cuniBTC/README.md'),
      repoFile('unibtc-audit-peckshield', 'Bedrock-Technology/uniBTC', UNIBTC, 'PeckShield-Audit-Report-uniBTC-v1.0.pdf'),
      repoFile('unibtc-audit-blocksec', 'Bedrock-Technology/uniBTC', UNIBTC, 'blocksec_bedrock_unibtc_v1.1-signed.pdf'),
      repoFile('dla-bedrock', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/bedrock/index.js'),
      repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json'),
      page('blockthreat-unibtc', 'BlockThreat week 39 2024: Bedrock uniBTC exploit timeline', 'https://newsletter.blockthreat.io/p/blockthreat-week-39-2024'),
      page('futurewealth-unibtc', 'Liquid staking protocol Bedrock hit by $2 million hack (reimbursement plan announced)', 'https://futurewealth.guru/news/liquid-staking-protocol-bedrock-hit-by-2-million-hack'),
    ],
    reviewedAt: '2026-11-20',
  },
];
