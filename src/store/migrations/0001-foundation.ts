import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('elections')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('source_hash', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('areas')
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('depth', 'smallint', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('path', sql`text[]`, (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('kind', 'text')
    .addColumn('name_kk', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('registered_voters', 'integer')
    .addPrimaryKeyConstraint('areas_pk', ['election_id', 'code'])
    .execute();
  await db.schema
    .createIndex('areas_parent_idx')
    .on('areas')
    .columns(['election_id', 'parent_code'])
    .execute();
  await sql`create index areas_path_idx on areas using gin (path)`.execute(db);

  await db.schema
    .createTable('imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('official_results')
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('precinct_code', 'text', (c) => c.notNull())
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
    .addPrimaryKeyConstraint('official_results_pk', ['election_id', 'precinct_code'])
    .addForeignKeyConstraint(
      'official_results_precinct_fk',
      ['election_id', 'precinct_code'],
      'areas',
      ['election_id', 'code'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['official_results', 'imports', 'areas', 'elections']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
