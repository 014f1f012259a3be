// Runs in: background, tests. The daily admin discovery job (issue 16): for every token with curated controls
// (lib/registry/controls.ts) on a chain with RPC endpoints, who can upgrade or re-point the contracts that matter,
// read by lib/sources/admin.ts through a batching client (each level's code and slot reads leave as JSON-RPC
// batches). The entry keeps the latest discovery and the changes seen against the one before it ("changed, seen on
// <date>"), bounded; a failed run keeps the last good discovery and its changes.
import type { Address } from 'viem';
import { CONTROLS, discoveryInput, type TokenControls } from '../registry/controls';
import type { TokenProfile } from '../registry/schema';
import { diffDiscoveries, discoverAdmin, type Change, type Discovery } from '../sources/admin';
import type { Failure } from '../sources/http';
import { batchChainClient } from '../sources/rpc';
import type { Job, JobContext, JobRun, KeyOutcome } from './jobs';
import { key } from './keys';
import { JOB_PERIOD_MIN } from './periods';
import type { Entries, ValueOf } from './store';
import { ADMIN_CHANGES_MAX, ADMIN_CHANGES_MAX_AGE_DAYS } from './admin-value';

const DAY_MS = 86_400_000;

/**
 * Tokens that share another token's controls: eETH is what weETH wraps, and the weETH list names eETH, its
 * LiquidityPool and withdrawal contracts, so both cards read the same discovery.
 */
export const SHARED_CONTROLS: Readonly<Record<string, string>> = { eeth: 'weeth' };

/** The controls a token's Admin petal rests on: its own, or those it shares. */
export function controlsOf(tokenId: string): TokenControls | null {
  const id = SHARED_CONTROLS[tokenId] ?? tokenId;
  return CONTROLS.find((c) => c.token === id) ?? null;
}

/** Controls to read on `chain`: those of the tokens being refreshed (a token sharing controls brings its owner's). */
export function controlledOn(tokens: readonly TokenProfile[], chain: string): TokenControls[] {
  const ids = new Set(tokens.map((t) => SHARED_CONTROLS[t.id] ?? t.id));
  return CONTROLS.filter((c) => c.chain === chain && ids.has(c.token));
}

/** Failures that say the endpoint, not one token, is the problem: the rest of the run would only wait for them too. */
const ENDPOINT_DOWN = new Set<Failure['kind']>(['network', 'timeout', 'rate-limited', 'wrong-chain']);

/**
 * The changes to keep: those between the previous discovery and this one, newest first, then the earlier ones,
 * at most ADMIN_CHANGES_MAX and none older than ADMIN_CHANGES_MAX_AGE_DAYS.
 */
export function mergeChanges(prev: ValueOf<'admin'> | null, next: Discovery, now: Date): Change[] {
  const fresh = prev && prev.discovery.chain === next.chain ? diffDiscoveries(prev.discovery as Discovery, next) : [];
  const earlier = (prev?.changes ?? []) as Change[];
  const cutoff = now.getTime() - ADMIN_CHANGES_MAX_AGE_DAYS * DAY_MS;
  return [...fresh, ...earlier].filter((c) => Date.parse(c.seenAt) >= cutoff).slice(0, ADMIN_CHANGES_MAX);
}

const failed = (k: string, f: { kind: Failure['kind']; message: string }): KeyOutcome => ({ key: k, ok: false, kind: f.kind, message: f.message });

export function adminJob(chain: string): Job {
  return {
    id: `admin:${chain}`,
    periodMin: JOB_PERIOD_MIN.admin,
    keys: (ctx) => controlledOn(ctx.tokens, chain).map((c) => key.admin(c.token)),
    async run(ctx: JobContext): Promise<JobRun> {
      const list = controlledOn(ctx.tokens, chain);
      if (!list.length) return { outcomes: [], failure: null, notes: [], requests: 0 };
      const cc = batchChainClient(chain, ctx.endpoints.rpc[chain] ?? []);
      if ('ok' in cc) return { outcomes: [], failure: cc, notes: ctx.endpointNotes ?? [], requests: 0 };
      const entries: Entries = (await ctx.cached?.()) ?? {};
      const outcomes: KeyOutcome[] = [];
      let failure: Failure | null = null;
      // One token at a time: each discovery is a few rounds at its own block, and a public RPC is shared.
      for (const c of list) {
        const k = key.admin(c.token);
        const { roots, hints } = discoveryInput(c);
        const res = await discoverAdmin(cc.client, chain, roots as Address[], { hints, now: ctx.now });
        if (!res.ok) {
          outcomes.push(failed(k, res));
          if (ENDPOINT_DOWN.has(res.kind)) {
            failure = res;
            break;
          }
          continue;
        }
        const prevEntry = entries[k];
        const prev = prevEntry?.okAt && prevEntry.value ? (prevEntry.value as ValueOf<'admin'>) : null;
        const value: ValueOf<'admin'> = { token: c.token, discovery: res.data, changes: mergeChanges(prev, res.data, ctx.now()) };
        const first = res.data.nodes[res.data.roots[0]!];
        outcomes.push({ key: k, ok: true, value, source: first!.code.source });
      }
      const notes = [...(ctx.endpointNotes ?? []), ...cc.problems, `admin discovery: ${cc.requests()} JSON-RPC requests in ${cc.httpRequests()} HTTP requests for ${list.length} tokens`];
      return { outcomes, failure, notes, requests: cc.requests() };
    },
  };
}

/** One admin job per chain that has curated controls. */
export const adminJobs = (): Job[] => [...new Set(CONTROLS.map((c) => c.chain))].map(adminJob);
