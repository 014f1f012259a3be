// Runs in: background. Validates envelope, caller and input of every message, then calls its handler.
// Handlers never see unvalidated data and never throw across the boundary: every outcome is a Reply.
import { Envelope, contract, type Caller, type Input, type MessageName, type Output, type Reply } from './contract';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** Chrome: the sending frame's origin (for about:blank and srcdoc frames, the origin they inherit). */
  origin?: string;
}

export interface CallContext {
  caller: Caller;
  tabId?: number;
  frameId?: number;
  /**
   * The page the sender belongs to: the tab's top-level URL when the browser tells us, else the frame's own URL.
   * Settings that are per site (on/off) follow it.
   */
  pageUrl?: string;
}

export type Handlers = { [N in MessageName]: (input: Input<N>, ctx: CallContext) => Promise<Output<N>> };

export class HandlerError extends Error {
  constructor(
    readonly code: 'not-found' | 'bad-input',
    message: string,
  ) {
    super(message);
  }
}

/** Who sent this: one of our extension pages, one of our content scripts in a web page, or nobody we trust. */
export function callerOf(sender: SenderInfo, runtimeId: string, extensionOrigin: string): Caller | null {
  if (sender.id !== runtimeId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'ui';
  // Content scripts run in web pages, and in the about:blank / srcdoc frames those pages create.
  if (sender.tab && (/^https?:\/\//.test(url) || /^about:(blank|srcdoc)(#|$)/.test(url))) return 'content';
  return null;
}

const web = (u: string | undefined) => (u && /^https?:\/\//.test(u) ? u : undefined);

/**
 * The page a content sender belongs to, for per-site settings: the tab's URL when the browser gives it, else the
 * frame's own web URL, else its (inherited) origin; `hint` is the content script's own `location.origin`, used
 * last, for about:blank and srcdoc frames in browsers that report neither.
 */
export function pageUrlOf(sender: SenderInfo, hint?: string): string | undefined {
  return web(sender.tab?.url) ?? web(sender.url) ?? web(sender.origin) ?? web(hint);
}

const isName = (name: string): name is MessageName => Object.hasOwn(contract, name);

/**
 * Returns undefined for messages that are not ours (not in our envelope), so they get no reply at all;
 * otherwise a Reply.
 */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: SenderInfo,
  runtimeId: string,
  extensionOrigin: string,
): Promise<Reply | undefined> {
  const env = Envelope.safeParse(message);
  if (!env.success) return undefined;
  const { name, input } = env.data;
  if (!isName(name)) return { ok: false, error: 'unknown-message', message: name.slice(0, 64) };
  const caller = callerOf(sender, runtimeId, extensionOrigin);
  const spec = contract[name];
  if (!caller || !(spec.callers as readonly Caller[]).includes(caller)) {
    return { ok: false, error: 'forbidden', message: `${name} is not allowed from this sender` };
  }
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'bad-input', message: parsed.error.message.slice(0, 500) };
  const hint = (parsed.data as { origin?: unknown }).origin;
  const ctx: CallContext = { caller, tabId: sender.tab?.id, frameId: sender.frameId, pageUrl: pageUrlOf(sender, typeof hint === 'string' ? hint : undefined) };
  try {
    const handler = handlers[name] as (i: unknown, c: CallContext) => Promise<unknown>;
    const data = await handler(parsed.data, ctx);
    // Validate our own output too: a handler bug must not reach a page as a malformed reply.
    const out = spec.output.safeParse(data);
    if (!out.success) return { ok: false, error: 'internal', message: `${name}: output breaks the contract` };
    return { ok: true, data: out.data };
  } catch (err) {
    if (err instanceof HandlerError) return { ok: false, error: err.code, message: err.message };
    console.error(`[restake-lens] ${name} failed`, err);
    return { ok: false, error: 'internal', message: `${name} failed` };
  }
}
