// Runs in: background, tests. Plausibility bounds for every number read from outside. A value outside them is not
// a fact about a token: it is dropped (with a note), never shown and never rated. One table, used by every reader
// and by the cache's schemas, so what is fetched and what is kept agree.

/** USD price of one token: a billionth of a cent up to ten million dollars. */
export const PRICE_USD = { min: 1e-9, max: 1e7 } as const;
/** APY in percent: a total loss up to 1,000% a year. */
export const APY_PCT = { min: -100, max: 1000 } as const;
/** Protocol TVL in USD: at most ten trillion. */
export const TVL_USD = { max: 1e13 } as const;
/** A redemption rate in units of its underlying: LRTs trade near 1 (0.5 to 100 leaves room for any real design). */
export const RATE = { min: 1e-6, max: 1e6 } as const;
/** Token supply in whole tokens. */
export const SUPPLY = { max: 1e15 } as const;
/** Timestamps from outside must be within ten years of now. */
export const TIME_WINDOW_MS = 10 * 365.25 * 86_400_000;

/** Points kept per price chart and per APY series: the fetch keeps the newest this many, the cache admits this many. */
export const CHART_MAX_POINTS = 2000;
export const YIELD_MAX_POINTS = 400;

export const within = (x: number, lo: number, hi: number): boolean => Number.isFinite(x) && x >= lo && x <= hi;
export const plausibleTime = (ms: number, now: number): boolean => Number.isFinite(ms) && Math.abs(ms - now) <= TIME_WINDOW_MS;
