// Runs in: background, content script, popup. The one message contract between them: each message names who may
// send it, and its input and output schemas (views from lib/views/schema.ts); both ends validate with zod.
// zod/mini: the same validation as zod, tree-shakable, so the content script stays small.
import { z } from '../zod';
import { DetectConfig, LiveStatus, MisnomerView, RegistryEntryView, TabTokenView, TokenCardView, TokenId } from '../views/schema';
import { TreeElement } from '../views/tree';


/**
 * A marking limit a frame reached: `node` a text held more than its share of mentions (the first are marked),
 * `page` the page passed its mention cap (marking stopped), `busy` the page never stopped changing (no longer
 * followed). Defined here, the one vocabulary both ends check.
 */
export const MARK_LIMITS = ['node', 'page', 'busy'] as const;
export const MarkLimit = z.enum(MARK_LIMITS);
export type MarkLimit = z.infer<typeof MarkLimit>;

/** Who may send a message: `content` = a content script in a web page; `ui` = an extension page. */
export type Caller = 'content' | 'ui';

export const contract = {
  'page:config': {
    callers: ['content'],
    // `origin`: the frame's own location.origin (about:blank and srcdoc frames inherit their page's).
    input: z.object({ origin: z.optional(z.string().check(z.maxLength(300))) }),
    // Whether to mark on this page (per-site settings), and what to look for.
    output: z.object({ enabled: z.boolean(), detect: DetectConfig }),
  },
  'card:render': {
    callers: ['content'],
    // The hover card, rendered by the background (pages never load the card's components). `impostor`: the address
    // the page tied this token's name to (shown in the warning, as text). `css`: also send the card's stylesheet
    // (a frame's first card).
    input: z.object({
      id: TokenId,
      impostor: z.optional(z.string().check(z.regex(/^[0-9A-Za-z]{20,90}$/))),
      css: z.optional(z.boolean()),
    }),
    output: z.object({ tree: TreeElement, css: z.optional(z.string()) }),
  },
  'misnomer:card': {
    callers: ['ui'],
    input: z.object({ id: TokenId }),
    output: MisnomerView,
  },
  'token:card': {
    callers: ['ui'],
    input: z.object({ id: TokenId }),
    output: TokenCardView,
  },
  'tab:report': {
    callers: ['content'],
    // The full set of tokens this frame shows now; replaces the frame's previous report.
    input: z.object({ counts: z.record(TokenId, z.int().check(z.positive())), limits: z.optional(z.array(MarkLimit)) }),
    output: z.object({ stored: z.boolean() }),
  },
  'tab:show': {
    callers: ['ui'],
    // The popup's "show on page": the tab's top frame scrolls to the token's first mention and opens its card.
    input: z.object({ tabId: z.int().check(z.nonnegative()), id: TokenId }),
    output: z.object({ shown: z.boolean() }),
  },
  'tab:limits': {
    callers: ['ui'],
    // The marking limits any frame of the tab reached (the popup says so).
    input: z.object({ tabId: z.int().check(z.nonnegative()) }),
    output: z.array(MarkLimit),
  },
  'page:open': {
    callers: ['content', 'ui'],
    // Opens one of the extension's own pages in a new tab (links from a web page cannot).
    input: z.object({ page: z.enum(['method']), hash: z.optional(z.string().check(z.regex(/^[a-z-]{0,32}$/))) }),
    output: z.object({ opened: z.boolean() }),
  },
  'live:status': {
    callers: ['ui'],
    input: z.object({}),
    output: LiveStatus,
  },
  'live:refresh': {
    callers: ['ui'],
    // Runs every refresh job now and answers when they have finished (or failed).
    input: z.object({}),
    output: LiveStatus,
  },
  'tab:tokens': {
    callers: ['ui'],
    input: z.object({ tabId: z.int().check(z.nonnegative()) }),
    output: z.array(TabTokenView),
  },
  'registry:list': {
    callers: ['ui'],
    // Every token in the registry with its current rating, for search and the options page's token lists.
    input: z.object({}),
    output: z.array(RegistryEntryView),
  },
} as const satisfies Record<string, { callers: readonly Caller[]; input: z.ZodMiniType; output: z.ZodMiniType }>;

export type Contract = typeof contract;
export type MessageName = keyof Contract;
export type Input<N extends MessageName> = z.infer<Contract[N]['input']>;
export type Output<N extends MessageName> = z.infer<Contract[N]['output']>;

export const ErrorCode = z.enum(['bad-envelope', 'unknown-message', 'forbidden', 'bad-input', 'not-found', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Every message travels in this envelope, so foreign runtime messages are recognised and ignored. */
import { CHANNEL } from './channel';
export { CHANNEL };
export const Envelope = z.object({ channel: z.literal(CHANNEL), name: z.string(), input: z.unknown() });
export const Reply = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorCode, message: z.optional(z.string()) }),
]);
export type Reply = z.infer<typeof Reply>;
