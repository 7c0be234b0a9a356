import { METHODS } from './methods';
import { photoEvidenceReading, uncertaintyDescription } from './readings';
import type { ExplainedResult, Reading, StationResult } from './types';

export interface PhotoExceedsForChoice {
  /** Stations where the choice's official count is published and photos of its ballots exist. */
  compared: number;
  /** Stations where more ballots for the choice were photographed than officially counted. */
  stations: number;
  /** Σ (photographed − official) there: a lower bound on votes taken from the choice. */
  votesAtLeast: number;
  stationIds: string[];
}

export interface PhotoEvidenceResult extends ExplainedResult {
  /** Stations where at least one photographed choice has a published official count. */
  stationsCompared: number;
  byChoice: Record<string, PhotoExceedsForChoice>;
  uncertainty: { kind: string; described: Reading };
}

/** A choice's official count at a station, or undefined where it was not published. */
function officialCount(station: StationResult, choice: string): number | undefined {
  if (!station.officialMissing) return station.votes[choice] ?? 0;
  return station.publishedVotes?.[choice];
}

/**
 * Where voters photographed more marked ballots for a choice than the commission officially
 * counted for it, the official figure is false at that station — no statistics needed, as the
 * Belarus 2020 "Golos" platform showed. The sum of the shortfalls is a lower bound on the votes
 * taken from the choice: voters who did not send a photo can only add to it. The proof needs only
 * the choice's two counts, so every station where that count is published takes part, even when
 * its other official figures (registered voters, other choices) are missing.
 *
 * @example
 * photoEvidence(stations).byChoice.tihanovkaja; // { compared: 1392, stations: 428, votesAtLeast: 47900, … }
 */
export function photoEvidence(stations: readonly StationResult[]): PhotoEvidenceResult | null {
  const byChoice: Record<string, PhotoExceedsForChoice> = {};
  let stationsCompared = 0;
  for (const s of stations) {
    if (!s.photoVotes) continue;
    let compared = false;
    for (const [choice, photographed] of Object.entries(s.photoVotes)) {
      const official = officialCount(s, choice);
      if (official === undefined) continue;
      compared = true;
      const entry = (byChoice[choice] ??= { compared: 0, stations: 0, votesAtLeast: 0, stationIds: [] });
      entry.compared++;
      if (photographed > official) {
        entry.stations++;
        entry.votesAtLeast += photographed - official;
        entry.stationIds.push(s.id);
      }
    }
    if (compared) stationsCompared++;
  }
  if (stationsCompared === 0) return null;
  const top = Object.entries(byChoice).sort((a, b) => b[1].votesAtLeast - a[1].votesAtLeast)[0];
  return {
    method: METHODS.photoEvidence,
    inputs: {
      compared:
        'photographed ballots per choice vs its official votes, at every station where that count is published',
    },
    sampleSize: stationsCompared,
    stationsCompared,
    byChoice,
    uncertainty: {
      kind: 'none: a count of documented ballots, hence a lower bound',
      described: uncertaintyDescription.lowerBound(),
    },
    reading: photoEvidenceReading(top?.[1].stations ?? 0, top?.[1].votesAtLeast ?? 0, top?.[0] ?? '—'),
  };
}
