import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANNEL } from '../../../../lib/messaging/contract';
import { HandlerError, callerOf, dispatch, pageUrlOf, type Handlers, type SenderInfo } from '../../../../lib/messaging/server';
import { MessageError, send } from '../../../../lib/messaging/client';
import { handlers } from '../../../../entrypoints/background/handlers';

const ID = 'restake-lens-test';
const ORIGIN = 'chrome-extension://restake-lens-test/';
const content: SenderInfo = { id: ID, url: 'https://app.example/markets', tab: { id: 7 }, frameId: 0 };
const popup: SenderInfo = { id: ID, url: `${ORIGIN}popup.html` };
const env = (name: string, input: unknown) => ({ channel: CHANNEL, name, input });
const run = (message: unknown, sender: SenderInfo, h: Handlers = handlers) => dispatch(h, message, sender, ID, ORIGIN);

describe('callerOf', () => {
  test.each<[string, SenderInfo, string | null]>([
    ['our popup', popup, 'ui'],
    ['our content script in a page', content, 'content'],
    ['another extension', { ...popup, id: 'other' }, null],
    ['no id', { url: 'https://x.example/', tab: { id: 1 } }, null],
    ['a content script on a non-web URL', { id: ID, url: 'file:///etc/passwd', tab: { id: 1 } }, null],
    ['our content script in an about:blank frame of a page', { id: ID, url: 'about:blank', tab: { id: 1 } }, 'content'],
    ['our content script in a srcdoc frame', { id: ID, url: 'about:srcdoc', tab: { id: 1 } }, 'content'],
    ['about:blank without a tab', { id: ID, url: 'about:blank' }, null],
    ['a page of another extension origin', { id: ID, url: 'chrome-extension://other/popup.html' }, null],
  ])('%s', (_label, sender, expected) => {
    expect(callerOf(sender, ID, ORIGIN)).toBe(expected);
  });
});

describe('pageUrlOf', () => {
  test('prefers the tab, then the frame, then its origin, then the content script’s hint; never a non-web URL', () => {
    expect(pageUrlOf({ ...content, tab: { id: 1, url: 'https://top.example/' } })).toBe('https://top.example/');
    expect(pageUrlOf(content)).toBe('https://app.example/markets');
    expect(pageUrlOf({ id: ID, url: 'about:blank', tab: { id: 1 }, origin: 'https://x.example' })).toBe('https://x.example');
    expect(pageUrlOf({ id: ID, url: 'about:srcdoc', tab: { id: 1 } }, 'https://y.example')).toBe('https://y.example');
    expect(pageUrlOf({ id: ID, url: 'about:srcdoc', tab: { id: 1 } }, 'null')).toBeUndefined();
  });
});

