import { sql, type Kysely } from 'kysely';

/** Voters' ballot reports, their incremental tally, conversation states, and the web chat's mailbox. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ballot_reports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('precinct_code', 'text', (c) => c.notNull())
    .addColumn('choice_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('delayed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('confirmed', 'no_photo', 'pending_review', 'spam')`),
    )
    .addColumn('media_id', 'integer')
    .addColumn('signals', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // One voter, one vote per election (DESIGN.md invariant 2).
    .addUniqueConstraint('ballot_reports_one_per_voter', ['election_id', 'voter_key'])
    .addForeignKeyConstraint('ballot_reports_precinct_fk', ['election_id', 'precinct_code'], 'areas', [
      'election_id',
      'code',
    ])
    .execute();
  await db.schema.createIndex('ballot_reports_media_idx').on('ballot_reports').column('media_id').execute();

  await db.schema
    .createTable('voter_tallies')
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('choice_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('delayed', 'boolean', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('voter_tallies_pk', [
      'election_id',
      'area_code',
      'choice_id',
      'status',
      'delayed',
    ])
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('bot', 'text', (c) => c.notNull())
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('conversations_pk', ['channel', 'bot', 'participant'])
    .execute();

  await sql`create sequence webchat_message_version`.execute(db);
  await db.schema
    .createTable('webchat_messages')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(sql`nextval('webchat_message_version')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('buttons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('notice', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('webchat_messages_participant_idx')
    .on('webchat_messages')
    .columns(['participant', 'version'])
    .execute();

  await db.schema
    .createTable('webchat_uploads')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'webchat_uploads',
    'webchat_messages',
    'conversations',
    'voter_tallies',
    'ballot_reports',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop sequence if exists webchat_message_version`.execute(db);
}
