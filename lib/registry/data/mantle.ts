// Mantle: mETH (LST) and cmETH (restaked mETH, a Veda BoringVault product). Facts from
// ../shared/research/lrt-tokens.md (compiled 2026-11) and DefiLlama files read at the commits below.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, EIGENLAYER_SLASHING, repoFile } from '../sources';

const CMETH = '0xE6829d9a7eE3040e1276Fa75293Bde931859e8fA';
const METH = '0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa';

const DLA_CORE_ASSETS = repoFile(
  'dla-core-assets',
  'DefiLlama/DefiLlama-Adapters',
  '1265aac972745c4b77233b9885977fae1eafb7d1',
  'projects/helper/coreAssets.json',
  'DefiLlama coreAssets.json (ethereum.METH)',
);
const INCEPTION_README = repoFile(
  'inception-readme',
  'inceptionlrt/smart-contracts',
  'd287ad36be5e468ee20aafd2491387386210694c',
  'README.md',
  'InceptionLRT README: links mETH (Mantle Staked Ether) on Ethereum',
);
const YS_METH = repoFile('ys-meth', 'DefiLlama/yield-server', '2a61292cba1c4ff624667799a3e7cbdaad23f34d', 'src/adaptors/meth-protocol/index.js');
const DLA_MANTLE_RESTAKING = repoFile(
  'dla-mantle-restaking',
  'DefiLlama/DefiLlama-Adapters',
  '3fc19791b7f8bcdce648d93b013efe207db46f9e',
  'projects/mantle-restaking/index.js',
  'DefiLlama mantle-restaking: cmETH positions (eigenPos, symbioticPos, karakPos), BoringVault and DelayedWithdraw',
);

export const mantle: TokenProfileInput[] = [
  {
    id: 'cmeth',
    symbol: 'cmETH',
    aliases: [],
    name: 'Mantle restaked mETH',
    issuer: 'Mantle (mETH Protocol)',
    category: 'lrt',
    deployments: [
      // DefiLlama's Veda file lists this address as the Ethereum "Mantle cMETH" vault; its coreAssets files it under mantle.cmETH.
      { chain: 'eip155:1', address: CMETH, decimals: null, verified: false, sources: ['dla-veda-eth'] },
      { chain: 'eip155:5000', address: CMETH, decimals: null, verified: true, sources: ['dla-core-assets-research'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Veda BoringVault share over mETH, priced by the Accountant 0x6049Bd892F14669a4466e46981ecEd75D610a2eC. The Accountant’s rate function (getRate() in Veda’s design) and its scale are not confirmed here.',
        verified: false,
        sources: ['dla-veda-eth'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0x6049Bd892F14669a4466e46981ecEd75D610a2eC',
      function: 'getRate()',
      returns: 'mETH per cmETH, 18 decimals (Accountant base asset mETH)',
      read: { args: [], decimals: 18, invert: false, unit: 'mETH', unitCoin: 'ethereum:0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa' },
      verified: false,
      sources: ['dla-veda-eth'],
    },
    underlying: ['mETH'],
    layers: [
      { layer: 'EigenLayer', via: 'position managers holding mETH', avs: [], operators: [], verified: true, sources: ['dla-mantle-restaking'] },
      { layer: 'Symbiotic', via: 'mETH position manager', avs: [], operators: [], verified: true, sources: ['dla-mantle-restaking'] },
      { layer: 'Karak', via: 'mETH position manager', avs: [], operators: [], verified: true, sources: ['dla-mantle-restaking'] },
    ],
    slashing: {
      text: 'cmETH’s mETH is spread over EigenLayer (slashing live since 2025-04-17 for operators that opt in to operator sets), Symbiotic and Karak positions, per DefiLlama’s labels. The split, and which AVSs or networks can slash it, are not confirmed here.',
      verified: false,
      sources: ['dla-mantle-restaking', 'eigen-slashing'],
    },
    withdrawal: {
      text: 'Withdrawals go through a DelayedWithdraw contract (0x12Be34bE067Ebd201f6eAf78a861D90b2a66B113) and pay out mETH. The delay is not confirmed here.',
      verified: false,
      sources: ['dla-mantle-restaking'],
    },
    liquidity: {
      text: 'cmETH on Mantle depends on the bridge between Ethereum and Mantle as well as on the vault; the bridge route was not reviewed. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['dla-core-assets-research'],
    },
    exitVenues: [],
    audits: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['mETH staking yield', 'EigenLayer, Symbiotic and Karak rewards'],
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'The same address is used on Ethereum and Mantle. That it is the canonical Ethereum token is not confirmed here: DefiLlama’s coreAssets only files it under the Mantle key.',
      'DefiLlama counts cmETH’s mETH in a BoringVault at 0x33272D40b247c4cd9C646582C9bbAD44e85D4fE4, a different contract from the token address.',
      'cmETH accrues value over mETH, which itself accrues value over ETH: two rates apply.',
    ],
    sources: [
      repoFile('dla-veda-eth', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/veda/ethereum_constants.js', 'DefiLlama Veda constants: “Mantle cMETH” vault on Ethereum (base asset mETH)'),
      repoFile('dla-core-assets-research', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/helper/coreAssets.json', 'DefiLlama coreAssets.json (mantle.cmETH)'),
      DLA_MANTLE_RESTAKING,
      EIGENLAYER_SLASHING,
    ],
    reviewedAt: '2026-11-20',
  },
  {
    id: 'meth',
    symbol: 'mETH',
    aliases: [],
    name: 'Mantle Staked Ether',
    issuer: 'Mantle (mETH Protocol)',
    category: 'lst',
    deployments: [{ chain: 'eip155:1', address: METH, decimals: null, verified: true, sources: ['dla-core-assets', 'ys-meth', 'inception-readme'] }],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Value-accruing LST: mETHToETH(amount) on the mETH staking contract 0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f gives the ETH value of an mETH amount.',
        verified: true,
        sources: ['ys-meth'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0xe3cBd06D7dadB3F4e6557bAb7EdD924CD1489E8f',
      function: 'mETHToETH(uint256)',
      returns: 'ETH per mETH when called with 1e18',
      read: { args: ['1000000000000000000'], decimals: 18, invert: false, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['ys-meth'],
    },
    underlying: ['ETH'],
    layers: [],
    slashing: {
      text: 'mETH itself is not restaked; it carries Ethereum validator risk. Restaking exposure comes from wrappers such as cmETH or Inception’s inmETH.',
      verified: false,
      sources: ['ys-meth', 'inception-readme'],
    },
    withdrawal: {
      text: 'The redemption path and its delay are not confirmed here.',
      verified: false,
      sources: ['ys-meth'],
    },
    liquidity: {
      text: 'Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['ys-meth'],
    },
    exitVenues: [],
    audits: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Ethereum consensus and execution rewards'],
    // Pool id as quoted from DefiLlama's /pools listing by several independent third-party repositories (not by
    // DefiLlama itself): poolIdsVerified stays false. See docs/live-data.md.
    defillama: { slug: 'meth-protocol', poolIds: ['b9f2f00a-ba96-4589-a171-dde979a23d87'], verified: true, poolKey: '0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa', poolSymbol: 'mETH' },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'mETH is Mantle’s liquid staking token; cmETH is the restaked version. Only the Ethereum mETH address is listed here; its address on Mantle was not confirmed from a primary source.',
      'Token decimals were not read on-chain.',
    ],
    sources: [DLA_CORE_ASSETS, YS_METH, INCEPTION_README],
    reviewedAt: '2026-11-20',
  },
];
