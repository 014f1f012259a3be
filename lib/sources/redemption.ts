// Runs in: background, tests. Each protocol's own withdrawal path, read on-chain where its contracts expose it: is
// it paused, how much can leave at once (a buffer or instant-redemption capacity), how long the contract makes a
// request wait, and how much is queued ahead. One Multicall3 round for every path, plus one for ether.fi's pending
// request amounts. Every address and function is from the protocol's own repository at a commit (REDEMPTION_PATHS);
// a protocol whose withdrawal contract address is not confirmed there (Renzo's WithdrawQueue, Swell's rswEXIT) is
// not read: its card keeps the curated withdrawal text.
import { formatUnits, parseAbi, type Abi, type Address, type PublicClient } from 'viem';
import type { TokenProfile } from '../registry/schema';
import { chainSource, type ChainSource, type DocSource } from '../provenance';
import { fail, type Outcome } from './http';
import { MULTICALL3, rpcFailure, type CallResult } from './rpc';

/** The asset key ETH withdrawals are filed under (Kelp LRTConstants.ETH_TOKEN; ether.fi ETH_ADDRESS). */
const ETH_KEY: Address = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
const WETH: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
/** Mainnet seconds per block since the Merge, to turn a delay in blocks into days. */
const SECONDS_PER_BLOCK = 12;
/** ether.fi pending requests summed one by one up to this many; past it the queue is given as a count only. */
export const MAX_SUMMED_REQUESTS = 200;

export interface RedemptionRead {
  protocol: string;
  /** false when the contract says new requests are paused; null when the path has no pause flag read here. */
  open: boolean | null;
  /** ETH that can leave at once through the protocol (instant redemption or the vault's liquidity), with its fee. */
  instant: { eth: number; feePct: number | null } | null;
  /** Requests waiting, and the ETH they claim when it is summed on-chain. */
  queue: { requests: number; aheadEth: number | null } | null;
  /** Shortest wait from request to claim that the contract enforces, in days; null when operators decide it. */
  delayDays: number | null;
  /** One line for people, e.g. "Redeem at the rate in about 8 days (queue: 1,200 ETH ahead, 35 requests)." */
  estimate: string;
  sources: ChainSource[];
  block: string;
}

type Call = { address: Address; abi: Abi; functionName: string; args: readonly unknown[]; cite: string };

interface Path {
  protocol: string;
  tokens: readonly string[];
  /** Where each address and function was confirmed. */
  docs: DocSource[];
  calls: Call[];
  read(r: Reader): Omit<RedemptionRead, 'sources' | 'block' | 'estimate'> & { needsRequests?: { from: number; to: number } };
}

/** Results of one path's calls by function as cited, numbers already scaled. */
interface Reader {
  get(cite: string): unknown;
  /** Block timestamp, seconds. */
  now: number;
}

const doc = (repo: string, commit: string, path: string, title: string): DocSource => ({
  kind: 'doc',
  url: `https://github.com/${repo}/blob/${commit}/${path}`,
  title,
  commit,
});

const ETHERFI = 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7';
const KELP = 'c289b815eb8f3300ed9feab13ef6b8b05515a15c';
const PUFFER = '380600060cd231fd8616ba167e674d4140486dbb';

const NFT: Address = '0x7d5706f6ef3F89B3951E23e557CDFBC3239D4E2c';
const REDEMPTION_MANAGER: Address = '0xDadEf1fFBFeaAB4f68A9fD181395F68b4e4E7Ae0';
const KELP_WITHDRAWALS: Address = '0x62De59c08eB5dAE4b7E6F7a8cAd3006d6965ec16';
const PUFFER_VAULT: Address = '0xD9A442856C234a39a81a089C06451EBAa4306a72';

const NFT_ABI = parseAbi([
  'function paused() view returns (bool)',
  'function pausedUntil() view returns (uint256)',
  'function nextRequestId() view returns (uint32)',
  'function lastFinalizedRequestId() view returns (uint32)',
  'function getRequest(uint256 requestId) view returns ((uint96 amountOfEEth, uint96 shareOfEEth, bool isValid, uint32 feeGwei))',
]);
const RM_ABI = parseAbi(['function paused() view returns (bool)', 'function pausedUntil() view returns (uint256)', 'function totalRedeemableAmount(address token) view returns (uint256)']);
const KELP_ABI = parseAbi([
  'function paused() view returns (bool)',
  'function withdrawalDelayBlocks() view returns (uint256)',
  'function nextUnusedNonce(address asset) view returns (uint256)',
  'function nextLockedNonce(address asset) view returns (uint256)',
  'function assetsCommitted(address asset) view returns (uint256)',
]);
const PUFFER_ABI = parseAbi(['function getExitFeeBasisPoints() view returns (uint256)']);
const ERC20 = parseAbi(['function balanceOf(address owner) view returns (uint256)']);
const MULTICALL = parseAbi(['function getEthBalance(address addr) view returns (uint256)', 'function getCurrentBlockTimestamp() view returns (uint256)']);

