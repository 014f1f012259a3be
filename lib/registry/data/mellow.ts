// Mellow Protocol vaults (curated LRT vault shares). Facts from ../shared/research/lrt-tokens.md (compiled 2026-11),
// checked against mellow-finance/mellow-lrt and mellow-finance/simple-lrt at the commits below.
// Traps: rstETH is NOT a Lido token (Mellow's files label it the P2P vault); the Lido-linked product is DVstETH.
import type { TokenProfileInput } from '../schema';
import { DLA_COMMIT, repoFile } from '../sources';

const MEL = 'cba0871e7dd46c48524a018af225ebea5ef9d498'; // branch fixes/audit-sherlock-fixes
const SLRT = 'a185256422179271c32be703311097480151cf1f';

const DEPLOY_CONSTANTS = repoFile('mellow-deploy-constants', 'mellow-finance/mellow-lrt', MEL, 'scripts/mainnet/DeployConstants.sol', 'Mellow LRT mainnet deploy constants: vault names, symbols and curator multisigs');
const VAULTS_CONFIG = repoFile('mellow-vaults-config', 'mellow-finance/mellow-lrt', MEL, 'scripts/mainnet/events_parser/config.py', 'Mellow LRT mainnet vault addresses (steakhouse, re7, p2p, amphor)');
const VAULT = repoFile('mellow-vault', 'mellow-finance/mellow-lrt', MEL, 'src/Vault.sol');
const AUDITS = repoFile('mellow-audits', 'mellow-finance/mellow-lrt', MEL, 'audits', 'Mellow LRT audit reports (repository folder)');
const MIGRATION = repoFile('mellow-migration', 'mellow-finance/simple-lrt', SLRT, 'scripts/mainnet/MigrationContracts.s.sol', 'Mellow simple-lrt: migration of LRT vaults to Symbiotic vaults (7-day epochs, 3-day veto)');
const COMPAT = repoFile('mellow-compat', 'mellow-finance/simple-lrt', SLRT, 'src/MellowVaultCompat.sol');
const STORAGE_TEST = repoFile('mellow-migration-test', 'mellow-finance/simple-lrt', SLRT, 'test/migration/StorageSlotsTest.t.sol', 'Mellow simple-lrt: mainnet migration test upgrading the steakLRT, Re7LRT, amphrETH and rstETH vaults in place to MellowVaultCompat');
const SIMPLE_AUDITS = repoFile('simple-lrt-audits', 'mellow-finance/simple-lrt', SLRT, 'audits', 'Mellow simple-lrt audit reports (repository folder)');
const RUMPEL = repoFile('dla-rumpel', 'DefiLlama/DefiLlama-Adapters', DLA_COMMIT, 'projects/rumpel/index.js');

const mellowAudits = [
  { firm: 'Statemind', date: '2024-05', scope: 'Mellow LRT', verified: true, sources: ['mellow-audits'] },
  { firm: 'Statemind', date: '2024-06', scope: 'Mellow LRT (with deployment)', verified: true, sources: ['mellow-audits'] },
  { firm: 'Sherlock', date: '2024-06', scope: 'Mellow modular LRTs', verified: true, sources: ['mellow-audits'] },
  { firm: 'ChainSecurity', date: '2024-08', scope: 'Mellow LRT', verified: true, sources: ['mellow-audits'] },
];

const simpleLrtAudits = [
  { firm: 'ChainSecurity', date: null, scope: 'simple-lrt Symbiotic vaults (migration target)', verified: true, sources: ['simple-lrt-audits'] },
  { firm: 'Statemind', date: null, scope: 'simple-lrt (migration target)', verified: true, sources: ['simple-lrt-audits'] },
];

/** One of the four curated Mellow LRT vaults that simple-lrt migrates to Symbiotic vaults. */
interface CuratedVault {
  id: string;
  symbol: string;
  name: string;
  address: string;
  curatorNote: string;
  extraNotes?: string[];
}

