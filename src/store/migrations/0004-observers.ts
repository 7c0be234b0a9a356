import { sql, type Kysely } from 'kysely';

/** Observers, invites, assignments, protocols (each and merged per precinct), tallies, violations, SOS alerts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const electionRef = 'elections.id';
  await db.schema
    .createTable('observers')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('election_id', 'integer', (c) => c.notNull().references(electionRef).onDelete('cascade'))
    .addColumn('contact_encrypted', 'text')
    .addColumn('locale', 'text')
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('observers_participant_key', ['channel', 'participant'])
    .execute();

  await db.schema
    .createTable('observer_invites')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull().references(electionRef).onDelete('cascade'))
    .addColumn('code_digest', 'text', (c) => c.notNull().unique())
    .addColumn('precinct_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('contact_encrypted', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('redeemed_at', 'timestamptz')
    .addColumn('redeemed_by', 'integer', (c) => c.references('observers.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('observer_assignments')
    .addColumn('observer_id', 'integer', (c) => c.notNull().references('observers.id').onDelete('cascade'))
    .addColumn('election_id', 'integer', (c) => c.notNull())
    .addColumn('precinct_code', 'text', (c) => c.notNull())
    .addColumn('invite_id', 'integer', (c) =>
      c.notNull().references('observer_invites.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('observer_assignments_pk', ['observer_id', 'precinct_code', 'invite_id'])
    .addForeignKeyConstraint('observer_assignments_precinct_fk', ['election_id', 'precinct_code'], 'areas', [
      'election_id',
      'code',
    ])
    .execute();
  await db.schema
    .createIndex('observer_assignments_precinct_idx')
    .on('observer_assignments')
    .columns(['election_id', 'precinct_code'])
    .execute();

  await db.schema
    .createTable('observer_protocols')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull().references(electionRef).onDelete('cascade'))
    .addColumn('precinct_code', 'text', (c) => c.notNull())
    .addColumn('observer_id', 'integer', (c) => c.notNull().references('observers.id').onDelete('cascade'))
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addColumn('page_media_ids', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('checks', 'jsonb', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('current', 'boolean', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index observer_protocols_current_idx on observer_protocols (election_id, precinct_code) where current`.execute(
    db,
  );

  await db.schema
    .createTable('precinct_protocols')
    .addColumn('election_id', 'integer', (c) => c.notNull().references(electionRef).onDelete('cascade'))
    .addColumn('precinct_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addColumn('conflicts', 'jsonb', (c) => c.notNull())
    .addColumn('protocol_ids', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('precinct_protocols_pk', ['election_id', 'precinct_code'])
    .execute();

  await db.schema
    .createTable('observer_tallies')
    .addColumn('election_id', 'integer', (c) => c.notNull().references(electionRef).onDelete('cascade'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('protocols_received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('needs_review', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('precincts_counted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('figures', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('observer_tallies_pk', ['election_id', 'area_code'])
    .execute();

  await db.schema
    .createTable('violations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull().references(electionRef).onDelete('cascade'))
    .addColumn('precinct_code', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('observer_id', 'integer', (c) => c.notNull().references('observers.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('media_ids', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('violations_status_idx')
    .on('violations')
    .columns(['election_id', 'status'])
    .execute();

  await db.schema
    .createTable('sos_alerts')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull().references(electionRef).onDelete('cascade'))
    .addColumn('observer_id', 'integer', (c) => c.notNull().references('observers.id').onDelete('cascade'))
    .addColumn('precinct_code', 'text')
    .addColumn('kind', 'text')
    .addColumn('acknowledged', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index sos_alerts_open_idx on sos_alerts (election_id, id) where not acknowledged`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sos_alerts',
    'violations',
    'observer_tallies',
    'precinct_protocols',
    'observer_protocols',
    'observer_assignments',
    'observer_invites',
    'observers',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
