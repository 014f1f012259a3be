// Runs in: background. A sliding-window limit per key (a tab): at most `max` events in any `windowMs`. Pure apart
// from the clock passed in, so it is tested at its edges.
export function rateLimiter(max: number, windowMs: number) {
  const events = new Map<number, number[]>();
  return {
    /** Records an event for `key` at `now` if the limit allows it; false when it does not (nothing recorded). */
    take(key: number, now: number): boolean {
      const recent = (events.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= max) {
        events.set(key, recent);
        return false;
      }
      recent.push(now);
      events.set(key, recent);
      return true;
    },
    forget(key: number): void {
      events.delete(key);
    },
  };
}
