// Runs in: background, options, content script (top frames, lib/page-policy.ts). Which sites marking is on for:
// pure and zod-free. The settings schema that stores these choices is lib/settings.ts.

/** The settings fields that decide it (lib/settings.ts `Settings`). */
export interface SiteChoice {
  /** `all`: every http(s) site except `disabledSites`. `only`: just the sites in `onlySites`. */
  siteMode: 'all' | 'only';
  disabledSites: readonly string[];
  onlySites: readonly string[];
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
export function enabledFor(settings: SiteChoice, url: string | undefined): boolean {
  const host = url ? siteOf(url) : null;
  if (!host) return false;
  if (settings.siteMode === 'only') return settings.onlySites.some((s) => hostInSite(host, s));
  return !settings.disabledSites.some((s) => hostInSite(host, s));
}
