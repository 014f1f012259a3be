// Runs in: background, tests. A viem client per chain over a `fallback` of JSON-RPC endpoints, tried in order: a
// fallback is contacted only when the one before it fails. Before an endpoint's first request its chain id is
// checked (once per worker lifetime, at most daily): an endpoint that answers for another chain (a typo, a testnet
// URL) is never used, because its "rates" would be another chain's numbers. Every request omits cookies, referrer
// and HTTP cache, like every other request the extension makes.
import { createPublicClient, fallback, http, type PublicClient, type Transport } from 'viem';
import { fail, PRIVATE_FETCH, type Failure } from './http';
import { plainText } from '../text';

export const RPC_TIMEOUT_MS = 12_000;
/** How long an endpoint's checked chain id is trusted. */
export const CHAIN_ID_TTL_MS = 24 * 3_600_000;

export interface ChainClient {
  client: PublicClient;
  /** Endpoint problems met while this client was used (down, wrong chain), one line each, for the data status. */
  problems: string[];
  /** JSON-RPC requests this client sent (eth_chainId checks included); a batch of n counts n. */
  requests(): number;
  /** HTTP requests this client sent: with a batching transport, fewer than its JSON-RPC requests. */
  httpRequests(): number;
}

export interface ChainClientOptions {
  /** Send concurrent requests as one JSON-RPC batch per HTTP request (viem's `http(url, { batch })`). */
  batch?: { batchSize: number };
}

/** JSON-RPC requests in one HTTP body: a batch is an array. */
function rpcCount(body: unknown): number {
  if (typeof body !== 'string' || !body.startsWith('[')) return 1;
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? parsed.length : 1;
  } catch {
    return 1;
  }
}

const hostOf = (u: string) => {
  try {
    return new URL(u).host;
  } catch {
    return u.slice(0, 60);
  }
};

/** Classifies a viem error into a user-facing failure, in our words (no RPC-supplied text beyond a short hint). */
export function rpcFailure(err: unknown, what: string): Failure {
  const e = err as { name?: string; shortMessage?: string; message?: string; status?: number; details?: string } | null;
  const chain = [e, (e as { cause?: unknown } | null)?.cause].filter(Boolean) as Array<typeof e>;
  const names = chain.map((x) => x?.name ?? '');
  const text = (e?.shortMessage ?? e?.message ?? String(err)).split('\n')[0]!;
  if (names.some((n) => n === 'WrongChainError') || chain.some((x) => x instanceof WrongChainError)) return fail('wrong-chain', `${what}: no RPC endpoint on the right chain`);
  if (names.some((n) => n === 'TimeoutError')) return fail('timeout', `${what}: the RPC did not answer in time`);
  if (names.some((n) => n === 'ContractFunctionRevertedError' || n === 'ContractFunctionExecutionError') || /revert/i.test(text)) {
    return fail('revert', `${what}: the contract call reverted`);
  }
  if (e?.status === 429) return fail('rate-limited', `${what}: the RPC rate-limited us (HTTP 429)`);
  return fail('network', `${what}: the RPC request failed (${plainText(text, 60)})`);
}

export class WrongChainError extends Error {
  override name = 'WrongChainError';
}

/** Checked chain ids by endpoint URL, for this worker's lifetime; checks under way, shared. */
const checked = new Map<string, { id: number; at: number }>();
const pending = new Map<string, Promise<number>>();

/** Forgets checked chain ids (tests; a settings change that edits endpoints). */
export function forgetChainIds(): void {
  checked.clear();
  pending.clear();
}

/**
 * An http transport that checks the endpoint's chain id before its first request (cached), and fails with
 * WrongChainError when it is another chain, so `fallback` moves on to the next endpoint.
 */
function checkedHttp(url: string, want: number, count: (body: unknown) => void, problem: (p: string) => void, opts: ChainClientOptions = {}): Transport {
  const base = http(url, {
    timeout: RPC_TIMEOUT_MS,
    retryCount: 0,
    fetchOptions: PRIVATE_FETCH,
    onFetchRequest: (_request, init) => count(init.body),
    ...(opts.batch ? { batch: { batchSize: opts.batch.batchSize } } : {}),
  });
  return (params) => {
    const t = base(params);
    const request: typeof t.request = async (args, options) => {
      const now = Date.now();
      let c = checked.get(url);
      if (!c || now - c.at > CHAIN_ID_TTL_MS) {
        // Jobs that start together share one check of the endpoint.
        let p = pending.get(url);
        if (!p) {
          p = (t.request({ method: 'eth_chainId' }) as Promise<string>).then((hex) => Number(BigInt(hex))).finally(() => pending.delete(url));
          pending.set(url, p);
        }
        try {
          c = { id: await p, at: now };
          checked.set(url, c);
        } catch (err) {
          problem(`${hostOf(url)}: ${rpcFailure(err, 'eth_chainId').message}`);
          throw err;
        }
      }
      if (c.id !== want) {
        problem(`${hostOf(url)} is on chain ${c.id}, not ${want}: not used`);
        throw new WrongChainError(`${hostOf(url)} is on chain ${c.id}`);
      }
      return t.request(args, options);
    };
    return { ...t, request };
  };
}

/**
 * A client for `chain` (`eip155:<id>`) over the given endpoints, or a failure when there is none to try. Nothing is
 * sent until the client is used; then only the first endpoint, and the next ones only if those before them fail.
 */
export function chainClient(chain: string, urls: readonly string[], opts: ChainClientOptions = {}): ChainClient | Failure {
  const want = Number(chain.replace(/^eip155:/, ''));
  if (!/^eip155:\d+$/.test(chain) || !Number.isInteger(want) || want <= 0) return fail('wrong-chain', `${chain} is not an EVM chain`);
  if (urls.length === 0) return fail('no-data', `no RPC endpoint configured for ${chain}`);
  let sent = 0;
  let httpSent = 0;
  const problems: string[] = [];
  const note = (p: string) => {
    if (!problems.includes(p)) problems.push(p);
  };
  const client = createPublicClient({
    transport: fallback(
      urls.map((u) =>
        checkedHttp(
          u,
          want,
          (body) => {
            httpSent++;
            sent += rpcCount(body);
          },
          note,
          opts,
        ),
      ),
      { retryCount: 0 },
    ),
  }) as PublicClient;
  return { client, problems, requests: () => sent, httpRequests: () => httpSent };
}

/** Admin discovery's batch size: a level's code and slot reads (4 per address) leave in a few HTTP requests. */
export const DISCOVERY_BATCH_SIZE = 20;

/**
 * A client whose concurrent requests leave as JSON-RPC batches (admin discovery's eth_getCode and eth_getStorageAt
 * reads), with the same endpoint order, chain-id check and private fetch as chainClient.
 */
export function batchChainClient(chain: string, urls: readonly string[], batchSize = DISCOVERY_BATCH_SIZE): ChainClient | Failure {
  return chainClient(chain, urls, { batch: { batchSize } });
}

export const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11' as const;
export { hostOf as rpcHost };

/** One result of a multicall with `allowFailure: true`. */
export type CallResult = { status: 'success'; result: unknown; error?: undefined } | { status: 'failure'; error: unknown; result?: undefined };