const CURATED: CuratedVault[] = [
  {
    id: 'steaklrt',
    symbol: 'steakLRT',
    name: 'Steakhouse Resteaking Vault',
    address: '0xBEEF69Ac7870777598A04B2bd4771c71212E6aBc',
    curatorNote: 'Curator: Steakhouse Financial (Mellow’s deploy files list this as the Steakhouse vault).',
  },
  {
    id: 're7lrt',
    symbol: 'Re7LRT',
    name: 'Re7 Labs LRT',
    address: '0x84631c0d0081FDe56DeB72F6DE77abBbF6A9f93a',
    curatorNote: 'Curator: Re7 Labs (Mellow’s deploy files list this as the Re7 vault).',
  },
  {
    id: 'amphreth',
    symbol: 'amphrETH',
    name: 'Amphor Restaked ETH',
    address: '0x5fD13359Ba15A84B76f7F87568309040176167cd',
    curatorNote: 'Curator: Amphor (Mellow’s deploy files list this as the Amphor vault).',
  },
  {
    id: 'rsteth',
    symbol: 'rstETH',
    name: 'Restaking Vault ETH',
    address: '0x7a4EffD87C2f3C55CA251080b1343b605f327E3a',
    curatorNote:
      'rstETH is not a Lido token. Mellow’s deploy files name it “Restaking Vault ETH” and list it as the P2P vault (curator P2P); the simple-lrt migration script comments that the Re7LRT curator multisig also curates rstETH.',
    extraNotes: ['The Lido-linked Mellow product is DVstETH, not rstETH.'],
  },
];

function curatedProfile(v: CuratedVault): TokenProfileInput {
  return {
    id: v.id,
    symbol: v.symbol,
    aliases: [],
    name: v.name,
    issuer: 'Mellow Protocol',
    category: 'restaking-vault',
    deployments: [{ chain: 'eip155:1', address: v.address, decimals: null, verified: true, sources: ['mellow-vaults-config', 'dla-rumpel'] }],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'Vault share. The original Mellow LRT Vault prices a share as calculateStack() total value (via the configurator’s price oracle) ÷ totalSupply. simple-lrt migrates these vaults in place (same address) to MellowVaultCompat, an ERC-4626 vault over wstETH (convertToAssets). Whether this vault has migrated is not confirmed from a source here: the live read answers only if it has.',
        verified: false,
        sources: ['mellow-vault', 'mellow-compat', 'mellow-migration', 'mellow-migration-test'],
      },
    },
    // MellowVaultCompat → MellowSymbioticVault → ERC4626Vault → OpenZeppelin ERC4626Upgradeable with no
    // _decimalsOffset override: shares carry wstETH's 18 decimals, so convertToAssets(1e18) is wstETH per share.
    // A legacy vault has no convertToAssets: the call reverts, and the token simply gets no live rate.
    rateSource: {
      chain: 'eip155:1',
      contract: v.address,
      function: 'convertToAssets(uint256)',
      returns: 'wstETH per share when called with 1e18 (18 decimals), once the vault runs MellowVaultCompat; reverts on a legacy vault',
      read: { args: ['1000000000000000000'], decimals: 18, invert: false, unit: 'wstETH', unitCoin: 'ethereum:0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0' },
      verified: false,
      sources: ['mellow-compat', 'mellow-migration', 'mellow-migration-test'],
    },
    underlying: ['wstETH'],
    layers: [
      {
        layer: 'Symbiotic',
        via: 'wstETH default collateral, then a Mellow Symbiotic vault after migration',
        avs: [],
        operators: [],
        verified: true,
        sources: ['mellow-deploy-constants', 'mellow-migration'],
      },
    ],
    slashing: {
      text: 'Restakes wstETH on Symbiotic. The simple-lrt migration sets up a Symbiotic vault with a veto slasher (7-day epochs, 3-day veto window). Which networks and operators can slash this vault, and whether that setup is live, are not confirmed here.',
      verified: false,
      sources: ['mellow-migration'],
    },
    withdrawal: {
      text: 'Legacy vault: registerWithdrawal(), then the curator’s processWithdrawals(); emergencyWithdraw() opens after the configurator’s emergencyWithdrawalDelay. After migration, withdrawals follow Symbiotic epochs (7 days in the migration script). The live path and delay are not confirmed here.',
      verified: false,
      sources: ['mellow-vault', 'mellow-migration'],
    },
    liquidity: {
      text: 'Exit is mainly through the vault’s withdrawal queue. Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['mellow-vault'],
    },
    exitVenues: [],
    audits: [...mellowAudits, ...simpleLrtAudits],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['stETH staking yield', 'Symbiotic network rewards'],
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [v.curatorNote, ...(v.extraNotes ?? []), 'Token decimals were not read on-chain.'],
    sources: [DEPLOY_CONSTANTS, VAULTS_CONFIG, VAULT, AUDITS, MIGRATION, COMPAT, STORAGE_TEST, SIMPLE_AUDITS, RUMPEL],
    reviewedAt: '2026-11-20',
  };
}

