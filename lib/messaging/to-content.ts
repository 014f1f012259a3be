// Runs in: background, content script. What the background sends to a page's content scripts: the user
// pressed the "next mention" shortcut (manifest `commands`), or the settings changed. Content scripts receive runtime messages only from
// their own extension, never from the page.
import { CHANNEL } from './channel';

export const NEXT_MENTION_COMMAND = 'next-mention';
export const NEXT_MENTION = { channel: CHANNEL, name: 'lens:next' } as const;

export const isNextMention = (m: unknown): boolean =>
  typeof m === 'object' && m !== null && (m as { channel?: unknown }).channel === CHANNEL && (m as { name?: unknown }).name === NEXT_MENTION.name;

/** The user chose "show on page" for a token in the popup: the top frame scrolls to its first mention and opens the card. */
export const showToken = (id: string) => ({ channel: CHANNEL, name: 'lens:show', id }) as const;

/** The token id of a "show on page" message, or null. */
export const tokenToShow = (m: unknown): string | null =>
  typeof m === 'object' && m !== null && (m as { channel?: unknown }).channel === CHANNEL && (m as { name?: unknown }).name === 'lens:show' && typeof (m as { id?: unknown }).id === 'string'
    ? (m as { id: string }).id
    : null;

/** The user's settings changed: each frame asks again whether and what to mark (the settings never travel here). */
export const SETTINGS_CHANGED = { channel: CHANNEL, name: 'lens:settings' } as const;

export const isSettingsChanged = (m: unknown): boolean =>
  typeof m === 'object' && m !== null && (m as { channel?: unknown }).channel === CHANNEL && (m as { name?: unknown }).name === SETTINGS_CHANGED.name;

/**
 * Each frame's content script holds one port to the background while it has reported: when the frame goes (removed,
 * navigated, put in the back/forward cache), the port closes and the background drops that frame's report.
 */
export const FRAME_PORT = 'restake-lens/frame';
