import { describe, expect, it } from 'vitest';
import { binomialFromMode, createRng, randomSubset } from '../../../src/analysis/random';

/** Exact Binomial(n, p) probabilities by the recurrence from 0. */
function binomialPmf(n: number, p: number): number[] {
  const pmf = [Math.pow(1 - p, n)];
  for (let k = 0; k < n; k++) pmf.push(pmf[k]! * ((n - k) / (k + 1)) * (p / (1 - p)));
  return pmf;
}

describe('exact samplers of the integer-percentage null', () => {
  it.each([
    [12, 0.3],
    [40, 0.85],
    [1000, 0.2],
  ])('binomialFromMode(%i, %f) follows the binomial pmf (chi-square)', (n, p) => {
    const rng = createRng(5);
    const draws = 200_000;
    const observed = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < draws; i++) observed[binomialFromMode(rng, n, p)]!++;
    const pmf = binomialPmf(n, p);
    // Pool the cells with fewer than 20 expected draws into one, then a chi-square statistic.
    let chi2 = 0;
    let cells = 0;
    let pooledExpected = 0;
    let pooledObserved = 0;
    pmf.forEach((probability, k) => {
      const expected = probability * draws;
      if (expected < 20) {
        pooledExpected += expected;
        pooledObserved += observed[k]!;
        return;
      }
      chi2 += (observed[k]! - expected) ** 2 / expected;
      cells++;
    });
    if (pooledExpected > 0) {
      chi2 += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
      cells++;
    }
    // 99.9th percentile of chi-square with `cells − 1` degrees of freedom, Wilson–Hilferty.
    const df = cells - 1;
    const limit = df * (1 - 2 / (9 * df) + 3.09 * Math.sqrt(2 / (9 * df))) ** 3;
    expect(chi2).toBeLessThan(limit);
  });

  it('binomialFromMode handles the edges', () => {
    const rng = createRng(1);
    expect(binomialFromMode(rng, 0, 0.4)).toBe(0);
    expect(binomialFromMode(rng, 50, 0)).toBe(0);
    expect(binomialFromMode(rng, 50, 1)).toBe(50);
    for (let i = 0; i < 1000; i++) {
      const k = binomialFromMode(rng, 3, 0.999);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThanOrEqual(3);
    }
  });

  it('randomSubset picks k distinct positions, each equally often, and leaves the scratch clean', () => {
    const rng = createRng(9);
    const n = 10;
    const k = 4;
    const out = new Int32Array(k);
    const marks = new Uint8Array(n);
    const hits = new Array<number>(n).fill(0);
    const rounds = 50_000;
    for (let r = 0; r < rounds; r++) {
      randomSubset(rng, n, k, out, marks);
      expect(new Set(out).size).toBe(k);
      for (const i of out) hits[i]!++;
    }
    expect(marks.every((m) => m === 0)).toBe(true);
    // Each position is in the subset with probability k/n; 5 SDs of a binomial count.
    const expected = (rounds * k) / n;
    const sd = Math.sqrt(rounds * (k / n) * (1 - k / n));
    for (const h of hits) expect(Math.abs(h - expected)).toBeLessThan(5 * sd);
  });
});
