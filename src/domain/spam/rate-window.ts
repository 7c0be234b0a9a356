/**
 * Sliding-window counters fed with timestamps: "how many votes from this account in the last
 * hour", "how many reports at this precinct in the last hour". Pure and clock-free — the caller
 * passes each message's own timestamp, so replaying a day of traffic gives the same counts, and
 * messages delayed by an internet blackout are counted when they were sent, not when they came.
 */

/**
 * Counts events per key within the `windowMs` before a moment. Events may arrive out of order;
 * each key keeps its timestamps sorted and forgets those older than twice the window behind
 * the newest it has seen.
 *
 * @example
 * const perAccount = new SlidingWindowCounter(60 * 60_000);
 * perAccount.add('account-7', Date.parse('2021-01-10T09:00:00Z'));
 * perAccount.add('account-7', Date.parse('2021-01-10T09:20:00Z'));
 * perAccount.count('account-7', Date.parse('2021-01-10T09:30:00Z')); // 2
 * perAccount.count('account-7', Date.parse('2021-01-10T10:10:00Z')); // 1
 */
export class SlidingWindowCounter {
  private readonly times = new Map<string, number[]>();

  constructor(readonly windowMs: number) {
    if (!(windowMs > 0)) throw new Error('SlidingWindowCounter: the window must be positive');
  }

  /** Records an event and returns the count in the window ending at it (this event included). */
  add(key: string, atMs: number): number {
    let times = this.times.get(key);
    if (!times) {
      times = [];
      this.times.set(key, times);
    }
    times.splice(upperBound(times, atMs), 0, atMs);
    const horizon = times[times.length - 1]! - 2 * this.windowMs;
    const stale = upperBound(times, horizon);
    if (stale > 64 || stale > times.length / 2) times.splice(0, stale);
    return this.count(key, atMs);
  }

  /** Events in (atMs − window, atMs]. */
  count(key: string, atMs: number): number {
    const times = this.times.get(key);
    if (!times) return 0;
    return upperBound(times, atMs) - upperBound(times, atMs - this.windowMs);
  }

  /** Keys with at least one event kept (for sweeping idle keys). */
  get keys(): number {
    return this.times.size;
  }
}

/** First index whose value is greater than `value` in a sorted array. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
