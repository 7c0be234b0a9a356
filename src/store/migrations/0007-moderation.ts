import { sql, type Kysely } from 'kysely';

/** The console's work queues: ballot decisions, violation originals, protocol transcriptions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ballot_reviews')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('ballot_report_id', 'integer', (c) =>
      c.notNull().references('ballot_reports.id').onDelete('cascade'),
    )
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('status_before', 'text', (c) => c.notNull())
    .addColumn('status_after', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('ballot_reviews_report_idx')
    .on('ballot_reviews')
    .columns(['ballot_report_id', 'id'])
    .execute();

  await db.schema
    .createTable('violation_originals')
    .addColumn('violation_id', 'integer', (c) =>
      c.primaryKey().references('violations.id').onDelete('cascade'),
    )
    .addColumn('original_text', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('protocol_transcriptions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('protocol_id', 'integer', (c) =>
      c.notNull().references('observer_protocols.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // The same moderator never transcribes one protocol twice (blind or as the resolver).
    .addUniqueConstraint('protocol_transcriptions_once', ['protocol_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('protocol_transcriptions').ifExists().execute();
  await db.schema.dropTable('violation_originals').ifExists().execute();
  await db.schema.dropTable('ballot_reviews').ifExists().execute();
}
