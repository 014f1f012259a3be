// Runs in: everywhere. Every storage key, defined once. Content scripts listen to no storage change; the one value
// they read is PAGE_POLICY_KEY (top frames, before their first scan).

/** storage.local: the user's settings (lib/settings.ts). */
export const SETTINGS_KEY = 'settings';
/**
 * storage.local: what a page's top frame needs before its first scan, written by the background from the settings
 * and the registry (lib/page-policy.ts): which sites are on, and what to look for. No message to the background.
 */
export const PAGE_POLICY_KEY = 'page:policy';
/** storage.local: the live-data cache (lib/live/store.ts): last good values and job states. */
export const ENTRIES_KEY = 'live:entries';
export const JOBS_KEY = 'live:jobs';
/** Prefix every live-data key shares (the options page watches it for its status). */
export const LIVE_PREFIX = 'live:';
/** storage.local: rate samples for APY computed from the rate (lib/live/rate-apy.ts), one record per token, `rate-samples:<id>`. */
export const RATE_SAMPLES_PREFIX = 'rate-samples:';
/** storage.local: depeg alert state and log (lib/alerts/depeg.ts). */
export const ALERTS_KEY = 'alerts:state';
/** storage.session: per-tab token reports (lib/tab-reports.ts), `tab:<tabId>`. */
export const TAB_PREFIX = 'tab:';
/** storage.session: the marking limits each frame reached (lib/tab-reports.ts), `limits:<tabId>:<frameId>`. */
export const LIMITS_PREFIX = 'limits:';
/** storage.local, e2e builds only: local test services' endpoints. */
export const DEV_ENDPOINTS_KEY = 'dev:endpoints';
