import { METHODS } from './methods';
import { photoEvidenceReading } from './readings';
import type { ExplainedResult, StationResult } from './types';

export interface PhotoExceedsForChoice {
  /** Stations where more ballots for the choice were photographed than officially counted. */
  stations: number;
  /** Σ (photographed − official) there: a lower bound on votes taken from the choice. */
  votesAtLeast: number;
  stationIds: string[];
}

export interface PhotoEvidenceResult extends ExplainedResult {
  stationsCompared: number;
  byChoice: Record<string, PhotoExceedsForChoice>;
  uncertainty: { kind: string };
}

/**
 * Where voters photographed more marked ballots for a choice than the commission officially
 * counted for it, the official figure is false at that station — no statistics needed, as the
 * Belarus 2020 "Golos" platform showed. The sum of the shortfalls is a lower bound on the votes
 * taken from the choice: voters who did not send a photo can only add to it.
 *
 * @example
 * photoEvidence(stations).byChoice.tihanovkaja; // { stations: 1020, votesAtLeast: 203000, … }
 */
export function photoEvidence(stations: readonly StationResult[]): PhotoEvidenceResult | null {
  const compared = stations.filter((s) => !s.officialMissing && s.photoVotes !== undefined);
  if (compared.length === 0) return null;
  const byChoice: Record<string, PhotoExceedsForChoice> = {};
  for (const s of compared) {
    for (const [choice, photographed] of Object.entries(s.photoVotes!)) {
      const entry = (byChoice[choice] ??= { stations: 0, votesAtLeast: 0, stationIds: [] });
      const official = s.votes[choice] ?? 0;
      if (photographed > official) {
        entry.stations++;
        entry.votesAtLeast += photographed - official;
        entry.stationIds.push(s.id);
      }
    }
  }
  const top = Object.entries(byChoice).sort((a, b) => b[1].votesAtLeast - a[1].votesAtLeast)[0];
  return {
    method: METHODS.photoEvidence,
    inputs: {
      compared: 'photographed ballots per choice vs official votes, stations with a published result',
    },
    sampleSize: compared.length,
    stationsCompared: compared.length,
    byChoice,
    uncertainty: { kind: 'none: a count of documented ballots, hence a lower bound' },
    reading: photoEvidenceReading(top?.[1].stations ?? 0, top?.[1].votesAtLeast ?? 0, top?.[0] ?? '—'),
  };
}
