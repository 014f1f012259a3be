// Runs in: background, popup, options, tests. The user's settings: where the extension marks tokens, what it marks,
// where live data comes from and when to alert. Stored in storage.local under one key with a version number. Read
// through `parseSettings`: an older value is migrated step by step (MIGRATIONS), then a damaged field falls back to
// its default on its own, so one bad value never resets the others or breaks the extension.
import { z } from './zod';

/** The depeg alert threshold's bounds, percent: the settings schema and the options page read these. */
export const DEPEG_PCT = { min: 0.1, max: 20 } as const;
export { SETTINGS_KEY } from './storage-keys';


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

/** The version this build writes. Bump it with a new entry in MIGRATIONS and a test for that entry. */
export const SETTINGS_VERSION = 2;

/** How often (minutes) live data may be refreshed at most: the fastest jobs run every 10 min by default. */
export const REFRESH_CHOICES = [10, 30, 60, 180, 360, 1440] as const;

const TokenIdText = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/), z.maxLength(64));

/** Depeg alerts: a notification when a watched token's market price strays from its redemption value by `depegPct`. */
const Alerts = z.object({
  depegPct: z.catch(z.number().check(z.gte(DEPEG_PCT.min), z.lte(DEPEG_PCT.max)), 1),
  watched: z.catch(z.array(TokenIdText).check(z.maxLength(100)), []),
});
export const DEFAULT_ALERTS = { depegPct: 1, watched: [] as string[] };

export const Settings = z.object({
  version: z.catch(z.literal(SETTINGS_VERSION), SETTINGS_VERSION),
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
  /** No refresh job runs more often than this (minutes); jobs with a longer period keep theirs. */
  refreshMinutes: z.catch(z.int().check(z.gte(REFRESH_CHOICES[0]), z.lte(REFRESH_CHOICES[REFRESH_CHOICES.length - 1]!)), 10),
  alerts: z.catch(Alerts, DEFAULT_ALERTS),
});
export type Settings = z.infer<typeof Settings>;

/** Every field at its fallback. */
export const DEFAULT_SETTINGS: Settings = Settings.parse({});

type Stored = Record<string, unknown>;

/**
 * One step per version: MIGRATIONS[n] turns a version-n value into a version-(n+1) value. A step keeps every choice
 * the user made; `parseSettings` validates the result. Values written before settings had a version are version 1.
 */
export const MIGRATIONS: Record<number, (old: Stored) => Stored> = {
  // 1 -> 2: settings gain a version, a refresh interval and depeg alerts. Nothing is watched until the user says so.
  1: (v1) => ({ ...v1, version: 2, refreshMinutes: 10, alerts: { depegPct: DEFAULT_ALERTS.depegPct, watched: [] } }),
};

/** The stored value's version: 1 when absent (the unversioned first release), null when it is not a version at all. */
function versionOf(raw: Stored): number | null {
  if (!('version' in raw)) return 1;
  return Number.isInteger(raw.version) && (raw.version as number) >= 1 ? (raw.version as number) : null;
}

export interface Migrated {
  value: Stored;
  /** The stored version (null: none readable, treated as damaged). */
  from: number | null;
  /** Written by a newer build: read what this build knows, and never write it back (that would lose the rest). */
  newer: boolean;
}

/** Brings a stored value up to SETTINGS_VERSION, one step at a time. Never throws. */
export function migrateSettings(raw: unknown): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { value: {}, from: null, newer: false };
  let value = raw as Stored;
  const from = versionOf(value);
  if (from === null) return { value, from, newer: false };
  if (from > SETTINGS_VERSION) return { value, from, newer: true };
  for (let v = from; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) break;
    try {
      value = step(value);
    } catch {
      break; // A step that cannot read the old value: what it left is parsed field by field.
    }
  }
  return { value, from, newer: false };
}

/** The settings from a stored value of any version: migrated, then validated field by field. */
export function parseSettings(raw: unknown): Settings {
  const parsed = Settings.safeParse(migrateSettings(raw).value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Whether a stored value should be rewritten in the current version (older, unversioned or damaged; not newer). */
export function needsUpgrade(raw: unknown): boolean {
  if (raw === undefined) return false;
  const m = migrateSettings(raw);
  return !m.newer && m.from !== SETTINGS_VERSION;
}

// Which sites marking is on for: zod-free, so the content script can use it (lib/sites.ts).
export { enabledFor, hostInSite, siteOf } from './sites';
