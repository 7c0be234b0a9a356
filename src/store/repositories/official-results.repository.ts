import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';

export interface OfficialResultRow {
  precinctCode: string;
  figures: Record<string, number>;
}

const INSERT_BATCH = 1000;

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

  /** Sums every figure over the precincts within `areaCode` (or the whole election). */
  async totals(
    electionId: number,
    areaCode?: string,
  ): Promise<{ precincts: number; figures: Record<string, number> }> {
    const areaFilter = areaCode ? sql`and a.path @> array[${areaCode}]::text[]` : sql``;
    const result = await sql<{ key: string; total: number; precincts: number }>`
      select f.key, sum(f.value::numeric) as total, count(distinct o.precinct_code) as precincts
      from official_results o
      join areas a on a.election_id = o.election_id and a.code = o.precinct_code
      cross join lateral jsonb_each_text(o.figures) as f(key, value)
      where o.election_id = ${electionId} ${areaFilter}
      group by f.key`.execute(this.db);
    const figures: Record<string, number> = {};
    let precincts = 0;
    for (const row of result.rows) {
      figures[row.key] = Number(row.total);
      precincts = Math.max(precincts, Number(row.precincts));
    }
    return { precincts, figures };
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
