// Runs in: background, content script. The one message the background sends to a page's content script: the user
// pressed the "next mention" shortcut (manifest `commands`). Content scripts receive runtime messages only from
// their own extension, never from the page.
import { CHANNEL } from './contract';

export const NEXT_MENTION_COMMAND = 'next-mention';
export const NEXT_MENTION = { channel: CHANNEL, name: 'lens:next' } as const;

export const isNextMention = (m: unknown): boolean =>
  typeof m === 'object' && m !== null && (m as { channel?: unknown }).channel === CHANNEL && (m as { name?: unknown }).name === NEXT_MENTION.name;
