// Runs in: background, tests. A viem client per chain over a `fallback` of JSON-RPC endpoints. Each endpoint's
// chain id is checked first: an endpoint that answers for another chain (a typo, a testnet URL) is left out and
// reported, never used, because its "rates" would be another chain's numbers.
import { createPublicClient, fallback, http, type PublicClient } from 'viem';
import { fail, type Failure } from './http';

export const RPC_TIMEOUT_MS = 12_000;

export interface ChainClient {
  client: PublicClient;
  /** Endpoints that answered with the right chain id, in the order they are tried. */
  urls: string[];
  /** What was wrong with the others, one line each. */
  problems: string[];
}

const hostOf = (u: string) => {
  try {
    return new URL(u).host;
  } catch {
    return u.slice(0, 60);
  }
};

/** Classifies a viem error into a user-facing failure. */
export function rpcFailure(err: unknown, what: string): Failure {
  const e = err as { name?: string; shortMessage?: string; message?: string; status?: number; details?: string } | null;
  const chain = [e, (e as { cause?: unknown } | null)?.cause].filter(Boolean) as Array<typeof e>;
  const names = chain.map((x) => x?.name ?? '');
  const text = (e?.shortMessage ?? e?.message ?? String(err)).split('\n')[0]!.slice(0, 160);
  if (names.some((n) => n === 'TimeoutError')) return fail('timeout', `${what}: the RPC did not answer in time`);
  if (names.some((n) => n === 'ContractFunctionRevertedError' || n === 'ContractFunctionExecutionError') || /revert/i.test(text)) {
    return fail('revert', `${what}: the contract call reverted (${text})`);
  }
  if (e?.status === 429) return fail('rate-limited', `${what}: the RPC rate-limited us (HTTP 429)`);
  return fail('network', `${what}: ${text}`);
}

async function chainIdOf(url: string): Promise<number> {
  const c = createPublicClient({ transport: http(url, { timeout: RPC_TIMEOUT_MS, retryCount: 0 }) });
  return c.getChainId();
}

/**
 * A client for `chain` (`eip155:<id>`) over the given endpoints, or a failure when none of them is usable.
 * Endpoints that are down or on the wrong chain are skipped; the rest form the fallback in order.
 */
export async function chainClient(chain: string, urls: readonly string[]): Promise<ChainClient | Failure> {
  const want = Number(chain.replace(/^eip155:/, ''));
  if (!Number.isInteger(want) || want <= 0) return fail('wrong-chain', `${chain} is not an EVM chain`);
  if (urls.length === 0) return fail('no-data', `no RPC endpoint configured for ${chain}`);
  const checked = await Promise.all(
    urls.map(async (url) => {
      try {
        const id = await chainIdOf(url);
        return id === want ? { url } : { problem: `${hostOf(url)} is on chain ${id}, not ${want}: not used` };
      } catch (err) {
        return { problem: `${hostOf(url)}: ${rpcFailure(err, 'eth_chainId').message}` };
      }
    }),
  );
  const good = checked.flatMap((c) => ('url' in c && c.url ? [c.url] : []));
  const problems = checked.flatMap((c) => ('problem' in c && c.problem ? [c.problem] : []));
  if (good.length === 0) {
    const wrong = problems.some((p) => p.includes('is on chain'));
    return fail(wrong ? 'wrong-chain' : 'network', `no usable RPC for ${chain}: ${problems.join('; ')}`);
  }
  const client = createPublicClient({
    transport: fallback(good.map((u) => http(u, { timeout: RPC_TIMEOUT_MS, retryCount: 0 })), { retryCount: 1 }),
  }) as PublicClient;
  return { client, urls: good, problems };
}

export const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11' as const;
export { hostOf as rpcHost };

/** One result of a multicall with `allowFailure: true`. */
export type CallResult = { status: 'success'; result: unknown; error?: undefined } | { status: 'failure'; error: unknown; result?: undefined };
