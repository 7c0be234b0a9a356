import type { Kysely } from 'kysely';
import type { Database } from '../database-schema';

export interface ExportAreaRow {
  code: string;
  level: string;
  depth: number;
  path: string[];
  number: string | null;
  name_kk: string;
  name_ru: string;
  name_en: string;
  registered_voters: number | null;
}

/** Reads for the open-data export: whole tables of one election, in one pass each. */
export class PrecinctExportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every area of the election, precincts and their ancestors, in code order. */
  async areas(electionId: number): Promise<ExportAreaRow[]> {
    return this.db
      .selectFrom('areas')
      .select([
        'code',
        'level',
        'depth',
        'path',
        'number',
        'name_kk',
        'name_ru',
        'name_en',
        'registered_voters',
      ])
      .where('election_id', '=', electionId)
      .orderBy('code')
      .execute();
  }

  /** Official figures per precinct, keyed by protocol line (`"1"`) or per-choice line (`"6.nur-otan"`). */
  async officialFigures(electionId: number): Promise<Map<string, Record<string, number>>> {
    const rows = await this.db
      .selectFrom('official_results')
      .select(['precinct_code', 'figures'])
      .where('election_id', '=', electionId)
      .execute();
    return new Map(rows.map((row) => [row.precinct_code, row.figures]));
  }
}
