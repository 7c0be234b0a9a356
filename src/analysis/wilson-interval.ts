import type { Interval } from './types';

/**
 * Wilson score interval for a proportion (Wilson 1927): unlike the normal "p ± 1.96·se" it
 * stays inside [0, 1] and behaves for small samples and shares near 0 or 1.
 *
 * @example
 * wilsonInterval(45, 100); // { low: 0.356, high: 0.548, level: 0.95, kind: 'Wilson score' }
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959963984540054): Interval {
  if (trials <= 0) return { low: NaN, high: NaN, level: 0.95, kind: 'Wilson score' };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return {
    low: Math.max(0, centre - halfWidth),
    high: Math.min(1, centre + halfWidth),
    level: 0.95,
    kind: 'Wilson score',
  };
}
