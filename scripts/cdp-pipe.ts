// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (file descriptors 3 and 4).
// Branded Google Chrome 137+ ignores --load-extension; over the pipe, with --enable-unsafe-extension-debugging,
// `Extensions.loadUnpacked` loads an unpacked extension instead.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export interface PipeBrowser {
  proc: ChildProcess;
  send<T = unknown>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  close(): void;
}

export function launchOverPipe(executable: string, args: string[]): PipeBrowser {
  const proc = spawn(executable, ['--remote-debugging-pipe', '--enable-unsafe-extension-debugging', ...args], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const toBrowser = proc.stdio[3] as Writable;
  const fromBrowser = proc.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let buffer = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
      buffer = buffer.slice(end + 1);
      const waiter = msg.id !== undefined ? pending.get(msg.id) : undefined;
      if (!waiter || msg.id === undefined) continue;
      pending.delete(msg.id);
      if (msg.error) waiter.reject(new Error(msg.error.message));
      else waiter.resolve(msg.result);
    }
  });
  return {
    proc,
    send(method, params = {}, sessionId) {
      const id = nextId++;
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      return new Promise((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    },
    close() {
      proc.kill();
    },
  };
}
