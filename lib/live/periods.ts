// Runs in: background, options, tests. How often each refresh job runs after a success, in minutes: the one table
// the jobs, the freshness limits (three periods) and the options page read.
export const JOB_PERIOD_MIN = { rates: 10, prices: 10, charts: 60, yields: 60, tvl: 60, exit: 60 } as const;
