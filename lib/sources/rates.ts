// Runs in: background, tests. Each token's redemption rate through the function the registry names, and its
// total supply, read on-chain in one Multicall3 batch per chain. A call that reverts fails for its token only.
import { formatUnits, parseAbiItem, type Abi, type Address, type PublicClient } from 'viem';
import type { TokenProfile } from '../registry/schema';
import { fail, type Outcome } from './http';
import { MULTICALL3, rpcFailure, type CallResult } from './rpc';

export interface RateRead {
  /** Units of `unit` one token is redeemable for. */
  rate: number;
  unit: string;
  /** Total supply of the token's main deployment on the same chain, in whole tokens; null when it failed. */
  supply: number | null;
  /** e.g. "getRate() on 0x387d…c84C (Ethereum), block 21000000". */
  call: string;
  block: string;
}

const ERC20 = [
  parseAbiItem('function totalSupply() view returns (uint256)'),
  parseAbiItem('function decimals() view returns (uint8)'),
] as const;

/** Tokens whose rate the extension reads live on `chain`: a confirmed scale (`read`) is required. */
export function readableOn(tokens: readonly TokenProfile[], chain: string): TokenProfile[] {
  return tokens.filter((t) => t.rateSource?.chain === chain && t.rateSource.read !== null);
}

/** `getRate()` → an ABI item returning one uint256. Only uint256 arguments are supported (the registry's). */
export function rateAbi(signature: string): Abi {
  if (!/^[A-Za-z_][A-Za-z0-9_]*\((uint256(,uint256)?)?\)$/.test(signature)) throw new Error(`unsupported rate function ${signature}`);
  return [parseAbiItem(`function ${signature} view returns (uint256)`)] as Abi;
}

export function toRate(raw: bigint, decimals: number, invert: boolean): number | null {
  const v = Number(formatUnits(raw, decimals));
  if (!Number.isFinite(v) || v <= 0) return null;
  return invert ? 1 / v : v;
}

export async function readRates(client: PublicClient, tokens: readonly TokenProfile[], chainLabel: string): Promise<Outcome<Record<string, Outcome<RateRead>>>> {
  const items = tokens.flatMap((t) => {
    const rs = t.rateSource;
    const main = t.deployments.find((d) => d.chain === rs?.chain && !d.kind);
    if (!rs?.read) return [];
    return [{ t, rs, read: rs.read, main }];
  });
  const contracts = items.flatMap(({ rs, read, main }) => {
    const fn = rs.function.slice(0, rs.function.indexOf('('));
    const calls = [{ address: rs.contract as Address, abi: rateAbi(rs.function), functionName: fn, args: read.args.map((a) => BigInt(a)) }];
    if (main) {
      calls.push({ address: main.address as Address, abi: ERC20 as unknown as Abi, functionName: 'totalSupply', args: [] });
      calls.push({ address: main.address as Address, abi: ERC20 as unknown as Abi, functionName: 'decimals', args: [] });
    }
    return calls;
  });
  if (contracts.length === 0) return { ok: true, data: {}, url: '', fetchedAt: new Date().toISOString() };
  let block: bigint;
  let results: CallResult[];
  try {
    block = await client.getBlockNumber({ cacheTime: 0 });
    results = (await client.multicall({ contracts, allowFailure: true, multicallAddress: MULTICALL3, blockNumber: block, batchSize: 4096 })) as CallResult[];
  } catch (err) {
    return rpcFailure(err, `rates on ${chainLabel}`);
  }
  const fetchedAt = new Date().toISOString();
  const out: Record<string, Outcome<RateRead>> = {};
  let at = 0;
  for (const { t, rs, read, main } of items) {
    const r = results[at++]!;
    const supply = main ? results[at++]! : null;
    const decimals = main ? results[at++]! : null;
    const call = `${rs.function} on ${rs.contract} (${chainLabel})`;
    if (r.status !== 'success') {
      out[t.id] = rpcFailure(r.error, `${t.symbol} ${rs.function}`);
      continue;
    }
    const rate = toRate(r.result as bigint, read.decimals, read.invert);
    if (rate === null) {
      out[t.id] = fail('schema', `${t.symbol} ${rs.function} returned ${String(r.result)}, not a positive rate`);
      continue;
    }
    let total: number | null = null;
    if (supply?.status === 'success' && decimals?.status === 'success') {
      const n = Number(formatUnits(supply.result as bigint, Number(decimals.result)));
      total = Number.isFinite(n) ? n : null;
    }
    out[t.id] = { ok: true, url: call, fetchedAt, data: { rate, unit: read.unit, supply: total, call, block: block.toString() } };
  }
  return { ok: true, data: out, url: chainLabel, fetchedAt };
}