const eth = (v: unknown) => (typeof v === 'bigint' ? Number(formatUnits(v, 18)) : null);
const int = (v: unknown) => (typeof v === 'bigint' || typeof v === 'number' ? Number(v) : null);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
/** PausableUntil: a timed pause is on while pausedUntil >= the block's timestamp (ether.fi PausableUntil.sol). */
const pausedNow = (paused: unknown, until: unknown, now: number) => {
  const p = bool(paused);
  const u = int(until);
  if (p === null || u === null) return null;
  return p || u >= now;
};

/** Every withdrawal path read here, with the files its addresses and functions were confirmed in. */
export const REDEMPTION_PATHS: readonly Path[] = [
  {
    protocol: 'ether.fi',
    tokens: ['eeth', 'weeth'],
    docs: [
      doc('etherfi-protocol/smart-contracts', ETHERFI, 'script/deploys/Deployed.s.sol', 'ether.fi mainnet addresses: WITHDRAW_REQUEST_NFT, ETHERFI_REDEMPTION_MANAGER'),
      doc('etherfi-protocol/smart-contracts', ETHERFI, 'src/withdrawals/WithdrawRequestNFT.sol', 'WithdrawRequestNFT: nextRequestId, lastFinalizedRequestId, getRequest, requestWithdraw whenNotPaused'),
      doc('etherfi-protocol/smart-contracts', ETHERFI, 'src/withdrawals/EtherFiRedemptionManager.sol', 'EtherFiRedemptionManager: totalRedeemableAmount(ETH_ADDRESS), instant redemption'),
      doc('etherfi-protocol/smart-contracts', ETHERFI, 'src/governance/utils/PausableUntil.sol', 'PausableUntil: paused() and pausedUntil() both gate whenNotPaused'),
    ],
    calls: [
      { address: NFT, abi: NFT_ABI, functionName: 'paused', args: [], cite: 'nft.paused' },
      { address: NFT, abi: NFT_ABI, functionName: 'pausedUntil', args: [], cite: 'nft.pausedUntil' },
      { address: NFT, abi: NFT_ABI, functionName: 'nextRequestId', args: [], cite: 'nft.nextRequestId' },
      { address: NFT, abi: NFT_ABI, functionName: 'lastFinalizedRequestId', args: [], cite: 'nft.lastFinalizedRequestId' },
      { address: REDEMPTION_MANAGER, abi: RM_ABI, functionName: 'paused', args: [], cite: 'rm.paused' },
      { address: REDEMPTION_MANAGER, abi: RM_ABI, functionName: 'pausedUntil', args: [], cite: 'rm.pausedUntil' },
      { address: REDEMPTION_MANAGER, abi: RM_ABI, functionName: 'totalRedeemableAmount', args: [ETH_KEY], cite: 'rm.totalRedeemableAmount' },
    ],
    read(r) {
      const nftPaused = pausedNow(r.get('nft.paused'), r.get('nft.pausedUntil'), r.now);
      const rmPaused = pausedNow(r.get('rm.paused'), r.get('rm.pausedUntil'), r.now);
      const next = int(r.get('nft.nextRequestId'));
      const last = int(r.get('nft.lastFinalizedRequestId'));
      const requests = next !== null && last !== null ? Math.max(0, next - 1 - last) : null;
      const redeemable = eth(r.get('rm.totalRedeemableAmount'));
      return {
        protocol: 'ether.fi',
        open: nftPaused === null ? null : !nftPaused,
        // The exit fee sits in a per-token struct; not read, so the fee is unknown rather than assumed.
        instant: rmPaused === false && redeemable !== null ? { eth: redeemable, feePct: null } : rmPaused === true ? { eth: 0, feePct: null } : null,
        queue: requests === null ? null : { requests, aheadEth: requests === 0 ? 0 : null },
        delayDays: null,
        ...(requests && requests <= MAX_SUMMED_REQUESTS ? { needsRequests: { from: last! + 1, to: next! - 1 } } : {}),
      };
    },
  },
  {
    protocol: 'Kelp',
    tokens: ['rseth'],
    docs: [
      doc('Kelp-DAO/LRT-rsETH', KELP, 'README.md', 'Kelp mainnet addresses: LRTWithdrawalManager'),
      doc('Kelp-DAO/LRT-rsETH', KELP, 'contracts/LRTWithdrawalManager.sol', 'LRTWithdrawalManager: withdrawalDelayBlocks, nextUnusedNonce, nextLockedNonce, assetsCommitted, initiateWithdrawal whenNotPaused'),
      doc('Kelp-DAO/LRT-rsETH', KELP, 'contracts/utils/LRTConstants.sol', 'LRTConstants.ETH_TOKEN'),
    ],
    calls: [
      { address: KELP_WITHDRAWALS, abi: KELP_ABI, functionName: 'paused', args: [], cite: 'paused' },
      { address: KELP_WITHDRAWALS, abi: KELP_ABI, functionName: 'withdrawalDelayBlocks', args: [], cite: 'withdrawalDelayBlocks' },
      { address: KELP_WITHDRAWALS, abi: KELP_ABI, functionName: 'nextUnusedNonce', args: [ETH_KEY], cite: 'nextUnusedNonce' },
      { address: KELP_WITHDRAWALS, abi: KELP_ABI, functionName: 'nextLockedNonce', args: [ETH_KEY], cite: 'nextLockedNonce' },
      { address: KELP_WITHDRAWALS, abi: KELP_ABI, functionName: 'assetsCommitted', args: [ETH_KEY], cite: 'assetsCommitted' },
    ],
    read(r) {
      const paused = bool(r.get('paused'));
      const blocks = int(r.get('withdrawalDelayBlocks'));
      const unused = int(r.get('nextUnusedNonce'));
      const locked = int(r.get('nextLockedNonce'));
      // assetsCommitted falls when a request is unlocked, so it is the ETH of requests still locked: the queue.
      const committed = eth(r.get('assetsCommitted'));
      return {
        protocol: 'Kelp',
        open: paused === null ? null : !paused,
        instant: null,
        queue: unused !== null && locked !== null ? { requests: Math.max(0, unused - locked), aheadEth: committed } : null,
        delayDays: blocks === null ? null : (blocks * SECONDS_PER_BLOCK) / 86_400,
      };
    },
  },
  {
    protocol: 'Puffer',
    tokens: ['pufeth'],
    docs: [
      doc('PufferFinance/puffer-contracts', PUFFER, 'mainnet-contracts/src/PufferVaultV5.sol', 'PufferVaultV5: maxWithdraw from the vault’s WETH + ETH balance, getExitFeeBasisPoints'),
    ],
    calls: [
      { address: PUFFER_VAULT, abi: PUFFER_ABI, functionName: 'getExitFeeBasisPoints', args: [], cite: 'fee' },
      { address: WETH, abi: ERC20, functionName: 'balanceOf', args: [PUFFER_VAULT], cite: 'weth' },
      { address: MULTICALL3, abi: MULTICALL, functionName: 'getEthBalance', args: [PUFFER_VAULT], cite: 'eth' },
    ],
    read(r) {
      const fee = int(r.get('fee'));
      const weth = eth(r.get('weth'));
      const native = eth(r.get('eth'));
      const liquid = weth !== null && native !== null ? weth + native : null;
      return {
        protocol: 'Puffer',
        // Withdrawals are gated by Puffer's AccessManager, which has no single pause flag to read.
        open: null,
        instant: liquid === null ? null : { eth: liquid, feePct: fee === null ? null : fee / 100 },
        queue: null,
        delayDays: liquid !== null && liquid > 0 ? 0 : null,
      };
    },
  },
];

