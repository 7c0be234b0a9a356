import type { JSONColumnType } from 'kysely';

/** Evidence about a precinct from outside the platform (migration 0009), one row per precinct. */
export interface OutsideEvidenceTable {
  election_id: number;
  precinct_code: string;
  /** Row order in the imported file (0-based): the stored analysis keeps it. */
  position: number;
  /** Ballots photographed per choice id (e.g. Golos), or null when the source had none. */
  photo_votes: JSONColumnType<Record<string, number>> | null;
  /** Official counts published for some choices of a station without a complete result (0012). */
  published_votes: JSONColumnType<Record<string, number>> | null;
  /** The outside platform's self-reported tally per choice id, or null. */
  sample_votes: JSONColumnType<Record<string, number>> | null;
  /** Independent observers present (e.g. Zubr), or null when unknown. */
  observers: number | null;
  import_id: number;
}

export interface OutsideEvidenceTables {
  outside_evidence: OutsideEvidenceTable;
}
