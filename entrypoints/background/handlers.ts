// Runs in: background. One function per contract message.
import { browser } from 'wxt/browser';
import { REGISTRY_VERSION, TOKENS, getToken } from '../../lib/registry';
import { detectConfig } from '../../lib/registry/detect-config';
import { MISNOMERS } from '../../lib/registry/misnomers';
import { toCardView, toMisnomerView, toRegistryEntry, toRowView } from '../../lib/registry/view';
import { enabledFor } from '../../lib/settings';
import { readSettings } from '../../lib/settings-store';
import type { LiveInput } from '../../lib/registry/view';
import { BENCHMARK_TOKEN, tokenLive } from '../../lib/live/facts';
import { liveState, refreshAll, type LiveState } from '../../lib/live/service';
import type { TokenProfile } from '../../lib/registry/schema';
import { HandlerError, type Handlers } from '../../lib/messaging/server';
import { saveFrameReport, tabCounts } from '../../lib/tab-reports';

const DETECT = { rt: detectConfig(TOKENS, MISNOMERS, { markLst: false }), all: detectConfig(TOKENS, MISNOMERS, { markLst: true }) };
const EMPTY = { tokens: [], misnomers: [], addresses: [] };

function liveInput(t: TokenProfile, state: LiveState, now: Date): LiveInput {
  return { offline: state.offline, live: state.offline ? null : tokenLive(t, state.entries, now, getToken(BENCHMARK_TOKEN)) };
}

async function status() {
  const s = await liveState();
  return {
    offline: s.offline,
    damaged: s.damaged,
    jobs: Object.entries(s.jobs).map(([id, j]) => ({
      id,
      lastRunAt: j.lastRunAt,
      lastOkAt: j.lastOkAt,
      nextDueAt: j.nextDueAt,
      interrupted: j.runningSince !== null,
      failures: j.failures,
      error: j.error,
      notes: j.notes,
    })),
  };
}

export const handlers: Handlers = {
  'page:config': async (_input, ctx) => {
    const settings = await readSettings();
    const enabled = enabledFor(settings, ctx.pageUrl);
    return { enabled, detect: enabled ? (settings.markLst ? DETECT.all : DETECT.rt) : EMPTY };
  },

  'misnomer:card': async ({ id }) => {
    const m = MISNOMERS.find((x) => x.id === id);
    if (!m) throw new HandlerError('not-found', `no misnomer ${id}`);
    return toMisnomerView(m, TOKENS);
  },

  'token:card': async ({ id }) => {
    const token = getToken(id);
    if (!token) throw new HandlerError('not-found', `no token ${id}`);
    const now = new Date();
    return toCardView(token, REGISTRY_VERSION, now, liveInput(token, await liveState(), now));
  },

  'page:open': async ({ page, hash }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(`/${page}.html${hash ? `#${hash}` : ''}`) });
    return { opened: true };
  },

  'tab:report': async ({ counts }, ctx) => {
    if (ctx.tabId === undefined) return { stored: false };
    const known = Object.fromEntries(Object.entries(counts).filter(([id]) => getToken(id)));
    await saveFrameReport(ctx.tabId, ctx.frameId ?? 0, known);
    return { stored: true };
  },

  'live:status': async () => status(),

  'live:refresh': async () => {
    await refreshAll();
    return status();
  },

  'tab:tokens': async ({ tabId }) => {
    const [counts, state] = await Promise.all([tabCounts(tabId), liveState()]);
    const now = new Date();
    return Object.entries(counts).flatMap(([id, count]) => {
      const t = getToken(id);
      return t ? [{ ...toRowView(t, now, liveInput(t, state, now)), count }] : [];
    });
  },

  'registry:list': async () => {
    const state = await liveState();
    const now = new Date();
    return TOKENS.map((t) => toRegistryEntry(t, now, liveInput(t, state, now)));
  },
};
