// Runs in: background, tests. What backs a token, read from the protocol's own views (lib/registry/backing.ts): the
// asset mix with an ETH amount per asset, the share that is native ETH, and the share that is itself another
// liquid staking or restaking token (layering). Up to three Multicall3 rounds per chain at one block (the second and
// third need addresses the first returns); a protocol whose view reverts or answers absurd amounts fails alone.
import { formatEther, getAddress, parseAbi, type Abi, type Address, type PublicClient } from 'viem';
import { chainSource, type ChainSource } from '../provenance';
import { KNOWN_ASSETS, STETH, WETH, type BackingSpec, type BackingSpecEntry } from '../registry/backing';
import { fail, type Outcome } from './http';
import { MULTICALL3, rpcFailure, type CallResult } from './rpc';
import { short } from './chain-batch';

/** Native ETH (or WETH), another token (an LST or LRT: a layer of its own), or a part the views do not attribute. */
export type AssetKind = 'native' | 'token' | 'unattributed';

export interface BackingAsset {
  /** The asset's address, null for native ETH held or staked and for the unattributed part. */
  asset: Address | null;
  label: string;
  kind: AssetKind;
  /** stETH or wstETH: the one top-tier LST of the method. */
  topTier: boolean;
  eth: number;
  pct: number;
  /** Computed as the total minus the parts read, not read itself. */
  derived: boolean;
  sources: ChainSource[];
}

export interface BackingMix {
  protocol: string;
  chain: string;
  block: string;
  totalEth: number;
  assets: BackingAsset[];
  nativePct: number;
  /** Share in other liquid staking or restaking tokens: the layers beneath this one. */
  layeredPct: number;
  /** Native plus the top-tier LST: the method's simple backing. */
  simplePct: number;
  unattributedPct: number;
  notes: string[];
  sources: ChainSource[];
}

/** At most this many collateral tokens or supported assets per protocol are read: a longer list is not a real one. */
export const MAX_ASSETS = 20;
/** An LRT with more than a hundred million ETH behind it is a broken read, not a fact. */
export const MAX_TOTAL_ETH = 1e8;
/** Parts read may exceed the total they came from by rounding only (0.5%). */
const OVERSHOOT = 1.005;

const ABI = parseAbi([
  'function calculateTVLs() view returns (uint256[][], uint256[], uint256)',
  'function getCollateralTokensLength() view returns (uint256)',
  'function collateralTokens(uint256) view returns (address)',
  'function getSupportedAssetList() view returns (address[])',
  'function getTotalAssetDeposits(address asset) view returns (uint256)',
  'function getAssetPrice(address asset) view returns (uint256)',
  'function getTotalPooledEther() view returns (uint256)',
  'function getTotalPooledEther(address token) view returns (uint256)',
  'function totalAssets() view returns (uint256)',
  'function getPendingLidoETHAmount() view returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
  'function getEthBalance(address) view returns (uint256)',
  'function symbol() view returns (string)',
]) as Abi;

interface Call {
  address: Address;
  functionName: string;
  args: readonly unknown[];
  label: string;
}
interface Answer {
  ok: boolean;
  value: unknown;
  error: unknown;
  source: ChainSource;
}

type Round = (calls: Call[]) => Promise<Answer[]>;

/** One protocol's reads, given a way to run a round of calls; throws only if the RPC itself fails. */
type Reader = (entry: BackingSpecEntry, round: Round) => Promise<Outcome<Omit<BackingMix, 'protocol' | 'chain' | 'block'>>>;

const eth = (wei: bigint) => Number(formatEther(wei));
const ok = <T>(data: T): Outcome<T> => ({ ok: true, data, url: '', fetchedAt: '' });
const call = (address: string, functionName: string, args: readonly unknown[] = [], label?: string): Call => ({
  address: getAddress(address),
  functionName,
  args,
  label: label ?? `${functionName}(${args.map((a) => (typeof a === 'string' ? a : String(a))).join(',')})`,
});

const known = (a: string) => Object.entries(KNOWN_ASSETS).find(([k]) => k.toLowerCase() === a.toLowerCase())?.[1] ?? null;

interface Part {
  asset: Address | null;
  label: string;
  kind: AssetKind;
  wei: bigint;
  derived?: boolean;
  sources: ChainSource[];
}

