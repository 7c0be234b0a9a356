import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Database } from '../database-schema';

/** Which precincts a coverage query looks at: all of an area's, or only those with / without an observer. */
export interface CoverageFilter {
  /** The precincts' level (the election's leaf level). */
  leafLevel: string;
  /** An area code at any level: precincts inside it. */
  area?: string;
  observer?: 'with' | 'without' | 'any';
}

export interface PrecinctCoverageRow {
  code: string;
  number: string | null;
  name_kk: string;
  name_ru: string;
  name_en: string;
  parent_code: string | null;
  observers: number;
  protocols: number;
  merged: 'accepted' | 'conflict' | 'none' | null;
}

export interface CoverageTotals {
  precincts: number;
  withObserver: number;
  withProtocol: number;
  observerWithoutProtocol: number;
}

/**
 * All I/O for the coordinators' coverage view: per precinct, how many observers are assigned
 * (through invites not revoked) and how many current protocols arrived. Totals are counted in
 * the database over every precinct of the area, so a page of 100 rows still says "312 of 10,061".
 */
export class PrecinctCoverageRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** One page of precincts in the election's order of codes, and how many match the filter in all. */
  async page(
    electionId: number,
    filter: CoverageFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: PrecinctCoverageRow[]; matching: number }> {
    const base = this.precincts(electionId, filter);
    const [rows, count] = await Promise.all([
      base
        .leftJoin('precinct_protocols as pp', (join) =>
          join.onRef('pp.election_id', '=', 'a.election_id').onRef('pp.precinct_code', '=', 'a.code'),
        )
        .select([
          'a.code',
          'a.number',
          'a.name_kk',
          'a.name_ru',
          'a.name_en',
          'a.parent_code',
          'pp.status as merged',
          sql<number>`(select count(distinct s.observer_id) from observer_assignments s
            where s.election_id = a.election_id and s.precinct_code = a.code)`.as('observers'),
          sql<number>`(select count(*) from observer_protocols p
            where p.election_id = a.election_id and p.precinct_code = a.code and p.current)`.as('protocols'),
        ])
        .orderBy('a.code')
        .offset(page.offset)
        .limit(page.limit)
        .execute(),
      base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      rows: rows.map((row) => ({
        ...row,
        observers: Number(row.observers),
        protocols: Number(row.protocols),
        merged: row.merged ?? null,
      })),
      matching: Number(count.n),
    };
  }

  /** Totals over every precinct of the area, whatever the observer filter. */
  async totals(electionId: number, filter: Omit<CoverageFilter, 'observer'>): Promise<CoverageTotals> {
    const row = await this.precincts(electionId, filter)
      .select([
        sql<number>`count(*)`.as('precincts'),
        sql<number>`count(*) filter (where ${observed(true)})`.as('withObserver'),
        sql<number>`count(*) filter (where ${reported})`.as('withProtocol'),
        sql<number>`count(*) filter (where ${observed(true)} and not ${reported})`.as(
          'observerWithoutProtocol',
        ),
      ])
      .executeTakeFirstOrThrow();
    return {
      precincts: Number(row.precincts),
      withObserver: Number(row.withObserver),
      withProtocol: Number(row.withProtocol),
      observerWithoutProtocol: Number(row.observerWithoutProtocol),
    };
  }

  private precincts(
    electionId: number,
    filter: CoverageFilter,
  ): SelectQueryBuilder<Database & { a: Database['areas'] }, 'a', object> {
    let query = this.db
      .selectFrom('areas as a')
      .where('a.election_id', '=', electionId)
      .where('a.level', '=', filter.leafLevel);
    if (filter.area) query = query.where(sql<boolean>`a.path @> array[${filter.area}]::text[]`);
    if (filter.observer === 'with') query = query.where(observed(true));
    if (filter.observer === 'without') query = query.where(observed(false));
    return query;
  }
}

/** Whether the precinct `a` has (or has not) an assigned observer. */
function observed(has: boolean) {
  const exists = sql<boolean>`exists (select 1 from observer_assignments s
    where s.election_id = a.election_id and s.precinct_code = a.code)`;
  return has ? exists : sql<boolean>`not ${exists}`;
}

/** Whether the precinct `a` has a current observer protocol. */
const reported = sql<boolean>`exists (select 1 from observer_protocols p
  where p.election_id = a.election_id and p.precinct_code = a.code and p.current)`;
