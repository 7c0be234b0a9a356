import { METHODS } from './methods';
import { createRng, percentileInterval } from './random';
import { anomalousVotesNotFittedReading, anomalousVotesReading, uncertaintyDescription } from './readings';
import { ballotsCounted } from './station-figures';
import type { ExplainedResult, Interval, StationResult } from './types';

export interface AnomalousVotesResult extends ExplainedResult {
  /** The turnout at the peak of the voter-weighted turnout distribution. */
  cleanTurnout: number;
  /** The leader's share at stations with turnout up to the peak. */
  cleanShare: number;
  /** Leader's votes above what the clean share predicts, at stations beyond the peak. */
  votes: number;
  stationsAbovePeak: number;
  uncertainty: Interval;
  /**
   * Whether the method could be fitted on the data. When it could not, `votes`, `cleanTurnout`,
   * `cleanShare` and the interval are NaN (null in JSON) and `notFitted` says why: a degenerate
   * fit is never reported as a finding.
   */
  fitted: boolean;
  notFitted?: AnomalousVotesNotFitted;
}

/** Why Shpilkin's method could not be fitted, with the figures that show it. */
export interface AnomalousVotesNotFitted {
  reason: 'too-few-stations' | 'too-few-at-peak' | 'clean-share-degenerate';
  /** Stations with a published result, registered voters and counted ballots. */
  stations: number;
  /** The turnout peak found (NaN when there were too few stations to look for one). */
  peak: number;
  stationsAtOrBelowPeak: number;
  /** The leader's share at stations up to the peak (NaN when there are none). */
  cleanShare: number;
  /** The least number of stations the failed condition needs. */
  needed: number;
}

/** Width of the turnout bins used to find the peak (half a point), and the smoothing window. */
const PEAK_BIN = 0.005;
const SMOOTHING_BINS = 2;
/**
 * The mode of a histogram of 190 half-point bins is noise on a few dozen stations, and the clean
 * share needs stations at the peak to rest on: below these counts the method is not fitted.
 */
export const ANOMALOUS_MIN_STATIONS = 100;
export const ANOMALOUS_MIN_AT_PEAK = 30;

/**
 * Shpilkin's clean-peak estimate. In a fair election the leader's share does not depend on
 * turnout, so the peak of the voter-weighted turnout distribution and the share at stations up
 * to it describe the "clean" vote. Beyond the peak every station's other-choice ballots are taken
 * as genuine and the leader's votes in excess of others × r/(1 − r) are anomalous (stuffed or
 * rewritten). Stations below the peak are not counted, so the estimate is conservative; its 95%
 * interval resamples whole districts (peak held fixed), or stations when districts are unknown.
 *
 * @example
 * const { votes, cleanTurnout } = anomalousVotes(stations, 'united-russia', { seed: 1 });
 */
export function anomalousVotes(
  stations: readonly StationResult[],
  leader: string,
  { seed = 42, bootstrapDraws = 1000 }: { seed?: number; bootstrapDraws?: number } = {},
): AnomalousVotesResult {
  const used = stations.filter((s) => !s.officialMissing && s.registered > 0 && ballotsCounted(s) > 0);
  const n = used.length;
  const turnout = new Float64Array(n);
  const leaderVotes = new Float64Array(n);
  const counted = new Float64Array(n);
  const registered = new Float64Array(n);
  used.forEach((s, i) => {
    turnout[i] = s.ballotsCast / s.registered;
    leaderVotes[i] = s.votes[leader] ?? 0;
    counted[i] = ballotsCounted(s);
    registered[i] = s.registered;
  });
  const cleanTurnout = n >= ANOMALOUS_MIN_STATIONS ? turnoutPeak(turnout, registered) : NaN;

  // Each station adds to four sums: leader's and counted ballots at or below the peak, leader's
  // and the others' ballots above it. The estimate and every bootstrap replicate need only these.
  const cleanLeader = new Float64Array(n);
  const cleanCounted = new Float64Array(n);
  const aboveLeader = new Float64Array(n);
  const aboveOthers = new Float64Array(n);
  let stationsAbovePeak = 0;
  for (let i = 0; i < n; i++) {
    if (turnout[i]! <= cleanTurnout) {
      cleanLeader[i] = leaderVotes[i]!;
      cleanCounted[i] = counted[i]!;
    } else {
      aboveLeader[i] = leaderVotes[i]!;
      aboveOthers[i] = counted[i]! - leaderVotes[i]!;
      stationsAbovePeak++;
    }
  }
  const estimate = (l: number, c: number, al: number, ao: number) => {
    const share = c > 0 ? l / c : 0;
    const odds = share < 1 ? share / (1 - share) : 0;
    return { share, votes: al - ao * odds };
  };
  const total = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);
  const point = estimate(total(cleanLeader), total(cleanCounted), total(aboveLeader), total(aboveOthers));
  const stationsAtOrBelowPeak = n - stationsAbovePeak;
  const failure = notFittedReason(n, cleanTurnout, stationsAtOrBelowPeak, total(cleanCounted), point.share);
  if (failure) return notFittedResult(failure, leader, n, stationsAbovePeak, seed, bootstrapDraws);
  const rng = createRng(seed);
  const replicates = new Float64Array(bootstrapDraws);
  // Stations of one district share its politics, so the interval resamples whole districts
  // (a cluster bootstrap) when there are enough of them; otherwise single stations.
  const clusterOf = new Map<string, number>();
  const cluster = used.map((s, i) => {
    const key = s.district ?? `station ${i}`;
    if (!clusterOf.has(key)) clusterOf.set(key, clusterOf.size);
    return clusterOf.get(key)!;
  });
  const clusters = clusterOf.size >= 30 ? clusterOf.size : n;
  const sums = new Float64Array(4 * clusters);
  for (let i = 0; i < n; i++) {
    const c = 4 * (clusters === n ? i : cluster[i]!);
    sums[c]! += cleanLeader[i]!;
    sums[c + 1]! += cleanCounted[i]!;
    sums[c + 2]! += aboveLeader[i]!;
    sums[c + 3]! += aboveOthers[i]!;
  }
  for (let b = 0; b < bootstrapDraws; b++) {
    let l = 0;
    let c = 0;
    let al = 0;
    let ao = 0;
    for (let r = 0; r < clusters; r++) {
      const i = 4 * rng.nextInt(clusters);
      l += sums[i]!;
      c += sums[i + 1]!;
      al += sums[i + 2]!;
      ao += sums[i + 3]!;
    }
    replicates[b] = estimate(l, c, al, ao).votes;
  }
  const { low, high } = percentileInterval(replicates);

  return {
    method: METHODS.anomalousVotes,
    inputs: inputsOf(leader),
    sampleSize: n,
    cleanTurnout,
    cleanShare: point.share,
    votes: point.votes,
    stationsAbovePeak,
    uncertainty: {
      low,
      high,
      level: 0.95,
      kind: `${clusters === n ? 'bootstrap over stations' : `cluster bootstrap over ${clusters} districts`} (${bootstrapDraws} draws, seed ${seed})`,
      described:
        clusters === n
          ? uncertaintyDescription.bootstrap('stations', bootstrapDraws, seed)
          : uncertaintyDescription.bootstrap('districts', bootstrapDraws, seed, clusters),
    },
    fitted: true,
    reading: anomalousVotesReading(point.votes, low, high, cleanTurnout),
  };
}

