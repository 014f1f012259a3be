// Waiting for and pointing at the extension's marks from Node, for Playwright and Puppeteer pages alike (both
// have `evaluate(fn, arg)` and `mouse.move(x, y)`).
import { markPoint, pageMarks, type MarkInfo, type MarkQuery } from './pages.ts';
import { poll } from './poll.ts';

/** What Playwright's and Puppeteer's pages and frames share (their evaluate signatures differ only in typing). */
interface AnyFrame {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two libraries type this parameter differently
  evaluate(fn: (arg: any) => unknown, arg: never): Promise<unknown>;
}
interface AnyPage extends AnyFrame {
  mouse: { move(x: number, y: number): Promise<void> };
}

const run = <A, R>(page: AnyFrame, fn: (arg: A) => R, arg: A): Promise<R> => page.evaluate(fn, arg as never) as Promise<R>;

export const marksOn = (page: AnyFrame, q: MarkQuery = {}): Promise<MarkInfo[]> => run(page, pageMarks, q);

/** Waits until the marks matching `q` number exactly `n` (or at least `n` with `atLeast`). */
export function waitForMarks(page: AnyFrame, n: number, q: MarkQuery = {}, opts: { atLeast?: boolean; timeoutMs?: number } = {}): Promise<MarkInfo[]> {
  return poll(
    () => marksOn(page, q),
    (m) => (opts.atLeast ? m.length >= n : m.length === n),
    { timeoutMs: opts.timeoutMs ?? 15_000, what: `${opts.atLeast ? 'at least ' : ''}${n} mark(s) ${JSON.stringify(q)}` },
  );
}

/**
 * e2e builds only: waits until the content script says its scan is idle (`lrt-e2e:scan-idle` in CSS.highlights,
 * also set at once in a frame where nothing is to be marked), instead of sleeping a fixed time.
 */
export function scanIdle(page: AnyFrame, timeoutMs = 15_000): Promise<unknown> {
  return poll(() => run(page, () => CSS.highlights.has('lrt-e2e:scan-idle'), undefined), (idle) => idle === true, { timeoutMs, what: 'the scan-idle signal' });
}

/** Moves the pointer onto the first mark inside `within` (waiting for it), as a user would. */
export async function hoverMark(page: AnyPage, within: string, id?: string): Promise<void> {
  const p = await poll(() => run(page, markPoint, { within, ...(id ? { id } : {}) }), (v) => v !== null, { timeoutMs: 15_000, what: `a mark in ${within}` });
  await page.mouse.move(p!.x, p!.y);
}
