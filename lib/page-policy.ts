// Runs in: background (writes it), content script (reads it; zod-free). What a page's top frame needs before its
// first scan, kept in storage.local under PAGE_POLICY_KEY so the first scan waits for no message to the background
// (whose worker may be asleep): which sites marking is on for, and what to look for.
//
// Marking in a frame follows its tab's page (per-site settings are per host): a frame reads the policy too when it
// knows its top page's origin (`location.ancestorOrigins`, Chromium; `pageOf`), and otherwise asks the background
// (`page:config`): Firefox has no `ancestorOrigins`, and Chromium reports "null" for a top page whose referrer
// policy hides it. Written by the background at every worker start and before it tells pages the settings
// changed; `v` is the extension version that wrote it, so a policy from before an update is never read.
import type { DetectConfig } from './detect/types';
import { enabledFor, type SiteChoice } from './sites';

export interface PagePolicy extends SiteChoice {
  v: string;
  detect: DetectConfig;
}

export interface PageConfig {
  enabled: boolean;
  detect: DetectConfig;
}

export const NOTHING: DetectConfig = { tokens: [], misnomers: [], addresses: [] };

const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const entries = (x: unknown, fields: string[]): boolean =>
  Array.isArray(x) && x.every((e) => typeof e === 'object' && e !== null && fields.every((f) => typeof (e as Record<string, unknown>)[f] === 'string'));

/** The stored policy if it has the shape this version writes, else null (then the frame asks the background). */
export function readPolicy(raw: unknown, version: string): PagePolicy | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const p = raw as Record<string, unknown>;
  const d = p.detect as Record<string, unknown> | undefined;
  if (p.v !== version || (p.siteMode !== 'all' && p.siteMode !== 'only') || !strings(p.disabledSites) || !strings(p.onlySites)) return null;
  if (typeof d !== 'object' || d === null || !entries(d.tokens, ['id', 'symbol']) || !entries(d.misnomers, ['id', 'term']) || !entries(d.addresses, ['id', 'address'])) return null;
  if (!(d.tokens as Array<{ aliases?: unknown }>).every((t) => strings(t.aliases))) return null;
  return p as unknown as PagePolicy;
}

/** Whether and what to mark on the page at `url`: from the stored policy, and for the `page:config` answer. */
export function configFor(policy: SiteChoice & { detect: DetectConfig }, url: string | undefined): PageConfig {
  const enabled = enabledFor(policy, url);
  return { enabled, detect: enabled ? policy.detect : NOTHING };
}

/** The policy for these settings: the detect config the background would answer with. */
export function policyFor(choice: SiteChoice, detect: DetectConfig, version: string): PagePolicy {
  return { v: version, siteMode: choice.siteMode, disabledSites: [...choice.disabledSites], onlySites: [...choice.onlySites], detect };
}

/**
 * The address per-site settings are decided on for a frame: its own for the top frame, its top page's origin for
 * a frame that can know it, else null (then the frame asks the background).
 */
export function pageOf(w: { location: { href: string; ancestorOrigins?: { length: number; [i: number]: string } } }, isTop: boolean): string | null {
  if (isTop) return w.location.href;
  const a = w.location.ancestorOrigins;
  const top = a && a.length ? a[a.length - 1] : undefined;
  return top && /^https?:\/\//.test(top) ? top : null;
}
