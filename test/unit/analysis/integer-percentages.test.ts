import { describe, expect, it } from 'vitest';
import {
  integerNullCounts,
  integerPercentProbability,
  isIntegerPercent,
} from '../../../src/analysis/integer-null';
import { integerPercentages } from '../../../src/analysis/integer-percentages';
import { cleanElection, everyKth } from './synthetic-election';

describe('integer percentages (Kobak, Shpilkin & Pshenichnikov 2016)', () => {
  it('finds nothing in a clean election', () => {
    const result = integerPercentages(cleanElection({ seed: 3 }), 'leader', { draws: 1000, seed: 9 });
    expect(result.stationsIncluded).toBeGreaterThan(19000);
    expect(Math.abs(result.z)).toBeLessThan(3);
    expect(result.reading.en).toMatch(/no more frequent than chance/);
    expect(result.method.citation).toMatch(/Annals of Applied Statistics/);
  });

  it('detects turnouts and shares written to whole percentages and sizes the excess', () => {
    const stations = cleanElection({ seed: 4 });
    const rigged = everyKth(stations, 10); // 2,000 stations
    const isInteger = (s: (typeof stations)[number]) =>
      isIntegerPercent(s.ballotsCast, s.registered) || isIntegerPercent(s.votes.leader!, s.valid + s.invalid);
    const integerBefore = rigged.filter(isInteger).length;
    for (const s of rigged) {
      // The commission writes a round turnout and a round leader's share, as in the paper's example.
      const turnout = Math.round((100 * s.ballotsCast) / s.registered) / 100;
      s.ballotsCast = Math.round(turnout * s.registered);
      s.valid = s.ballotsCast - s.invalid;
      const share = Math.round((100 * s.votes.leader!) / s.ballotsCast) / 100;
      const leader = Math.round(share * s.ballotsCast);
      s.votes = { leader, second: s.valid - leader, third: 0 };
    }
    const result = integerPercentages(stations, 'leader', { draws: 1000, seed: 9 });
    // Planted: the integer stations the rigging created (small stations cannot always hit ±0.05).
    const planted = rigged.filter(isInteger).length - integerBefore;
    expect(planted).toBeGreaterThan(1000);
    // Tolerance: 4 SD of the null (plus the null's own noise among the rigged stations).
    expect(Math.abs(result.excess - planted)).toBeLessThan(4 * result.expectedSd + 30);
    expect(result.z).toBeGreaterThan(10);
  });

  it('applies the paper’s inclusion criteria', () => {
    const stations = cleanElection({ stations: 200, seed: 5 });
    stations[0]!.registered = 99; // too small
    stations[1]!.ballotsCast = stations[1]!.registered; // 100% turnout
    stations[2]!.officialMissing = true;
    const result = integerPercentages(stations, 'leader', { draws: 1000 });
    const excluded = stations.filter((s) => s.registered < 100).length;
    expect(result.stationsIncluded).toBeLessThanOrEqual(200 - 3);
    expect(result.stationsIncluded).toBeLessThanOrEqual(200 - excluded);
  });

  it('computes the exact probability of an integer percentage', () => {
    // Brute force over every outcome of a small binomial.
    const n = 137;
    const p = 0.41;
    let brute = 0;
    let pmf = Math.pow(1 - p, n);
    for (let k = 0; k <= n; k++) {
      if (isIntegerPercent(k, n)) brute += pmf;
      pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
    }
    expect(integerPercentProbability(n, p)).toBeCloseTo(brute, 12);
    expect(integerPercentProbability(1000, 0.6)).toBeGreaterThan(0.05);
  });

  it('gives the same null whether it draws indicators exactly or redraws the binomials', () => {
    const stations = cleanElection({ stations: 3000, seed: 6 }).map((s) => ({
      registered: s.registered,
      ballotsCast: s.ballotsCast,
      counted: s.valid + s.invalid,
      leaderVotes: s.votes.leader!,
    }));
    const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
    const exact = integerNullCounts(stations, 2000, 1, 'exact-indicator');
    const direct = integerNullCounts(stations, 2000, 2, 'direct-binomial');
    const sd = Math.sqrt(exact.reduce((x, y) => x + (y - mean(exact)) ** 2, 0) / exact.length);
    expect(Math.abs(mean(exact) - mean(direct))).toBeLessThan(4 * sd * Math.sqrt(2 / 2000) + 1);
  });

  it('is reproducible with a seed', () => {
    const stations = cleanElection({ stations: 2000, seed: 7 });
    const a = integerPercentages(stations, 'leader', { seed: 11 });
    const b = integerPercentages(stations, 'leader', { seed: 11 });
    expect(a.expectedMean).toBe(b.expectedMean);
    expect(a.expectedSd).toBe(b.expectedSd);
  });
});