/** Turns parts (in wei) into the mix, after the plausibility checks every protocol shares. */
function mix(totalWei: bigint, parts: Part[], notes: string[], what: string): Outcome<Omit<BackingMix, 'protocol' | 'chain' | 'block'>> {
  const total = eth(totalWei);
  if (!(total > 0) || total > MAX_TOTAL_ETH) return fail('implausible', `${what}: a total of ${total} ETH is not a plausible backing`);
  const sum = parts.reduce((s, p) => s + p.wei, 0n);
  if (parts.some((p) => p.wei < 0n) || eth(sum) > total * OVERSHOOT) return fail('implausible', `${what}: the parts read (${eth(sum)} ETH) exceed the total (${total} ETH)`);
  const assets: BackingAsset[] = parts
    .filter((p) => p.wei > 0n)
    .map((p) => {
      const k = p.asset ? known(p.asset) : null;
      return { asset: p.asset, label: p.label, kind: p.kind, topTier: k?.topTier ?? false, eth: eth(p.wei), pct: (eth(p.wei) / total) * 100, derived: p.derived ?? false, sources: p.sources };
    })
    .sort((a, b) => b.eth - a.eth);
  const share = (f: (a: BackingAsset) => boolean) => Math.min(100, assets.filter(f).reduce((s, a) => s + a.pct, 0));
  return ok({
    totalEth: total,
    assets,
    nativePct: share((a) => a.kind === 'native'),
    layeredPct: share((a) => a.kind === 'token'),
    simplePct: share((a) => a.kind === 'native' || a.topTier),
    unattributedPct: share((a) => a.kind === 'unattributed'),
    notes,
    sources: [...new Map(parts.flatMap((p) => p.sources).map((s) => [`${s.contract}:${s.function}`, s])).values()],
  });
}

const failed = (a: Answer, what: string) => rpcFailure(a.error, what);
const asBig = (a: Answer) => a.value as bigint;

/** Labels for assets the registry does not name: the token's own symbol() where it answers, else its short address. */
async function labels(addresses: readonly Address[], round: Round): Promise<Map<string, { label: string; source: ChainSource | null }>> {
  const out = new Map<string, { label: string; source: ChainSource | null }>();
  const unknown = addresses.filter((a) => !known(a));
  const answers = unknown.length ? await round(unknown.map((a) => call(a, 'symbol'))) : [];
  unknown.forEach((a, i) => {
    const s = answers[i]!;
    const sym = s.ok && typeof s.value === 'string' && /^[\w.+-]{1,20}$/.test(s.value) ? s.value : null;
    out.set(a.toLowerCase(), { label: sym ?? short(a), source: sym ? s.source : null });
  });
  for (const a of addresses) if (known(a)) out.set(a.toLowerCase(), { label: known(a)!.symbol, source: null });
  return out;
}

const kindOf = (a: string): AssetKind => known(a)?.kind ?? 'token';

/** Renzo: calculateTVLs() gives each operator delegator's ETH value per collateral token, native ETH last. */
const readRenzo: Reader = async (entry, round) => {
  const s = entry.spec as Extract<BackingSpec, { kind: 'renzo' }>;
  const [len, tvls] = await round([call(s.restakeManager, 'getCollateralTokensLength'), call(s.restakeManager, 'calculateTVLs')]);
  if (!len!.ok) return failed(len!, 'Renzo getCollateralTokensLength()');
  if (!tvls!.ok) return failed(tvls!, 'Renzo calculateTVLs()');
  const n = Number(asBig(len!));
  if (n > MAX_ASSETS) return fail('implausible', `Renzo lists ${n} collateral tokens (more than ${MAX_ASSETS})`);
  const [perOd, , total] = tvls!.value as [readonly (readonly bigint[])[], readonly bigint[], bigint];
  if (perOd.some((row) => row.length !== n + 1)) return fail('implausible', 'Renzo calculateTVLs() rows do not match the collateral token list');
  const tokens = await round(Array.from({ length: n }, (_, j) => call(s.restakeManager, 'collateralTokens', [BigInt(j)])));
  const bad = tokens.find((t) => !t.ok);
  if (bad) return failed(bad, 'Renzo collateralTokens(i)');
  const addrs = tokens.map((t) => getAddress(t.value as string));
  const names = await labels(addrs, round);
  const column = (j: number) => perOd.reduce((sum, row) => sum + row[j]!, 0n);
  const parts: Part[] = addrs.map((a, j) => {
    const l = names.get(a.toLowerCase())!;
    return { asset: a, label: l.label, kind: kindOf(a), wei: column(j), sources: [tvls!.source, tokens[j]!.source, ...(l.source ? [l.source] : [])] };
  });
  parts.push({ asset: null, label: 'ETH staked in EigenPods', kind: 'native', wei: column(n), sources: [tvls!.source] });
  const read = parts.reduce((x, p) => x + p.wei, 0n);
  if (total > read) parts.push({ asset: null, label: 'Deposit and withdrawal queues (not broken out)', kind: 'unattributed', wei: total - read, derived: true, sources: [tvls!.source] });
  return mix(total, parts, ['The queues’ share (ETH and collateral in the deposit and withdraw queues, pending stETH) is totalTVL minus the operator delegators’ sums.'], 'Renzo');
};

