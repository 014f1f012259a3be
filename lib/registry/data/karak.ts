// Karak Network vault shares. Facts from ../shared/research/lrt-tokens.md (compiled 2026-11), checked against
// karak-network/v1-contracts-public at the commit below. Trap: Karak has no "kETH".
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, repoFile } from '../sources';

const KARAK = 'e731d4e047f0802a271840278fc98a2d5e71c49f';
const REPO = 'karak-network/v1-contracts-public';

const sources = [
  repoFile('karak-vault', REPO, KARAK, 'src/Vault.sol', 'Karak v1 Vault: ERC-4626 share per deposited asset'),
  repoFile('karak-constants', REPO, KARAK, 'src/interfaces/Constants.sol'),
  repoFile('karak-withdraw', REPO, KARAK, 'src/entities/Withdraw.sol'),
  repoFile('karak-vault-data', REPO, KARAK, 'script/VaultData/ethereum_mainnet_data.json', 'Karak v1 mainnet vault assets (includes ezETH, weETH, rswETH)'),
  repoFile('dla-rumpel', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/rumpel/index.js'),
  repoFile('dla-karak', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/karak/index.js'),
];

const NO_KETH = 'Karak has no kETH: its vaults issue one ERC-4626 share per deposited asset. “kETH” is Stakehouse’s index token or KeeperDAO’s 2021 token, not Karak’s.';

interface KarakVault {
  id: string;
  symbol: string;
  asset: string;
  address: string;
  yieldSources: string[];
  extraNotes: string[];
}

const VAULTS: KarakVault[] = [
  {
    id: 'kweeth',
    symbol: 'kweETH',
    asset: 'weETH',
    address: '0x2DABcea55a12d73191AeCe59F508b191Fb68AdaC',
    yieldSources: ['weETH yield (ether.fi staking and EigenLayer restaking)', 'Karak rewards'],
    extraNotes: ['Karak vaults accept LRTs such as weETH as collateral, so kweETH stacks Karak risk on top of ether.fi’s EigenLayer exposure.'],
  },
  {
    id: 'kusde',
    symbol: 'kUSDe',
    asset: 'USDe',
    address: '0xBE3cA34D0E877A1Fc889BD5231D65477779AFf4e',
    yieldSources: ['Karak rewards'],
    extraNotes: ['The underlying is Ethena’s USDe, a synthetic dollar, not ETH.'],
  },
];

function profile(v: KarakVault): TokenProfileInput {
  return {
    id: v.id,
    symbol: v.symbol,
    aliases: [],
    name: `Karak ${v.asset} vault share`,
    issuer: 'Karak Network',
    category: 'restaking-vault',
    deployments: [{ chain: 'eip155:1', address: v.address, decimals: null, verified: true, sources: ['dla-rumpel'] }],
    model: {
      kind: 'value-accruing',
      rate: {
        text: `ERC-4626 vault share over ${v.asset}: convertToAssets(shares) gives the ${v.asset} it redeems for. Whether this vault runs the v1 Vault code reviewed here is not confirmed.`,
        verified: false,
        sources: ['karak-vault'],
      },
    },
    rateSource: {
      chain: 'eip155:1',
      contract: v.address,
      function: 'convertToAssets(uint256)',
      returns: `${v.asset} for the given shares (ERC-4626); share decimals not confirmed here`,
      verified: false,
      sources: ['karak-vault', 'dla-rumpel'],
    },
    underlying: [v.asset],
    layers: [{ layer: 'Karak', via: `Karak ${v.asset} vault`, avs: [], operators: [], verified: true, sources: ['dla-rumpel', 'karak-vault'] }],
    slashing: {
      text: 'Restaked on Karak. Whether slashing is live on Karak, and which services can slash this vault, are not confirmed here.',
      verified: false,
      sources: ['karak-vault'],
    },
    withdrawal: {
      text: 'Queued withdrawal that completes after Karak’s withdrawalDelay, capped at 30 days (MAX_WITHDRAWAL_DELAY) in the v1 code. The live delay is not confirmed here.',
      verified: false,
      sources: ['karak-constants', 'karak-withdraw'],
    },
    liquidity: {
      text: 'Exit is mainly through Karak’s withdrawal queue. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['karak-withdraw'],
    },
    exitVenues: [],
    audits: [],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: v.yieldSources,
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      NO_KETH,
      ...v.extraNotes,
      'The exact on-chain symbol and decimals were not read; the symbol follows DefiLlama’s labels.',
      'Karak’s v1 repository holds one audit report (Karak-Restaking-final-04-01-24.pdf) that does not name the firm.',
    ],
    sources,
    reviewedAt: '2026-11-20',
  };
}

export const karak: TokenProfileInput[] = VAULTS.map(profile);
