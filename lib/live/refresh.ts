// Runs in: background, tests. Runs the refresh jobs that are due, one run per job at a time, and records every
// outcome in the cache. Nothing here depends on which page is open: the schedule alone decides what is fetched.
//
// Restart safety (MV3 stops idle service workers, also in the middle of a request):
// - A job's next due time is pushed forward BEFORE it fetches. A worker killed mid-run restarts to find the job
//   not yet due, so restarts never turn into a burst of refetches; the job runs again at its retry time.
// - `runningSince` stays set on a killed run, so the data status can say the last run was interrupted.
import type { FailureKind } from '../sources/http';
import type { Job, JobContext, KeyOutcome } from './jobs';
import { EMPTY_JOB, putFail, putOk, type JobState, type LiveStore } from './store';
import { plainText } from '../text';

/** Wait before retrying a job whose run was interrupted or failed for the first time. */
export const RETRY_MIN = 2;
/** Longest wait after repeated failures or a rate limit. */
export const MAX_BACKOFF_MIN = 6 * 60;

const MIN = 60_000;

export function backoffMin(failures: number, periodMin: number, retryAfterS?: number): number {
  const exp = Math.min(RETRY_MIN * 2 ** Math.max(0, failures - 1), Math.max(periodMin, RETRY_MIN));
  const asked = retryAfterS !== undefined ? Math.ceil(retryAfterS / 60) : 0;
  return Math.min(Math.max(exp, asked), MAX_BACKOFF_MIN);
}

export interface RefresherOptions {
  store: LiveStore;
  jobs: Job[];
  context: () => Promise<JobContext>;
  now?: () => Date;
  /**
   * The user's refresh interval (settings.refreshMinutes): after a success no job runs again sooner than this; a job
   * with a longer period keeps its own. Backoff after a failure is not affected.
   */
  minPeriodMin?: () => Promise<number>;
}

export class Refresher {
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly now: () => Date;

  constructor(private readonly o: RefresherOptions) {
    this.now = o.now ?? (() => new Date());
  }

  /** Jobs whose next due time has come (or that never ran). */
  async due(): Promise<Job[]> {
    const { jobs } = await this.o.store.read();
    const t = this.now().getTime();
    return this.o.jobs.filter((j) => {
      const s = jobs[j.id];
      return !s?.nextDueAt || Date.parse(s.nextDueAt) <= t;
    });
  }

  /** Runs every due job (concurrently); returns the ids run. */
  async runDue(): Promise<string[]> {
    const due = await this.due();
    await Promise.all(due.map((j) => this.run(j.id)));
    return due.map((j) => j.id);
  }

  /** Runs one job now, or joins its run already in flight. */
  run(id: string): Promise<void> {
    const running = this.inflight.get(id);
    if (running) return running;
    const job = this.o.jobs.find((j) => j.id === id);
    if (!job) return Promise.reject(new Error(`no job ${id}`));
    const p = this.execute(job).finally(() => this.inflight.delete(id));
    this.inflight.set(id, p);
    return p;
  }

  /**
   * Re-plans after the refresh interval changed: a job whose last run succeeded is next due one period (its own, or
   * the user's minimum when longer) after that success. Failed and interrupted runs keep their retry time.
   */
  async replan(): Promise<void> {
    const minPeriod = await this.minPeriod();
    const planned = (j: Job, s: JobState | undefined): string | null =>
      s?.nextDueAt && s.lastOkAt && s.failures === 0 && s.runningSince === null
        ? new Date(Date.parse(s.lastOkAt) + Math.max(j.periodMin, minPeriod) * MIN).toISOString()
        : null;
    const stale = ({ jobs }: { jobs: Record<string, JobState> }) =>
      this.o.jobs.filter((j) => {
        const at = planned(j, jobs[j.id]);
        return at !== null && at !== jobs[j.id]?.nextDueAt;
      });
    if (!stale(await this.o.store.read()).length) return;
    await this.o.store.update((state) => {
      for (const j of stale(state)) state.jobs[j.id] = { ...state.jobs[j.id]!, nextDueAt: planned(j, state.jobs[j.id]) };
    });
  }

  /** Earliest next due time over all jobs (for the alarm), or null when none is scheduled. */
  async nextDue(): Promise<Date | null> {
    const { jobs } = await this.o.store.read();
    const times = this.o.jobs.map((j) => jobs[j.id]?.nextDueAt).map((d) => (d ? Date.parse(d) : this.now().getTime()));
    return times.length ? new Date(Math.min(...times)) : null;
  }

  /** The user's minimum period (0: none). A failure to read it leaves each job its own period. */
  private async minPeriod(): Promise<number> {
    try {
      return (await this.o.minPeriodMin?.()) ?? 0;
    } catch {
      return 0;
    }
  }

  private async execute(job: Job): Promise<void> {
    const started = this.now();
    const at = started.toISOString();
    // Claim the run first: a worker killed from here on does not retry before RETRY_MIN.
    await this.o.store.update(({ jobs }) => {
      const s = jobs[job.id] ?? EMPTY_JOB;
      jobs[job.id] = { ...s, runningSince: at, lastRunAt: at, nextDueAt: new Date(started.getTime() + RETRY_MIN * MIN).toISOString() };
    });
    // After a success: the job's own period, or the user's minimum when that is longer.
    const periodMin = Math.max(job.periodMin, await this.minPeriod());
    let ctx: JobContext;
    let outcomes: KeyOutcome[] = [];
    let failure: { kind: FailureKind; message: string; retryAfterS?: number } | null = null;
    let notes: string[] = [];
    let requests = 0;
    try {
      ctx = await this.o.context();
      const res = await job.run(ctx);
      outcomes = res.outcomes;
      notes = res.notes;
      requests = res.requests;
      if (res.failure) failure = res.failure;
      // Every key failed (each request on its own): the job failed, and backs off like one.
      const first = outcomes[0];
      if (!failure && first && !first.ok && outcomes.every((o) => !o.ok)) {
        failure = { kind: first.kind, message: outcomes.length > 1 ? `all ${outcomes.length} requests failed, e.g. ${first.message}` : first.message };
      }
      if (res.failure) outcomes.push(...job.keys(ctx).filter((k) => !outcomes.some((o) => o.key === k)).map((k) => ({ key: k, ok: false as const, kind: res.failure!.kind, message: res.failure!.message })));
    } catch (err) {
      // A bug or an unexpected throw: recorded like any failure, never propagated to the worker.
      failure = { kind: 'network', message: `${job.id} failed unexpectedly: ${err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200)}` };
    }
    const done = this.now();
    const doneAt = done.toISOString();
    await this.o.store.update(({ entries, jobs }) => {
      for (const o of outcomes) {
        if (o.ok) putOk(entries, o.key, o.value, o.source, doneAt);
        else putFail(entries, o.key, o.kind, o.message, doneAt);
      }
      const s: JobState = jobs[job.id] ?? EMPTY_JOB;
      const failures = failure ? s.failures + 1 : 0;
      const wait = failure ? backoffMin(failures, job.periodMin, failure.retryAfterS) : periodMin;
      jobs[job.id] = {
        ...s,
        runningSince: null,
        lastRunAt: at,
        lastOkAt: failure ? s.lastOkAt : doneAt,
        nextDueAt: new Date(done.getTime() + wait * MIN).toISOString(),
        failures,
        error: failure ? { kind: failure.kind, message: plainText(failure.message, 500), at: doneAt } : null,
        notes: notes.slice(0, 10).map((n) => plainText(n, 300)),
        requests,
      };
    });
  }
}
