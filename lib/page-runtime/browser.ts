// Runs in: content script. `wxt/browser` for the content-script build (wxt.config.ts): the browser's own promise
// API (Firefox's `browser`, Chrome MV3's `chrome`) without webextension-polyfill, which every frame would otherwise
// evaluate. The content script uses only runtime messaging, ports, id, getManifest and storage.local.get (the page
// policy), promise-based in both.
import type { WxtBrowser } from 'wxt/browser';

const g = globalThis as unknown as { browser?: WxtBrowser; chrome?: WxtBrowser };
export const browser: WxtBrowser = g.browser?.runtime ? g.browser : g.chrome!;
