// Runs in: background. One function per contract message.
import { REGISTRY_VERSION, TOKENS, getToken } from '../../lib/registry';
import { toCardView } from '../../lib/registry/view';
import { HandlerError, type Handlers } from '../../lib/messaging/server';
import { saveFrameReport, tabCounts } from '../../lib/tab-reports';

const SYMBOLS = TOKENS.filter((t) => t.category !== 'lst').map((t) => ({ id: t.id, symbol: t.symbol, aliases: t.aliases }));

export const handlers: Handlers = {
  'page:config': async () => ({ enabled: true, symbols: SYMBOLS }),

  'token:card': async ({ id }) => {
    const token = getToken(id);
    if (!token) throw new HandlerError('not-found', `no token ${id}`);
    return toCardView(token, REGISTRY_VERSION);
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
      return t ? [{ id, symbol: t.symbol, name: t.name, issuer: t.issuer, count }] : [];
    });
  },
};
