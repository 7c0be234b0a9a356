import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database-schema';

export class ImportsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** The id of the newest import of this kind (0 when there is none): a cache's version stamp. */
  async latestId(electionId: number, kind: 'geography' | 'official' | 'stations'): Promise<number> {
    const latest = await this.db
      .selectFrom('imports')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('election_id', '=', electionId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return Number(latest?.id ?? 0);
  }

  async record(
    electionId: number,
    kind: 'geography' | 'official' | 'stations',
    source: string,
    rows: number,
  ): Promise<number> {
    const row = await this.db
      .insertInto('imports')
      .values({ election_id: electionId, kind, source, rows })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Whether an import of this kind from this source was ever recorded for the election. */
  async hasSource(
    electionId: number,
    kind: 'geography' | 'official' | 'stations',
    source: string,
  ): Promise<boolean> {
    const row = await this.db
      .selectFrom('imports')
      .select('id')
      .where('election_id', '=', electionId)
      .where('kind', '=', kind)
      .where('source', '=', source)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
