import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';

/** One cell of the voters' tally at a precinct: how many reports for a choice had a status. */
export interface VoterTallyCell {
  code: string;
  choice_id: string;
  status: string;
  count: number;
}

/**
 * Every source's figures precinct by precinct, as the open-data export and the analysis read
 * them: the voters' tally cells, observers' merged protocols, official results, observed precincts.
 */
export class PrecinctSourcesRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /**
   * The voters' tally summed per precinct, choice and status, from the precomputed cells (never
   * from the reports). Precincts are the areas at `depth`, or at `level` when that is given;
   * `withoutSpam` leaves the spam cells out.
   */
  async voterTallyCells(
    electionId: number,
    precincts: { depth: number } | { level: string },
    options: { withoutSpam?: boolean } = {},
  ): Promise<VoterTallyCell[]> {
    const where =
      'depth' in precincts ? sql`a.depth = ${precincts.depth}` : sql`a.level = ${precincts.level}`;
    const spam = options.withoutSpam ? sql`and t.status <> 'spam'` : sql``;
    const { rows } = await sql<VoterTallyCell>`
      select t.area_code as code, t.choice_id, t.status, sum(t.count)::int as count
        from voter_tallies t
        join areas a on a.election_id = t.election_id and a.code = t.area_code
       where t.election_id = ${electionId} and ${where} ${spam}
       group by t.area_code, t.choice_id, t.status`.execute(this.db);
    return rows;
  }

  /** The observers' merged protocols with one of these statuses, with their figures. */
  async protocols(electionId: number, statuses: ReadonlyArray<'accepted' | 'conflict'>) {
    return this.db
      .selectFrom('precinct_protocols')
      .select(['precinct_code', 'status', 'figures'])
      .where('election_id', '=', electionId)
      .where('status', 'in', [...statuses])
      .execute();
  }

  /** Every precinct's official figures. */
  async officialFigures(electionId: number) {
    return this.db
      .selectFrom('official_results')
      .select(['precinct_code', 'figures'])
      .where('election_id', '=', electionId)
      .execute();
  }

  /** The precincts with at least one observer assigned. */
  async observedPrecincts(electionId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('observer_assignments')
      .select('precinct_code')
      .where('election_id', '=', electionId)
      .distinct()
      .execute();
    return rows.map((row) => row.precinct_code);
  }
}