export const mellow: TokenProfileInput[] = [
  ...CURATED.map(curatedProfile),
  {
    id: 'dvsteth',
    symbol: 'DVstETH',
    aliases: [],
    name: 'Decentralized Validator Token',
    issuer: 'Mellow Protocol',
    category: 'restaking-vault',
    deployments: [
      { chain: 'eip155:1', address: '0x5E362eb2c0706Bd1d134689eC75176018385430B', decimals: null, verified: true, sources: ['mellow-obol-deployments', 'dla-rumpel'] },
    ],
    model: {
      kind: 'value-accruing',
      rate: {
        text: 'A Mellow LRT Vault share (same Vault contract as the curated vaults). Its staking module turns WETH into wstETH through Lido and deposits into Lido’s Simple DVT module. The live pricing and any later migration are not confirmed here.',
        verified: false,
        sources: ['mellow-obol-deployments', 'mellow-obol-staking-module', 'mellow-vault'],
      },
    },
    rateSource: null,
    underlying: ['wstETH', 'WETH'],
    layers: [],
    slashing: {
      text: 'No restaking layer appears in the Mellow Simple DVT code reviewed here: the exposure is to Lido staking through validators in Lido’s Simple DVT module. Whether the vault restakes anywhere today is not confirmed here.',
      verified: false,
      sources: ['mellow-obol-staking-module', 'mellow-obol-constants'],
    },
    withdrawal: {
      text: 'Uses the Mellow LRT Vault withdrawal queue (registerWithdrawal, then processWithdrawals by the curator). The live delay is not confirmed here.',
      verified: false,
      sources: ['mellow-vault', 'mellow-obol-deployments'],
    },
    liquidity: {
      text: 'Pool depth is not measured in this bundled profile.',
      verified: false,
      sources: ['mellow-obol-deployments'],
    },
    exitVenues: [],
    audits: [
      ...mellowAudits,
      { firm: 'OpenZeppelin', date: '2024-09', scope: 'Mellow Simple DVT strategy', verified: true, sources: ['mellow-audits'] },
    ],
    bounty: null,
    incidents: [],
    launchedAt: null,
    yieldSources: ['stETH staking yield'],
    defillama: null,
    risk: { slashing: null, exit: null, admin: null, peg: null, backing: null },
    notes: [
      'This, not rstETH, is the Lido-linked Mellow product (Lido Simple DVT).',
      'Mellow’s mainnet deploy constants name it “Decentralized Validator Token”; the Holesky test deployment uses “Distributed Validator stETH”. The live on-chain name and decimals were not read.',
    ],
    sources: [
      repoFile('mellow-obol-deployments', 'mellow-finance/mellow-lrt', MEL, 'tests/obol/Deployments.sol', 'Mellow LRT: Simple DVT (obol) deployments, mainnet vault 0x5E36…430B'),
      repoFile('mellow-obol-constants', 'mellow-finance/mellow-lrt', MEL, 'scripts/obol/DeployConstants.sol'),
      repoFile('mellow-obol-staking-module', 'mellow-finance/mellow-lrt', MEL, 'src/modules/obol/StakingModule.sol'),
      VAULT,
      AUDITS,
      RUMPEL,
    ],
    reviewedAt: '2026-11-20',
  },
];
