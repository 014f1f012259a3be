// One way to wait in the e2e tests: read, check, read again, until the check holds or the time is up. No fixed
// sleeps: a test waits exactly as long as the browser needs, and a timeout says what it last saw.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PollOptions {
  timeoutMs?: number;
  everyMs?: number;
  /** What is awaited, for the timeout's message. */
  what?: string;
}

export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, opts: PollOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, everyMs = 100, what = 'the condition' } = opts;
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await read();
      error = undefined;
      if (ok(last)) return last;
    } catch (e) {
      // A page navigating between two reads: read again.
      error = e;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last read: ${error ? String(error) : JSON.stringify(last)?.slice(0, 500)}`);
    }
    await sleep(everyMs);
  }
}
