// InceptionLRT (merged with Genesis LRT). Facts from ../shared/research/lrt-tokens.md (compiled 2026-11),
// checked against inceptionlrt/smart-contracts at the commits below.
// Trap: Inception's ratio() is shares per asset (LRT per underlying), the inverse of a price.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, EIGENLAYER_DELAY, EIGENLAYER_SLASHING, YS_COMMIT, repoFile } from '../sources';

const INC = 'aecc1be5623e64d784125d6da7c0813304302655';
const INC_README = 'd287ad36be5e468ee20aafd2491387386210694c';
const REPO = 'inceptionlrt/smart-contracts';

const README = repoFile('inception-readme', REPO, INC_README, 'README.md', 'InceptionLRT README: LST vaults, tokens and RateProviders on Ethereum');
const RATE_PROVIDER = repoFile('inception-rate-provider', REPO, INC, 'projects/rate-providers/contracts/lst-providers/InceptionRateProvider.sol');
const VAULT_STORAGE = repoFile('inception-vault-storage', REPO, INC, 'projects/vaults/contracts/vaults/EigenLayer/InceptionVaultStorage_EL.sol');
const AUDITS = repoFile('inception-audits', REPO, INC, 'audits/README.md', 'InceptionLRT audits list (audits/README.md)');
const DLA_INCEPTION = repoFile('dla-inception', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/inception-lrt/index.js');

const eigenSlashing = {
  text: 'Restakes on EigenLayer, where slashing is live since 2025-04-17 for operators that opt in to operator sets. Which AVSs can slash Inception’s stake is not confirmed here.',
  verified: false,
  sources: ['eigen-slashing'],
};

const liquidity = {
  text: 'Pool depth is not measured in this bundled profile.',
  verified: false,
  sources: ['inception-readme'],
};

/** One Inception LST vault: its LRT token, vault and RateProvider, all from the Inception README. */
interface LstVault {
  id: string;
  symbol: string;
  lst: string;
  token: string;
  vault: string;
  rateProvider: string;
  /** DefiLlama coins key of the LST, for live peg reads; null when its address is not in the registry. */
  lstCoin: string | null;
}

const LST_VAULTS: LstVault[] = [
  {
    id: 'insteth',
    symbol: 'instETH',
    lst: 'stETH',
    lstCoin: 'ethereum:0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84',
    token: '0x7FA768E035F956c41d6aeaa3Bd857e7E5141CAd5',
    vault: '0x814CC6B8fd2555845541FB843f37418b05977d8d',
    rateProvider: '0x343281Bb5029C4b698fE736D800115ac64D5De39',
  },
  {
    id: 'inreth',
    symbol: 'inrETH',
    lst: 'rETH',
    lstCoin: null,
    token: '0x80d69e79258FE9D056c822461c4eb0B4ca8802E2',
    vault: '0x1Aa53BC4Beb82aDf7f5EDEE9e3bBF3434aD59F12',
    rateProvider: '0xD6d553327b16dd6076D69c2DAEc91A50dD1E9F66',
  },
  {
    id: 'inethx',
    symbol: 'inETHx',
    lst: 'ETHx',
    lstCoin: 'ethereum:0xA35b1B31Ce002FBF2058D22F30f95D405200A15b',
    token: '0x57a5a0567187FF4A8dcC1A9bBa86155E355878F2',
    vault: '0x90E80E25ABDB6205B08DeBa29a87f7eb039023C2',
    rateProvider: '0xd812bA3543f9aB64b2BCBcE34fb3b00bFF2bA2FC',
  },
  {
    id: 'inmeth',
    symbol: 'inmETH',
    lst: 'mETH',
    lstCoin: 'ethereum:0xd5F7838F5C461fefF7FE49ea5ebaF7728bB0ADfa',
    token: '0xeCf3672A6d2147E2A77f07069Fb48d8Cf6F6Fbf9',
    vault: '0xd0ee89d82183D7Ddaef14C6b4fC0AA742F426355',
    rateProvider: '0xA22A7A8c550760574Fd7b722C9f7100902D57707',
  },
  {
    id: 'insweth',
    symbol: 'inswETH',
    lst: 'swETH',
    lstCoin: 'ethereum:0xf951E335afb289353dc249e82926178EaC7DEd78',
    token: '0xC3ADe5aCe1bBb033CcAE8177C12Ecbfa16bD6A9D',
    vault: '0xc4181dC7BB31453C4A48689ce0CBe975e495321c',
    rateProvider: '0xebFa0353DFF1801F5c8Ea07448771D6FadD1E721',
  },
  {
    id: 'inwbeth',
    symbol: 'inwbETH',
    lst: 'wBETH',
    lstCoin: null,
    token: '0xDA9B11Cd701e10C2Ec1a284f80820eDD128c5246',
    vault: '0xC0660932C5dCaD4A1409b7975d147203B1e9A2B6',
    rateProvider: '0x69c59c3DD7566eb12792203f8F832ca81a050eB1',
  },
];

const lstAudits = [
  { firm: 'Veridise', date: '2024-01-12', scope: 'LST vaults V1 (EigenLayer M1)', verified: true, sources: ['inception-audits'] },
  { firm: 'Halborn', date: '2024-05-01', scope: 'LST vaults V2 (EigenLayer M2)', verified: true, sources: ['inception-audits'] },
  { firm: 'Halborn', date: '2024-06-28', scope: 'LST vaults flash withdrawal feature', verified: true, sources: ['inception-audits'] },
  { firm: 'Halborn', date: '2024-10-25', scope: 'SymbioticVault and DiamondProxy for Inception vaults', verified: true, sources: ['inception-audits'] },
  { firm: 'Oxorio', date: '2025-03-07', scope: 'InceptionVault, MellowRestaker, SymbioticRestaker', verified: true, sources: ['inception-audits'] },
  { firm: 'Veridise', date: '2025-03-25', scope: 'Inception modular (multi-adapter) vault', verified: true, sources: ['inception-audits'] },
];

function lstProfile(v: LstVault): TokenProfileInput {
  return {
    id: v.id,
    symbol: v.symbol,
    aliases: [],
    name: `Inception restaked ${v.lst}`,
    issuer: 'InceptionLRT',
    category: 'lrt',
    deployments: [{ chain: 'eip155:1', address: v.token, decimals: null, verified: true, sources: ['inception-readme'] }],
    model: {
      kind: 'value-accruing',
      rate: {
        text: `Value-accruing LRT over ${v.lst}. The vault (${v.vault}) ratio() gives ${v.symbol} per 1 ${v.lst}: shares per asset, the inverse of a price. The RateProvider's getRate() returns 1e36 / ratio(), the ${v.lst} redemption value of 1 ${v.symbol}.`,
        verified: true,
        sources: ['inception-readme', 'inception-rate-provider', 'inception-vault-storage'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: v.rateProvider,
      function: 'getRate()',
      returns: `${v.lst} per ${v.symbol}, 18 decimals (1e36 / vault ratio())`,
      read: v.lstCoin ? { args: [], decimals: 18, invert: false, unit: v.lst, unitCoin: v.lstCoin } : null,
      verified: true,
      sources: ['inception-readme', 'inception-rate-provider'],
    },
    underlying: [v.lst],
    layers: [{ layer: 'EigenLayer', via: `Inception ${v.lst} vault`, avs: [], operators: [], verified: true, sources: ['inception-readme', 'inception-audits'] }],
    slashing: eigenSlashing,
    withdrawal: {
      text: `Withdrawals go through the Inception ${v.lst} vault; its delay is not confirmed here. EigenLayer’s own withdrawal delay on mainnet is 14 days. A flash-withdrawal feature was audited in 2024-06; whether it is open for this vault, and its fee, are not confirmed here.`,
      verified: false,
      sources: ['eigen-mainnet-config', 'inception-audits'],
    },
    liquidity,
    exitVenues: [],
    audits: lstAudits,
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: [`${v.lst} staking yield`, 'EigenLayer AVS rewards'],
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      `Inception’s ratio() is ${v.symbol} per ${v.lst} (shares per asset), the inverse of a price: use the RateProvider’s getRate() or 1e36 / ratio().`,
      'Later Inception vault code also has Mellow and Symbiotic restakers; which layer this vault uses today is not confirmed here.',
      'Token decimals were not read on-chain.',
    ],
    sources: [README, RATE_PROVIDER, VAULT_STORAGE, AUDITS, DLA_INCEPTION, EIGENLAYER_SLASHING, EIGENLAYER_DELAY],
    reviewedAt: '2026-11-20',
  };
}

export const inception: TokenProfileInput[] = [
  {
    id: 'ineth',
    symbol: 'inETH',
    aliases: ['genETH'],
    name: 'InceptionLRT restaked ETH',
    issuer: 'InceptionLRT',
    category: 'lrt',
    deployments: [
      { chain: 'eip155:1', address: '0xf073bAC22DAb7FaF4a3Dd6c6189a70D54110525C', decimals: 18, verified: true, sources: ['inception-pool-readme', 'ys-genesis'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Not rebasing. ratio() on the token (read from RatioFeed 0x122ee24Cb3Cc1b6B987800D3B54A68FC16910Dbf, getRatio(inETH)) gives inETH per 1 ETH: shares per asset, the inverse of a price. ETH per inETH = 1e36 / ratio(); the token’s convertToAmount() does this division.',
        verified: true,
        sources: ['inception-ctoken', 'inception-ratiofeed', 'inception-pool-readme'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: '0xf073bAC22DAb7FaF4a3Dd6c6189a70D54110525C',
      function: 'ratio()',
      returns: 'inETH per 1 ETH, 18 decimals: the inverse of a price (ETH per inETH = 1e36 / ratio)',
      read: { args: [], decimals: 18, invert: true, unit: 'ETH', unitCoin: 'ethereum:0x0000000000000000000000000000000000000000' },
      verified: true,
      sources: ['inception-ctoken', 'inception-pool-readme'],
    },
    underlying: ['ETH'],
    layers: [
      { layer: 'EigenLayer', via: 'native restaking through Restaker-owned EigenPods', avs: [], operators: [], verified: true, sources: ['inception-pool-readme'] },
    ],
    slashing: eigenSlashing,
    withdrawal: {
      text: 'Unstake through the RestakingPool (0x46199cAa0e453971cedf97f926368d9E5415831a). The typical delay is not confirmed here; EigenLayer’s own withdrawal delay on mainnet is 14 days.',
      verified: false,
      sources: ['inception-pool-readme', 'eigen-mainnet-config'],
    },
    liquidity: {
      text: 'Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['inception-pool-readme'],
    },
    exitVenues: [],
    audits: [
      { firm: 'Veridise', date: '2024-01-10', scope: 'ETH vault V1 (restaking-pool contracts, EigenLayer M1)', verified: true, sources: ['inception-audits'] },
    ],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['Ethereum consensus and execution rewards', 'EigenLayer AVS rewards'],
    defillama: { slug: 'genesislrt-(native-restaking)', poolIds: [], verified: true, poolKey: '0xf073bAC22DAb7FaF4a3Dd6c6189a70D54110525C' },
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'genETH (Genesis LRT) and inETH (InceptionLRT) are the same contract, 0xf073…525C: Inception’s restaking-pool README calls the project “InceptionLRT V2 (ex. GenesisLRT)”, and the DefiLlama slug still reads genesislrt. An Inception deploy script (02_rename_token.ts) names the token “GenesisLRT restaked ETH” / genETH; the live on-chain symbol was not read here.',
      'ratio() is inETH per ETH (shares per asset), the inverse of a price: ETH per inETH = 1e36 / ratio().',
      'Inception’s audit list notes that some contracts were modified after they were audited.',
    ],
    sources: [
      repoFile('inception-pool-readme', REPO, INC, 'projects/restaking-pool/README.md', 'InceptionLRT V2 (ex. GenesisLRT) restaking-pool README: mainnet deployments'),
      repoFile('inception-ctoken', REPO, INC, 'projects/restaking-pool/contracts/cToken.sol'),
      repoFile('inception-ratiofeed', REPO, INC, 'projects/restaking-pool/contracts/RatioFeed.sol'),
      repoFile('inception-rename', REPO, INC, 'projects/restaking-pool/deploy/02_rename_token.ts'),
      AUDITS,
      repoFile('ys-genesis', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/genesislrt-(native-restaking)/index.js'),
      repoFile('dla-genesis', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/genesis-lrt/index.js'),
      EIGENLAYER_SLASHING,
      EIGENLAYER_DELAY,
    ],
    reviewedAt: '2026-11-20',
  },
  ...LST_VAULTS.map(lstProfile),
];
