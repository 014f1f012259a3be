// Runs in: background. One function per contract message.
import { showToken } from '../../lib/messaging/to-content';
import { browser } from 'wxt/browser';
import { REGISTRY_VERSION, TOKENS, getToken } from '../../lib/registry';
import { MISNOMERS } from '../../lib/registry/misnomers';
import { toCardView, toMisnomerView, toRegistryEntry } from '../../lib/views/build';
import { cardTree } from '../../lib/views/card-tree';
import cardCss from '../../assets/card.css?inline';
import { liveState, refreshAll } from '../../lib/live/service';
import { HandlerError, type Handlers } from '../../lib/messaging/server';
import { saveFrameLimits, saveFrameReport, tabLimits } from '../../lib/tab-reports';
import { rateLimiter } from '../../lib/rate-limit';
import { updateBadge } from './badge';
import { liveInput, tabRows } from './rows';
import { pageConfig } from './page-config';

/** Extension pages a web page's card may open: two per tab in any 10 s (the card also needs the user's click). */
export const PAGE_OPENS = rateLimiter(2, 10_000);

function misnomerView(id: string) {
  const m = MISNOMERS.find((x) => x.id === id);
  if (!m) throw new HandlerError('not-found', `no misnomer ${id}`);
  return toMisnomerView(m, TOKENS);
}

async function cardView(id: string) {
  const token = getToken(id);
  if (!token) throw new HandlerError('not-found', `no token ${id}`);
  const now = new Date();
  return toCardView(token, REGISTRY_VERSION, now, liveInput(token, await liveState(), now));
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
  'page:config': async (_input, ctx) => pageConfig(ctx.pageUrl),

  'card:render': async ({ id, impostor, css }) => {
    const tree = id.startsWith('misnomer-')
      ? cardTree({ status: 'misnomer', view: misnomerView(id) })
      : cardTree({ status: 'ready', view: await cardView(id), ...(impostor ? { impostor: { address: impostor } } : {}) });
    return { tree, ...(css ? { css: cardCss } : {}) };
  },

  'misnomer:card': async ({ id }) => misnomerView(id),

  'token:card': async ({ id }) => cardView(id),

  'page:open': async ({ page, hash }, ctx) => {
    if (ctx.caller === 'content' && !PAGE_OPENS.take(ctx.tabId ?? -1, Date.now())) return { opened: false };
    await browser.tabs.create({ url: browser.runtime.getURL(`/${page}.html${hash ? `#${hash}` : ''}`) });
    return { opened: true };
  },

  'tab:report': async ({ counts, limits }, ctx) => {
    if (ctx.tabId === undefined) return { stored: false };
    const known = Object.fromEntries(Object.entries(counts).filter(([id]) => getToken(id)));
    await saveFrameReport(ctx.tabId, ctx.frameId ?? 0, known);
    await saveFrameLimits(ctx.tabId, ctx.frameId ?? 0, limits ?? []);
    await updateBadge(ctx.tabId);
    return { stored: true };
  },

  'live:status': async () => status(),

  'live:refresh': async () => {
    await refreshAll();
    return status();
  },

  'tab:tokens': async ({ tabId }) => tabRows(tabId),

  'tab:limits': async ({ tabId }) => tabLimits(tabId),

  'tab:show': async ({ tabId, id }) => {
    // The same path as the "next mention" shortcut: the top frame only. A tab without our script cannot answer.
    const reply: unknown = await browser.tabs.sendMessage(tabId, showToken(id), { frameId: 0 }).catch(() => null);
    return { shown: typeof reply === 'object' && reply !== null && (reply as { shown?: unknown }).shown === true };
  },

  'registry:list': async () => {
    const state = await liveState();
    const now = new Date();
    return TOKENS.map((t) => toRegistryEntry(t, now, liveInput(t, state, now)));
  },
};