const FN: Record<string, string> = {
  getRequest: 'getRequest(uint256)',
  totalRedeemableAmount: `totalRedeemableAmount(${ETH_KEY})`,
  nextUnusedNonce: `nextUnusedNonce(${ETH_KEY})`,
  nextLockedNonce: `nextLockedNonce(${ETH_KEY})`,
  assetsCommitted: `assetsCommitted(${ETH_KEY})`,
  balanceOf: `balanceOf(${PUFFER_VAULT})`,
  getEthBalance: `getEthBalance(${PUFFER_VAULT})`,
};
const signature = (c: Call) => FN[c.functionName] ?? `${c.functionName}()`;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 2 : 0 });

/** The card's line: "redeem at the rate in about N days (queue: X ETH ahead)", or what is known of it. */
export function estimate(r: Omit<RedemptionRead, 'estimate' | 'sources' | 'block'>): string {
  if (r.open === false) return `${r.protocol} redemption requests are paused on-chain: the only exit now is selling.`;
  const q = r.queue
    ? r.queue.aheadEth !== null
      ? `queue: ${fmt(r.queue.aheadEth)} ETH ahead, ${r.queue.requests.toLocaleString('en-US')} request${r.queue.requests === 1 ? '' : 's'}`
      : `queue: ${r.queue.requests.toLocaleString('en-US')} requests ahead`
    : null;
  const instant = r.instant && r.instant.eth > 0 ? `up to ${fmt(r.instant.eth)} ETH at once${r.instant.feePct !== null ? ` (exit fee ${fmt(r.instant.feePct)}%)` : ''}` : null;
  if (r.delayDays === 0 && instant) return `Redeem at the rate now, ${instant}.`;
  if (r.delayDays !== null && r.delayDays > 0) return `Redeem at the rate in about ${fmt(Math.ceil(r.delayDays * 10) / 10)} days${q ? ` (${q})` : ''}.`;
  const parts = [instant ? `Redeem instantly ${instant}` : null, q ? `otherwise wait in the queue (${q}); the contract sets no fixed wait` : null].filter(Boolean);
  if (parts.length) return `${parts.join('; ')}.`;
  if (r.instant && r.instant.eth === 0) return `${r.protocol} holds no ETH for instant redemption now.`;
  return `${r.protocol}'s withdrawal state could not be read.`;
}