const inputsOf = (leader: string) => ({
  leader,
  peak: `mode of the voter-weighted turnout histogram (${PEAK_BIN * 100}-point bins, ±${SMOOTHING_BINS}-bin moving average, below 95%)`,
  cleanShare: 'leader / (valid + invalid) at stations with turnout ≤ peak',
  anomalous: 'Σ over stations above the peak of leader − others × r/(1 − r)',
  fitted: `at least ${ANOMALOUS_MIN_STATIONS} stations, ${ANOMALOUS_MIN_AT_PEAK} of them at or below the peak, and a clean share strictly between 0 and 1`,
});

/**
 * Why the fit is degenerate, or undefined when it is sound: too few stations to locate a peak,
 * too few at or below it to estimate the clean share, or a clean share of 0 or 1 (the leader has
 * none or all of the ballots there, so r/(1 − r) is 0 or infinite and every vote, or none, would
 * count as anomalous).
 */
function notFittedReason(
  stations: number,
  peak: number,
  atOrBelowPeak: number,
  cleanCounted: number,
  cleanShare: number,
): AnomalousVotesNotFitted | undefined {
  const share = cleanCounted > 0 ? cleanShare : NaN;
  const base = { stations, peak, stationsAtOrBelowPeak: atOrBelowPeak, cleanShare: share };
  if (stations < ANOMALOUS_MIN_STATIONS)
    return { reason: 'too-few-stations', ...base, stationsAtOrBelowPeak: 0, needed: ANOMALOUS_MIN_STATIONS };
  if (atOrBelowPeak < ANOMALOUS_MIN_AT_PEAK)
    return { reason: 'too-few-at-peak', ...base, needed: ANOMALOUS_MIN_AT_PEAK };
  if (!(share > 0 && share < 1)) return { reason: 'clean-share-degenerate', ...base, needed: 0 };
  return undefined;
}

function notFittedResult(
  notFitted: AnomalousVotesNotFitted,
  leader: string,
  sampleSize: number,
  stationsAbovePeak: number,
  seed: number,
  bootstrapDraws: number,
): AnomalousVotesResult {
  return {
    method: METHODS.anomalousVotes,
    inputs: inputsOf(leader),
    sampleSize,
    cleanTurnout: NaN,
    cleanShare: NaN,
    votes: NaN,
    stationsAbovePeak,
    uncertainty: {
      low: NaN,
      high: NaN,
      level: 0.95,
      kind: `not computed: the method was not fitted (${bootstrapDraws} draws, seed ${seed} unused)`,
      described: uncertaintyDescription.notFitted(),
    },
    fitted: false,
    notFitted,
    reading: anomalousVotesNotFittedReading(notFitted),
  };
}

/** The centre of the highest bin of the smoothed, voter-weighted turnout histogram below 95%. */
export function turnoutPeak(turnout: Float64Array, weights: Float64Array): number {
  const bins = Math.round(0.95 / PEAK_BIN);
  const histogram = new Float64Array(bins);
  for (let i = 0; i < turnout.length; i++) {
    const bin = Math.floor(turnout[i]! / PEAK_BIN);
    if (bin >= 0 && bin < bins) histogram[bin]! += weights[i]!;
  }
  // The moving average turns a lone full bin into a plateau of equal sums; its first bin lies
  // left of the mass (all stations would be "above the peak"), so a plateau's middle is taken.
  let best = 0;
  let bestEnd = 0;
  let bestValue = -1;
  for (let b = 0; b < bins; b++) {
    let sum = 0;
    for (let k = Math.max(0, b - SMOOTHING_BINS); k <= Math.min(bins - 1, b + SMOOTHING_BINS); k++)
      sum += histogram[k]!;
    if (sum > bestValue) {
      bestValue = sum;
      best = b;
      bestEnd = b;
    } else if (sum === bestValue && bestEnd === b - 1) bestEnd = b;
  }
  return (Math.floor((best + bestEnd) / 2) + 0.5) * PEAK_BIN;
}
