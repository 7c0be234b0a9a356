import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import { WHOLE_ELECTION } from './observer-protocols.repository';

/** A counted report entering (+1) or leaving (-1) a precinct. */
export interface CountedMove {
  /** `areas.path` of the precinct: every enclosing area and the precinct itself. */
  path: string[];
  delta: 1 | -1;
}

/**
 * All I/O for `voter_coverage`: how many precincts of each area have at least one counted
 * vote, so neither a summary nor a results page has to look at precincts to say it.
 */
export class VoterCoverageRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** Precincts within the area (or the whole election) with a counted vote. */
  async precinctsCovered(electionId: number, areaCode: string = WHOLE_ELECTION): Promise<number> {
    const row = await this.db
      .selectFrom('voter_coverage')
      .select('precincts_covered')
      .where('election_id', '=', electionId)
      .where('area_code', '=', areaCode)
      .executeTakeFirst();
    return row?.precincts_covered ?? 0;
  }

  /** Covered precincts of every area of a level (within `areaCode`); areas with none are absent. */
  async forLevel(
    electionId: number,
    level: string,
    areaCode: string | undefined,
  ): Promise<Map<string, number>> {
    const within = areaCode ? sql`and a.path @> array[${areaCode}]::text[]` : sql``;
    const result = await sql<{ code: string; covered: number }>`
      select c.area_code as code, c.precincts_covered as covered
      from voter_coverage c
      join areas a on a.election_id = c.election_id and a.code = c.area_code
      where c.election_id = ${electionId} and a.level = ${level} and c.precincts_covered > 0 ${within}`.execute(
      this.db,
    );
    return new Map(result.rows.map((row) => [row.code, Number(row.covered)]));
  }

  /**
   * Applies counted reports entering and leaving precincts, in the caller's transaction (the one
   * that moves the tally). The precinct's own row is updated first and returns its new count:
   * that row's lock orders concurrent votes for one precinct, so exactly one of them sees the
   * 0 → 1 (or 1 → 0) step and moves the coverage of the enclosing areas. Rows are touched in
   * code order so two moves between the same precincts cannot deadlock.
   */
  async apply(electionId: number, moves: CountedMove[]): Promise<void> {
    const precincts = new Map<string, { path: string[]; delta: number }>();
    for (const move of moves) {
      const code = move.path.at(-1)!;
      const entry = precincts.get(code) ?? { path: move.path, delta: 0 };
      entry.delta += move.delta;
      precincts.set(code, entry);
    }
    const enclosing = new Map<string, number>();
    for (const [code, { path, delta }] of [...precincts].sort(([a], [b]) => compare(a, b))) {
      if (delta === 0) continue;
      const row = await this.db
        .insertInto('voter_coverage')
        .values({
          election_id: electionId,
          area_code: code,
          precinct_counted: delta,
          precincts_covered: delta > 0 ? 1 : 0,
        })
        .onConflict((oc) =>
          oc.columns(['election_id', 'area_code']).doUpdateSet({
            precinct_counted: sql<number>`voter_coverage.precinct_counted + excluded.precinct_counted`,
            precincts_covered: sql<number>`case when voter_coverage.precinct_counted + excluded.precinct_counted > 0 then 1 else 0 end`,
          }),
        )
        .returning('precinct_counted')
        .executeTakeFirstOrThrow();
      const now = row.precinct_counted;
      const step = Number(now > 0) - Number(now - delta > 0);
      if (step === 0) continue;
      for (const area of [...path.slice(0, -1), WHOLE_ELECTION]) {
        enclosing.set(area, (enclosing.get(area) ?? 0) + step);
      }
    }
    for (const [code, step] of [...enclosing].sort(([a], [b]) => compare(a, b))) {
      if (step === 0) continue;
      await this.db
        .insertInto('voter_coverage')
        .values({ election_id: electionId, area_code: code, precinct_counted: 0, precincts_covered: step })
        .onConflict((oc) =>
          oc.columns(['election_id', 'area_code']).doUpdateSet({
            precincts_covered: sql<number>`voter_coverage.precincts_covered + excluded.precincts_covered`,
          }),
        )
        .execute();
    }
  }

  /**
   * Recomputes every row of the election from the precincts' tally cells and the current
   * geography: for a geography import, which may move precincts between areas.
   */
  async rebuild(electionId: number, precinctLevel: string): Promise<void> {
    await this.db.deleteFrom('voter_coverage').where('election_id', '=', electionId).execute();
    await sql`
      with counted as (
        select t.area_code, sum(t.count) as counted
        from voter_tallies t
        join areas p on p.election_id = t.election_id and p.code = t.area_code
        where t.election_id = ${electionId} and p.level = ${precinctLevel} and t.status <> 'spam'
        group by 1
        having sum(t.count) > 0
      )
      insert into voter_coverage (election_id, area_code, precinct_counted, precincts_covered)
      select ${electionId}, a.code, sum(case when a.code = c.area_code then c.counted else 0 end), count(*)
      from counted c
      join areas p on p.election_id = ${electionId} and p.code = c.area_code
      cross join lateral unnest(array_append(p.path, ${WHOLE_ELECTION}::text)) as a(code)
      group by 2`.execute(this.db);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
