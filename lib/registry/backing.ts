// Runs in: background, build, tests. Where each protocol exposes its backing mix on chain: the contracts and views
// the backing reader (lib/sources/backing.ts) calls, each address and signature from the protocol's own repository
// at a commit. Designs whose mix no view exposes are not listed here: their Backing petal rests on curated facts.
import type { SourceRef } from './schema';
import { repoFile } from './sources';

const RENZO = 'Renzo-Protocol/contracts-public';
const KELP = 'Kelp-DAO/LRT-rsETH';
const ETHERFI = 'etherfi-protocol/smart-contracts';
const PUFFER = 'PufferFinance/puffer-contracts';

export const BACKING_SOURCES = {
  renzoDeploy: repoFile('renzo-deploy-output', RENZO, '572bae1444d5aa9fd0f367cb85474c576337b6b4', 'deployments/mainnet/.deploy-output.txt', 'Renzo mainnet deployment log: RestakeManager proxy 0x74a0…9ef5'),
  renzoManager: repoFile('renzo-restake-manager', RENZO, 'fc8c8e083852339fbddc7339287e54db77ff3959', 'contracts/RestakeManager.sol', 'Renzo RestakeManager: calculateTVLs(), collateralTokens, getCollateralTokensLength()'),
  kelpReadme: repoFile('kelp-readme', KELP, 'c289b815eb8f3300ed9feab13ef6b8b05515a15c', 'README.md'),
  kelpPool: repoFile('kelp-deposit-pool', KELP, 'c289b815eb8f3300ed9feab13ef6b8b05515a15c', 'contracts/LRTDepositPool.sol', 'Kelp LRTDepositPool: getTotalAssetDeposits(asset)'),
  kelpConfig: repoFile('kelp-config', KELP, 'c289b815eb8f3300ed9feab13ef6b8b05515a15c', 'contracts/LRTConfig.sol', 'Kelp LRTConfig: getSupportedAssetList()'),
  kelpOracle: repoFile('kelp-oracle', KELP, 'c289b815eb8f3300ed9feab13ef6b8b05515a15c', 'contracts/LRTOracle.sol'),
  kelpConstants: repoFile('kelp-constants', KELP, 'c289b815eb8f3300ed9feab13ef6b8b05515a15c', 'contracts/utils/LRTConstants.sol', 'Kelp LRTConstants: ETH_TOKEN 0xEeee…EEeE'),
  etherfiDeployed: repoFile('etherfi-deployed', ETHERFI, 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7', 'script/deploys/Deployed.s.sol', 'ether.fi Deployed.s.sol: LIQUIDITY_POOL, ETHERFI_RESTAKER, STETH, WSTETH'),
  etherfiPool: repoFile('etherfi-liquidity-pool', ETHERFI, 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7', 'src/core/LiquidityPool.sol', 'ether.fi LiquidityPool: getTotalPooledEther()'),
  etherfiRestaker: repoFile('etherfi-restaker', ETHERFI, 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7', 'src/restaking/EtherFiRestaker.sol', 'ether.fi EtherFiRestaker: getTotalPooledEther(token)'),
  pufferHelper: repoFile('puffer-deployer-helper', PUFFER, '380600060cd231fd8616ba167e674d4140486dbb', 'mainnet-contracts/script/DeployerHelper.s.sol', 'Puffer DeployerHelper: PufferVault, stETH and WETH on mainnet'),
  pufferVault: repoFile('puffer-vault-v5', PUFFER, '380600060cd231fd8616ba167e674d4140486dbb', 'mainnet-contracts/src/PufferVaultV5.sol', 'PufferVaultV5: totalAssets() = stETH + pending Lido ETH + WETH + ETH + validator ETH ± rewards'),
} as const satisfies Record<string, SourceRef>;

/** Assets named by address where the reader meets them. stETH and wstETH are the one top-tier LST (method lrt-v0.2). */
export const KNOWN_ASSETS: Readonly<Record<string, { symbol: string; kind: 'native' | 'token'; topTier: boolean; source: string }>> = {
  // Kelp's marker for native ETH (LRTConstants.ETH_TOKEN).
  '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE': { symbol: 'ETH', kind: 'native', topTier: false, source: 'kelp-constants' },
  '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2': { symbol: 'WETH', kind: 'native', topTier: false, source: 'puffer-deployer-helper' },
  '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84': { symbol: 'stETH', kind: 'token', topTier: true, source: 'etherfi-deployed' },
  '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0': { symbol: 'wstETH', kind: 'token', topTier: true, source: 'etherfi-deployed' },
};

export const STETH = '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84' as const;
export const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2' as const;

/** One protocol's on-chain mix: the views differ per design, so each kind has its own reader. */
export type BackingSpec =
  | { kind: 'renzo'; tokens: string[]; restakeManager: `0x${string}`; sources: string[] }
  | { kind: 'kelp'; tokens: string[]; config: `0x${string}`; depositPool: `0x${string}`; oracle: `0x${string}`; sources: string[] }
  | { kind: 'etherfi'; tokens: string[]; liquidityPool: `0x${string}`; restaker: `0x${string}`; sources: string[] }
  | { kind: 'puffer'; tokens: string[]; vault: `0x${string}`; sources: string[] };

export interface BackingSpecEntry {
  protocol: string;
  chain: string;
  spec: BackingSpec;
}

export const BACKING_SPECS: readonly BackingSpecEntry[] = [
  {
    protocol: 'Renzo',
    chain: 'eip155:1',
    spec: { kind: 'renzo', tokens: ['ezeth'], restakeManager: '0x74a09653A083691711cF8215a6ab074BB4e99ef5', sources: ['renzo-deploy-output', 'renzo-restake-manager'] },
  },
  {
    protocol: 'Kelp',
    chain: 'eip155:1',
    spec: {
      kind: 'kelp',
      tokens: ['rseth'],
      config: '0x947Cb49334e6571ccBFEF1f1f1178d8469D65ec7',
      depositPool: '0x036676389e48133B63a802f8635AD39E752D375D',
      oracle: '0x349A73444b1a310BAe67ef67973022020d70020d',
      sources: ['kelp-readme', 'kelp-deposit-pool', 'kelp-config', 'kelp-oracle', 'kelp-constants'],
    },
  },
  {
    protocol: 'ether.fi',
    chain: 'eip155:1',
    // weETH wraps eETH one to one in shares: both rest on the liquidity pool.
    spec: { kind: 'etherfi', tokens: ['eeth', 'weeth'], liquidityPool: '0x308861A430be4cce5502d0A12724771Fc6DaF216', restaker: '0x1B7a4C3797236A1C37f8741c0Be35c2c72736fFf', sources: ['etherfi-deployed', 'etherfi-liquidity-pool', 'etherfi-restaker'] },
  },
  {
    protocol: 'Puffer',
    chain: 'eip155:1',
    spec: { kind: 'puffer', tokens: ['pufeth'], vault: '0xD9A442856C234a39a81a089C06451EBAa4306a72', sources: ['puffer-deployer-helper', 'puffer-vault-v5'] },
  },
];

export function backingSpecFor(tokenId: string): BackingSpecEntry | null {
  return BACKING_SPECS.find((e) => e.spec.tokens.includes(tokenId)) ?? null;
}

export function backingSourceRefs(ids: readonly string[]): SourceRef[] {
  const all: SourceRef[] = Object.values(BACKING_SOURCES);
  return ids.flatMap((id) => all.filter((s) => s.id === id));
}
