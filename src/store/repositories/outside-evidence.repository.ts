import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database-schema';

/** One precinct's evidence from outside the platform (see migration 0009). */
export interface OutsideEvidenceRow {
  precinctCode: string;
  position: number;
  photoVotes: Record<string, number> | null;
  sampleVotes: Record<string, number> | null;
  observers: number | null;
  /** Official counts of the choices published at a station whose result is incomplete. */
  publishedVotes?: Record<string, number> | null;
}

const INSERT_BATCH = 1000;

/** All I/O for imported outside evidence: photographed ballots, outside tallies, observer counts. */
export class OutsideEvidenceRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  async insertMany(electionId: number, importId: number, rows: OutsideEvidenceRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await this.db
        .insertInto('outside_evidence')
        .values(
          rows.slice(start, start + INSERT_BATCH).map((row) => ({
            election_id: electionId,
            precinct_code: row.precinctCode,
            position: row.position,
            photo_votes: row.photoVotes ? JSON.stringify(row.photoVotes) : null,
            sample_votes: row.sampleVotes ? JSON.stringify(row.sampleVotes) : null,
            observers: row.observers,
            published_votes: row.publishedVotes ? JSON.stringify(row.publishedVotes) : null,
            import_id: importId,
          })),
        )
        .execute();
    }
  }

  /** Every precinct's evidence in the imported file's row order. */
  async listByElection(electionId: number): Promise<OutsideEvidenceRow[]> {
    const rows = await this.db
      .selectFrom('outside_evidence')
      .select(['precinct_code', 'position', 'photo_votes', 'sample_votes', 'observers', 'published_votes'])
      .where('election_id', '=', electionId)
      .orderBy('position')
      .execute();
    return rows.map((row) => ({
      precinctCode: row.precinct_code,
      position: row.position,
      photoVotes: row.photo_votes,
      sampleVotes: row.sample_votes,
      observers: row.observers,
      publishedVotes: row.published_votes,
    }));
  }
}
