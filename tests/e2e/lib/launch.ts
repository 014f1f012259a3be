// Browser launching shared by the e2e tests: real Chromium with the unpacked MV3 build (playwright-core),
// real Firefox ESR with the Firefox build installed over WebDriver BiDi (puppeteer-core).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_FLAGS, findChromium, findFirefox } from '../../../scripts/browsers.ts';
import { CHROME_BUILD, CHROME_E2E_BUILD, FIREFOX_BUILD, FIREFOX_E2E_BUILD, requireBuild } from './env.ts';

/**
 * No request leaves the machine: every host name but loopback fails to resolve. (The production build's
 * background refreshes live data from real hosts on start; in tests those requests fail locally, as offline.)
 */
const OFFLINE_CHROMIUM = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * `production` (default): .output/chrome-mv3. `e2e`: .output/chrome-mv3-e2e, which honours
   * storage.local['dev:endpoints'], attaches the card's shadow root open (production: closed) so tests can read the
   * card, and signals an idle scan (`lrt-e2e:scan-idle` in CSS.highlights).
   */
  build?: 'production' | 'e2e';
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<ChromiumSession> {
  const ext = requireBuild(opts.build === 'e2e' ? CHROME_E2E_BUILD : CHROME_BUILD);
  const profile = await mkdtemp(join(tmpdir(), 'rl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [...CHROMIUM_FLAGS, OFFLINE_CHROMIUM, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function launchFirefox(opts: LaunchOptions = {}): Promise<Browser> {
  const ext = requireBuild(opts.build === 'e2e' ? FIREFOX_E2E_BUILD : FIREFOX_BUILD);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    protocol: 'webDriverBiDi',
    headless: true,
    extraPrefsFirefox: {
      // Keep Firefox off the network: no update, telemetry or remote-settings traffic during tests.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      // No request leaves the machine: everything but loopback goes to a proxy port where nothing listens.
      // (The production build's background refreshes live data from real hosts on start; here those fail
      // locally, as they would offline.)
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1, localhost',
    },
  });
  await browser.installExtension(ext);
  return browser;
}

/** Registry ids the expectations may name: every token id and every misnomer id. */
export async function registryIds(): Promise<Set<string>> {
  const doc = JSON.parse(await readFile(join(requireBuild(CHROME_BUILD), 'registry.json'), 'utf8')) as {
    tokens: Array<{ id: string }>;
    misnomers: Array<{ id: string }>;
  };
  return new Set([...doc.tokens.map((t) => t.id), ...doc.misnomers.map((m) => m.id)]);
}