/** Kelp: each supported asset's deposits (asset units) times the oracle's ETH price (1e18), as LRTOracle sums them. */
const readKelp: Reader = async (entry, round) => {
  const s = entry.spec as Extract<BackingSpec, { kind: 'kelp' }>;
  const [list] = await round([call(s.config, 'getSupportedAssetList')]);
  if (!list!.ok) return failed(list!, 'Kelp getSupportedAssetList()');
  const assets = (list!.value as string[]).map((a) => getAddress(a));
  if (assets.length === 0 || assets.length > MAX_ASSETS) return fail('implausible', `Kelp lists ${assets.length} supported assets`);
  const answers = await round(assets.flatMap((a) => [call(s.depositPool, 'getTotalAssetDeposits', [a]), call(s.oracle, 'getAssetPrice', [a])]));
  const names = await labels(assets, round);
  const parts: Part[] = [];
  for (const [i, a] of assets.entries()) {
    const dep = answers[2 * i]!;
    const price = answers[2 * i + 1]!;
    if (!dep.ok) return failed(dep, `Kelp getTotalAssetDeposits(${a})`);
    if (!price.ok) return failed(price, `Kelp getAssetPrice(${a})`);
    // LRTOracle itself refuses prices outside 1 to 10 ETH (updateRSETHPrice's sanity check).
    if (asBig(price) < 10n ** 18n || asBig(price) > 10n ** 19n) return fail('implausible', `Kelp getAssetPrice(${a}) is outside 1–10 ETH`);
    const l = names.get(a.toLowerCase())!;
    parts.push({ asset: a, label: l.label, kind: kindOf(a), wei: (asBig(dep) * asBig(price)) / 10n ** 18n, sources: [dep.source, price.source, ...(l.source ? [l.source] : [])] });
  }
  const total = parts.reduce((x, p) => x + p.wei, 0n);
  return mix(total, parts, [], 'Kelp');
};

/** ether.fi: the pool's total, of which the restaker's stETH (held, restaked, unstaking, in Lido's queue) in ETH. */
const readEtherfi: Reader = async (entry, round) => {
  const s = entry.spec as Extract<BackingSpec, { kind: 'etherfi' }>;
  const [total, st] = await round([call(s.liquidityPool, 'getTotalPooledEther'), call(s.restaker, 'getTotalPooledEther', [STETH])]);
  if (!total!.ok) return failed(total!, 'ether.fi getTotalPooledEther()');
  if (!st!.ok) return failed(st!, `ether.fi getTotalPooledEther(${STETH})`);
  const rest = asBig(total!) - asBig(st!);
  if (rest < 0n) return fail('implausible', 'ether.fi: the restaker’s stETH exceeds the pool’s total');
  const parts: Part[] = [
    { asset: getAddress(STETH), label: 'stETH', kind: 'token', wei: asBig(st!), sources: [st!.source] },
    { asset: null, label: 'ETH (validators and pool)', kind: 'native', wei: rest, derived: true, sources: [total!.source, st!.source] },
  ];
  return mix(asBig(total!), parts, ['Native ETH is the pool’s total minus the restaker’s stETH; other tokens the Liquifier may hold are not read.'], 'ether.fi');
};

