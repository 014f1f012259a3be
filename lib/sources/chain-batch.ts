// Runs in: background, tests. Multicall3 reads under a call budget: every refresh may spend at most so many
// sub-calls in total, and each eth_call carries at most so many, because public RPCs cap the gas of one eth_call
// and a large registry must not turn one refresh into thousands of requests. What does not fit is reported, not
// silently dropped, so a reader can say which figures are partial.
import type { Abi, Address, PublicClient } from 'viem';
import { chainSource, type ChainSource } from '../provenance';
import { MULTICALL3, type CallResult } from './rpc';

/** Sub-calls per eth_call: public endpoints cap one call's gas (about 50M), and 200 light views stay well under it. */
export const MAX_SUBCALLS_PER_CALL = 200;
/** Sub-calls per refresh for the whole registry (issue 14's budget). */
export const REFRESH_BUDGET = 300;

export interface ViewCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  /** The function as called, for the ChainSource: `delegatedTo(0xab…)`. At most 200 characters. */
  label: string;
}

export interface Answer {
  result: CallResult;
  source: ChainSource;
}

export interface BatchOptions {
  /** Sub-calls this batch may spend in total. Default REFRESH_BUDGET. */
  budget?: number;
  /** Sub-calls per eth_call. Default MAX_SUBCALLS_PER_CALL. */
  maxPerCall?: number;
  now?: () => Date;
}

/**
 * One block, one budget. `run` answers as many calls as the budget still allows, in order, and returns null for
 * the rest; it throws only when the RPC itself fails (the reader turns that into a Failure).
 */
export class BudgetedBatch {
  readonly block: bigint;
  readonly chain: string;
  private left: number;
  private readonly maxPerCall: number;
  private readonly now: () => Date;
  private readonly client: PublicClient;
  /** Sub-calls spent and eth_calls made, for the cost report. */
  spent = 0;
  ethCalls = 0;

  constructor(client: PublicClient, chain: string, block: bigint, opts: BatchOptions = {}) {
    this.client = client;
    this.chain = chain;
    this.block = block;
    this.left = Math.max(0, Math.floor(opts.budget ?? REFRESH_BUDGET));
    this.maxPerCall = Math.max(1, Math.min(Math.floor(opts.maxPerCall ?? MAX_SUBCALLS_PER_CALL), 1000));
    this.now = opts.now ?? (() => new Date());
  }

  get remaining(): number {
    return this.left;
  }

  async run(calls: readonly ViewCall[]): Promise<Array<Answer | null>> {
    const take = calls.slice(0, this.left);
    this.left -= take.length;
    const out: Array<Answer | null> = [];
    for (let i = 0; i < take.length; i += this.maxPerCall) {
      const chunk = take.slice(i, i + this.maxPerCall);
      const results = (await this.client.multicall({
        contracts: chunk.map((c) => ({ address: c.address, abi: c.abi, functionName: c.functionName, args: c.args })),
        allowFailure: true,
        multicallAddress: MULTICALL3,
        blockNumber: this.block,
        // Our own chunking decides the size; viem's byte-based batching must not split it further.
        batchSize: 0,
      })) as CallResult[];
      this.ethCalls += 1;
      this.spent += chunk.length;
      const at = this.now().toISOString();
      chunk.forEach((c, n) => out.push({ result: results[n]!, source: chainSource(this.chain, c.address, c.label.slice(0, 200), this.block, at) }));
    }
    while (out.length < calls.length) out.push(null);
    return out;
  }
}

/** `0x39053D51…Ef37A` style, for labels that must stay short. */
export const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;
