import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database-schema';
import type { Election } from './election.service';

export interface PrecinctCoverage {
  code: string;
  number: string | null;
  name: string | null;
  parentCode: string | null;
  /** Observers assigned through invites that are not revoked. */
  observers: number;
  /** Current (not superseded) observer protocols. */
  protocols: number;
  /** The precinct's merged protocol: accepted, in conflict, or none yet. */
  merged: 'accepted' | 'conflict' | 'none';
}

export interface CoverageView {
  precincts: PrecinctCoverage[];
  totals: { precincts: number; withObserver: number; withProtocol: number; observerWithoutProtocol: number };
  /** True when the list stopped at the limit (narrow by area to see the rest). */
  truncated: boolean;
}

const LIMIT = 2000;

/**
 * Which precincts have an observer and which have a protocol, for coordinators planning the
 * day: the gaps (no observer) and the silences (an observer, but no protocol yet).
 *
 * @example
 * const { totals } = await coverage.view(election, { area: 'r1' });
 */
export class CoverageService {
  constructor(private readonly db: Kysely<Database>) {}

  async view(election: Election, filter: { area?: string } = {}): Promise<CoverageView> {
    const leafLevel = election.definition.geography.levels.at(-1)?.id ?? '';
    let query = this.db
      .selectFrom('areas as a')
      .leftJoin('precinct_protocols as pp', (join) =>
        join.onRef('pp.election_id', '=', 'a.election_id').onRef('pp.precinct_code', '=', 'a.code'),
      )
      .select([
        'a.code',
        'a.number',
        'a.name_en',
        'a.parent_code',
        'pp.status as merged',
        sql<string>`(select count(distinct s.observer_id) from observer_assignments s
          where s.election_id = a.election_id and s.precinct_code = a.code)`.as('observers'),
        sql<string>`(select count(*) from observer_protocols p
          where p.election_id = a.election_id and p.precinct_code = a.code and p.current)`.as('protocols'),
      ])
      .where('a.election_id', '=', election.id)
      .where('a.level', '=', leafLevel);
    if (filter.area) query = query.where(sql<boolean>`a.path @> array[${filter.area}]::text[]`);
    const rows = await query
      .orderBy('a.code')
      .limit(LIMIT + 1)
      .execute();
    const precincts = rows.slice(0, LIMIT).map((row) => ({
      code: row.code,
      number: row.number,
      name: row.name_en,
      parentCode: row.parent_code,
      observers: Number(row.observers),
      protocols: Number(row.protocols),
      merged: row.merged ?? 'none',
    }));
    return {
      precincts,
      totals: {
        precincts: precincts.length,
        withObserver: precincts.filter((p) => p.observers > 0).length,
        withProtocol: precincts.filter((p) => p.protocols > 0).length,
        observerWithoutProtocol: precincts.filter((p) => p.observers > 0 && p.protocols === 0).length,
      },
      truncated: rows.length > LIMIT,
    };
  }
}
