// Runs in: background, tests. The backing refresh jobs (issue 16): every listed protocol's asset mix (hourly; a
// mix moves with deposits and withdrawals, slowly) and every curated LayerZero route's verifier set (daily; a DVN
// change is an owner transaction, rare but decisive). Each token is its own key; eETH and weETH share ether.fi's
// pool, so both get its mix.
import { BACKING_SPECS } from '../registry/backing';
import { CONTROLS, lzRoutesOf } from '../registry/controls';
import { lzDeployment } from '../registry/layerzero';
import { readBacking } from '../sources/backing';
import { readLzRoutes, routeKey } from '../sources/bridges';
import type { Failure } from '../sources/http';
import { chainClient } from '../sources/rpc';
import type { LzRoutesValue } from './backing-values';
import type { Job, JobContext, JobRun, KeyOutcome } from './jobs';
import { key } from './keys';
import { JOB_PERIOD_MIN } from './periods';

const whole = (failure: Failure, notes: string[] = [], requests = 0): JobRun => ({ outcomes: [], failure, notes, requests });
const failed = (k: string, f: { kind: Failure['kind']; message: string }): KeyOutcome => ({ key: k, ok: false, kind: f.kind, message: f.message });

/** The backing specs on `chain` for the tokens being refreshed, each with only those tokens. */
function specsOn(ctx: JobContext, chain: string) {
  const ids = new Set(ctx.tokens.map((t) => t.id));
  return BACKING_SPECS.filter((e) => e.chain === chain && e.spec.tokens.some((t) => ids.has(t))).map((e) => ({ ...e, spec: { ...e.spec, tokens: e.spec.tokens.filter((t) => ids.has(t)) } }));
}

export const backingJob = (chain: string): Job => ({
  id: `backing:${chain}`,
  periodMin: JOB_PERIOD_MIN.backing,
  keys: (ctx) => specsOn(ctx, chain).flatMap((e) => e.spec.tokens.map(key.backing)),
  async run(ctx) {
    const specs = specsOn(ctx, chain);
    if (!specs.length) return { outcomes: [], failure: null, notes: [], requests: 0 };
    const cc = chainClient(chain, ctx.endpoints.rpc[chain] ?? []);
    if ('ok' in cc) return whole(cc, ctx.endpointNotes);
    const res = await readBacking(cc.client, chain, specs, ctx.now);
    const notes = [...(ctx.endpointNotes ?? []), ...cc.problems];
    if (!res.ok) return whole(res, notes, cc.requests());
    const outcomes = specs.flatMap((e) => {
      const o = res.data[e.protocol];
      return e.spec.tokens.map((t): KeyOutcome => {
        if (!o) return failed(key.backing(t), { kind: 'revert', message: `${e.protocol}: not read` });
        return o.ok ? { key: key.backing(t), ok: true, value: o.data, source: o.data.sources[0]! } : failed(key.backing(t), o);
      });
    });
    return { failure: null, notes, requests: cc.requests(), outcomes };
  },
});

/** Tokens with verified LayerZero routes on `chain`, for the tokens being refreshed. */
function routedOn(ctx: JobContext, chain: string) {
  const ids = new Set(ctx.tokens.map((t) => t.id));
  return CONTROLS.filter((c) => c.chain === chain && ids.has(c.token) && lzRoutesOf(c).length > 0);
}

export const lzRoutesJob = (chain: string): Job => ({
  id: `lz-routes:${chain}`,
  periodMin: JOB_PERIOD_MIN.lzRoutes,
  keys: (ctx) => routedOn(ctx, chain).map((c) => key.lzRoutes(c.token)),
  async run(ctx) {
    const tokens = routedOn(ctx, chain);
    const deployment = lzDeployment(chain);
    if (!tokens.length || !deployment) return { outcomes: [], failure: null, notes: [], requests: 0 };
    const cc = chainClient(chain, ctx.endpoints.rpc[chain] ?? []);
    if ('ok' in cc) return whole(cc, ctx.endpointNotes);
    // One read for every token's routes: the same endpoint and library, one block.
    const all = tokens.flatMap((c) => lzRoutesOf(c));
    const res = await readLzRoutes(cc.client, deployment, all, ctx.now);
    const notes = [...(ctx.endpointNotes ?? []), ...cc.problems];
    if (!res.ok) return whole(res, notes, cc.requests());
    const outcomes = tokens.map((c): KeyOutcome => {
      const value: LzRoutesValue = { routes: [], unread: [] };
      for (const r of lzRoutesOf(c)) {
        const o = res.data[routeKey(r)];
        if (o?.ok) value.routes.push(o.data);
        else value.unread.push({ oapp: r.oapp, remoteEid: r.remoteEid, reason: (o?.message ?? 'not read').slice(0, 300) });
      }
      const first = value.routes[0]?.config;
      if (!first) return failed(key.lzRoutes(c.token), { kind: 'revert', message: `no LayerZero route of ${c.token} could be read (${value.unread.length} tried)` });
      return { key: key.lzRoutes(c.token), ok: true, value, source: first };
    });
    return { failure: null, notes, requests: cc.requests(), outcomes };
  },
});

export const backingJobs = (): Job[] => [backingJob('eip155:1'), lzRoutesJob('eip155:1')];
