import { describe, expect, it } from 'vitest';
import { SlidingWindowCounter } from '../../../../src/domain/spam/rate-window';

const HOUR = 60 * 60_000;
const T0 = Date.parse('2021-01-10T09:00:00Z');

describe('SlidingWindowCounter', () => {
  it('counts the events of one key inside the window ending at a moment', () => {
    const counter = new SlidingWindowCounter(HOUR);
    expect(counter.add('a', T0)).toBe(1);
    expect(counter.add('a', T0 + 20 * 60_000)).toBe(2);
    expect(counter.add('b', T0 + 30 * 60_000)).toBe(1);
    expect(counter.count('a', T0 + 59 * 60_000)).toBe(2);
    expect(counter.count('a', T0 + HOUR)).toBe(1); // the window is (t − 1 h, t]: T0 has left it
    expect(counter.count('a', T0 + 3 * HOUR)).toBe(0);
  });

  it('counts a message delayed by a blackout at the time it was sent', () => {
    const counter = new SlidingWindowCounter(HOUR);
    counter.add('p', T0 + 2 * HOUR);
    expect(counter.add('p', T0 + 10 * 60_000)).toBe(1);
    expect(counter.count('p', T0 + 30 * 60_000)).toBe(1);
    expect(counter.count('p', T0 + 2 * HOUR)).toBe(1);
  });

  it('forgets old events yet keeps counting a long steady stream exactly', () => {
    const counter = new SlidingWindowCounter(60_000);
    for (let i = 0; i < 10_000; i++) counter.add('flood', T0 + i * 1000);
    expect(counter.count('flood', T0 + 9999 * 1000)).toBe(60);
  });

  it('refuses a window that is not positive', () => {
    expect(() => new SlidingWindowCounter(0)).toThrow(/positive/);
  });
});
