// Kelp DAO. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
// Kelp reuses 0x4186…b41F across chains with different roles: every label is keyed by (chain, address).
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, EIGENLAYER_SLASHING, YS_COMMIT, page, repoFile } from '../sources';
import { VENUE_SOURCES, balancer, uniswapV3, fluidDex, fluidDexSource } from '../venues';

const KELP = 'c289b815eb8f3300ed9feab13ef6b8b05515a15c';
const OFT = '0x4186BFC76E2E237523CBC30FD220FE055156b41F';

export const kelp: TokenProfileInput[] = [
  {
    id: 'rseth',
    symbol: 'rsETH',
    aliases: ['wrsETH'],
    name: 'Kelp Restaked ETH',
    issuer: 'Kelp DAO',
    category: 'lrt',
    deployments: [
      { chain: 'eip155:1', address: '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7', decimals: 18, verified: true, sources: ['kelp-readme', 'ys-kelp'] },
      // LayerZero OFT at one address on these chains (Kelp README).
      ...(['eip155:42161', 'eip155:10', 'eip155:81457', 'eip155:59144', 'eip155:34443', 'eip155:169', 'eip155:48900', 'eip155:80094'] as const).map(
        (chain) => ({ chain, address: OFT, decimals: 18, kind: 'LayerZero OFT', verified: true, sources: ['kelp-readme'] }),
      ),
      { chain: 'eip155:56', address: OFT, decimals: 18, kind: 'CCIP token', verified: true, sources: ['kelp-readme'] },
      { chain: 'eip155:42161', address: '0xe119D214a6efa7d3cF60e6E59481EDe1B0064A6B', decimals: 18, kind: 'CCIP token', verified: true, sources: ['kelp-readme'] },
      { chain: 'eip155:8453', address: '0x1Bc71130A0e39942a7658878169764Bbd8A45993', decimals: 18, kind: 'LayerZero OFT', verified: true, sources: ['kelp-readme'] },
      { chain: 'eip155:534352', address: '0x65421ba909200b81640d98B979d07487C9781B66', decimals: 18, kind: 'LayerZero OFT', verified: true, sources: ['kelp-readme'] },
      { chain: 'eip155:324', address: '0x6bE2425C381eb034045b527780D2Bf4E21AB7236', decimals: 18, kind: 'LayerZero OFT', verified: true, sources: ['kelp-readme'] },
      ...(['eip155:1923', 'eip155:43111'] as const).map((chain) => ({
        chain,
        address: '0xc3eACf0612346366Db554C991D7858716db09f58',
        decimals: 18,
        kind: 'LayerZero OFT',
        verified: true,
        sources: ['kelp-readme'],
      })),
      { chain: 'eip155:8453', address: '0xEDfa23602D0EC14714057867A78d01e94176BEA0', decimals: 18, kind: 'wrsETH wrapper', verified: true, sources: ['kelp-readme'] },
      { chain: 'eip155:10', address: '0x87eEE96D50Fb761AD85B1c982d28A042169d61b1', decimals: 18, kind: 'wrsETH wrapper', verified: true, sources: ['kelp-readme'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'rsETHPrice() on LRTOracle 0x349A73444b1a310BAe67ef67973022020d70020d: ETH held by the protocol (less fees) ÷ rsETH supply.',
        verified: true,
        sources: ['kelp-oracle', 'kelp-readme'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0x349A73444b1a310BAe67ef67973022020d70020d',
      function: 'rsETHPrice()',
      returns: 'ETH per rsETH, 18 decimals',
      read: { args: [], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['kelp-oracle', 'kelp-readme'],
    },
    underlying: ['ETH', 'ETHx', 'stETH', 'sfrxETH'],
    layers: [{ layer: 'EigenLayer', via: 'Kelp NodeDelegators', avs: [], operators: [], verified: true, sources: ['kelp-readme'] }],
    slashing: {
      text: 'Restakes on EigenLayer through Kelp’s NodeDelegators, where slashing is live since 2025-04-17 for operators that opt in to operator sets. Which AVSs can slash Kelp’s stake is not confirmed here.',
      verified: false,
      sources: ['eigen-slashing', 'kelp-readme'],
    },
    withdrawal: {
      text: 'LRTWithdrawalManager (0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16): initiate, unlock by the manager, then complete. withdrawalDelayBlocks was set to 8 days (10-day maximum) in the repository as of 2025-02; the live value was not read.',
      verified: false,
      sources: ['kelp-withdrawal-manager'],
    },
    liquidity: {
      text: 'L2 rsETH is bridged (LayerZero OFT and CCIP), so its backing depends on the bridge’s verifiers as well as on Kelp; in April 2026 a 1-of-1 verifier route released unbacked rsETH. Pool depth is not measured in this bundled profile.',
      verified: true,
      sources: ['kelp-readme', 'merkle-rseth'],
    },
    audits: [],
    incidents: [
      {
        date: '2026-04-18',
        summary: 'A LayerZero route secured by a single verifier (1-of-1 DVN) let about 116,500 rsETH (~$292M) be released without a matching burn; the rsETH was then borrowed against on Aave.',
        remediated: null,
        sources: ['merkle-rseth', 'aave-rseth-incident'],
      },
    ],
    exitVenues: [
      fluidDex('rsETH/ETH', '0x276084527B801e00Db8E4410504F9BaF93f72C67', 'ETH', ['fluid-dex-rseth-eth']),
      balancer('rsETH/WETH', '0x58aadfb1afac0ad7fca1148f3cde6aedf5236b6d00000000000000000000067f', 'WETH', false, ['gearbox-balancer', 'veda-chainvalues']),
      uniswapV3('rsETH/WETH 0.05%', '0x059615EBf32C946aaab3D44491f78e4F8e97e1D3', 'WETH', 500, []),
    ],
    bounty: null,
    launchedAt: null,
    yieldSources: ['Ethereum consensus and execution rewards', 'EigenLayer AVS rewards'],
    // Pool id as quoted from DefiLlama's /pools listing by third-party integrators' code (two independent copies agree;
    // not by DefiLlama itself): poolIdsVerified stays false. The yields job checks it with /poolsEnriched at run time
    // (project, symbol, chain) and the card shows the APY as verified by DefiLlama only then. See docs/live-data.md.
    defillama: { slug: 'kelp', poolIds: ['33c732f6-a78d-41da-af5b-ccd9fa5e52d5'], verified: true, poolKey: '0xa1290d69c65a6fe4df752f95823fae25cb99e5a7-ethereum', poolSymbol: 'rsETH' },
    risk: {
      slashing: null,
      exit: null,
      admin: null,
      peg: null,
      // The April 2026 incident route was secured by one verifier (1-of-1). Yearn's on-chain read of 2026-07-16
      // lists the rsETH OFT adapter route at 4-of-4 (Canary, Horizen, LayerZero Labs, Nethermind); a third party's
      // read, so unverified, and past the method's 90 days on 2026-12-01: grey until the live LayerZero read
      // (lib/sources/bridges.ts) decides. The incident itself stays in `incidents`.
      backing: {
        simpleBackingPct: null,
        bridgeMinVerifiers: 4,
        bridged: true,
        offchainCustody: false,
        asOf: '2026-07-16',
        verified: false,
        sources: ['yearn-bridges'],
      },
    },
    notes: [
      'One address (0x4186…b41F) is rsETH on several L2s but a different contract on other chains: labels are keyed by chain and address.',
    ],
    sources: [
      VENUE_SOURCES.fluidResolver,
      fluidDexSource('fluid-dex-rseth-eth', 'Dex_rsETH_ETH.json'),
      VENUE_SOURCES.uniPoolAddress,
      VENUE_SOURCES.uniDeployments,
      VENUE_SOURCES.balancerQueries,
      VENUE_SOURCES.gearboxBalancer,
      VENUE_SOURCES.vedaChainValues,
      repoFile('kelp-readme', 'Kelp-DAO/LRT-rsETH', KELP, 'README.md'),
      repoFile('kelp-oracle', 'Kelp-DAO/LRT-rsETH', KELP, 'contracts/LRTOracle.sol'),
      repoFile('kelp-withdrawal-manager', 'Kelp-DAO/LRT-rsETH', KELP, 'contracts/LRTWithdrawalManager.sol'),
      repoFile('ys-kelp', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/kelp/index.js'),
      page('merkle-rseth', 'Merkle Press: how a single-validator bridge flaw released 116k rsETH', 'https://merkle.press/posts/how-a-single-validator-bridge-flaw-released-116k-rseth'),
      page('aave-rseth-incident', 'Aave governance: rsETH incident 2026-04-18', 'https://governance.aave.com/t/rseth-incident-2026-04-18/24481'),
      repoFile('yearn-bridges', 'yearn/risk-score', 'fcc7c476e23b4b53027ad4f80f307c9aad4db991', 'src/data/bridges.json', 'Yearn Curation bridges.json: per-route LayerZero DVN quorum, verified 2026-07-16'),
      EIGENLAYER_SLASHING,
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'ageth',
    symbol: 'agETH',
    aliases: [],
    name: 'agETH',
    issuer: 'Kelp DAO',
    category: 'restaking-vault',
    deployments: [
      // Decimals not read on-chain. Kelp also lists agETH token wrappers on some L2s; their symbols are not confirmed.
      { chain: 'eip155:1', address: '0xe1B4d34E8754600962Cd944B535180Bd758E6c2e', decimals: null, verified: true, sources: ['dla-rumpel', 'dla-k3'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Believed to be a value-accruing vault share on top of rsETH; DefiLlama’s K3 Capital adapter lists it as an ERC-4626 vault. Kelp publishes an AGETHMultiChainRateProvider (0xc430c78Da6E4AF49bD115F0329D154Bb135f1363) whose function is not confirmed here.',
        verified: false,
        sources: ['dla-k3', 'kelp-readme'],
      },
    },
    rateSource: null,
    underlying: ['rsETH'],
    layers: [],
    slashing: {
      text: 'Any restaking exposure would come through rsETH (EigenLayer, where slashing is live since 2025-04-17 for operators that opt in to operator sets). What agETH holds, and who can slash it, is not confirmed here.',
      verified: false,
      sources: ['eigen-slashing', 'kelp-readme'],
    },
    withdrawal: {
      text: 'The withdrawal path and delay are not confirmed here.',
      verified: false,
      sources: ['kelp-readme'],
    },
    liquidity: {
      text: 'Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['kelp-readme'],
    },
    exitVenues: [],
    audits: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: [],
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'agETH is a separate Kelp token, not rsETH: its backing, rate and withdrawals are not confirmed here.',
      'The on-chain name and decimals are not confirmed here.',
    ],
    sources: [
      repoFile('kelp-readme', 'Kelp-DAO/LRT-rsETH', KELP, 'README.md'),
      repoFile('dla-rumpel', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/rumpel/index.js'),
      repoFile('dla-k3', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/k3/index.js'),
      EIGENLAYER_SLASHING,
    ],
    reviewedAt: '2026-11-20',
  },
];
