// Runs in: background, tests. Each token's redemption rate through the function the registry names, and the total
// supply of its canonical deployment, read on-chain in one Multicall3 batch per chain at one block. A call that
// reverts fails for its token only. Each figure cites the exact call it came from.
import { formatUnits, parseAbiItem, type Abi, type Address, type PublicClient } from 'viem';
import { canonicalDeployment, type TokenProfile } from '../registry/schema';
import { chainSource, type ChainSource } from '../provenance';
import { fail, type Failure, type Outcome } from './http';
import { MULTICALL3, rpcFailure, type CallResult } from './rpc';
import { RATE, SUPPLY, within } from './bounds';

export interface RateRead {
  /** Units of `unit` one token is redeemable for. */
  rate: number;
  unit: string;
  source: ChainSource;
}

export interface SupplyRead {
  /** Total supply of the canonical deployment, in whole tokens. */
  supply: number;
  source: ChainSource;
}

/** Per token: its rate, and its supply (its own outcome: a failing totalSupply() never hides the rate). */
export interface TokenReads {
  rate: Outcome<RateRead>;
  supply: Outcome<SupplyRead> | null;
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
  const r = invert ? 1 / v : v;
  return within(r, RATE.min, RATE.max) ? r : null;
}

export async function readRates(client: PublicClient, tokens: readonly TokenProfile[]): Promise<Outcome<Record<string, TokenReads>>> {
  const items = tokens.flatMap((t) => {
    const rs = t.rateSource;
    if (!rs?.read) return [];
    const c = canonicalDeployment(t);
    // Supply is the canonical token's, and only when it lives on the chain the rate is read on.
    const main = c.chain === rs.chain && c.chain.startsWith('eip155:') ? c : null;
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
    return rpcFailure(err, 'rates');
  }
  const at = new Date().toISOString();
  const out: Record<string, TokenReads> = {};
  let i = 0;
  for (const { t, rs, read, main } of items) {
    const r = results[i++]!;
    const supply = main ? results[i++]! : null;
    const decimals = main ? results[i++]! : null;
    const ok = <T>(data: T): Outcome<T> => ({ ok: true, url: '', fetchedAt: at, data });
    let rate: Outcome<RateRead>;
    if (r.status !== 'success') rate = rpcFailure(r.error, `${t.symbol} ${rs.function}`);
    else {
      const v = toRate(r.result as bigint, read.decimals, read.invert);
      rate =
        v === null
          ? fail('implausible', `${t.symbol} ${rs.function} did not return a plausible rate`)
          : ok({ rate: v, unit: read.unit, source: chainSource(rs.chain, rs.contract, rs.function, block, at) });
    }
    let sup: Outcome<SupplyRead> | null = null;
    if (main && supply && decimals) {
      if (supply.status !== 'success' || decimals.status !== 'success') sup = rpcFailure(supply.error ?? decimals.error, `${t.symbol} totalSupply()`);
      else {
        const n = Number(formatUnits(supply.result as bigint, Number(decimals.result)));
        sup = within(n, 0, SUPPLY.max)
          ? ok({ supply: n, source: chainSource(main.chain, main.address, 'totalSupply()', block, at) })
          : (fail('implausible', `${t.symbol} totalSupply() is not a plausible supply`) as Failure);
      }
    }
    out[t.id] = { rate, supply: sup };
  }
  return { ok: true, data: out, url: '', fetchedAt: at };
}
