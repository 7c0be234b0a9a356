import type { Kysely } from 'kysely';

/** Voters' reports of impostor bots, counted per handle for the console (see impostor.tables.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('impostor_reports')
    .addColumn('id', 'serial', (column) => column.primaryKey())
    .addColumn('election_id', 'integer', (column) =>
      column.notNull().references('elections.id').onDelete('cascade'),
    )
    .addColumn('reporter_key', 'text', (column) => column.notNull())
    .addColumn('handle', 'text', (column) => column.notNull())
    .addColumn('reported_at', 'timestamptz', (column) => column.notNull())
    // One report per voter and handle: a voter repeating it does not make the count grow.
    .addUniqueConstraint('impostor_reports_once', ['election_id', 'reporter_key', 'handle'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('impostor_reports').execute();
}
