import { METHODS } from './methods';
import { BinomialSampler, createRng, percentileInterval } from './random';
import { upperQuantile } from './normal-distribution';
import { digitTestsReading, uncertaintyDescription } from './readings';
import { withOfficialResult } from './station-figures';
import type { ExplainedResult, Reading, Interval, StationResult } from './types';

/** Mean of the second digit under Benford's second-digit law (Mebane). */
export const SECOND_DIGIT_EXPECTED_MEAN = 4.187;
/** Mean of a uniform last digit, and the share of 0s and 5s. */
export const LAST_DIGIT_EXPECTED_MEAN = 4.5;
export const ZERO_FIVE_EXPECTED_SHARE = 0.2;

export interface DigitStatistic {
  value: number;
  expected: number;
  counts: number;
  interval: Interval;
  /** (value − expected) / bootstrap SD. */
  z: number;
  /** |z| beyond the Bonferroni-corrected 5% level over all the report's digit statistics. */
  departs: boolean;
}

export interface DigitTestsForChoice {
  secondDigitMean: DigitStatistic;
  lastDigitMean: DigitStatistic;
  zeroFiveShare: DigitStatistic;
}

export interface DigitTestsResult extends ExplainedResult {
  byChoice: Record<string, DigitTestsForChoice>;
  uncertainty: { kind: string; described: Reading };
}

/**
 * Mebane's digit tests on official vote counts per station: the mean of the second digit
 * (counts ≥ 10) against Benford's 4.187; the mean of the last digit (counts ≥ 100, so that the
 * last digit is not bound by the count's size) against 4.5; and the share of last digits 0 or 5
 * against 20% (Beber & Scacco). A statistic departs when its bootstrap z exceeds the Bonferroni-
 * corrected 5% level over all statistics reported. Bootstrap intervals resample the counts; since the statistics
 * depend only on the digit histogram, a resample is drawn as a multinomial over the 10 digits.
 *
 * @example
 * digitTests(stations).byChoice.putin.lastDigitMean.value; // ≈ 4.5 in a clean count
 */
export function digitTests(
  stations: readonly StationResult[],
  { seed = 42, bootstrapDraws = 1000 }: { seed?: number; bootstrapDraws?: number } = {},
): DigitTestsResult {
  const official = withOfficialResult(stations);
  const choices = new Set<string>();
  for (const s of official) for (const c of Object.keys(s.votes)) choices.add(c);
  const rng = createRng(seed);
  const byChoice: Record<string, DigitTestsForChoice> = {};
  const flagged: { choice: string; statistic: string }[] = [];
  let sample = 0;
  for (const choice of choices) {
    const second = new Float64Array(10);
    const last = new Float64Array(10);
    for (const s of official) {
      const count = Math.round(s.votes[choice] ?? 0);
      if (count >= 10) second[secondDigit(count)]!++;
      if (count >= 100) last[count % 10]!++;
    }
    const tests: DigitTestsForChoice = {
      secondDigitMean: digitStatistic(second, meanDigit, SECOND_DIGIT_EXPECTED_MEAN, rng, bootstrapDraws),
      lastDigitMean: digitStatistic(last, meanDigit, LAST_DIGIT_EXPECTED_MEAN, rng, bootstrapDraws),
      zeroFiveShare: digitStatistic(last, zeroFiveShare, ZERO_FIVE_EXPECTED_SHARE, rng, bootstrapDraws),
    };
    sample += tests.secondDigitMean.counts;
    byChoice[choice] = tests;
  }
  // Many statistics are tested at once: a Bonferroni correction keeps a clean count quiet.
  const tests = Object.values(byChoice).flatMap((t) => Object.values(t) as DigitStatistic[]);
  const critical = upperQuantile(0.05 / (2 * Math.max(1, tests.length)));
  for (const [choice, t] of Object.entries(byChoice)) {
    for (const [name, statistic] of Object.entries(t) as [string, DigitStatistic][]) {
      statistic.departs = statistic.counts > 0 && Math.abs(statistic.z) > critical;
      if (statistic.departs) flagged.push({ choice, statistic: name });
    }
  }
  return {
    method: METHODS.digitTests,
    inputs: {
      counts: 'official votes per choice per station',
      secondDigit: 'counts ≥ 10',
      lastDigit: 'counts ≥ 100',
    },
    sampleSize: sample,
    byChoice,
    uncertainty: {
      kind: `bootstrap over counts (${bootstrapDraws} draws, seed ${seed})`,
      described: uncertaintyDescription.bootstrap('counts', bootstrapDraws, seed),
    },
    reading: digitTestsReading(flagged),
  };
}

/** The second significant digit of a positive integer ≥ 10. */
export function secondDigit(count: number): number {
  let value = count;
  while (value >= 100) value = Math.floor(value / 10);
  return value % 10;
}

function meanDigit(histogram: Float64Array): number {
  let total = 0;
  let sum = 0;
  for (let d = 0; d < 10; d++) {
    total += histogram[d]!;
    sum += d * histogram[d]!;
  }
  return total > 0 ? sum / total : NaN;
}

function zeroFiveShare(histogram: Float64Array): number {
  let total = 0;
  for (let d = 0; d < 10; d++) total += histogram[d]!;
  return total > 0 ? (histogram[0]! + histogram[5]!) / total : NaN;
}

function digitStatistic(
  histogram: Float64Array,
  statistic: (h: Float64Array) => number,
  expected: number,
  rng: ReturnType<typeof createRng>,
  draws: number,
): DigitStatistic {
  let total = 0;
  for (const c of histogram) total += c;
  const replicates = new Float64Array(draws);
  const resampled = new Float64Array(10);
  for (let b = 0; b < draws; b++) {
    // Multinomial(total, histogram/total) as a chain of conditional binomials.
    let remaining = total;
    let mass = 1;
    for (let d = 0; d < 10; d++) {
      const p = total > 0 ? histogram[d]! / total : 0;
      const k =
        d === 9 || mass <= 0 ? remaining : new BinomialSampler(remaining, Math.min(1, p / mass)).draw(rng);
      resampled[d] = k;
      remaining -= k;
      mass -= p;
    }
    replicates[b] = statistic(resampled);
  }
  let mean = 0;
  for (const r of replicates) mean += r / draws;
  let variance = 0;
  for (const r of replicates) variance += (r - mean) ** 2 / draws;
  const { low, high } = percentileInterval(replicates);
  const value = statistic(histogram);
  return {
    value,
    expected,
    counts: total,
    interval: { low, high, level: 0.95, kind: 'bootstrap percentile' },
    z: variance > 0 ? (value - expected) / Math.sqrt(variance) : 0,
    departs: false,
  };
}
