import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('transparency_heads')
    .addColumn('election_id', 'integer', (c) => c.primaryKey().references('elections.id').onDelete('cascade'))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('subtrees', 'jsonb', (c) => c.notNull())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('transparency_log')
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('transparency_log_pk', ['election_id', 'seq'])
    .execute();
  // Append-only: once published, a record can be neither changed nor removed through SQL, not
  // even by deleting its election. Anyone who bypasses this is caught by the published root.
  await sql`
    create function transparency_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'transparency_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger transparency_log_no_change before update or delete on transparency_log
    for each row execute function transparency_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('transparency_log').ifExists().execute();
  await db.schema.dropTable('transparency_heads').ifExists().execute();
  await sql`drop function if exists transparency_log_append_only()`.execute(db);
}
