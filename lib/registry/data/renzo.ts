// Renzo Protocol. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against the cited files.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, EIGENLAYER_DELAY, EIGENLAYER_SLASHING, YS_COMMIT, page, repoFile } from '../sources';
import { VENUE_SOURCES, balancer, curve, uniswapV3, fluidDex, fluidDexSource } from '../venues';

const RENZO = 'fc8c8e083852339fbddc7339287e54db77ff3959';
const L2_EZETH = '0x2416092f143378750bb29b79eD961ab195CcEea5';
const PZETH_XERC20 = '0x9cb41CD74D01ae4b4f640EC40f7A60cA1bCF83E7';

export const renzo: TokenProfileInput[] = [
  {
    id: 'ezeth',
    symbol: 'ezETH',
    aliases: [],
    name: 'Renzo Restaked ETH',
    issuer: 'Renzo',
    category: 'lrt',
    deployments: [
      { chain: 'eip155:1', address: '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110', decimals: 18, verified: true, sources: ['ys-renzo', 'l2beat-ezeth'] },
      // One xERC20 address on every L2 the DefiLlama adapter lists (L2_EZ_ETH_ADDRESS).
      ...(['eip155:42161', 'eip155:8453', 'eip155:10', 'eip155:59144', 'eip155:81457', 'eip155:56', 'eip155:34443', 'eip155:252', 'eip155:48900'] as const).map(
        (chain) => ({ chain, address: L2_EZETH, decimals: 18, kind: 'xERC20', verified: true, sources: ['dla-renzo'] }),
      ),
      { chain: 'eip155:1329', address: '0x6DCfbF4729890043DFd34A93A2694E5303BA2703', decimals: 18, kind: 'xERC20', verified: true, sources: ['dla-renzo'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'getRate() on BalancerRateProvider 0x387dBc0fB00b26fb085aa658527D5BE98302c84C: RestakeManager.calculateTVLs() total TVL ÷ ezETH totalSupply.',
        verified: true,
        sources: ['renzo-rate-provider', 'ys-renzo'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0x387dBc0fB00b26fb085aa658527D5BE98302c84C',
      function: 'getRate()',
      returns: 'ETH per ezETH, 18 decimals',
      read: { args: [], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['renzo-rate-provider', 'ys-renzo'],
    },
    underlying: ['ETH', 'stETH', 'wBETH'],
    layers: [{ layer: 'EigenLayer', avs: [], operators: [], verified: true, sources: ['l2beat-ezeth'] }],
    slashing: {
      text: 'Restakes on EigenLayer, where slashing is live since 2025-04-17 for operators that opt in to operator sets. Which AVSs can slash Renzo’s stake, and how much is allocated, is not confirmed here.',
      verified: false,
      sources: ['eigen-slashing'],
    },
    withdrawal: {
      text: 'Ethereum only, through Renzo’s WithdrawQueue: ezETH is locked at request and burned at claim after the cooldown. Renzo’s docs give about 3 days when the buffer holds assets, 10–15 days otherwise (EigenLayer’s own queue is 14 days). The on-chain cooldown was not read.',
      verified: false,
      sources: ['renzo-withdraw-queue', 'renzo-docs-withdrawals', 'eigen-mainnet-config'],
    },
    liquidity: {
      text: 'Exit before the cooldown is a DEX sale. In April 2024 ezETH traded near 0.22 ETH on mainnet pools for about an hour while withdrawals were not yet enabled.',
      verified: true,
      sources: ['bankless-renzo'],
    },
    audits: [
      { firm: 'Sigma Prime', date: '2024-06', scope: 'Restaking contracts, review v2.1', verified: true, sources: ['renzo-audits'] },
      { firm: 'Code4rena', date: '2024-04', scope: 'Contest 2024-04-renzo', verified: true, sources: ['renzo-audits'] },
      { firm: 'Halborn', date: null, scope: 'EVM contracts; withdrawals; REZ token', verified: true, sources: ['renzo-audits'] },
      { firm: 'Nethermind', date: null, scope: 'NM0445 Renzo; NM0472 Renzo bridge', verified: true, sources: ['renzo-audits'] },
    ],
    incidents: [
      {
        date: '2024-04-24',
        summary: 'Depeg to about 0.22 ETH on mainnet DEX pools for about an hour after the REZ airdrop announcement, while withdrawals were disabled; liquidations on Gearbox and Morpho.',
        remediated: null,
        sources: ['bankless-renzo', 'blockworks-renzo'],
      },
    ],
    exitVenues: [
      fluidDex('ezETH/ETH', '0xDD72157A021804141817d46D9852A97addfB9F59', 'ETH', ['fluid-dex-ezeth-eth']),
      balancer('ezETH/WETH', '0x596192bb6e41802428ac943d2f1476c1af25cc0e000000000000000000000659', 'WETH', false, ['gearbox-balancer', 'veda-chainvalues']),
      curve('ezETH/WETH', '0x85dE3ADd465a219EE25E04d22c39aB027cF5C12E', 'WETH', false, ['gearbox-tokens', 'gearbox-contracts', 'veda-chainvalues']),
      uniswapV3('ezETH/WETH 0.01%', '0xBE80225f09645f172B079394312220637C440A63', 'WETH', 100, ['veda-chainvalues']),
      uniswapV3('wstETH/ezETH 0.05%', '0x1B9D58beA5eD5d935cC2e818dDE1d796Abff0Bc0', 'wstETH', 500, []),
    ],
    bounty: null,
    launchedAt: null,
    yieldSources: ['Ethereum consensus and execution rewards', 'EigenLayer AVS rewards'],
    // Pool id as quoted from DefiLlama's /pools listing by third-party integrators' code (two independent copies agree;
    // not by DefiLlama itself): poolIdsVerified stays false. The yields job checks it with /poolsEnriched at run time
    // (project, symbol, chain) and the card shows the APY as verified by DefiLlama only then. See docs/live-data.md.
    defillama: { slug: 'renzo', poolIds: ['e28e32b5-e356-41d9-8dc7-a376ece56619'], verified: true, poolKey: '0xbf5495efe5db9ce00f80364c8b423567e58d2110', poolSymbol: 'ezETH' },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'ezETH is issued by Renzo, not ether.fi.',
      'DefiLlama’s coreAssets file keys the Ethereum ezETH address as linea.rzETH; it is not a Linea token.',
    ],
    sources: [
      VENUE_SOURCES.fluidResolver,
      fluidDexSource('fluid-dex-ezeth-eth', 'Dex_ezETH_ETH.json'),
      VENUE_SOURCES.uniPoolAddress,
      VENUE_SOURCES.uniDeployments,
      VENUE_SOURCES.balancerQueries,
      VENUE_SOURCES.curveNg,
      VENUE_SOURCES.gearboxTokens,
      VENUE_SOURCES.gearboxContracts,
      VENUE_SOURCES.gearboxBalancer,
      VENUE_SOURCES.vedaChainValues,
      repoFile('renzo-rate-provider', 'Renzo-Protocol/contracts-public', RENZO, 'contracts/RateProvider/BalancerRateProvider.sol'),
      repoFile('renzo-withdraw-queue', 'Renzo-Protocol/contracts-public', RENZO, 'contracts/Withdraw/WithdrawQueue.sol'),
      repoFile('renzo-audits', 'Renzo-Protocol/contracts-public', RENZO, 'Audit', 'Renzo audit reports (repository folder)'),
      repoFile('ys-renzo', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/renzo/index.js'),
      repoFile('dla-renzo', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/renzo/index.js'),
      repoFile('l2beat-ezeth', 'l2beat/l2beat', '0b3c8983f331fee750b32f8866f95c94149c10cb', 'packages/config/src/projects/(tokens)/ez-eth/ethereum/discovered.json'),
      page('renzo-docs-withdrawals', 'Renzo docs: withdrawals', 'https://docs.renzoprotocol.com/docs/products/withdrawals'),
      page('bankless-renzo', 'Bankless: Renzo madness (ezETH depeg, April 2024)', 'https://www.bankless.com/renzo-madness'),
      page('blockworks-renzo', 'Blockworks: Renzo liquid staked ETH depeg', 'https://blockworks.co/news/renzo-liquid-staked-eth'),
      EIGENLAYER_SLASHING,
      EIGENLAYER_DELAY,
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'pzeth',
    symbol: 'pzETH',
    aliases: [],
    name: 'Renzo Restaked LST',
    issuer: 'Renzo',
    category: 'restaking-vault',
    deployments: [
      { chain: 'eip155:1', address: '0x8c9532a60E0E7C6BbD2B2c1303F63aCE1c3E9811', decimals: 18, verified: true, sources: ['l2beat-pzeth', 'dla-renzo'] },
      // Hyperlane xERC20 at one address on every chain of Renzo's pzETH warp route. On Ethereum it is the bridge
      // form, backed by canonical pzETH in the lockbox 0xbC5511354C4A9a50DE928F56DB01DD327c4e56d5. Decimals not read.
      ...(['eip155:1', 'eip155:1923', 'eip155:48900', 'eip155:130', 'eip155:80094'] as const).map((chain) => ({
        chain,
        address: PZETH_XERC20,
        decimals: null,
        kind: chain === 'eip155:1' ? 'Hyperlane xERC20 (bridge form; canonical pzETH is the vault 0x8c95…9811)' : 'Hyperlane xERC20',
        verified: true,
        sources: chain === 'eip155:1923' ? ['hyperlane-pzeth', 'dla-core-assets'] : ['hyperlane-pzeth'],
      })),
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'ERC-4626 vault share (Mellow MultiVault) whose asset is wstETH: convertToAssets(1e18) gives wstETH per pzETH, not ETH.',
        verified: true,
        sources: ['l2beat-pzeth'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0x8c9532a60E0E7C6BbD2B2c1303F63aCE1c3E9811',
      function: 'convertToAssets(uint256)',
      returns: 'wstETH per pzETH when called with 1e18 (18 decimals); convert wstETH to ETH separately',
      read: { args: ['1000000000000000000'], decimals: 18, invert: false, unit: 'wstETH', unitCoin: 'ethereum:0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0' },
      verified: true,
      sources: ['l2beat-pzeth'],
    },
    underlying: ['wstETH'],
    layers: [
      {
        layer: 'Symbiotic',
        via: 'Mellow MultiVault with a Symbiotic adapter and wstETH default collateral; its EigenLayer adapter was unset at l2beat block 22945156',
        avs: [],
        operators: [],
        verified: true,
        sources: ['l2beat-pzeth'],
      },
    ],
    slashing: {
      text: 'Restakes wstETH on Symbiotic. Mellow’s migration script created pzETH’s Symbiotic vault with a veto slasher (3-day veto window). Whether that vault is the live one, and which networks and operators can slash it, is not confirmed here.',
      verified: false,
      sources: ['l2beat-pzeth', 'mellow-migration'],
    },
    withdrawal: {
      text: 'ERC-4626 withdraw/redeem on the vault. Assets staked in the Symbiotic subvault leave through its withdrawal queue, which follows Symbiotic epochs (7 days in Mellow’s migration script). The live delay was not read on-chain.',
      verified: false,
      sources: ['l2beat-pzeth', 'mellow-migration'],
    },
    liquidity: {
      text: 'Exit before the withdrawal queue completes is a DEX sale. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['l2beat-pzeth'],
    },
    exitVenues: [
      curve('pzETH/wstETH', '0xCec99Cff3632Cf1f16652cC5b1E80eB08bE25983', 'wstETH', false, ['gearbox-tokens', 'gearbox-contracts']),
    ],
    audits: [],
    bounty: null,
    incidents: [],
    launchedAt: { date: '2024-06-26', verified: true, sources: ['l2beat-pzeth'] },
    yieldSources: ['Lido staking rewards (wstETH)', 'Symbiotic restaking rewards'],
    defillama: { slug: 'renzo', poolIds: [], verified: true },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'pzETH is Renzo’s vault built on Mellow’s contracts (Mellow calls it a Renzo vault); it is not ezETH.',
      'Its asset is wstETH: the vault’s rate is in wstETH, not ETH.',
      'DefiLlama counts pzETH inside Renzo’s TVL rather than as its own protocol.',
    ],
    sources: [
      VENUE_SOURCES.curveNg,
      VENUE_SOURCES.gearboxTokens,
      VENUE_SOURCES.gearboxContracts,
      repoFile('l2beat-pzeth', 'l2beat/l2beat', '01cd9627642e937afb3a0f775e6c46d6048b6bdb', 'packages/config/src/projects/(tokens)/pz-eth/ethereum/discovered.json'),
      repoFile('dla-renzo', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/renzo/index.js'),
      repoFile('dla-core-assets', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json'),
      repoFile('dla-rumpel', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/rumpel/index.js'),
      repoFile(
        'hyperlane-pzeth',
        'hyperlane-xyz/hyperlane-monorepo',
        '77c8c081fb5346e6abbab9e67a3720251a99fb36',
        'typescript/infra/config/environments/mainnet3/warp/configGetters/getRenzoPZETHWarpConfig.ts',
        'Hyperlane: Renzo pzETH warp route config (xERC20 addresses and lockbox)',
      ),
      repoFile('mellow-migration', 'mellow-finance/simple-lrt', 'a185256422179271c32be703311097480151cf1f', 'scripts/mainnet/MigrationContracts.s.sol'),
    ],
    reviewedAt: '2026-11-20',
  },
];
