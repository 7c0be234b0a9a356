import { sql, type Kysely } from 'kysely';

/** Inbox, outbox, encrypted chat addresses, edit-in-place panels and media items. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('bot', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('message', 'jsonb')
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('available_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_error', 'text')
    .addColumn('processed_at', 'timestamptz')
    .addUniqueConstraint('inbox_dedupe_key', ['channel', 'bot', 'dedupe_key'])
    .execute();
  // The claim query walks pending rows in id order and checks "no older pending row of this
  // participant"; both stay small because done rows leave these partial indexes.
  await sql`create index inbox_pending_idx on inbox (id) where status = 'pending'`.execute(db);
  await sql`create index inbox_pending_participant_idx on inbox (channel, bot, participant, id) where status = 'pending'`.execute(
    db,
  );

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('bot', 'text', (c) => c.notNull())
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('message', 'jsonb', (c) => c.notNull())
    .addColumn('inbox_id', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('available_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await sql`create index outbox_pending_idx on outbox (id) where status = 'pending'`.execute(db);
  await sql`create index outbox_pending_participant_idx on outbox (channel, bot, participant, id) where status = 'pending'`.execute(
    db,
  );

  await db.schema
    .createTable('chat_addresses')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('bot', 'text', (c) => c.notNull())
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('address_encrypted', 'text', (c) => c.notNull())
    .addColumn('address_digest', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('chat_addresses_pk', ['channel', 'bot', 'participant'])
    .execute();

  await db.schema
    .createTable('panels')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('bot', 'text', (c) => c.notNull())
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('panel_ref', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('panels_pk', ['channel', 'bot', 'participant'])
    .execute();

  await db.schema
    .createTable('media_items')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('bot', 'text', (c) => c.notNull())
    .addColumn('participant', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text')
    .addColumn('unique_id', 'text')
    .addColumn('size_hint', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('available_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('lease_until', 'timestamptz')
    .addColumn('sha256', 'text')
    .addColumn('phash', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('path', 'text')
    .addColumn('thumb_path', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('processed_at', 'timestamptz')
    .execute();
  await sql`create index media_items_pending_idx on media_items (id) where status = 'pending'`.execute(db);
  await db.schema.createIndex('media_items_sha256_idx').on('media_items').column('sha256').execute();
  await db.schema
    .createIndex('media_items_participant_idx')
    .on('media_items')
    .columns(['participant'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['media_items', 'panels', 'chat_addresses', 'outbox', 'inbox']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
