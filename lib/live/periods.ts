// Runs in: background, options, tests. How often each refresh job runs after a success, in minutes, and how long a
// figure stays fresh (three periods of its job): the one table the jobs, the live facts and the options page read.
export const JOB_PERIOD_MIN = {
  rates: 10,
  prices: 10,
  charts: 60,
  yields: 60,
  // Which pool a shipped DefiLlama pool id names changes only if the registry is wrong: once a day is plenty.
  poolcheck: 24 * 60,
  tvl: 60,
  exit: 60,
  redemption: 60,
  // The aggregator cross-check: 4 requests a token, 500 ms apart, on KyberSwap's keyless tier; every 6 hours keeps
  // the whole registry's run under a minute and well inside its limits, and depth moves slowly.
  aggregator: 6 * 60,
  // Slashing (issue 14): the staker map rotates hourly (enumeration once a day inside it), the exposure fast
  // paths run hourly: allocations take effect after an operator's allocation delay and Symbiotic limits after an
  // epoch, so an hour loses nothing a holder could act on.
  stakers: 60,
  exposure: 60,
  vaults: 60,
  // Backing (issue 16): a mix moves with deposits and withdrawals; a route's verifier set only by an owner's transaction.
  backing: 60,
  lzRoutes: 1440,
  // Admin discovery (issue 16): who can upgrade what changes through governance, days ahead; daily is the method's.
  admin: 1440,
} as const;

/** How long a live value counts as fresh: three refresh periods of its job. After that it shows grey, with its age. */
export const FRESH_MIN = {
  rate: 3 * JOB_PERIOD_MIN.rates,
  supply: 3 * JOB_PERIOD_MIN.rates,
  price: 3 * JOB_PERIOD_MIN.prices,
  chart: 3 * JOB_PERIOD_MIN.charts,
  yield: 3 * JOB_PERIOD_MIN.yields,
  poolcheck: 3 * JOB_PERIOD_MIN.poolcheck,
  tvl: 3 * JOB_PERIOD_MIN.tvl,
  exit: 3 * JOB_PERIOD_MIN.exit,
  slashing: 3 * JOB_PERIOD_MIN.exposure,
  redemption: 3 * JOB_PERIOD_MIN.redemption,
  aggregator: 3 * JOB_PERIOD_MIN.aggregator,
  /** Recomputed on every rates run; its own staleness (the newest sample's age) is judged in rate-apy.ts. */
  rateapy: 3 * JOB_PERIOD_MIN.rates,
  backing: 3 * JOB_PERIOD_MIN.backing,
  'lz-routes': 3 * JOB_PERIOD_MIN.lzRoutes,
  /** Not three periods: the method's ADMIN_DISCOVERY_TTL_MS (two days, one missed run tolerated). */
  admin: 2 * JOB_PERIOD_MIN.admin,
} as const;
