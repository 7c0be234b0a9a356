import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database-schema';

export class ImportsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

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
}
