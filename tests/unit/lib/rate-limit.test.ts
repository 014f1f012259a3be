import { expect, test } from 'vitest';
import { rateLimiter } from '../../../lib/rate-limit';

test('at most max events in any window, per key; the window slides', () => {
  const limit = rateLimiter(2, 10_000);
  expect(limit.take(1, 0)).toBe(true);
  expect(limit.take(1, 9_999)).toBe(true);
  expect(limit.take(1, 9_999)).toBe(false);
  // Another tab has its own allowance.
  expect(limit.take(2, 9_999)).toBe(true);
  // The first event leaves the window at exactly 10 s.
  expect(limit.take(1, 9_999 + 1)).toBe(true);
  expect(limit.take(1, 10_001)).toBe(false);
  limit.forget(1);
  expect(limit.take(1, 10_001)).toBe(true);
});
