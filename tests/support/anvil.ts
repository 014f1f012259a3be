// Starts a local anvil chain (@foundry-rs/anvil's binary) for tests; stop/start keeps the port and the chain state.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';

/**
 * The native anvil binary from @foundry-rs/anvil's platform package. node_modules/.bin/anvil is a Node wrapper:
 * it adds ~100 ms per start, and a SIGKILL to it would orphan the real anvil.
 */
function anvilBinary(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  try {
    const bin = createRequire(import.meta.url).resolve(`@foundry-rs/anvil-${process.platform}-${arch}/bin/${exe}`);
    if (existsSync(bin)) return bin;
  } catch {
    // Fall back to the wrapper.
  }
  return fileURLToPath(new URL('../../node_modules/.bin/anvil', import.meta.url));
}
const ANVIL_BIN = anvilBinary();

export interface AnvilOptions {
  /** Default 1 (mainnet), so viem's `mainnet` chain matches. */
  chainId?: number;
  /** Default: a free port. */
  port?: number;
  /** Default 10 s. */
  startTimeoutMs?: number;
}

export interface Anvil {
  readonly url: string;
  readonly port: number;
  readonly chainId: number;
  readonly running: boolean;
  /** Kills anvil (the port then refuses connections). The chain state is saved first, for `start()`. */
  stop(): Promise<void>;
  /** Starts anvil again on the same port and restores the state saved by `stop()`. */
  start(): Promise<void>;
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function killAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

async function rpc<T>(url: string, method: string, params: unknown[] = [], timeoutMs = 1000): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

function spawnAnvil(port: number, chainId: number, timeoutMs: number): Promise<ChildProcess> {
  const url = `http://${HOST}:${port}`;
  const child = spawn(ANVIL_BIN, ['--host', HOST, '--port', String(port), '--chain-id', String(chainId), '--silent'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  live.add(child);
  killAllOnExit();
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.unref();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      live.delete(child);
      reject(new Error(`anvil exited (${code ?? signal}) before answering on ${url}: ${stderr.trim()}`));
    });
  });
  exited.catch(() => {}); // Only observed while starting.
  const ready = (async () => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await rpc<string>(url, 'eth_chainId', [], 500);
        return child;
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`anvil did not answer on ${url} within ${timeoutMs} ms`, { cause: err });
        await new Promise((r) => setTimeout(r, 15));
      }
    }
  })();
  return Promise.race([ready, exited]).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.ref(); // Keep the event loop alive until the exit is observed.
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Spawns anvil on 127.0.0.1 and resolves once eth_chainId answers. Killed on stop() and when the test process exits. */
export async function startAnvil(opts: AnvilOptions = {}): Promise<Anvil> {
  const chainId = opts.chainId ?? 1;
  const port = opts.port ?? (await freePort());
  const timeoutMs = opts.startTimeoutMs ?? 10_000;
  const url = `http://${HOST}:${port}`;
  let child: ChildProcess | undefined = await spawnAnvil(port, chainId, timeoutMs);
  let saved: string | undefined;
  return {
    url,
    port,
    chainId,
    get running() {
      return child !== undefined;
    },
    async stop() {
      if (!child) return;
      const c = child;
      child = undefined;
      saved = await rpc<string>(url, 'anvil_dumpState', [], 5000).catch(() => undefined);
      await kill(c);
    },
    async start() {
      if (child) return;
      const c = await spawnAnvil(port, chainId, timeoutMs);
      child = c;
      if (saved) await rpc<boolean>(url, 'anvil_loadState', [saved], 5000);
    },
  };
}
