// Runs in: background. One function per contract message.
import { browser } from 'wxt/browser';
import { REGISTRY_VERSION, TOKENS, getToken } from '../../lib/registry';
import { summary, toCardView } from '../../lib/registry/view';
import { rate } from '../../lib/risk/rate';
import { HandlerError, type Handlers } from '../../lib/messaging/server';
import { saveFrameReport, tabCounts } from '../../lib/tab-reports';

const SYMBOLS = TOKENS.filter((t) => t.category !== 'lst').map((t) => ({ id: t.id, symbol: t.symbol, aliases: t.aliases }));

export const handlers: Handlers = {
  'page:config': async () => ({ enabled: true, symbols: SYMBOLS }),

  'token:card': async ({ id }) => {
    const token = getToken(id);
    if (!token) throw new HandlerError('not-found', `no token ${id}`);
    return toCardView(token, REGISTRY_VERSION, new Date());
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

  'tab:tokens': async ({ tabId }) => {
    const counts = await tabCounts(tabId);
    return Object.entries(counts).flatMap(([id, count]) => {
      const t = getToken(id);
      return t ? [{ id, symbol: t.symbol, name: t.name, issuer: t.issuer, count, rating: summary(rate(t, new Date())) }] : [];
    });
  },
};
