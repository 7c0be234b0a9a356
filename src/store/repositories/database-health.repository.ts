import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema';

/** What /healthz asks of the database: does it answer at all. */
export class DatabaseHealthRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Resolves when the database answers a trivial statement; rejects (the error) when it does not. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }
}