describe('dispatch', () => {
  beforeEach(() => fakeBrowser.reset());

  test('ignores messages outside our envelope (no reply at all)', async () => {
    expect(await run({ hello: 1 }, popup)).toBeUndefined();
    expect(await run('string', popup)).toBeUndefined();
    expect(await run({ channel: 'other/1', name: 'token:card', input: {} }, popup)).toBeUndefined();
  });

  test('rejects unknown names, including prototype keys', async () => {
    expect(await run(env('wallet:drain', {}), popup)).toMatchObject({ ok: false, error: 'unknown-message' });
    expect(await run(env('__proto__', {}), popup)).toMatchObject({ ok: false, error: 'unknown-message' });
    expect(await run(env('toString', {}), popup)).toMatchObject({ ok: false, error: 'unknown-message' });
  });

  test('rejects senders that are not this extension, and callers a message does not allow', async () => {
    expect(await run(env('token:card', { id: 'ezeth' }), { ...popup, id: 'evil' })).toMatchObject({ error: 'forbidden' });
    expect(await run(env('tab:tokens', { tabId: 1 }), content)).toMatchObject({ error: 'forbidden' });
    expect(await run(env('tab:report', { counts: {} }), popup)).toMatchObject({ error: 'forbidden' });
  });

  test('rejects input that breaks the schema', async () => {
    expect(await run(env('token:card', { id: '<img src=x onerror=alert(1)>' }), popup)).toMatchObject({ error: 'bad-input' });
    expect(await run(env('token:card', {}), popup)).toMatchObject({ error: 'bad-input' });
    expect(await run(env('tab:tokens', { tabId: -1 }), popup)).toMatchObject({ error: 'bad-input' });
    expect(await run(env('tab:report', { counts: { ezeth: 0 } }), content)).toMatchObject({ error: 'bad-input' });
  });

  test('answers a card lookup with sources resolved', async () => {
    const reply = await run(env('token:card', { id: 'ezeth' }), popup);
    expect(reply).toMatchObject({ ok: true, data: { symbol: 'ezETH', issuer: 'Renzo' } });
    const data = (reply as { data: { slashing: { sources: Array<{ url: string }> } } }).data;
    expect(data.slashing.sources[0]?.url).toMatch(/^https:\/\//);
  });

  test('renders the hover card for content scripts only, with the stylesheet when asked and an impostor warning', async () => {
    const reply = await run(env('card:render', { id: 'ezeth', css: true, impostor: '0x1111111111111111111111111111111111111111' }), content);
    const data = (reply as { ok: true; data: { tree: { t: string; a: Record<string, string> }; css?: string } }).data;
    expect(data.tree).toMatchObject({ t: 'div', a: { class: 'rl-card', role: 'dialog', 'data-token': 'ezeth' } });
    expect(JSON.stringify(data.tree)).toContain('0x1111…1111');
    expect(typeof data.css).toBe('string');
    const plain = (await run(env('card:render', { id: 'misnomer-keth' }), content)) as { ok: true; data: { tree: unknown; css?: string } };
    expect(plain.data.css).toBeUndefined();
    expect(JSON.stringify(plain.data.tree)).toContain('kETH');
    expect(await run(env('card:render', { id: 'ezeth' }), popup)).toMatchObject({ error: 'forbidden' });
    expect(await run(env('token:card', { id: 'ezeth' }), content)).toMatchObject({ error: 'forbidden' });
    expect(await run(env('card:render', { id: 'ezeth', impostor: '<b>x</b>' }), content)).toMatchObject({ error: 'bad-input' });
    expect(await run(env('card:render', { id: 'nosuch' }), content)).toMatchObject({ error: 'not-found' });
  });

  test('unknown token: not-found', async () => {
    expect(await run(env('token:card', { id: 'nosuch' }), popup)).toMatchObject({ ok: false, error: 'not-found' });
  });

  test('a handler that throws gives internal, and a handler whose output breaks the contract too', async () => {
    const broken: Handlers = {
      ...handlers,
      'token:card': async () => {
        throw new Error('boom');
      },
      'tab:tokens': async () => [{ id: 'BAD ID', symbol: 1 }] as never,
    };
    expect(await run(env('token:card', { id: 'ezeth' }), popup, broken)).toMatchObject({ ok: false, error: 'internal' });
    expect(await run(env('tab:tokens', { tabId: 1 }), popup, broken)).toMatchObject({ ok: false, error: 'internal' });
    const notFound: Handlers = { ...handlers, 'token:card': async () => Promise.reject(new HandlerError('not-found', 'x')) };
    expect(await run(env('token:card', { id: 'ezeth' }), popup, notFound)).toMatchObject({ error: 'not-found' });
  });

  test('reports per frame are summed per tab and filtered to registry ids', async () => {
    await run(env('tab:report', { counts: { ezeth: 2, weeth: 1, unknown: 4 } }), content);
    await run(env('tab:report', { counts: { ezeth: 1 } }), { ...content, frameId: 3 });
    await run(env('tab:report', { counts: { rseth: 9 } }), { ...content, tab: { id: 8 } });
    const reply = await run(env('tab:tokens', { tabId: 7 }), popup);
    expect(reply).toMatchObject({ ok: true });
    const rows = (reply as { data: Array<{ id: string; count: number }> }).data;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.count]))).toEqual({ ezeth: 3, weeth: 1 });
    // A frame's new report replaces its old one; an empty one removes it.
    await run(env('tab:report', { counts: {} }), content);
    const after = (await run(env('tab:tokens', { tabId: 7 }), popup)) as { data: Array<{ id: string; count: number }> };
    expect(after.data).toEqual([expect.objectContaining({ id: 'ezeth', count: 1 })]);
  });

  test('limits reached are kept per frame, merged per tab in a fixed order, replaced by the next report and refused when unknown', async () => {
    const limits = async (tabId: number) => ((await run(env('tab:limits', { tabId }), popup)) as { data: string[] }).data;
    expect(await limits(7)).toEqual([]);
    await run(env('tab:report', { counts: { ezeth: 1 }, limits: ['page'] }), content);
    await run(env('tab:report', { counts: {}, limits: ['node', 'node'] }), { ...content, frameId: 2 });
    expect(await limits(7)).toEqual(['node', 'page']);
    expect(await limits(8)).toEqual([]);
    await run(env('tab:report', { counts: { ezeth: 1 } }), content);
    expect(await limits(7)).toEqual(['node']);
    expect(await run(env('tab:report', { counts: {}, limits: ['other'] }), content)).toMatchObject({ error: 'bad-input' });
    expect(await run(env('tab:limits', { tabId: 7 }), content)).toMatchObject({ error: 'forbidden' });
  });
});

describe('client', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  test('validates replies and raises typed errors', async () => {
    // The background's replies, as the extension runtime would deliver them.
    const replies: Record<string, unknown> = {
      'token:card': { ok: true, data: { id: 'ezeth' } }, // breaks the output contract
      'tab:tokens': { ok: false, error: 'forbidden', message: 'no' },
      'page:config': 'garbage',
      'tab:report': undefined, // nobody answered
    };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: { name: string }) => replies[msg.name]) as never);
    await expect(send('token:card', { id: 'ezeth' })).rejects.toMatchObject({ code: 'bad-reply' });
    await expect(send('tab:tokens', { tabId: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(send('page:config', {})).rejects.toMatchObject({ code: 'bad-reply' });
    await expect(send('tab:report', { counts: {} })).rejects.toMatchObject({ code: 'no-reply' });
    await expect(send('tab:report', { counts: {} })).rejects.toBeInstanceOf(MessageError);
  });
});
