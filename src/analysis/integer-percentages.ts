import { METHODS } from './methods';
import { integerNullCounts, isIntegerPercent, type IntegerNullModel } from './integer-null';
import { integerPercentagesReading, uncertaintyDescription } from './readings';
import { ballotsCounted } from './station-figures';
import type { ExplainedResult, Reading, StationResult } from './types';

export interface IntegerPercentagesResult extends ExplainedResult {
  /** Stations passing the paper's inclusion criteria. */
  stationsIncluded: number;
  /** Stations whose turnout or leader's share is within ±0.05 points of a whole number. */
  observed: number;
  observedTurnout: number;
  observedLeaderShare: number;
  /** Mean and SD of the same count over the binomial Monte Carlo null. */
  expectedMean: number;
  expectedSd: number;
  excess: number;
  z: number;
  /** The 99.9th percentile of the null minus its mean, as the paper reports. */
  nullPercentile999Excess: number;
  /**
   * Included stations per 0.1-point bin of turnout and of the leader's share; bin k is centred on
   * k/10 percent (k = 0…1000), so whole percentages sit at k = 0, 10, 20, … (the paper's Figure 1).
   */
  histograms: { binWidthPoints: number; turnout: number[]; leaderShare: number[] };
  uncertainty: {
    expectedSd: number;
    draws: number;
    seed: number;
    nullModel: IntegerNullModel;
    described: Reading;
  };
}

/** Half-width of the window around a whole percentage (the paper's 0.1-point bins). */
export const INTEGER_HALF_WIDTH = 0.05;

/** 0.1-point bins from 0% to 100%, centred on the tenths. */
const HISTOGRAM_BINS = 1001;

/** The 0.1-point bin of 100·part/whole (clamped to 0…100%). */
function tenthOfPointBin(part: number, whole: number): number {
  return Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.round((1000 * part) / whole)));
}

/**
 * Kobak, Shpilkin & Pshenichnikov (AOAS 2016). Inclusion exactly as in their code: ballots in the
 * boxes > 0, at least 100 registered voters, turnout ≤ 99% and leader's share ≤ 99% (trivial
 * 100% values would otherwise count as "integer"). Turnout = ballots issued / registered;
 * leader's share = leader's votes / (valid + invalid). The null redraws, for every station,
 * ballots ~ Binomial(registered, observed turnout) and leader's votes ~ Binomial(valid + invalid,
 * observed share) and counts integer stations again; excess = observed − mean of the null.
 *
 * @example
 * const result = integerPercentages(stations, 'putin', { draws: 1000, seed: 42 });
 * result.excess; // ≈ 1,000 for Russia 2011
 */
export function integerPercentages(
  stations: readonly StationResult[],
  leader: string,
  {
    draws = 1000,
    seed = 42,
    nullModel = 'exact-indicator',
  }: { draws?: number; seed?: number; nullModel?: IntegerNullModel } = {},
): IntegerPercentagesResult {
  const included = stations.filter((s) => {
    if (s.officialMissing) return false;
    const counted = ballotsCounted(s);
    if (!(counted > 0) || !(s.registered >= 100)) return false;
    return s.ballotsCast / s.registered <= 0.99 && (s.votes[leader] ?? 0) / counted <= 0.99;
  });

  let observed = 0;
  let observedTurnout = 0;
  let observedLeaderShare = 0;
  const turnoutHistogram = new Array<number>(HISTOGRAM_BINS).fill(0);
  const shareHistogram = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const s of included) {
    turnoutHistogram[tenthOfPointBin(s.ballotsCast, s.registered)]!++;
    shareHistogram[tenthOfPointBin(s.votes[leader] ?? 0, ballotsCounted(s))]!++;
    const turnoutInteger = isIntegerPercent(s.ballotsCast, s.registered);
    const shareInteger = isIntegerPercent(s.votes[leader] ?? 0, ballotsCounted(s));
    if (turnoutInteger) observedTurnout++;
    if (shareInteger) observedLeaderShare++;
    if (turnoutInteger || shareInteger) observed++;
  }

  const counts = integerNullCounts(
    included.map((s) => ({
      registered: s.registered,
      ballotsCast: s.ballotsCast,
      counted: ballotsCounted(s),
      leaderVotes: s.votes[leader] ?? 0,
    })),
    draws,
    seed,
    nullModel,
    INTEGER_HALF_WIDTH,
  );
  let sum = 0;
  for (const c of counts) sum += c;
  const mean = sum / draws;
  let squares = 0;
  for (const c of counts) squares += (c - mean) ** 2;
  const sd = Math.sqrt(squares / draws);
  counts.sort();
  const p999 = counts[Math.min(draws - 1, Math.floor(0.999 * (draws - 1)))]! - mean;
  const excess = observed - mean;
  const z = sd > 0 ? excess / sd : 0;

  return {
    method: METHODS.integerPercentages,
    inputs: {
      leader,
      turnout: 'ballotsCast / registered',
      leaderShare: `votes.${leader} / (valid + invalid)`,
      inclusion: 'valid + invalid > 0, registered ≥ 100, turnout ≤ 99%, leader share ≤ 99%',
      window: `±${INTEGER_HALF_WIDTH} percentage points around a whole number`,
      stationsGiven: stations.length,
      nullModel,
    },
    sampleSize: included.length,
    stationsIncluded: included.length,
    observed,
    observedTurnout,
    observedLeaderShare,
    expectedMean: mean,
    expectedSd: sd,
    excess,
    z,
    nullPercentile999Excess: p999,
    histograms: { binWidthPoints: 0.1, turnout: turnoutHistogram, leaderShare: shareHistogram },
    uncertainty: {
      expectedSd: sd,
      draws,
      seed,
      nullModel,
      described: uncertaintyDescription.monteCarloNull(draws, seed),
    },
    reading: integerPercentagesReading(excess, z, included.length),
  };
}
