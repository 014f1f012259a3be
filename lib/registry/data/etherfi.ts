// ether.fi. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
// Trap: ether.fi issues eETH and weETH, not ezETH (that is Renzo's).
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, EIGENLAYER_DELAY, EIGENLAYER_SLASHING, YS_COMMIT, page, repoFile } from '../sources';
import { VENUE_SOURCES, curve, uniswapV3, fluidDex, fluidDexSource } from '../venues';

const EF = 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7';

const sources = [
  repoFile('etherfi-deployed', 'etherfi-protocol/smart-contracts', EF, 'script/deploys/Deployed.s.sol'),
  repoFile('etherfi-eeth', 'etherfi-protocol/smart-contracts', EF, 'src/core/EETH.sol'),
  repoFile('etherfi-weeth', 'etherfi-protocol/smart-contracts', EF, 'src/core/WeETH.sol'),
  repoFile('etherfi-audits', 'etherfi-protocol/smart-contracts', EF, 'audits', 'ether.fi audit reports (repository folder)'),
  repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json'),
  repoFile('ys-etherfi', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/ether.fi-stake/index.js'),
  page('yieldxyz-eeth', 'yield.xyz: ether.fi eETH restaking', 'https://docs.yield.xyz/docs/ethereum-etherfi-eeth-restaking'),
  EIGENLAYER_SLASHING,
  EIGENLAYER_DELAY,
];

const slashing = {
  text: 'Restakes on EigenLayer (native ETH through ether.fi’s EigenPods, stETH through EtherFiRestaker), where slashing is live since 2025-04-17 for operators that opt in to operator sets. Which AVSs can slash ether.fi’s stake is not confirmed here.',
  verified: false,
  sources: ['eigen-slashing', 'etherfi-deployed'],
};

const withdrawal = {
  text: 'LiquidityPool.requestWithdraw mints a WithdrawRequestNFT, claimable once finalized; an instant path (EtherFiRedemptionManager) charges a fee and is rate-limited. Typical delay 1–7+ days per yield.xyz, not confirmed by ether.fi.',
  verified: false,
  sources: ['etherfi-deployed', 'yieldxyz-eeth'],
};

const layers = [
  {
    layer: 'EigenLayer' as const,
    via: 'native ETH through ether.fi EigenPods; stETH through EtherFiRestaker',
    avs: [],
    operators: [],
    verified: true,
    sources: ['etherfi-deployed'],
  },
];

const yieldSources = ['Ethereum consensus and execution rewards', 'EigenLayer AVS rewards'];

const audits = [
  { firm: 'Certora', date: '2025-04-12', scope: 'EigenLayer slashing integration (one of several Certora reviews 2024–2026)', verified: true, sources: ['etherfi-audits'] },
  { firm: 'Halborn', date: '2024-08-02', scope: 'EFIP-5 and EFIP-8 implementation', verified: true, sources: ['etherfi-audits'] },
  { firm: 'Decurity', date: '2024-04-08', scope: 'Smart contracts', verified: true, sources: ['etherfi-audits'] },
  { firm: 'Zellic', date: '2024-01-11', scope: 'Smart contracts', verified: true, sources: ['etherfi-audits'] },
  { firm: 'Hats Finance', date: '2023-12-20', scope: 'Audit competition', verified: true, sources: ['etherfi-audits'] },
  { firm: 'Nethermind', date: '2023-07-05', scope: 'Smart contracts', verified: true, sources: ['etherfi-audits'] },
];

export const etherfi: TokenProfileInput[] = [
  {
    id: 'eeth',
    symbol: 'eETH',
    aliases: [],
    name: 'ether.fi ETH',
    issuer: 'ether.fi',
    category: 'lrt',
    deployments: [
      { chain: 'eip155:1', address: '0x35fA164735182de50811E8e2E824cFb9B6118ac2', decimals: 18, verified: true, sources: ['etherfi-deployed'] },
    ],
    model: {
      kind: 'rebasing',
      rate: {
        text: 'Rebasing: balanceOf is LiquidityPool(0x308861A430be4cce5502d0A12724771Fc6DaF216).getTotalEtherClaimOf(holder), so 1 eETH ≈ 1 ETH of claim. Do not apply weETH’s getRate() to eETH balances.',
        verified: true,
        sources: ['etherfi-eeth', 'etherfi-deployed'],
      },
    },
    rateSource: null,
    underlying: ['ETH', 'stETH', 'wBETH', 'cbETH'],
    layers,
    slashing,
    withdrawal,
    liquidity: {
      text: 'Besides the queue, an instant redemption path exists with a fee and a rate limit; most market liquidity is in weETH rather than eETH.',
      verified: false,
      sources: ['etherfi-deployed'],
    },
    exitVenues: [],
    audits,
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources,
    // Pool id as quoted from DefiLlama's /pools listing by several independent third-party repositories (not by
    // DefiLlama itself): poolIdsVerified stays false. See docs/live-data.md.
    defillama: { slug: 'ether.fi-stake', poolIds: ['46bd2bdf-6d92-4066-b482-e885ee172264'], verified: true, poolKey: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee', poolSymbol: 'weETH' },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: ['eETH rebases: balances grow, the price stays near 1 ETH. ether.fi issues eETH and weETH, not ezETH.'],
    sources,
    reviewedAt: '2026-11-20',
  },
  {
    id: 'weeth',
    symbol: 'weETH',
    // Its on-chain name contains eETH: matching the whole name keeps "Wrapped eETH" from reading as eETH.
    aliases: ['Wrapped eETH'],
    name: 'Wrapped eETH',
    issuer: 'ether.fi',
    category: 'lrt',
    deployments: [
      { chain: 'eip155:1', address: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee', decimals: 18, verified: true, sources: ['etherfi-deployed'] },
      { chain: 'eip155:42161', address: '0x35751007a407ca6FEFfE80b3cB397736D2cf4dbe', decimals: 18, verified: true, sources: ['dla-core-assets'] },
      { chain: 'eip155:10', address: '0x5A7fACB970D094B6C7FF1df0eA68D99E6e73CBFF', decimals: 18, verified: true, sources: ['dla-core-assets'] },
      ...(['eip155:8453', 'eip155:81457', 'eip155:56'] as const).map((chain) => ({
        chain,
        address: '0x04C0599Ae5A44757c0af6F9eC3b93da8976c150A',
        decimals: 18,
        verified: true,
        sources: ['dla-core-assets', 'ys-etherfi'],
      })),
      { chain: 'eip155:59144', address: '0x1Bf74C010E6320bab11e2e5A532b5AC15e0b8aA6', decimals: 18, verified: true, sources: ['ys-etherfi'] },
      { chain: 'eip155:534352', address: '0x01f0a31698C4d065659b9bdC21B3610292a1c506', decimals: 18, verified: true, sources: ['ys-etherfi'] },
      { chain: 'eip155:1923', address: '0xA6cB988942610f6731e664379D15fFcfBf282b44', decimals: 18, verified: true, sources: ['dla-core-assets'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Non-rebasing wrapper of eETH: weETH.getRate() gives eETH per weETH (1e18 scale).',
        verified: true,
        sources: ['etherfi-weeth', 'ys-etherfi'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee',
      function: 'getRate()',
      returns: 'eETH (≈ ETH) per weETH, 18 decimals',
      read: { args: [], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['etherfi-weeth', 'ys-etherfi'],
    },
    underlying: ['eETH'],
    layers,
    slashing,
    withdrawal: {
      text: `unwrap() to eETH, then the eETH path. ${withdrawal.text}`,
      verified: false,
      sources: ['etherfi-weeth', 'etherfi-deployed', 'yieldxyz-eeth'],
    },
    liquidity: {
      text: 'weETH is the form most DEX pools and lending markets list; exit depth is not measured in this bundled profile.',
      verified: false,
      sources: ['ys-etherfi'],
    },
    exitVenues: [
      fluidDex('weETH/ETH', '0x86f874212335Af27C41cDb855C2255543d1499cE', 'ETH', ['fluid-dex-weeth-eth']),
      uniswapV3('WETH/weETH 0.01%', '0x202A6012894Ae5c288eA824cbc8A9bfb26A49b93', 'WETH', 100, []),
      uniswapV3('WETH/weETH 0.05%', '0x7A415B19932c0105c82FDB6b720bb01B0CC2CAe3', 'WETH', 500, ['veda-liquideth-leafs']),
      curve('weETH/WETH (stableswap-ng)', '0xDB74dfDD3BB46bE8Ce6C33dC9D82777BCFc3dEd5', 'WETH', false, ['veda-liquideth-leafs']),
      curve('weETH/WETH (older pool)', '0x13947303F63b363876868D070F14dc865C36463b', 'WETH', false, ['veda-liquideth-leafs']),
    ],
    audits,
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources,
    // Pool id as quoted from DefiLlama's /pools listing by several independent third-party repositories (not by
    // DefiLlama itself): poolIdsVerified stays false. See docs/live-data.md.
    defillama: { slug: 'ether.fi-stake', poolIds: ['46bd2bdf-6d92-4066-b482-e885ee172264'], verified: true, poolKey: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee', poolSymbol: 'weETH' },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: ['weETH does not rebase; its value per token grows. On-chain name: “Wrapped eETH”.'],
    sources: [...sources, VENUE_SOURCES.uniPoolAddress, VENUE_SOURCES.uniDeployments, VENUE_SOURCES.curveNg, VENUE_SOURCES.vedaLiquidEthLeafs, VENUE_SOURCES.fluidResolver, fluidDexSource('fluid-dex-weeth-eth', 'Dex_weETH_ETH.json')],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'ebtc',
    symbol: 'eBTC',
    aliases: [],
    name: 'eBTC',
    issuer: 'ether.fi',
    category: 'btc-lrt',
    deployments: [
      { chain: 'eip155:1', address: '0x657e8C867D8B37dCC18fA4Caead9C45EB088C642', decimals: 8, verified: true, sources: ['ys-etherfi', 'dla-core-assets'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Veda BoringVault share: getRate() on its Accountant 0x1b293DC39F94157fA0D1D36d7e0090C8B8B8c13F gives the base asset (WBTC) per eBTC, 8 decimals.',
        verified: true,
        sources: ['ys-etherfi', 'dla-veda'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0x1b293DC39F94157fA0D1D36d7e0090C8B8B8c13F',
      function: 'getRate()',
      returns: 'WBTC (≈ BTC) per eBTC, 8 decimals',
      read: { args: [], decimals: 8, invert: false, unit: 'WBTC', unitCoin: 'ethereum:0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599' },
      verified: true,
      sources: ['ys-etherfi', 'dla-veda'],
    },
    underlying: ['LBTC', 'WBTC', 'cbBTC'],
    layers: [
      { layer: 'Karak', via: 'eBTC has queued withdrawals on Karak’s VaultSupervisor (DefiLlama adapter)', avs: [], operators: [], verified: false, sources: ['dla-etherfi'] },
      { layer: 'Symbiotic', via: 'LBTC and WBTC collateral contracts that DefiLlama labels Symbiotic', avs: [], operators: [], verified: false, sources: ['dla-etherfi', 'dla-rumpel'] },
    ],
    slashing: {
      text: 'DefiLlama’s code suggests eBTC holds positions on Karak and Symbiotic, and LBTC in its backing is staked on Babylon by Lombard. Which of these are slashable today, and by which networks, is not confirmed here.',
      verified: false,
      sources: ['dla-etherfi', 'dla-rumpel', 'ys-etherfi'],
    },
    withdrawal: {
      text: 'Exit goes through the Veda vault’s teller/withdrawal contracts or a DEX sale; the mechanics and delay are not confirmed here.',
      verified: false,
      sources: ['dla-veda'],
    },
    liquidity: {
      text: 'Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['ys-etherfi'],
    },
    exitVenues: [
      fluidDex('eBTC/cbBTC', '0x5D538aE12f9539Ac457CD5FdbDEC02d5779F0971', 'cbBTC', ['fluid-dex-ebtc-cbbtc']),
    ],
    audits: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['LBTC staking yield (Lombard, Babylon)', 'Restaking rewards (not confirmed here)'],
    defillama: { slug: 'ether.fi-stake', poolIds: [], verified: true },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'eBTC is ether.fi’s BTC vault token, built on a Veda BoringVault.',
      'The on-chain token name is not confirmed here.',
    ],
    sources: [
      VENUE_SOURCES.fluidResolver,
      fluidDexSource('fluid-dex-ebtc-cbbtc', 'Dex_eBTC_cbBTC.json'),
      repoFile('ys-etherfi', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/ether.fi-stake/index.js'),
      repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json'),
      repoFile('dla-veda', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/veda/ethereum_constants.js'),
      repoFile('dla-etherfi', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/ether-fi/index.js'),
      repoFile('dla-etherfi-lrt', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/etherfi-lrt/index.js'),
      repoFile('dla-rumpel', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/rumpel/index.js'),
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'weeths',
    symbol: 'weETHs',
    aliases: [],
    name: 'weETHs',
    issuer: 'ether.fi',
    category: 'restaking-vault',
    deployments: [
      // Decimals not read on-chain.
      { chain: 'eip155:1', address: '0x917ceE801a67f933F2e6b33fC0cD1ED2d5909D88', decimals: null, verified: true, sources: ['dla-veda', 'dla-rumpel', 'dla-fluid'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Veda BoringVault share (“Super Symbiotic”): getRate() on its Accountant 0xbe16605B22a7faCEf247363312121670DFe5afBE gives the base asset (WETH) per weETHs. Its scale was not confirmed.',
        verified: false,
        sources: ['dla-veda', 'dla-etherfi-lrt'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0xbe16605B22a7faCEf247363312121670DFe5afBE',
      function: 'getRate()',
      returns: 'WETH (≈ ETH) per weETHs, 18 decimals (accountant base WETH)',
      read: { args: [], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: false,
      sources: ['dla-veda', 'dla-etherfi-lrt'],
    },
    underlying: ['WETH'],
    layers: [{ layer: 'Symbiotic', via: 'Veda “Super Symbiotic” vault', avs: [], operators: [], verified: false, sources: ['dla-veda'] }],
    slashing: {
      text: 'The vault is named for Symbiotic, so its assets are expected to be restaked there, but its positions, and which networks can slash them, are not confirmed here.',
      verified: false,
      sources: ['dla-veda'],
    },
    withdrawal: {
      text: 'Exit goes through the Veda vault’s teller/withdrawal contracts or a DEX sale; the mechanics and delay are not confirmed here.',
      verified: false,
      sources: ['dla-veda'],
    },
    liquidity: {
      text: 'Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['dla-veda'],
    },
    exitVenues: [
      fluidDex('weETHs/ETH', '0x080574D224E960c272e005aA03EFbe793f317640', 'ETH', ['fluid-dex-weeths-eth']),
    ],
    audits: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Ethereum staking rewards of the underlying ETH', 'Restaking rewards (not confirmed here)'],
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'weETHs is a separate vault token, not weETH: its value comes from the Veda vault’s Accountant, not weETH.getRate().',
      'Its accepted deposit assets are not confirmed here; DefiLlama books the WETH base as eETH.',
      'A sister Veda vault for Karak (0x7223…4273) exists; its symbol is not confirmed, so it is not listed.',
    ],
    sources: [
      VENUE_SOURCES.fluidResolver,
      fluidDexSource('fluid-dex-weeths-eth', 'Dex_weETHs_ETH.json'),
      repoFile('dla-veda', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/veda/ethereum_constants.js'),
      repoFile('dla-etherfi-lrt', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/etherfi-lrt/index.js'),
      repoFile('dla-rumpel', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/rumpel/index.js'),
      repoFile('dla-fluid', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/fluid/index.js'),
    ],
    reviewedAt: '2026-11-20',
  },
];
