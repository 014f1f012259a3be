// Runs in: background, popup, tests. What each kind of failure means, in our words: what cards and the popup show
// instead of any outside text (responses, hosts). The options page's data status alone shows the full message.
/** Why a source produced no value this time. */
export type FailureKind =
  | 'http'
  | 'over-limit'
  | 'timeout'
  | 'rate-limited'
  | 'malformed'
  | 'schema'
  | 'implausible'
  | 'oversized'
  | 'network'
  | 'revert'
  | 'wrong-chain'
  | 'no-data'
  | 'budget';

/** What a failure means, for a card: short, ours, no outside text. */
export const FAILURE_TEXT: Record<FailureKind, string> = {
  http: 'the data service answered with an error',
  'over-limit': 'the data service refused a request as too large',
  timeout: 'the source did not answer in time',
  'rate-limited': 'the source asked us to slow down',
  malformed: 'the source sent data that could not be read',
  schema: 'the source sent data in an unexpected shape',
  implausible: 'the source sent a value outside plausible bounds',
  oversized: 'the source sent too much data',
  network: 'the source could not be reached',
  revert: 'the contract call reverted',
  'wrong-chain': 'no RPC endpoint on the right chain',
  'no-data': 'the source has no value for it',
  budget: 'the read was cut short by its call budget',
};


/** For a kind read back from storage or a message: unknown kinds read as a plain failure. */
export const failureText = (kind: string): string => (Object.hasOwn(FAILURE_TEXT, kind) ? FAILURE_TEXT[kind as FailureKind] : 'failed');
