// The user's refresh interval (settings.refreshMinutes) against the Refresher with a real LiveStore over an
// in-memory storage.local: no job runs again sooner than the interval after a success, jobs with a longer period keep
// theirs, backoff after a failure is unchanged, and a changed interval re-plans jobs already scheduled.
import { describe, expect, test } from 'vitest';
import type { Job, JobContext, JobRun } from '../../../../lib/live/jobs';
import { Refresher, RETRY_MIN } from '../../../../lib/live/refresh';
import { LiveStore, type KeyValue } from '../../../../lib/live/store';

const T0 = Date.parse('2026-11-21T12:00:00Z');
const MIN = 60_000;

function memory(): KeyValue {
  const data: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

/** A job that fetches nothing: it succeeds, or fails as a whole while `failing.on` is set. Counts its runs. */
function job(id: string, periodMin: number, failing = { on: false }): Job & { runs: number } {
  const j = {
    id,
    periodMin,
    runs: 0,
    keys: () => [],
    async run(): Promise<JobRun> {
      j.runs++;
      return failing.on
        ? { outcomes: [], failure: { ok: false, kind: 'http', message: 'HTTP 500 from test' }, notes: [], requests: 1 }
        : { outcomes: [], failure: null, notes: [], requests: 1 };
    },
  };
  return j;
}

function harness(jobs: Job[], minutes: { value: number } | null) {
  const clock = { t: T0 };
  const now = () => new Date(clock.t);
  const store = new LiveStore(memory());
  const ctx: JobContext = { tokens: [], endpoints: { coins: '', yields: '', api: '', rpc: {} }, now };
  const refresher = new Refresher({
    store,
    jobs,
    context: async () => ctx,
    now,
    ...(minutes ? { minPeriodMin: async () => minutes.value } : {}),
  });
  const nextDueAt = async (id: string) => {
    const at = (await store.read()).jobs[id]?.nextDueAt;
    return at ? (Date.parse(at) - clock.t) / MIN : null;
  };
  const dueIds = async () => (await refresher.due()).map((j) => j.id).sort();
  return { clock, store, refresher, nextDueAt, dueIds };
}

describe('refresh interval', () => {
  test('without a user minimum every job keeps its own period', async () => {
    const h = harness([job('fast', 10), job('slow', 60)], null);
    await h.refresher.runDue();
    expect(await h.nextDueAt('fast')).toBe(10);
    expect(await h.nextDueAt('slow')).toBe(60);
  });

  test('effective period = max(job period, refreshMinutes): a 10-min job waits 60, a 180-min job keeps 180', async () => {
    const fast = job('fast', 10);
    const slow = job('slow', 180);
    const h = harness([fast, slow], { value: 60 });
    expect(await h.refresher.runDue()).toEqual(['fast', 'slow']);
    expect(await h.nextDueAt('fast')).toBe(60);
    expect(await h.nextDueAt('slow')).toBe(180);
    expect((await h.refresher.nextDue())?.getTime()).toBe(T0 + 60 * MIN);

    h.clock.t = T0 + 59 * MIN;
    expect(await h.dueIds()).toEqual([]);
    expect(await h.refresher.runDue()).toEqual([]);
    h.clock.t = T0 + 60 * MIN;
    expect(await h.dueIds()).toEqual(['fast']);
    await h.refresher.runDue();
    expect(fast.runs).toBe(2);
    expect(slow.runs).toBe(1);
  });

  test('backoff after a failure is unaffected by a long interval', async () => {
    const failing = { on: true };
    const flaky = job('flaky', 10, failing);
    const h = harness([flaky], { value: 1440 });
    await h.refresher.runDue();
    expect(await h.nextDueAt('flaky')).toBe(RETRY_MIN);
    h.clock.t += RETRY_MIN * MIN;
    expect(await h.dueIds()).toEqual(['flaky']);
    // It recovers: from then on the user's interval applies.
    failing.on = false;
    await h.refresher.runDue();
    expect(await h.nextDueAt('flaky')).toBe(1440);
  });

  test('a changed interval re-plans jobs already scheduled, both ways; failed runs keep their retry time', async () => {
    const minutes = { value: 10 };
    const failing = { on: false };
    const h = harness([job('fast', 10), job('slow', 60), job('flaky', 10, failing)], minutes);
    await h.refresher.runDue();
    failing.on = true;
    await h.refresher.run('flaky');
    expect(await h.nextDueAt('fast')).toBe(10);
    expect(await h.nextDueAt('flaky')).toBe(RETRY_MIN);

    minutes.value = 180;
    await h.refresher.replan();
    expect(await h.nextDueAt('fast')).toBe(180);
    expect(await h.nextDueAt('slow')).toBe(180);
    expect(await h.nextDueAt('flaky')).toBe(RETRY_MIN);
    h.clock.t = T0 + 10 * MIN;
    expect(await h.dueIds()).toEqual(['flaky']);

    minutes.value = 30;
    await h.refresher.replan();
    // Planned from the last success (T0), so with 10 minutes gone the 30-min wait has 20 left; the 60-min job keeps 60.
    expect(await h.nextDueAt('fast')).toBe(20);
    expect(await h.nextDueAt('slow')).toBe(50);
  });

  test('replan writes nothing when the plan already matches', async () => {
    const h = harness([job('fast', 10)], { value: 30 });
    await h.refresher.runDue();
    const before = JSON.stringify(await h.store.read());
    let writes = 0;
    const original = h.store.update.bind(h.store);
    h.store.update = (fn) => {
      writes++;
      return original(fn);
    };
    await h.refresher.replan();
    expect(writes).toBe(0);
    expect(JSON.stringify(await h.store.read())).toBe(before);
  });

  test('a setting that cannot be read leaves each job its own period', async () => {
    const store = new LiveStore(memory());
    const now = () => new Date(T0);
    const refresher = new Refresher({
      store,
      jobs: [job('fast', 10)],
      context: async () => ({ tokens: [], endpoints: { coins: '', yields: '', api: '', rpc: {} }, now }),
      now,
      minPeriodMin: async () => {
        throw new Error('storage unavailable');
      },
    });
    await refresher.runDue();
    expect(Date.parse((await store.read()).jobs.fast!.nextDueAt!)).toBe(T0 + 10 * MIN);
  });
});
