// Runs in: background, options, tests. Decides which depeg alerts to raise: from the previous alert state, the
// current peg readings of the watched tokens, the user's threshold and the time, the next state and the alerts.
// Pure: no storage, no notifications.
//
// Rules (one token at a time; "deviation" is |peg %|, the market price against the redemption value):
// - Only a FRESH reading counts. A stale or missing one changes nothing (the token keeps its state).
// - Armed and deviation >= threshold: raise one alert, and the token is alerting on that side (below or above).
// - Alerting: no repeat while the deviation stays at or above the re-arm level, REARM_FACTOR × threshold (0.5:
//   at a 1% threshold, the token must come back within 0.5% of its peg before it can alert again). Below that
//   level it is armed again. A price hovering around the threshold thus raises one alert, not one per refresh.
// - Alerting below the peg and a reading at or beyond the threshold ABOVE it (or the reverse): a new alert.
//   It is a different event, and no reading in between could have re-armed it.
// - Threshold changed since the token's state was judged: an alerting token whose deviation is under the NEW
//   threshold is armed again (by the user's new standard it is not in alarm); one still at or above it stays
//   alerting, without a repeat. An armed token is judged against the new threshold as always.
// - A token no longer watched loses its state. The log of raised alerts keeps the last LOG_MAX, oldest first.
import { ALERTS_KEY } from '../storage-keys';
import { z } from '../zod';
import { agoText } from '../age';


/** The storage.local key of the alert state. */
export { ALERTS_KEY };
/** An alerting token re-arms when its deviation falls below this share of the threshold. */
export const REARM_FACTOR = 0.5;
/** Raised alerts kept in the log (the options page may show them). */
export const LOG_MAX = 20;

export interface PegReading {
  tokenId: string;
  /** Market price against redemption value, percent (negative: below). */
  pct: number;
  fresh: boolean;
  /** When the reading's oldest part arrived (ISO). */
  okAt: string;
}

export interface AlertSettings {
  depegPct: number;
  watched: readonly string[];
}

const TokenId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/), z.maxLength(64));
const Iso = z.string().check(
  z.maxLength(40),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
);
const Pct = z.number().check(z.refine(Number.isFinite, 'finite'));
const Side = z.enum(['below', 'above']);

const TokenAlert = z.object({
  alerting: z.boolean(),
  /** Which side of the peg the alert was raised on; null while armed. */
  side: z.nullable(Side),
  /** When the token entered its current state (alerting or armed). */
  since: Iso,
  /** The last fresh reading counted, and when its data arrived. */
  lastPct: Pct,
  okAt: Iso,
  /** The threshold that reading was judged against. */
  thresholdPct: Pct,
});
export type TokenAlert = z.infer<typeof TokenAlert>;

const LogEntry = z.object({ at: Iso, tokenId: TokenId, pct: Pct, thresholdPct: Pct, okAt: Iso });
export type AlertLogEntry = z.infer<typeof LogEntry>;

export interface AlertState {
  tokens: Record<string, TokenAlert>;
  /** Raised alerts, oldest first, at most LOG_MAX. */
  log: AlertLogEntry[];
}

export const EMPTY_ALERT_STATE: AlertState = { tokens: {}, log: [] };

/** One alert to raise now. */
export interface RaisedAlert {
  tokenId: string;
  pct: number;
  thresholdPct: number;
  okAt: string;
}

/**
 * The stored state, validated. Anything unreadable is dropped (a damaged token entry alone, a damaged log entry
 * alone; a value that is not a state at all gives the empty state). Never throws.
 */
export function parseAlertState(raw: unknown): AlertState {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { tokens: {}, log: [] };
  const { tokens, log } = raw as { tokens?: unknown; log?: unknown };
  const out: AlertState = { tokens: {}, log: [] };
  if (typeof tokens === 'object' && tokens !== null && !Array.isArray(tokens)) {
    for (const [id, v] of Object.entries(tokens)) {
      const p = TokenAlert.safeParse(v);
      if (p.success && TokenId.safeParse(id).success) out.tokens[id] = p.data;
    }
  }
  if (Array.isArray(log)) {
    for (const v of log.slice(-LOG_MAX)) {
      const p = LogEntry.safeParse(v);
      if (p.success) out.log.push(p.data);
    }
  }
  return out;
}

const sideOf = (pct: number): 'below' | 'above' => (pct < 0 ? 'below' : 'above');

/** The next state and the alerts to raise. Does not modify `prev`. */
export function stepAlerts(
  prev: AlertState,
  readings: readonly PegReading[],
  settings: AlertSettings,
  now: Date,
): { state: AlertState; raised: RaisedAlert[] } {
  const threshold = settings.depegPct;
  const at = now.toISOString();
  const watched = new Set(settings.watched);
  const tokens: Record<string, TokenAlert> = {};
  for (const [id, s] of Object.entries(prev.tokens)) if (watched.has(id)) tokens[id] = s;
  const raised: RaisedAlert[] = [];

  for (const r of readings) {
    if (!watched.has(r.tokenId) || !r.fresh || !Number.isFinite(r.pct)) continue;
    const dev = Math.abs(r.pct);
    const side = sideOf(r.pct);
    const before = tokens[r.tokenId];
    const seen = { lastPct: r.pct, okAt: r.okAt, thresholdPct: threshold };
    const raise = () => {
      raised.push({ tokenId: r.tokenId, pct: r.pct, thresholdPct: threshold, okAt: r.okAt });
      tokens[r.tokenId] = { alerting: true, side, since: at, ...seen };
    };
    if (!before?.alerting) {
      if (dev >= threshold) raise();
      else tokens[r.tokenId] = { alerting: false, side: null, since: before?.since ?? at, ...seen };
      continue;
    }
    const rearmBelow = before.thresholdPct !== threshold ? threshold : threshold * REARM_FACTOR;
    if (dev < rearmBelow) tokens[r.tokenId] = { alerting: false, side: null, since: at, ...seen };
    else if (dev >= threshold && side !== before.side) raise();
    else tokens[r.tokenId] = { ...before, ...seen };
  }

  const log = [...prev.log, ...raised.map((a) => ({ at, tokenId: a.tokenId, pct: a.pct, thresholdPct: a.thresholdPct, okAt: a.okAt }))].slice(-LOG_MAX);
  return { state: { tokens, log }, raised };
}

/** "3.1%", "0.25%", "12%": enough digits to see the size, no more. */
export function pctText(x: number): string {
  const a = Math.abs(x);
  return `${a.toLocaleString('en-US', { maximumFractionDigits: a < 1 ? 2 : 1 })}%`;
}

/** The notification's words for one raised alert: the token, the deviation, the threshold and the data's age. */
export function alertText(symbol: string, a: RaisedAlert, now: Date): { title: string; message: string } {
  const side = a.pct < 0 ? 'below' : 'above';
  const age = now.getTime() - Date.parse(a.okAt) < 60_000 ? 'just now' : `${agoText(a.okAt, now)} ago`;
  return {
    title: `${symbol} is ${pctText(a.pct)} ${side} its peg`,
    message: `${symbol} trades ${pctText(a.pct)} ${side} its redemption value (your alert threshold: ${pctText(a.thresholdPct)}). Price data from ${age}.`,
  };
}
