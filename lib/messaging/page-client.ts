// Runs in: content script. Sends one contract message from a page's content script without evaluating the zod
// contract in the page: the background validates every input and its own output before it replies
// (lib/messaging/server.ts), so here only the reply's envelope is checked. Types come from the contract (erased).
import { browser } from 'wxt/browser';
import { CHANNEL } from './channel';
import type { ErrorCode, Input, MessageName, Output } from './contract';

export class PageMessageError extends Error {
  constructor(
    readonly code: ErrorCode | 'bad-reply' | 'no-reply',
    message: string,
  ) {
    super(message);
    this.name = 'PageMessageError';
  }
}

export async function send<N extends MessageName>(name: N, input: Input<N>): Promise<Output<N>> {
  const raw: unknown = await browser.runtime.sendMessage({ channel: CHANNEL, name, input });
  if (raw === undefined) throw new PageMessageError('no-reply', `${name}: no reply from the background`);
  if (typeof raw !== 'object' || raw === null || typeof (raw as { ok?: unknown }).ok !== 'boolean') throw new PageMessageError('bad-reply', `${name}: malformed reply`);
  const reply = raw as { ok: true; data: Output<N> } | { ok: false; error: ErrorCode; message?: string };
  if (!reply.ok) throw new PageMessageError(reply.error, reply.message ?? `${name}: ${reply.error}`);
  return reply.data;
}
