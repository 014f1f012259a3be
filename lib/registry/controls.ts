// Runs in: background, build, tests. The contracts that matter for each token beyond the token itself (minter or
// deposit pool, vault, oracle or rate provider, withdrawal queue, bridge adapter, role manager), what admin
// discovery (lib/sources/admin.ts) needs to read them (candidate role holders to test on-chain, control that lives
// in code), the facts no generic read reveals (a multisig executing with zero delay, a pauser), and the LayerZero
// routes to read. Every address cites the protocol's own repository at a commit; what only a third party gives is
// `verified: false`. Candidates are hypotheses the chain confirms or refutes (`hasRole`), so a wrong one costs a
// read, never a wrong fact.
import { getAddress, isAddress, type Address } from 'viem';
import { z } from '../zod';
import type { Discovery } from '../sources/admin';
import type { LzRoute } from '../sources/bridges';
import { holderOf as nodeHolder, type ContractThatMatters, type CuratedControl, type Holder } from '../risk/admin';
import { SourceRef } from './schema';
import { YS_COMMIT, page, repoFile } from './sources';

const Checksummed = z.string().check(z.refine((a) => isAddress(a, { strict: false }) && getAddress(a) === a, 'EVM address must be valid and checksummed'));
const Chain = z.string().check(z.regex(/^eip155:[1-9]\d*$/));
const Ids = z.array(z.string().check(z.regex(/^[a-z0-9-]+$/))).check(z.minLength(1));
const Text = z.string().check(z.minLength(1));

export const ContractRole = z.enum(['token', 'minter', 'deposit-pool', 'vault', 'oracle', 'rate-provider', 'withdrawal-queue', 'bridge-adapter', 'bridge', 'role-manager', 'redemption']);

const HolderSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key'), address: z.nullable(Checksummed) }),
  /** A Safe whose threshold is read live when `address` is among the discovered nodes; curated figures otherwise. */
  z.object({ kind: z.literal('safe'), address: z.nullable(Checksummed), threshold: z.nullable(z.int().check(z.gte(1))), signers: z.nullable(z.int().check(z.gte(1))) }),
  z.object({ kind: z.literal('unknown'), address: z.nullable(Checksummed) }),
]);

export const TokenControls = z
  .object({
    /** Registry token id. */
    token: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
    chain: Chain,
    contracts: z.array(z.object({ address: Checksummed, role: ContractRole, label: Text, verified: z.boolean(), sources: Ids })).check(z.minLength(1)),
    /** Where to test `hasRole` (timelock proposer or executor, DEFAULT_ADMIN_ROLE, AccessManager member) and for whom. */
    candidates: z.array(z.object({ at: Checksummed, holders: z.array(Checksummed).check(z.minLength(1)), why: Text, sources: Ids })),
    /** Control held in code (a role check in another contract, a custom timelock): curated edges for discovery. */
    edges: z.array(z.object({ from: Checksummed, to: Checksummed, delaySec: z.int().check(z.gte(0)), note: Text, verified: z.boolean(), sources: Ids })),
    /** Upgrade or re-point bypasses and pausers no generic read reveals. */
    curated: z.array(
      z.object({
        kind: z.enum(['upgrade', 'pause']),
        target: Text,
        what: Text,
        holder: HolderSpec,
        delaySec: z.int().check(z.gte(0)),
        verified: z.boolean(),
        sources: Ids,
      }),
    ),
    /** LayerZero routes into this chain's OApp, one per sending endpoint id. */
    lzRoutes: z.array(z.object({ oapp: Checksummed, remoteEid: z.int().check(z.gte(30_000), z.lte(40_000)), label: Text, verified: z.boolean(), sources: Ids })),
    /** Route security as a third party (or the deployer's config) last stated it, dated: shown until and beside a live read. */
    routeFacts: z.array(
      z.object({ route: Text, minVerifiers: z.int().check(z.gte(0)), verifiers: z.array(Text), asOf: z.iso.date(), verified: z.boolean(), sources: Ids, note: z.string() }),
    ),
    sources: z.array(SourceRef).check(z.minLength(1)),
    reviewedAt: z.iso.date(),
  })
  .check(
    z.superRefine((t, ctx) => {
      const known = new Set(t.sources.map((s) => s.id));
      const cited = [
        ...t.contracts.flatMap((c) => c.sources),
        ...t.candidates.flatMap((c) => c.sources),
        ...t.edges.flatMap((e) => e.sources),
        ...t.curated.flatMap((c) => c.sources),
        ...t.lzRoutes.flatMap((r) => r.sources),
        ...t.routeFacts.flatMap((r) => r.sources),
      ];
      for (const id of cited) if (!known.has(id)) ctx.addIssue({ code: 'custom', message: `${t.token}: cites unknown source "${id}"` });
      if (!t.contracts.some((c) => c.role === 'token')) ctx.addIssue({ code: 'custom', message: `${t.token}: the token itself must be listed` });
      const dup = t.contracts.map((c) => c.address).filter((a, i, all) => all.indexOf(a) !== i);
      if (dup.length) ctx.addIssue({ code: 'custom', message: `${t.token}: listed twice: ${dup.join(', ')}` });
    }),
  );
