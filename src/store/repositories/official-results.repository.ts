import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';

export interface OfficialResultRow {
  precinctCode: string;
  figures: Record<string, number>;
}

const INSERT_BATCH = 1000;
/** First key of the advisory lock that serializes official imports (second key: the election). */
const OFFICIAL_IMPORT_LOCK = 0x0ff1c1a1;

/** All I/O for official (government) precinct results. */
export class OfficialResultsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** Replaces the official figures of the given precincts; the caller owns the transaction. */
  async upsertMany(electionId: number, importId: number, rows: OfficialResultRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH);
      await this.db
        .insertInto('official_results')
        .values(
          batch.map((row) => ({
            election_id: electionId,
            precinct_code: row.precinctCode,
            figures: JSON.stringify(row.figures),
            import_id: importId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['election_id', 'precinct_code']).doUpdateSet((eb) => ({
            figures: eb.ref('excluded.figures'),
            import_id: eb.ref('excluded.import_id'),
          })),
        )
        .execute();
    }
  }

  /** The stored figures of the given precincts (those that have any), by precinct code. */
  async figuresOf(electionId: number, precinctCodes: string[]): Promise<Map<string, Record<string, number>>> {
    const found = new Map<string, Record<string, number>>();
    for (let start = 0; start < precinctCodes.length; start += INSERT_BATCH) {
      const rows = await this.db
        .selectFrom('official_results')
        .select(['precinct_code', 'figures'])
        .where('election_id', '=', electionId)
        .where('precinct_code', 'in', precinctCodes.slice(start, start + INSERT_BATCH))
        .execute();
      for (const row of rows) found.set(row.precinct_code, row.figures);
    }
    return found;
  }

  /**
   * Holds the election's official results until the transaction ends: imports run one at a time,
   * so each one's "figures before" are the ones the previous import left (see official tallies).
   */
  async lockForImport(electionId: number): Promise<void> {
    await sql`select pg_advisory_xact_lock(${OFFICIAL_IMPORT_LOCK}, ${electionId})`.execute(this.db);
  }

  async forPrecinct(electionId: number, precinctCode: string): Promise<Record<string, number> | undefined> {
    const row = await this.db
      .selectFrom('official_results')
      .select('figures')
      .where('election_id', '=', electionId)
      .where('precinct_code', '=', precinctCode)
      .executeTakeFirst();
    return row?.figures;
  }
}
