import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import { WHOLE_ELECTION } from './observer-protocols.repository';

export interface AreaStats {
  precincts: number;
  registeredVoters: number;
}

/** All I/O for `area_stats`: precincts and registered voters per area, from the geography. */
export class AreaStatsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** The area's figures (or the whole election's); zeros for an area without precincts. */
  async find(electionId: number, areaCode: string = WHOLE_ELECTION): Promise<AreaStats> {
    const row = await this.db
      .selectFrom('area_stats')
      .select(['precincts', 'registered_voters'])
      .where('election_id', '=', electionId)
      .where('area_code', '=', areaCode)
      .executeTakeFirst();
    return { precincts: row?.precincts ?? 0, registeredVoters: row?.registered_voters ?? 0 };
  }

  /** Recomputes every row of the election from `areas`; run in the transaction of a geography import. */
  async rebuild(electionId: number, precinctLevel: string): Promise<void> {
    await this.db.deleteFrom('area_stats').where('election_id', '=', electionId).execute();
    await sql`
      insert into area_stats (election_id, area_code, precincts, registered_voters)
      select p.election_id, c.code, count(*), coalesce(sum(p.registered_voters), 0)
      from areas p cross join lateral unnest(array_append(p.path, ${WHOLE_ELECTION}::text)) as c(code)
      where p.election_id = ${electionId} and p.level = ${precinctLevel}
      group by 1, 2`.execute(this.db);
  }
}
