// Runs in: content script. Errors are logged once per message to the page's console with the extension's version
// (refined-github's logError style), never swallowed and never thrown into the page.
import { browser } from 'wxt/browser';

const seen = new Set<string>();

export function logError(where: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  const key = `${where}: ${message}`;
  if (seen.has(key)) return;
  seen.add(key);
  let version = '?';
  try {
    version = browser.runtime.getManifest().version;
  } catch {
    // The extension was reloaded or removed under this page: the runtime is gone, the message still helps.
  }
  console.error(`[restake-lens ${version}] ${where}:`, err);
}

/** `fn` wrapped so that an exception is logged once and goes no further (timers, observers, listeners). */
export function guarded<A extends unknown[]>(where: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (err) {
      logError(where, err);
    }
  };
}
