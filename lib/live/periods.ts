// Runs in: background, options, tests. How often each refresh job runs after a success, in minutes: the one table
// the jobs, the freshness limits (three periods) and the options page read.
export const JOB_PERIOD_MIN = { rates: 10, prices: 10, charts: 60, yields: 60, tvl: 60, exit: 60,
  // Slashing (issue 14): the staker map rotates hourly (enumeration once a day inside it), the exposure fast
  // paths run hourly: allocations take effect after an operator's allocation delay and Symbiotic limits after an
  // epoch, so an hour loses nothing a holder could act on.
  stakers: 60,
  exposure: 60,
  vaults: 60,
} as const;