/** Puffer: totalAssets() and the parts it adds that the vault exposes; the rest (validator ETH ± rewards) is derived. */
const readPuffer: Reader = async (entry, round) => {
  const s = entry.spec as Extract<BackingSpec, { kind: 'puffer' }>;
  const v = s.vault;
  const [total, st, lido, weth, bal] = await round([
    call(v, 'totalAssets'),
    call(STETH, 'balanceOf', [getAddress(v)]),
    call(v, 'getPendingLidoETHAmount'),
    call(WETH, 'balanceOf', [getAddress(v)]),
    call(MULTICALL3, 'getEthBalance', [getAddress(v)]),
  ]);
  for (const [a, what] of [[total, 'totalAssets()'], [st, 'stETH balanceOf(vault)'], [lido, 'getPendingLidoETHAmount()'], [weth, 'WETH balanceOf(vault)'], [bal, 'getEthBalance(vault)']] as const) {
    if (!a!.ok) return failed(a!, `Puffer ${what}`);
  }
  const read = asBig(st!) + asBig(lido!) + asBig(weth!) + asBig(bal!);
  const rest = asBig(total!) - read;
  const parts: Part[] = [
    { asset: getAddress(STETH), label: 'stETH', kind: 'token', wei: asBig(st!), sources: [st!.source] },
    { asset: getAddress(STETH), label: 'stETH in Lido’s withdrawal queue', kind: 'token', wei: asBig(lido!), sources: [lido!.source] },
    { asset: getAddress(WETH), label: 'WETH', kind: 'native', wei: asBig(weth!), sources: [weth!.source] },
    { asset: null, label: 'ETH held', kind: 'native', wei: asBig(bal!), sources: [bal!.source] },
  ];
  if (rest > 0n) parts.push({ asset: null, label: 'ETH in validators (net of reward accounting)', kind: 'native', wei: rest, derived: true, sources: [total!.source] });
  return mix(asBig(total!), parts, ['Validator ETH is totalAssets() minus the parts the vault exposes.'], 'Puffer');
};

const READERS: Record<BackingSpec['kind'], Reader> = { renzo: readRenzo, kelp: readKelp, etherfi: readEtherfi, puffer: readPuffer };

/**
 * Reads every listed protocol on one chain, keyed by protocol. The outer outcome fails only when the RPC is
 * unusable; each protocol's outcome is its own.
 */
export async function readBacking(
  client: PublicClient,
  chain: string,
  entries: readonly BackingSpecEntry[],
  now: () => Date = () => new Date(),
): Promise<Outcome<Record<string, Outcome<BackingMix>>>> {
  const on = entries.filter((e) => e.chain === chain);
  if (on.length === 0) return { ok: true, data: {}, url: chain, fetchedAt: now().toISOString() };
  let block: bigint;
  try {
    block = await client.getBlockNumber({ cacheTime: 0 });
  } catch (err) {
    return rpcFailure(err, `backing on ${chain}`);
  }
  const round: Round = async (calls) => {
    const results = (await client.multicall({
      contracts: calls.map((c) => ({ address: c.address, abi: ABI, functionName: c.functionName, args: c.args })),
      allowFailure: true,
      multicallAddress: MULTICALL3,
      blockNumber: block,
    })) as CallResult[];
    const at = now().toISOString();
    return calls.map((c, i) => {
      const r = results[i]!;
      return { ok: r.status === 'success', value: r.result, error: r.error, source: chainSource(chain, c.address, c.label.slice(0, 200), block, at) };
    });
  };
  const out: Record<string, Outcome<BackingMix>> = {};
  // The protocols run one after another: each is a few small multicalls, and one failing must not abort the others.
  for (const e of on) {
    let r: Awaited<ReturnType<Reader>>;
    try {
      r = await READERS[e.spec.kind](e, round);
    } catch (err) {
      return rpcFailure(err, `backing on ${chain}`);
    }
    const at = now().toISOString();
    out[e.protocol] = r.ok ? { ok: true, url: chain, fetchedAt: at, data: { protocol: e.protocol, chain, block: String(block), ...r.data } } : r;
  }
  return { ok: true, data: out, url: chain, fetchedAt: now().toISOString() };
}
