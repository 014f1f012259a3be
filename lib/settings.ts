// Runs in: background, popup, options, tests. The user's settings: where the extension marks tokens and what it
// marks. Stored in storage.local under one key; read through `parseSettings`, so a damaged or older value falls back
// to defaults field by field instead of breaking the extension.
import { z } from 'zod/mini';
export { SETTINGS_KEY } from './storage-keys';

z.config({ jitless: true });

/** A site as the user names it: a host name such as `x.com` (covers its subdomains too). */
const Site = z.string().check(z.regex(/^[a-z0-9.-]{1,253}$/));

/** An RPC endpoint: https, or http on this machine (a local node). */
export const RpcUrl = z.string().check(
  z.maxLength(300),
  z.refine((u) => {
    try {
      const url = new URL(u);
      return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
    } catch {
      return false;
    }
  }, 'an https URL (or http on localhost)'),
);

export const Settings = z.object({
  /** `all`: every http(s) site except `disabledSites`. `only`: just the sites in `onlySites`. */
  siteMode: z.catch(z.enum(['all', 'only']), 'all'),
  disabledSites: z.catch(z.array(Site), []),
  onlySites: z.catch(z.array(Site), []),
  /** Also mark liquid staking tokens (stETH, wstETH, mETH…), which are not restaking tokens. */
  markLst: z.catch(z.boolean(), false),
  /** Bundled data only: the background fetches nothing, and cards show no live figure. */
  offline: z.catch(z.boolean(), false),
  /**
   * The user's own JSON-RPC endpoints per chain (`eip155:1`), replacing the defaults for that chain. Each host is
   * used only once the user granted it as an optional host permission.
   */
  rpc: z.catch(z.record(z.string().check(z.regex(/^eip155:[1-9]\d{0,9}$/)), z.array(RpcUrl).check(z.maxLength(5))), {}),
});
export type Settings = z.infer<typeof Settings>;

/** Every field at its fallback. */
export const DEFAULT_SETTINGS: Settings = Settings.parse({});

export function parseSettings(raw: unknown): Settings {
  const parsed = Settings.safeParse(typeof raw === 'object' && raw !== null ? raw : {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** `example.com` from a URL or a typed site ("https://www.Example.com/x" -> "www.example.com"); null if none. */
export function siteOf(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.hostname.replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/** A host belongs to a site when it is the site or a subdomain of it (`www.x.com` belongs to `x.com`). */
export function hostInSite(host: string, site: string): boolean {
  const h = host.toLowerCase();
  const s = site.toLowerCase().replace(/^www\./, '');
  return h === s || h.endsWith(`.${s}`);
}

/** Whether marking is on for the page at `url` (the tab's top-level page; frames follow their tab). */
export function enabledFor(settings: Settings, url: string | undefined): boolean {
  const host = url ? siteOf(url) : null;
  if (!host) return false;
  if (settings.siteMode === 'only') return settings.onlySites.some((s) => hostInSite(host, s));
  return !settings.disabledSites.some((s) => hostInSite(host, s));
}
