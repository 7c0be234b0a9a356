import { anomalousVotes, type AnomalousVotesResult } from './anomalous-votes';
import { digitTests, type DigitTestsResult } from './digit-tests';
import { fingerprint, type FingerprintResult } from './fingerprint';
import { integerPercentages, type IntegerPercentagesResult } from './integer-percentages';
import { observerEffect, type ObserverEffectResult } from './observer-effect';
import { photoEvidence, type PhotoEvidenceResult } from './photo-evidence';
import { protocolDiscrepancies, type ProtocolDiscrepanciesResult } from './protocol-discrepancies';
import { ballotsCounted, choiceIds, leaderOf, withOfficialResult } from './station-figures';
import { tallies, type TalliesResult } from './tallies';
import { turnoutInflation, type TurnoutInflationResult } from './turnout-inflation';
import type { AnalysisOptions, StationResult } from './types';

/** Everything the data allows; a method whose inputs are absent is `null`. */
export interface AnalysisReport {
  summary: {
    stations: number;
    stationsWithOfficialResult: number;
    registered: number;
    ballotsCast: number;
    turnout: number;
    leader: string;
    leaderVotes: number;
    leaderShare: number;
    seed: number;
  };
  tallies: TalliesResult;
  protocolDiscrepancies: ProtocolDiscrepanciesResult | null;
  photoExceedsOfficial: PhotoEvidenceResult | null;
  observerEffect: ObserverEffectResult | null;
  fingerprint: FingerprintResult | null;
  integerPercentages: IntegerPercentagesResult | null;
  anomalousVotes: AnomalousVotesResult | null;
  digitTests: DigitTestsResult | null;
  turnoutInflation: TurnoutInflationResult | null;
}

/**
 * The one entry point: runs every method the stations' data allows (official figures,
 * photos, observers, protocol copies), seeded, and returns one report whose every part carries
 * its method, inputs, sample size, uncertainty and a kk/ru/en reading.
 *
 * @example
 * const report = analyzeElection(stations, { seed: 42, monteCarloDraws: 1000 });
 * report.integerPercentages?.excess;
 */
export function analyzeElection(
  stations: readonly StationResult[],
  options: AnalysisOptions = {},
): AnalysisReport {
  const seed = options.seed ?? 42;
  const bootstrapDraws = options.bootstrapDraws ?? 1000;
  const draws = options.monteCarloDraws ?? 1000;
  const official = withOfficialResult(stations);
  const leader = leaderOf(stations, options.leader);
  let registered = 0;
  let ballotsCast = 0;
  let counted = 0;
  let leaderVotes = 0;
  for (const s of official) {
    registered += s.registered;
    ballotsCast += s.ballotsCast;
    counted += ballotsCounted(s);
    leaderVotes += s.votes[leader] ?? 0;
  }
  const hasOfficial = official.length > 0;
  return {
    summary: {
      stations: stations.length,
      stationsWithOfficialResult: official.length,
      registered,
      ballotsCast,
      turnout: registered > 0 ? ballotsCast / registered : NaN,
      leader,
      leaderVotes,
      leaderShare: counted > 0 ? leaderVotes / counted : NaN,
      seed,
    },
    tallies: tallies(stations),
    protocolDiscrepancies: protocolDiscrepancies(stations, options.protocolTolerance ?? 0),
    photoExceedsOfficial: photoEvidence(stations),
    observerEffect: observerEffect(stations, choiceIds(official), { seed, bootstrapDraws }),
    fingerprint: hasOfficial ? fingerprint(official, leader, options.fingerprintBins ?? 100) : null,
    integerPercentages: hasOfficial ? integerPercentages(official, leader, { draws, seed }) : null,
    anomalousVotes: hasOfficial ? anomalousVotes(official, leader, { seed, bootstrapDraws }) : null,
    digitTests: hasOfficial ? digitTests(official, { seed, bootstrapDraws }) : null,
    turnoutInflation: turnoutInflation(stations, { seed, bootstrapDraws }),
  };
}