/** Tokens whose redemption path is read here. */
export function redeemableOn(tokens: readonly TokenProfile[], chain: string): TokenProfile[] {
  if (chain !== 'eip155:1') return [];
  return tokens.filter((t) => REDEMPTION_PATHS.some((p) => p.tokens.includes(t.id)));
}

/**
 * Reads every path the given tokens use, once per path (eETH and weETH share ether.fi's). A call that reverts
 * leaves its field unknown (null), never guessed; a path whose every call fails is that path's failure.
 */
export async function readRedemptions(client: PublicClient, tokens: readonly TokenProfile[], chain: string): Promise<Outcome<Record<string, Outcome<RedemptionRead>>>> {
  const ids = new Set(redeemableOn(tokens, chain).map((t) => t.id));
  const paths = REDEMPTION_PATHS.filter((p) => p.tokens.some((id) => ids.has(id)));
  const fetchedAt0 = new Date().toISOString();
  if (!paths.length) return { ok: true, data: {}, url: '', fetchedAt: fetchedAt0 };
  const clock = { address: MULTICALL3, abi: MULTICALL as Abi, functionName: 'getCurrentBlockTimestamp', args: [] as readonly unknown[] };
  const calls = paths.flatMap((p) => p.calls.map(({ cite: _cite, ...c }) => c));
  let block: bigint;
  let results: CallResult[];
  let requests: CallResult[] = [];
  let reads: Array<ReturnType<Path['read']>>;
  let failures: boolean[];
  try {
    block = await client.getBlockNumber({ cacheTime: 0 });
    results = (await client.multicall({ contracts: [clock, ...calls], allowFailure: true, multicallAddress: MULTICALL3, blockNumber: block })) as CallResult[];
    const nowR = results[0]!;
    const now = nowR.status === 'success' ? Number(nowR.result as bigint) : Math.floor(Date.now() / 1000);
    let at = 1;
    reads = [];
    failures = [];
    for (const p of paths) {
      const rs = results.slice(at, at + p.calls.length);
      at += p.calls.length;
      const byCite = new Map(p.calls.map((c, n) => [c.cite, rs[n]!.status === 'success' ? rs[n]!.result : undefined]));
      failures.push(rs.every((r) => r.status !== 'success'));
      reads.push(p.read({ get: (c) => byCite.get(c), now }));
    }
    const pending = reads.flatMap((r) => (r.needsRequests ? Array.from({ length: r.needsRequests.to - r.needsRequests.from + 1 }, (_, n) => r.needsRequests!.from + n) : []));
    if (pending.length) {
      const rc = pending.map((id) => ({ address: NFT, abi: NFT_ABI as Abi, functionName: 'getRequest', args: [BigInt(id)] }));
      requests = (await client.multicall({ contracts: rc, allowFailure: true, multicallAddress: MULTICALL3, blockNumber: block })) as CallResult[];
    }
  } catch (err) {
    return rpcFailure(err, 'redemption queues');
  }
  const fetchedAt = new Date().toISOString();
  const out: Record<string, Outcome<RedemptionRead>> = {};
  paths.forEach((p, n) => {
    const { needsRequests, ...r } = reads[n]!;
    const sources = p.calls.map((c) => chainSource(chain, c.address, signature(c), block, fetchedAt));
    if (needsRequests && r.queue) {
      const amounts = requests.map((x) => (x.status === 'success' ? (x.result as { amountOfEEth: bigint }).amountOfEEth : null));
      if (amounts.every((a) => a !== null)) {
        r.queue = { ...r.queue, aheadEth: Number(formatUnits(amounts.reduce((s, a) => s + a!, 0n), 18)) };
        sources.push(chainSource(chain, NFT, `getRequest(uint256) for ids ${needsRequests.from}–${needsRequests.to}`, block, fetchedAt));
      }
    }
    const outcome: Outcome<RedemptionRead> = failures[n]
      ? fail('revert', `${p.protocol}: none of the withdrawal contract's views answered`)
      : { ok: true, url: '', fetchedAt, data: { ...r, estimate: estimate(r), sources, block: block.toString() } };
    for (const id of p.tokens) if (ids.has(id)) out[id] = outcome;
  });
  return { ok: true, data: out, url: '', fetchedAt };
}
