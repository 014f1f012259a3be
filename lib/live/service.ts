// Runs in: background. Wires the live-data pieces to the browser: the cache in storage.local, the schedule in
// alarms, the user's settings (offline mode, own RPC endpoints) and, in e2e builds only, endpoint overrides that
// point every source at local test services.
import { DEV_ENDPOINTS_KEY } from '../storage-keys';
import { browser } from 'wxt/browser';
import { TOKENS } from '../registry';
import type { Settings } from '../settings';
import { readSettings } from '../settings-store';
import { DEFAULT_ENDPOINTS, withUserRpc, type Endpoints } from '../sources/endpoints';
import { allJobs, type JobContext } from './jobs';
import { Refresher } from './refresh';
import { rateSampleStore } from './rate-apy';
import { LiveStore, type Entries, type JobState } from './store';

export const ALARM = 'live:next';
/** A safety net in case a one-off alarm is lost: wake at least this often while the browser runs. */
export const SAFETY_ALARM = 'live:tick';
export { DEV_ENDPOINTS_KEY };

const E2E = import.meta.env.MODE === 'e2e';

export const store = new LiveStore({
  get: (keys) => browser.storage.local.get(keys),
  set: (items) => browser.storage.local.set(items),
});

/** The user's RPC endpoints that they granted host access to; the others are reported, not used. */
async function grantedRpc(settings: Settings): Promise<{ rpc: Record<string, string[]>; notes: string[] }> {
  const rpc: Record<string, string[]> = {};
  const notes: string[] = [];
  for (const [chain, urls] of Object.entries(settings.rpc)) {
    const ok: string[] = [];
    for (const url of urls) {
      const origin = `${new URL(url).origin}/*`;
      if (E2E || (await browser.permissions.contains({ origins: [origin] }))) ok.push(url);
      else notes.push(`${new URL(url).host}: host permission not granted, using the default endpoints`);
    }
    if (ok.length) rpc[chain] = ok;
  }
  return { rpc, notes };
}

/** e2e builds only: the local test services' endpoints, once the test has written them. */
async function devEndpoints(): Promise<Partial<Endpoints> | null> {
  if (!E2E) return null;
  const raw = (await browser.storage.local.get(DEV_ENDPOINTS_KEY))[DEV_ENDPOINTS_KEY];
  return raw && typeof raw === 'object' ? (raw as Partial<Endpoints>) : null;
}

/** An e2e build never contacts the real hosts: it waits until the test points it at local services. */
async function mayFetch(settings: Settings): Promise<boolean> {
  return !settings.offline && (!E2E || (await devEndpoints()) !== null);
}

async function endpoints(settings: Settings): Promise<{ endpoints: Endpoints; notes: string[] }> {
  // An e2e build uses only what the test named: an optional source it leaves out (the aggregator) is not asked at
  // all, never its real host.
  const base: Endpoints = E2E ? { ...DEFAULT_ENDPOINTS, aggregator: undefined, ...(await devEndpoints()) } : DEFAULT_ENDPOINTS;
  const { rpc, notes } = await grantedRpc(settings);
  return { endpoints: withUserRpc(base, rpc), notes };
}

/** Rate samples as one storage.local record per token: a refresh rewrites one small record, not the live cache. */
const rateSamples = rateSampleStore({
  get: async (k) => (await browser.storage.local.get(k))[k],
  set: (k, v) => browser.storage.local.set({ [k]: v }),
});

export const refresher = new Refresher({
  store,
  jobs: allJobs(),
  context: async (): Promise<JobContext> => {
    const { endpoints: e, notes } = await endpoints(await readSettings());
    return { tokens: TOKENS, endpoints: e, endpointNotes: notes, now: () => new Date(), cached: async () => (await store.read()).entries, rateSamples };
  },
  minPeriodMin: async () => (await readSettings()).refreshMinutes,
});

type RefreshListener = () => Promise<void>;
const refreshListeners: RefreshListener[] = [];

/** `fn` runs after every tick and every refreshAll (depeg alerts, toolbar badges). Its failure stays its own. */
export function onRefreshed(fn: RefreshListener): void {
  refreshListeners.push(fn);
}

async function refreshed(): Promise<void> {
  for (const fn of refreshListeners) {
    try {
      await fn();
    } catch (err) {
      console.error('[restake-lens] after-refresh step failed', err);
    }
  }
}

/** Runs what is due (unless offline), then sets the alarm for the next due job. Never throws. */
export async function tick(): Promise<void> {
  try {
    const settings = await readSettings();
    await refresher.replan(); // the refresh interval may have changed
    if (await mayFetch(settings)) await refresher.runDue();
    await schedule(settings);
  } catch (err) {
    console.error('[restake-lens] live refresh failed', err);
  }
  await refreshed();
}

async function schedule(settings: Settings): Promise<void> {
  if (settings.offline) {
    await browser.alarms.clear(ALARM);
    return;
  }
  const next = await refresher.nextDue();
  // Chrome does not fire alarms sooner than 30 s.
  const when = Math.max(next?.getTime() ?? Date.now() + 10 * 60_000, Date.now() + 30_000);
  await browser.alarms.create(ALARM, { when });
}

export async function start(): Promise<void> {
  try {
    await browser.alarms.create(SAFETY_ALARM, { periodInMinutes: 30 });
  } catch (err) {
    console.error('[restake-lens] could not set the safety alarm', err);
  }
  await tick();
}

/** Runs every job now (the user's "Refresh now"), de-duplicated with any run in flight. */
export async function refreshAll(): Promise<void> {
  const settings = await readSettings();
  if (!(await mayFetch(settings))) return;
  await Promise.all(allJobs().map((j) => refresher.run(j.id)));
  await schedule(settings);
  await refreshed();
}

export interface LiveState {
  entries: Entries;
  jobs: Record<string, JobState>;
  offline: boolean;
  /** settings.refreshMinutes: how long figures count as fresh scales with it (lib/live/facts.ts freshLimits). */
  refreshMinutes: number;
  damaged: string[];
}

export async function liveState(): Promise<LiveState> {
  const [{ entries, jobs }, settings] = await Promise.all([store.read(), readSettings()]);
  return { entries, jobs, offline: settings.offline, refreshMinutes: settings.refreshMinutes, damaged: [...store.damaged] };
}