export type TokenControls = z.infer<typeof TokenControls>;

const DAY = 86_400;

// Sources (commits pinned).
const KELP = repoFile('kelp-readme', 'Kelp-DAO/LRT-rsETH', 'c289b815eb8f3300ed9feab13ef6b8b05515a15c', 'README.md', 'Kelp DAO LRT-rsETH README: deployed contracts (Ethereum, L2s, LayerZero RSETH_OFT)');
const YEARN_BRIDGES = repoFile('yearn-bridges', 'yearn/risk-score', 'fcc7c476e23b4b53027ad4f80f307c9aad4db991', 'src/data/bridges.json', 'Yearn Curation bridges.json: per-route LayerZero DVN quorum, verified 2026-07-16');
const YEARN_HGETH = repoFile('yearn-hgeth', 'yearn/risk-score', '505a090ecffb1cd1f8382dc26c43349018f23aa9', 'reports/report/kerneldao-hgeth.md', 'Yearn Curation: KernelDAO hgETH report (rsETH incident, Unichain route)');
const LR_RSETH = page('llamarisk-rseth', 'LlamaRisk: Collateral Risk Assessment, Kelp rsETH (2024-07)', 'https://llamarisk.com/research/collateral-risk-rseth');
const EF_DEPLOYED = repoFile('etherfi-deployed', 'etherfi-protocol/smart-contracts', 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7', 'script/deploys/Deployed.s.sol', 'ether.fi Deployed.s.sol: mainnet addresses');
const EF_EETH = repoFile('etherfi-eeth', 'etherfi-protocol/smart-contracts', 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7', 'src/core/EETH.sol', 'ether.fi EETH.sol: _authorizeUpgrade is onlyUpgradeTimelock');
const EF_WEETH = repoFile('etherfi-weeth', 'etherfi-protocol/smart-contracts', 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7', 'src/core/WeETH.sol', 'ether.fi WeETH.sol: _authorizeUpgrade is onlyUpgradeTimelock');
const EF_LP = repoFile('etherfi-lp', 'etherfi-protocol/smart-contracts', 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7', 'src/core/LiquidityPool.sol', 'ether.fi LiquidityPool.sol: _authorizeUpgrade is onlyUpgradeTimelock');
const EF_ROLES = repoFile('etherfi-role-registry', 'etherfi-protocol/smart-contracts', 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7', 'src/governance/RoleRegistry.sol', 'ether.fi RoleRegistry.sol: UPGRADE_TIMELOCK_ROLE ("10 day timelock")');
const EF_L2 = repoFile('etherfi-l2-constants', 'etherfi-protocol/weETH-cross-chain', '29ea6b7a54c09087343e400d99aced3ac17bef86', 'utils/L2Constants.sol', 'ether.fi weETH-cross-chain L2Constants: L1 OFT adapter, timelock, L2 endpoint ids');
const DS_EF = repoFile('defiscan-etherfi', 'deficollective/defiscan', '38f3c32fcc90dcf7148ed81ae069b4015cabd1fc', 'src/content/protocols/etherfi-stake/ethereum.md', 'DeFiScan: ether.fi review (draft, 2025-09)');
const PUF_DEP = repoFile('puffer-mainnet', 'PufferFinance/Deployments-and-ACL', 'aa610bc83e976eb92bc3f03affdf260f7904c338', 'docs/deployments/mainnet.md', 'Puffer Deployments-and-ACL: mainnet deployments and multisigs');
const PUF_ACL = repoFile('puffer-acl', 'PufferFinance/Deployments-and-ACL', 'aa610bc83e976eb92bc3f03affdf260f7904c338', 'docs/access-control/actors_and_roles.md', 'Puffer Deployments-and-ACL: actors and roles (ADMIN_ROLE = Timelock; upgrader = Community and Ops multisigs)');
const PUF_TL = repoFile('puffer-timelock', 'PufferFinance/puffer-contracts', '380600060cd231fd8616ba167e674d4140486dbb', 'mainnet-contracts/src/Timelock.sol', 'Puffer Timelock.sol: "Community multisig has 0 delay"; Operations multisig queues with delay ≥ MINIMUM_DELAY (7 days)');
const PUF_LZ = repoFile('puffer-lz-ethereum', 'PufferFinance/puffer-contracts', '380600060cd231fd8616ba167e674d4140486dbb', 'partners/layerzero/config/chains/ethereum.ts', 'Puffer LayerZero config (Ethereum): pufETHAdapter, 4 required DVNs');
const PUF_LZ_CHAINS = repoFile('puffer-lz-chains', 'PufferFinance/puffer-contracts', '380600060cd231fd8616ba167e674d4140486dbb', 'partners/layerzero/config/chains', 'Puffer LayerZero chain configs (base.ts, bsc.ts, linea.ts, hyperliquid.ts, tac.ts): endpoint ids wired to the pufETH adapter');
const LOMBARD = repoFile('lombard-mainnet', 'lombard-finance/evm-smart-contracts', 'deafcdcf9c30e3b7f9f580b796a623a2b104febe', 'mainnet.json', 'Lombard evm-smart-contracts mainnet.json: admin, LBTC, AssetRouter, BridgeV2, Consortium, oracle, OFT adapters');
const Y_LBTC = repoFile('yearn-lbtc', 'yearn/risk-score', 'd8f67d7352aa9bd4dd134f6579255d8b59f163a5', 'reports/report/lombard-lbtc.md', 'Yearn Curation: Lombard LBTC report (2026-05-26)');
const BED_DEPLOY = repoFile('bedrock-unibtc-deploy', 'Bedrock-Technology/uniBTC', '236e9eab0c3d108c8bd5778fec24406ea922ea21', 'contracts/deploy.txt', 'Bedrock uniBTC deploy log: ProxyAdmin, uniBTC proxy, Vault proxy');
const BED_REDEEM = repoFile('bedrock-unibtc-redeem', 'Bedrock-Technology/uniBTC', '236e9eab0c3d108c8bd5778fec24406ea922ea21', 'contracts/scripts/redeem_proxy_deploy.py', 'Bedrock uniBTC redeem deploy script: uniBTC and Vault proxies (Ethereum)');
const BED_CCIP = repoFile('bedrock-unibtc-ccip', 'Bedrock-Technology/uniBTC', '236e9eab0c3d108c8bd5778fec24406ea922ea21', 'ccip/script/mainnet/eth.s.sol', 'Bedrock uniBTC CCIP script (Ethereum): CCIPPeer, owner, ProxyAdmin');
const BED_POOL = repoFile('bedrock-unibtc-pool', 'Bedrock-Technology/uniBTC', '236e9eab0c3d108c8bd5778fec24406ea922ea21', 'cct/script/output/deployedTokenPool_ethereum.json', 'Bedrock uniBTC CCT: Ethereum token pool');
const Y_UNIBTC = repoFile('yearn-unibtc', 'yearn/risk-score', 'fcc7c476e23b4b53027ad4f80f307c9aad4db991', 'reports/report/bedrock-unibtc.md', 'Yearn Curation: Bedrock uniBTC report (verified 2026-08-10)');
const RENZO_RISK = repoFile('renzo-risk-oracle', 'Renzo-Protocol/contracts-public', 'fc8c8e083852339fbddc7339287e54db77ff3959', 'contracts/Oracle/RiskOracle/RiskOracleMiddleware.sol', 'Renzo RiskOracleMiddleware.sol: EZETH_ADDRESS');
const L2B_EZ = repoFile('l2beat-ezeth', 'l2beat/l2beat', '0b3c8983f331fee750b32f8866f95c94149c10cb', 'packages/config/src/projects/(tokens)/ez-eth/ethereum/discovered.json', 'L2BEAT discovery of ezETH (block 22945156): admin, roleManager');
const YM_PEGS = repoFile('yearn-lrt-governance', 'yearn/monitoring-scripts-py', '0f4fb97c7f06dca88e009b6aba7d56bee6272000', 'lrt-pegs/README.md', 'Yearn monitoring: LRT governance (ezETH RoleManager admin timelock; pufETH AccessManager; LBTC timelock)');
const BED_STAKE = repoFile('bedrock-stake-readme', 'Bedrock-Technology/stake', '64bcb9e98d9d4224a18ca64888582631d54c4565', 'README.md', 'Bedrock stake README: official mainnet deployment (uniETH, Staking, Redeem, ProxyAdmin, Restaking)');
const HYP_EZETH = repoFile('hyperlane-ezeth', 'hyperlane-xyz/hyperlane-monorepo', '018344559993512d094314e58da65560be741cf7', 'typescript/infra/config/environments/mainnet3/warp/configGetters/getRenzoEZETHWarpConfig.ts', 'Hyperlane: Renzo ezETH warp route config (lockbox, ISM, owner Safes, validators)');
const YS_RENZO = repoFile('ys-renzo', 'DefiLlama/yield-server', YS_COMMIT, 'src/adaptors/renzo/index.js');

const RAW: z.input<typeof TokenControls>[] = [
  {
    token: 'rseth',
    chain: 'eip155:1',
    contracts: [
      { address: '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7', role: 'token', label: 'rsETH', verified: true, sources: ['kelp-readme'] },
      { address: '0x036676389e48133B63a802f8635AD39E752D375D', role: 'deposit-pool', label: 'LRTDepositPool (mints rsETH)', verified: true, sources: ['kelp-readme'] },
      { address: '0x349A73444b1a310BAe67ef67973022020d70020d', role: 'oracle', label: 'LRTOracle (rsETH price)', verified: true, sources: ['kelp-readme'] },
      { address: '0x947Cb49334e6571ccBFEF1f1f1178d8469D65ec7', role: 'role-manager', label: 'LRTConfig (roles, supported assets, contract map)', verified: true, sources: ['kelp-readme'] },
      { address: '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16', role: 'withdrawal-queue', label: 'LRTWithdrawalManager', verified: true, sources: ['kelp-readme'] },
      { address: '0xc66830E2667bc740c0BED9A71F18B14B8c8184bA', role: 'vault', label: 'LRTUnstakingVault', verified: true, sources: ['kelp-readme'] },
      { address: '0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3', role: 'bridge-adapter', label: 'RSETH_OFTAdapter (LayerZero escrow)', verified: true, sources: ['kelp-readme'] },
    ],
    candidates: [],
    edges: [],
    curated: [
      {
        kind: 'upgrade',
        target: 'rsETH price oracles',
        what: 'The LRT manager role can change asset price oracles without the timelock (LlamaRisk, 2024)',
        holder: { kind: 'unknown', address: null },
        delaySec: 0,
        verified: false,
        sources: ['llamarisk-rseth'],
      },
    ],
    lzRoutes: [
      ...(
        [
          [30110, 'Arbitrum'],
          [30111, 'Optimism'],
          [30184, 'Base'],
          [30183, 'Linea'],
          [30214, 'Scroll'],
          [30243, 'Blast'],
          [30260, 'Mode'],
          [30335, 'Swellchain'],
          [30362, 'Berachain'],
        ] as const
      ).map(([remoteEid, label]) => ({ oapp: '0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3', remoteEid, label: `${label} → Ethereum`, verified: true, sources: ['kelp-readme', 'lz-address-book'] })),
      { oapp: '0x85d456B2DfF1fd8245387C0BfB64Dfb700e98Ef3', remoteEid: 30320, label: 'Unichain → Ethereum (the 2026-04-18 incident route)', verified: false, sources: ['yearn-hgeth'] },
    ],
    routeFacts: [
      {
        route: 'rsETH OFT adapter, Arbitrum ↔ Ethereum',
        minVerifiers: 4,
        verifiers: ['Canary', 'Horizen', 'LayerZero Labs', 'Nethermind'],
        asOf: '2026-07-16',
        verified: false,
        sources: ['yearn-bridges'],
        note: 'Yearn read it from EndpointV2.getConfig: 4-of-4, 64 confirmations; adapter owner a 3-of-6 Safe (0xCbcdd778AA25476F203814214dD3E9b9c46829A1). Replaces the 1-of-1 of the April 2026 incident (Unichain route). Older than 90 days on 2026-12-01: the live read decides.',
      },
    ],
    sources: [KELP, YEARN_BRIDGES, YEARN_HGETH, LR_RSETH, lzBook()],
    reviewedAt: '2026-12-01',
  },
  {
    token: 'weeth',
    chain: 'eip155:1',
    contracts: [
      { address: '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee', role: 'token', label: 'weETH', verified: true, sources: ['etherfi-deployed'] },
      { address: '0x35fA164735182de50811E8e2E824cFb9B6118ac2', role: 'vault', label: 'eETH (what weETH wraps)', verified: true, sources: ['etherfi-deployed'] },
      { address: '0x308861A430be4cce5502d0A12724771Fc6DaF216', role: 'deposit-pool', label: 'LiquidityPool (mints eETH, holds the ETH)', verified: true, sources: ['etherfi-deployed'] },
      { address: '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c', role: 'withdrawal-queue', label: 'WithdrawRequestNFT', verified: true, sources: ['etherfi-deployed'] },
      { address: '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0', role: 'redemption', label: 'EtherFiRedemptionManager (instant redemption)', verified: true, sources: ['etherfi-deployed'] },
      { address: '0x57AaF0004C716388B21795431CD7D5f9D3Bb6a41', role: 'oracle', label: 'EtherFiOracle (rebase reports)', verified: true, sources: ['etherfi-deployed'] },
      { address: '0x62247D29B4B9BECf4BB73E0c722cf6445cfC7cE9', role: 'role-manager', label: 'RoleRegistry', verified: true, sources: ['etherfi-deployed'] },
      { address: '0xcd2eb13D6831d4602D80E5db9230A57596CDCA63', role: 'bridge-adapter', label: 'weETH OFT adapter (LayerZero escrow)', verified: true, sources: ['etherfi-deployed', 'etherfi-l2-constants'] },
      { address: '0xD789870beA40D056A4d26055d0bEFcC8755DA146', role: 'bridge', label: 'EtherfiL1SyncPoolETH (mints for L2 native deposits)', verified: true, sources: ['etherfi-deployed'] },
    ],
    candidates: [
      { at: '0x9f26d4C958fD811A1F59B01B86Be7dFFc9d20761', holders: ['0xcdd57D11476c22d265722F68390b036f3DA48c21'], why: 'upgrade timelock proposer: the "upgrade admin" Safe', sources: ['etherfi-deployed'] },
      { at: '0xcD425f44758a08BaAB3C4908f3e3dE5776e45d7a', holders: ['0x2aCA71020De61bb532008049e1Bd41E451aE8AdC'], why: 'operating timelock proposer: the "operating admin" Safe', sources: ['etherfi-deployed'] },
    ],
    edges: (
      [
        ['0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee', 'weETH', 'etherfi-weeth'],
        ['0x35fA164735182de50811E8e2E824cFb9B6118ac2', 'eETH', 'etherfi-eeth'],
        ['0x308861A430be4cce5502d0A12724771Fc6DaF216', 'LiquidityPool', 'etherfi-lp'],
      ] as const
    ).map(([from, name, code]) => ({
      from,
      to: '0x9f26d4C958fD811A1F59B01B86Be7dFFc9d20761',
      delaySec: 0,
      note: `${name} is UUPS: _authorizeUpgrade requires RoleRegistry's UPGRADE_TIMELOCK_ROLE, held by the upgrade timelock`,
      verified: true,
      sources: [code, 'etherfi-role-registry', 'etherfi-deployed'],
    })),
    curated: [
      {
        kind: 'pause',
        target: 'the ether.fi protocol',
        what: 'an externally owned account can pause without delay (DeFiScan draft review, 2025-09)',
        holder: { kind: 'key', address: null },
        delaySec: 0,
        verified: false,
        sources: ['defiscan-etherfi'],
      },
    ],
    lzRoutes: (
      [
        [30184, 'Base'],
        [30111, 'Optimism'],
        [30183, 'Linea'],
        [30214, 'Scroll'],
        [30243, 'Blast'],
        [30260, 'Mode'],
        [30102, 'BNB Chain'],
        [30335, 'Swellchain'],
        [30320, 'Unichain'],
      ] as const
    ).map(([remoteEid, label]) => ({ oapp: '0xcd2eb13D6831d4602D80E5db9230A57596CDCA63', remoteEid, label: `${label} → Ethereum`, verified: true, sources: ['etherfi-l2-constants', 'lz-address-book'] })),
    routeFacts: [],
    sources: [EF_DEPLOYED, EF_EETH, EF_WEETH, EF_LP, EF_ROLES, EF_L2, DS_EF, lzBook()],
    reviewedAt: '2026-12-01',
  },
  {
    token: 'pufeth',
    chain: 'eip155:1',
    contracts: [
      { address: '0xD9A442856C234a39a81a089C06451EBAa4306a72', role: 'token', label: 'pufETH (PufferVault, ERC-4626)', verified: true, sources: ['puffer-mainnet'] },
      { address: '0x0BE2aE0edbeBb517541DF217EF0074FC9a9e994f', role: 'oracle', label: 'PufferOracle', verified: true, sources: ['puffer-mainnet'] },
      { address: '0xDdA0483184E75a5579ef9635ED14BacCf9d50283', role: 'withdrawal-queue', label: 'PufferWithdrawalManager', verified: true, sources: ['puffer-mainnet'] },
      { address: '0xD7D2802f6b19843ac4DfE25022771FD83b5A7464', role: 'bridge', label: 'xPufETH (xERC20)', verified: true, sources: ['puffer-mainnet'] },
      { address: '0xd44E91CfBBAa7b3B259A12a43b38CEBf47B463D5', role: 'bridge', label: 'xERC20Lockbox', verified: true, sources: ['puffer-mainnet'] },
      { address: '0xa4931a9F9Aaf79057334371D6f62164743f97b18', role: 'bridge-adapter', label: 'pufETHAdapter (LayerZero OFT adapter)', verified: true, sources: ['puffer-mainnet', 'puffer-lz-ethereum'] },
    ],
    candidates: [
      {
        at: '0x8c1686069474410E6243425f4a10177a94EBEE11',
        holders: ['0x3C28B7c7Ba1A1f55c9Ce66b263B33B204f2126eA', '0x446d4d6b26815f9bA78B5D454E303315D586Cb2a', '0xC0896ab1A8cae8c2C1d27d011eb955Cca955580d'],
        why: 'AccessManager: ADMIN_ROLE is the Timelock; ROLE_ID_UPGRADER is the Community and Operations multisigs',
        sources: ['puffer-mainnet', 'puffer-acl'],
      },
    ],
    edges: [
      {
        from: '0x3C28B7c7Ba1A1f55c9Ce66b263B33B204f2126eA',
        to: '0x446d4d6b26815f9bA78B5D454E303315D586Cb2a',
        delaySec: 0,
        note: 'Timelock.executeTransaction: the Community multisig executes without any delay',
        verified: true,
        sources: ['puffer-timelock', 'puffer-mainnet'],
      },
      {
        from: '0x3C28B7c7Ba1A1f55c9Ce66b263B33B204f2126eA',
        to: '0xC0896ab1A8cae8c2C1d27d011eb955Cca955580d',
        delaySec: 7 * DAY,
        note: 'Timelock.queueTransaction: the Operations multisig waits `delay`, at least MINIMUM_DELAY = 7 days (the live `delay()` may be longer)',
        verified: true,
        sources: ['puffer-timelock', 'puffer-mainnet'],
      },
    ],
    curated: [
      {
        kind: 'pause',
        target: 'the Puffer contracts',
        what: 'the Pauser multisig',
        holder: { kind: 'safe', address: '0x1ba8e3aA853F73ae8093E26B7B8F2520c3620Df4', threshold: null, signers: null },
        delaySec: 0,
        verified: true,
        sources: ['puffer-mainnet'],
      },
    ],
    lzRoutes: (
      [
        [30184, 'Base'],
        [30102, 'BNB Chain'],
        [30183, 'Linea'],
        [30367, 'HyperEVM'],
        [30377, 'TAC'],
      ] as const
    ).map(([remoteEid, label]) => ({ oapp: '0xa4931a9F9Aaf79057334371D6f62164743f97b18', remoteEid, label: `${label} → Ethereum`, verified: true, sources: ['puffer-lz-chains', 'lz-address-book'] })),
    routeFacts: [
      {
        route: 'pufETH adapter, all configured routes (Ethereum side)',
        minVerifiers: 4,
        verifiers: ['P2P', 'Horizen', 'Canary', 'Nethermind'],
        asOf: '2026-05-07',
        verified: true,
        sources: ['puffer-lz-ethereum'],
        note: 'The configuration Puffer deploys (required DVNs, no optional); whether it is what the chain holds is for the live read.',
      },
    ],
    sources: [PUF_DEP, PUF_ACL, PUF_TL, PUF_LZ, PUF_LZ_CHAINS, lzBook()],
    reviewedAt: '2026-12-01',
  },
  {
    token: 'lbtc',
    chain: 'eip155:1',
    contracts: [
      { address: '0x8236a87084f8B84306f72007F36F2618A5634494', role: 'token', label: 'LBTC (StakedLBTC)', verified: true, sources: ['lombard-mainnet'] },
      { address: '0x9eCe5fB1aB62d9075c4ec814b321e24D8EA021ac', role: 'minter', label: 'AssetRouter (mint and redeem routing)', verified: true, sources: ['lombard-mainnet'] },
      { address: '0x451c54981C7DA5d95901b770C540547cF5FE0A2D', role: 'bridge', label: 'BridgeV2', verified: true, sources: ['lombard-mainnet'] },
      { address: '0xdad58DfA5c1a7a34419AFdBE1f0d610efeea95E4', role: 'role-manager', label: 'Consortium (notary set that signs mints)', verified: true, sources: ['lombard-mainnet'] },
      { address: '0x1De9fcfeDF3E51266c188ee422fbA1c7860DA0eF', role: 'oracle', label: 'StakedLBTCOracle (BTC per LBTC)', verified: true, sources: ['lombard-mainnet'] },
      { address: '0x964677F337d6528d659b1892D0045B8B27183fc0', role: 'bridge', label: 'Mailbox', verified: true, sources: ['lombard-mainnet'] },
      { address: '0x88E18636EfFC3b3cd520FC72B710eb99C0017BC7', role: 'bridge-adapter', label: 'LombardTokenPoolV2 (CCIP, StakedLBTC)', verified: true, sources: ['lombard-mainnet'] },
    ],
    candidates: [
      {
        at: '0x055E84e7FE8955E2781010B866f10Ef6E1E77e59',
        holders: ['0x251a604E8E8f6906d60f8dedC5aAeb8CD38F4892', '0x3F6BF1C36CcBb59eAF8415301a0ceC73c344a079'],
        why: 'LombardTimeLock proposers: the "Owner" Safe and the deployer account (Yearn found both as PROPOSER)',
        sources: ['lombard-mainnet', 'yearn-lbtc'],
      },
      ...(['0x8236a87084f8B84306f72007F36F2618A5634494', '0x9eCe5fB1aB62d9075c4ec814b321e24D8EA021ac', '0x451c54981C7DA5d95901b770C540547cF5FE0A2D'] as const).map((at) => ({
        at,
        holders: ['0x055E84e7FE8955E2781010B866f10Ef6E1E77e59', '0x251a604E8E8f6906d60f8dedC5aAeb8CD38F4892'],
        why: 'DEFAULT_ADMIN_ROLE: the timelock (or the Owner Safe)',
        sources: ['lombard-mainnet', 'yearn-lbtc'],
      })),
    ],
    edges: [],
    curated: [],
    lzRoutes: [],
    routeFacts: [],
    sources: [LOMBARD, Y_LBTC],
    reviewedAt: '2026-12-01',
  },
  {
    token: 'unibtc',
    chain: 'eip155:1',
    contracts: [
      { address: '0x004E9C3EF86bc1ca1f0bB5C7662861Ee93350568', role: 'token', label: 'uniBTC', verified: true, sources: ['bedrock-unibtc-deploy'] },
      { address: '0x047D41F2544B7F63A8e991aF2068a363d210d6Da', role: 'minter', label: 'Vault (mints uniBTC against BTC wrappers)', verified: true, sources: ['bedrock-unibtc-deploy', 'bedrock-unibtc-redeem'] },
      { address: '0x55A67cf07B8a9A09fB6d565279287Cfe4aB60edC', role: 'bridge', label: 'CCIPPeer (Bedrock’s CCIP bridge, holds MINTER_ROLE)', verified: true, sources: ['bedrock-unibtc-ccip', 'yearn-unibtc'] },
      { address: '0xDE71a07e0619EEaDd7e6A3aeCf4E57E5d5e86f12', role: 'bridge-adapter', label: 'CCIP token pool (cross-chain token standard)', verified: true, sources: ['bedrock-unibtc-pool'] },
    ],
    candidates: (['0x004E9C3EF86bc1ca1f0bB5C7662861Ee93350568', '0x047D41F2544B7F63A8e991aF2068a363d210d6Da'] as const).map((at) => ({
      at,
      holders: ['0xac07f2721EcD955c4370e7388922fA547E922A4f'],
      why: 'DEFAULT_ADMIN_ROLE: the owner account Bedrock’s scripts use on Ethereum',
      sources: ['bedrock-unibtc-ccip'],
    })),
    edges: [],
    curated: [],
    lzRoutes: [],
    routeFacts: [],
    sources: [BED_DEPLOY, BED_REDEEM, BED_CCIP, BED_POOL, Y_UNIBTC],
    reviewedAt: '2026-12-01',
  },
  {
    token: 'ezeth',
    chain: 'eip155:1',
    contracts: [
      { address: '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110', role: 'token', label: 'ezETH', verified: true, sources: ['renzo-risk-oracle', 'l2beat-ezeth'] },
      { address: '0x74a09653A083691711cF8215a6ab074BB4e99ef5', role: 'minter', label: 'RestakeManager (deposits, mints ezETH, TVL)', verified: false, sources: ['ys-renzo'] },
      { address: '0x387dBc0fB00b26fb085aa658527D5BE98302c84C', role: 'rate-provider', label: 'BalancerRateProvider (ezETH rate)', verified: false, sources: ['ys-renzo'] },
      { address: '0x4994EFc62101A9e3F885d872514c2dC7b3235849', role: 'role-manager', label: 'RoleManager (grants the minter role)', verified: false, sources: ['l2beat-ezeth'] },
      { address: '0xC8140dA31E6bCa19b287cC35531c2212763C2059', role: 'bridge', label: 'xERC20 lockbox (escrow for the Hyperlane warp route)', verified: true, sources: ['hyperlane-ezeth'] },
    ],
    candidates: [
      {
        at: '0x4994EFc62101A9e3F885d872514c2dC7b3235849',
        holders: ['0x81F6e9914136Da1A1d3b1eFd14F7E0761c3d4cc7'],
        why: 'DEFAULT_ADMIN_ROLE on the RoleManager: the Renzo timelock (Yearn monitoring)',
        sources: ['yearn-lrt-governance'],
      },
      {
        at: '0x81F6e9914136Da1A1d3b1eFd14F7E0761c3d4cc7',
        holders: ['0xD1e6626310fD54Eceb5b9a51dA2eC329D6D4B68A'],
        why: 'timelock proposer and executor: the Ethereum Safe that also owns the warp route and its ISM',
        sources: ['hyperlane-ezeth', 'yearn-lrt-governance'],
      },
    ],
    edges: [],
    curated: [],
    lzRoutes: [],
    routeFacts: [
      {
        route: 'Hyperlane warp route, every origin → Ethereum lockbox',
        minVerifiers: 2,
        verifiers: ['Renzo routing ISM: 1 of {Renzo, Everclear or Luganodes} per origin', 'Hyperlane default ISM (fallback routing)'],
        asOf: '2026-12-01',
        verified: true,
        sources: ['hyperlane-ezeth'],
        note: 'Aggregation ISM, threshold 2 of 2 modules: a message needs one signature from Renzo’s per-origin set (threshold 1) and the Hyperlane default ISM. Both ISMs are owned by the Safe 0xD1e6626310fD54Eceb5b9a51dA2eC329D6D4B68A, which can change them without a delay found here. The config as Hyperlane deploys it, read 2026-12-01 (commit date not read); not read from chain.',
      },
    ],
    sources: [RENZO_RISK, L2B_EZ, YM_PEGS, YS_RENZO, HYP_EZETH],
    reviewedAt: '2026-12-01',
  },
  {
    token: 'unieth',
    chain: 'eip155:1',
    contracts: [
      { address: '0xF1376bceF0f78459C0Ed0ba5ddce976F1ddF51F4', role: 'token', label: 'uniETH', verified: true, sources: ['bedrock-stake-readme'] },
      { address: '0x4beFa2aA9c305238AA3E0b5D17eB20C045269E9d', role: 'minter', label: 'Staking (deposits, mints uniETH, exchangeRatio)', verified: true, sources: ['bedrock-stake-readme'] },
      { address: '0x98169228cB99Ed26c1043eD8Ca53A5Cb371D3B8D', role: 'withdrawal-queue', label: 'Redeem', verified: true, sources: ['bedrock-stake-readme'] },
      { address: '0x3F4eaCeb930b0Edfa78a1DFCbaE5c5494E6e9850', role: 'vault', label: 'Restaking (EigenLayer side)', verified: true, sources: ['bedrock-stake-readme'] },
    ],
    candidates: [],
    edges: [],
    curated: [],
    lzRoutes: [],
    routeFacts: [],
    sources: [BED_STAKE],
    reviewedAt: '2026-12-01',
  },
];

function lzBook() {
  return repoFile('lz-address-book', 'LayerZero-Labs/lz-address-book', 'b52d9efa4cfda8ba5de45a5bc814dd05408da76c', 'src/generated/LZAddresses.sol', 'LayerZero Labs address book: endpoint ids and libraries');
}

export const CONTROLS: readonly TokenControls[] = RAW.map((t) => TokenControls.parse(t));

export function controlsFor(token: string): TokenControls | null {
  return CONTROLS.find((c) => c.token === token) ?? null;
}

/** What discoverAdmin needs for one token: every contract that matters (and curated pausers) as roots, plus hints. */
export function discoveryInput(t: TokenControls): {
  roots: Address[];
  hints: { candidates: Record<Address, Address[]>; edges: Array<{ from: Address; to: Address; delaySec: number; note: string }> };
} {
  const pausers = t.curated.flatMap((c) => (c.holder.address ? [c.holder.address as Address] : []));
  const roots = [...new Set([...t.contracts.map((c) => c.address as Address), ...pausers])];
  const candidates: Record<Address, Address[]> = {};
  for (const c of t.candidates) candidates[c.at as Address] = [...new Set([...(candidates[c.at as Address] ?? []), ...(c.holders as Address[])])];
  const edges = t.edges.filter((e) => e.verified).map((e) => ({ from: e.from as Address, to: e.to as Address, delaySec: e.delaySec, note: e.note }));
  return { roots, hints: { candidates, edges } };
}

/** The judge's inputs from the curated data: contracts that matter, and curated controls with Safes filled in from a discovery. */
export function judgeInput(t: TokenControls, discovery: Discovery | null): { contracts: ContractThatMatters[]; curated: CuratedControl[] } {
  const contracts = t.contracts.map((c) => ({ address: c.address as Address, label: c.label }));
  const curated = t.curated.map((c): CuratedControl => ({ kind: c.kind, target: c.target, what: c.what, holder: holderOf(c.holder, discovery), delaySec: c.delaySec, verified: c.verified, sources: c.sources }));
  return { contracts, curated };
}

function holderOf(h: z.infer<typeof HolderSpec>, d: Discovery | null): Holder {
  const address = (h.address as Address | null) ?? null;
  const node = address && d ? Object.values(d.nodes).find((n) => n.address.toLowerCase() === address.toLowerCase()) : undefined;
  // A curated Safe with no code where the source puts it: the chain contradicts the source, so nobody is named.
  if (node && h.kind === 'safe' && node.code.value === 'none') return { kind: 'unresolved', address, why: 'no code at the Safe’s address on chain' };
  const live = node ? nodeHolder(node) : null;
  if (live) return { ...live, address };
  if (h.kind === 'key') return { kind: 'key', address, delegate: null };
  if (h.kind === 'safe' && h.threshold !== null && h.signers !== null) return { kind: 'safe', address, threshold: h.threshold, signers: h.signers, modules: 0 };
  return { kind: 'unresolved', address, why: h.kind === 'safe' ? 'Safe threshold not read' : 'holder not named by the source' };
}

/** LayerZero routes to read for a token, verified ones only. */
export function lzRoutesOf(t: TokenControls, includeUnverified = false): LzRoute[] {
  return t.lzRoutes.filter((r) => includeUnverified || r.verified).map((r) => ({ oapp: r.oapp as Address, remoteEid: r.remoteEid }));
}
