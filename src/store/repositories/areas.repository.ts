import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { AreasTable } from '../tables/foundation.tables';

export type AreaRow = AreasTable;

export interface AreaCounts {
  level: string;
  count: number;
  registeredVoters: number;
}

const INSERT_BATCH = 1000;

/** All I/O for the geography: regions, districts, precincts (any number of levels). */
export class AreasRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  async find(electionId: number, code: string): Promise<AreaRow | undefined> {
    return this.db
      .selectFrom('areas')
      .selectAll()
      .where('election_id', '=', electionId)
      .where('code', '=', code)
      .executeTakeFirst();
  }

  async findMany(electionId: number, codes: string[]): Promise<AreaRow[]> {
    if (codes.length === 0) return [];
    return this.db
      .selectFrom('areas')
      .selectAll()
      .where('election_id', '=', electionId)
      .where('code', 'in', codes)
      .execute();
  }

  async children(electionId: number, parentCode: string | null): Promise<AreaRow[]> {
    let query = this.db.selectFrom('areas').selectAll().where('election_id', '=', electionId);
    query =
      parentCode === null
        ? query.where('parent_code', 'is', null)
        : query.where('parent_code', '=', parentCode);
    return query.orderBy('code').execute();
  }

  async listByLevel(electionId: number, level: string): Promise<AreaRow[]> {
    return this.db
      .selectFrom('areas')
      .selectAll()
      .where('election_id', '=', electionId)
      .where('level', '=', level)
      .orderBy('code')
      .execute();
  }

  /** Every area of the election, top level first (by depth, then code), without the figures. */
  async outline(electionId: number) {
    return this.db
      .selectFrom('areas')
      .select(['code', 'level', 'depth', 'parent_code', 'number', 'name_kk', 'name_ru', 'name_en'])
      .where('election_id', '=', electionId)
      .orderBy('depth')
      .orderBy('code')
      .execute();
  }

  /** Just the codes at one level (the precincts an import may name). */
  async codesAtLevel(electionId: number, level: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('areas')
      .select('code')
      .where('election_id', '=', electionId)
      .where('level', '=', level)
      .execute();
    return rows.map((row) => row.code);
  }

  /** Where every area of the election sits (code, level, depth, path): what a geography CSV extends. */
  async placements(electionId: number): Promise<Array<Pick<AreaRow, 'code' | 'level' | 'depth' | 'path'>>> {
    return this.db
      .selectFrom('areas')
      .select(['code', 'level', 'depth', 'path'])
      .where('election_id', '=', electionId)
      .execute();
  }

  /** Inserts or updates areas in batches; the caller owns the transaction. */
  async upsertMany(rows: AreaRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH);
      await this.db
        .insertInto('areas')
        .values(batch.map((row) => ({ ...row, path: sql<string[]>`${sql.val(row.path)}::text[]` })))
        .onConflict((oc) =>
          oc.columns(['election_id', 'code']).doUpdateSet((eb) => ({
            level: eb.ref('excluded.level'),
            depth: eb.ref('excluded.depth'),
            parent_code: eb.ref('excluded.parent_code'),
            path: eb.ref('excluded.path'),
            number: eb.ref('excluded.number'),
            kind: eb.ref('excluded.kind'),
            name_kk: eb.ref('excluded.name_kk'),
            name_ru: eb.ref('excluded.name_ru'),
            name_en: eb.ref('excluded.name_en'),
            registered_voters: eb.ref('excluded.registered_voters'),
          })),
        )
        .execute();
    }
  }

  /** Number of areas and registered voters per level, within `areaCode` when given. */
  async countsByLevel(electionId: number, areaCode?: string): Promise<AreaCounts[]> {
    let query = this.db
      .selectFrom('areas')
      .select((eb) => [
        'level',
        eb.fn.countAll<number>().as('count'),
        eb.fn.coalesce(eb.fn.sum<number>('registered_voters'), sql<number>`0`).as('registeredVoters'),
      ])
      .where('election_id', '=', electionId)
      .groupBy('level');
    if (areaCode) query = query.where(sql<boolean>`path @> array[${areaCode}]::text[]`);
    return query.execute();
  }
}
