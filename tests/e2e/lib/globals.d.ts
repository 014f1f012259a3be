// Code passed to page.evaluate / worker.evaluate runs inside the extension, where `chrome` is the
// extension API. Typed as WXT's browser object, which has the same shape for what the tests call.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
