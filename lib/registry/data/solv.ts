// Solv Protocol. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
// xSolvBTC = SolvBTC.BBN ("SolvBTC Babylon"): one address carries both labels in Solv's deploy scripts.
// Plain SolvBTC (Ethereum 0x7A56…2F97) is the underlying, not a restaking token, and is deliberately not profiled.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, page, repoFile } from '../sources';

const SOLV = 'c371d219a90c5f03c9c9330035bb411245e65857';
const LOM = 'deafcdcf9c30e3b7f9f580b796a623a2b104febe';

export const solv: TokenProfileInput[] = [
  {
    id: 'xsolvbtc',
    symbol: 'xSolvBTC',
    aliases: ['SolvBTC.BBN'],
    name: 'xSolvBTC (formerly SolvBTC Babylon)',
    issuer: 'Solv Protocol',
    category: 'btc-lrt',
    deployments: [
      {
        chain: 'eip155:1',
        address: '0xd9D920AA40f578ab794426F5C90F6C731D159DEf',
        decimals: null,
        verified: true,
        sources: ['solv-yt-infos', 'solv-router-v2'],
      },
      // BOB (chain id 60808 per Lombard's hardhat config); also DefiLlama coreAssets bob.SolvBTC_BBN.
      {
        chain: 'eip155:60808',
        address: '0xCC0966D8418d412c599A6421b760a847eB169A8c',
        decimals: null,
        verified: true,
        sources: ['solv-yt-infos', 'solv-router-v2', 'dla-core-assets', 'lombard-hardhat'],
      },
      {
        chain: 'eip155:43114',
        address: '0xCC0966D8418d412c599A6421b760a847eB169A8c',
        decimals: null,
        verified: true,
        sources: ['solv-yt-infos', 'solv-router-v2', 'solv-hardhat'],
      },
      {
        chain: 'eip155:56',
        address: '0x1346b618dC92810EC74163e4c27004c921D446a5',
        decimals: null,
        verified: true,
        sources: ['solv-yt-infos', 'solv-router-v2'],
      },
      {
        chain: 'eip155:8453',
        address: '0xC26C9099BD3789107888c35bb41178079B282561',
        decimals: null,
        verified: true,
        sources: ['solv-yt-infos', 'solv-router-v2', 'solv-hardhat'],
      },
      {
        chain: 'eip155:5000',
        address: '0x1d40baFC49c37CdA49F2a5427E2FB95E1e3FCf20',
        decimals: null,
        verified: true,
        sources: ['solv-yt-infos', 'solv-router-v2', 'solv-hardhat'],
      },
      {
        chain: 'eip155:42161',
        address: '0x346c574C56e1A4aAa8dc88Cda8F7EB12b39947aB',
        decimals: null,
        verified: true,
        sources: ['solv-yt-infos', 'solv-hardhat'],
      },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Yield token: getValueByShares(shares) on the token returns their SolvBTC value from the NAV in its oracle. In Solv’s XSolvBTCOracle an admin sets the NAV at most once a day, each change capped at the pool’s withdrawal fee rate (at most 1%); which oracle the live token uses is not confirmed here.',
        verified: true,
        sources: ['solv-yield-token', 'solv-xoracle'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0xd9D920AA40f578ab794426F5C90F6C731D159DEf',
      function: 'getValueByShares(uint256)',
      returns: 'SolvBTC value of the given xSolvBTC shares; call with one whole token (token decimals not confirmed here)',
      verified: false,
      sources: ['solv-yield-token', 'solv-yt-infos'],
    },
    underlying: ['SolvBTC'],
    layers: [
      {
        layer: 'Babylon',
        via: 'BTC staked by Solv (the token was deployed as "SolvBTC Babylon")',
        avs: [],
        operators: [],
        verified: false,
        sources: ['solv-yt-infos', 'dla-solv-lst'],
      },
    ],
    slashing: {
      text: 'Babylon BTC staking scripts carry slashing conditions for finality-provider misbehaviour. How much of xSolvBTC’s backing is staked on Babylon today, and with which finality providers, is not confirmed here.',
      verified: false,
      sources: ['kiln-babylon', 'dla-solv-lst'],
    },
    withdrawal: {
      text: 'XSolvBTCPool.withdraw burns xSolvBTC and mints SolvBTC at the oracle NAV, minus a withdrawal fee. The pool address, the live fee and the route from SolvBTC back to BTC were not confirmed here.',
      verified: false,
      sources: ['solv-xpool'],
    },
    liquidity: {
      text: 'Exit is the pool withdrawal to SolvBTC or a market sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['solv-xpool'],
    },
    audits: [],
    exitVenues: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['NAV growth set through XSolvBTCOracle; the strategy behind it (Babylon staking or other) is not confirmed here'],
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'SolvBTC.BBN and xSolvBTC are the same token: Solv’s deploy scripts give one address both labels.',
      'Plain SolvBTC is the underlying BTC token, not a restaking token.',
      'xSolvBTC has different addresses on different chains; the one on BOB and Avalanche is 0xCC09…9A8c.',
    ],
    sources: [
      repoFile('solv-yt-infos', 'solv-finance/SolvBTC', SOLV, 'deploy/SolvBTCYieldToken/20099_export_SolvBTCYTInfos.js'),
      repoFile('solv-router-v2', 'solv-finance/SolvBTC', SOLV, 'deploy/10000_deploy_SolvBTCRouterV2.js'),
      repoFile('solv-yield-token', 'solv-finance/SolvBTC', SOLV, 'contracts/SolvBTCYieldToken.sol'),
      repoFile('solv-xoracle', 'solv-finance/SolvBTC', SOLV, 'contracts/oracle/XSolvBTCOracle.sol'),
      repoFile('solv-xpool', 'solv-finance/SolvBTC', SOLV, 'contracts/XSolvBTCPool.sol'),
      repoFile('solv-hardhat', 'solv-finance/SolvBTC', SOLV, 'hardhat.config.ts', 'Solv hardhat config: network names and chain ids'),
      repoFile('lombard-hardhat', 'lombard-finance/evm-smart-contracts', LOM, 'hardhat.config.ts', 'Lombard hardhat config: BOB chain id 60808'),
      repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json'),
      repoFile('dla-solv-lst', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/solv-btc-lst/index.js'),
      page('kiln-babylon', 'Kiln docs: Babylon BTC staking scripts include slashing conditions', 'https://docs.api.kiln.fi/docs/1-pre-register-btc-staking-delegation'),
    ],
    reviewedAt: '2026-11-20',
  },
];
