// Runs in: content script, popup. Sends one contract message and validates the reply.
import { browser } from 'wxt/browser';
import { CHANNEL, Reply, contract, type ErrorCode, type Input, type MessageName, type Output } from './contract';

export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode | 'bad-reply' | 'no-reply',
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

export async function send<N extends MessageName>(name: N, input: Input<N>): Promise<Output<N>> {
  const raw: unknown = await browser.runtime.sendMessage({ channel: CHANNEL, name, input });
  if (raw === undefined) throw new MessageError('no-reply', `${name}: no reply from the background`);
  const reply = Reply.safeParse(raw);
  if (!reply.success) throw new MessageError('bad-reply', `${name}: malformed reply`);
  if (!reply.data.ok) throw new MessageError(reply.data.error, reply.data.message ?? `${name}: ${reply.data.error}`);
  const data = contract[name].output.safeParse(reply.data.data);
  if (!data.success) throw new MessageError('bad-reply', `${name}: reply breaks the contract: ${data.error.message}`);
  return data.data as Output<N>;
}
