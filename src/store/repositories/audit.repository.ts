import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { AuditLogTable } from '../tables/console.tables';

export type AuditLogRow = Selectable<AuditLogTable>;

/** The fields of an entry that its hash covers — all of them but the hash itself. */
export interface ChainedEntry {
  id: number;
  at: Date;
  actor: string;
  actor_label: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
}

/** The audit log table: append, read back in order. Never updated or deleted (a trigger refuses). */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /**
   * Serializes appenders until the caller's transaction ends, then tells the newest hash and
   * the next id — so each entry links to the one committed before it, with no forks.
   */
  async lockTail(): Promise<{ prevHash: string | null; nextId: number }> {
    await sql`lock table audit_log in share row exclusive mode`.execute(this.db);
    const last = await this.db
      .selectFrom('audit_log')
      .select('hash')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const { rows } = await sql<{ id: number }>`select nextval('audit_log_id_seq')::bigint as id`.execute(
      this.db,
    );
    return { prevHash: last?.hash ?? null, nextId: Number(rows[0]!.id) };
  }

  async insert(row: ChainedEntry & { hash: string }): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        ...row,
        before: row.before === null ? null : JSON.stringify(row.before),
        after: row.after === null ? null : JSON.stringify(row.after),
      })
      .execute();
  }

  /** Entries in chain order (oldest first) after `afterId`, for verification in pages. */
  pageAscending(afterId: number, limit: number): Promise<AuditLogRow[]> {
    return this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id', 'asc')
      .limit(limit)
      .execute();
  }

  /** Entries newest first, before `beforeId` when given, for the console's audit screen. */
  pageDescending(beforeId: number | undefined, limit: number): Promise<AuditLogRow[]> {
    let query = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
    if (beforeId !== undefined) query = query.where('id', '<', beforeId);
    return query.execute();
  }
}
