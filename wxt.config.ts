import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { registryJson } from './lib/views/registry-json';
import { hostPatterns } from './lib/sources/endpoints';

// Build-time contract: every build output carries registry.json, generated from lib/registry.
// Importing it here also validates every data file with zod, so a bad entry fails the build.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Restake Lens',
    description:
      'Marks liquid restaking tokens (ezETH, weETH, rsETH…) on any page and shows their risks, each with its source and age.',
    // alarms: the refresh schedule. notifications: depeg alerts, only for tokens the user chose to watch (none by
    // default), raised by the background after a refresh; no notification is about the page being viewed.
    // Host permissions: exactly the data hosts the background fetches from (lib/sources/endpoints.ts); a custom
    // RPC host is asked for at run time (optional_host_permissions).
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: hostPatterns(),
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Restake Lens' },
    // Steps through the mentions on the page, opening each one's card (changeable in the browser's shortcut
    // settings); the page gains no tab stops.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Show the next restaking token on this page' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'restake-lens@restake-lens.org',
              // 140 is the first ESR that reads data_collection_permissions (AMO requires the key);
              // it also has storage.session and MV3 background scripts.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // What every frame evaluates stays small (lib/page-runtime): the content script uses the browser's own promise
    // API instead of webextension-polyfill. (It renders no JSX: the background renders the card, lib/views/card-tree.)
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const current = config.resolve?.alias ?? [];
      const list = Array.isArray(current) ? current : Object.entries(current).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      const own = (file: string) => fileURLToPath(new URL(`./lib/page-runtime/${file}`, import.meta.url));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: own('browser.ts') }, ...list],
      };
    },
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'registry.json', contents: registryJson() });
    },
  },
  zip: {
    excludeSources: ['.output/**', 'screenshots/**', 'test-results/**'],
  },
});
