// Runs in: background. What pages look for and where marking is on: the one place that turns the settings and the
// registry into a page's configuration, both as the `page:config` answer and as the page policy frames read from
// storage.local before their first scan (lib/page-policy.ts).
import { browser } from 'wxt/browser';
import { TOKENS } from '../../lib/registry';
import { detectConfig } from '../../lib/registry/detect-config';
import { MISNOMERS } from '../../lib/registry/misnomers';
import type { Settings } from '../../lib/settings';
import { readSettings } from '../../lib/settings-store';
import { configFor, policyFor, type PageConfig } from '../../lib/page-policy';
import { PAGE_POLICY_KEY } from '../../lib/storage-keys';

const DETECT = { rt: detectConfig(TOKENS, MISNOMERS, { markLst: false }), all: detectConfig(TOKENS, MISNOMERS, { markLst: true }) };
const detectFor = (settings: Settings) => (settings.markLst ? DETECT.all : DETECT.rt);

/** The `page:config` answer for a page at `pageUrl` (the tab's page; frames follow their tab). */
export async function pageConfig(pageUrl: string | undefined): Promise<PageConfig> {
  const settings = await readSettings();
  return configFor({ ...settings, detect: detectFor(settings) }, pageUrl);
}

/**
 * Writes the page policy for the current settings. Called at every worker start and on each settings change,
 * before pages are told of it.
 */
export async function writePagePolicy(): Promise<void> {
  const settings = await readSettings();
  await browser.storage.local.set({ [PAGE_POLICY_KEY]: policyFor(settings, detectFor(settings), browser.runtime.getManifest().version) });
}
