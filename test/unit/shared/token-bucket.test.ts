import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../src/shared/token-bucket';

/** A clock the test moves by hand. */
function manualClock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TokenBucket', () => {
  it('starts full with a one-second burst and refills continuously at its rate', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(4, undefined, clock.now);
    expect(bucket.available()).toBe(4);
    for (let i = 0; i < 4; i += 1) bucket.take();
    expect(bucket.available()).toBe(0);
    expect(bucket.msUntilAvailable()).toBe(250);
    clock.advance(250);
    expect(bucket.available()).toBe(1);
    clock.advance(10_000);
    expect(bucket.available()).toBe(4); // never more than its capacity
  });

  it('keeps a capacity other than its rate (a client allowed bursts)', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(1, 5, clock.now);
    expect(bucket.available()).toBe(5);
    bucket.take(5);
    expect(bucket.msUntilAvailable()).toBe(1000);
  });

  it('goes into debt when a committed send takes more than is left, so the next one waits longer', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(2, undefined, clock.now);
    bucket.take(3); // a message of three API calls, sent whole
    expect(bucket.available()).toBe(-1);
    expect(bucket.msUntilAvailable()).toBe(1000);
    expect(bucket.msUntilAvailable(2)).toBe(1500);
    clock.advance(1000);
    expect(bucket.available()).toBe(1);
  });

  it('refuses a rate that is not positive (an unlimited channel has no bucket)', () => {
    expect(() => new TokenBucket(0)).toThrow(/rate must be positive/);
  });
});
