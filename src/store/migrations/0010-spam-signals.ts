import { sql, type Kysely } from 'kysely';

/**
 * What the spam scorer reads from the database instead of process memory (several nodes,
 * restarts): an account's messages by their own dates, reports per precinct by date, shared
 * timing fingerprints and copied texts across accounts, the ballot reader's result per photo,
 * and a settle order for photos so that a node's near-duplicate cache can catch up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // An account's history, by the messages' own dates (done rows included: they are the history).
  await sql`create index inbox_participant_sent_idx on inbox (channel, bot, participant, sent_at)`.execute(
    db,
  );

  await db.schema.alterTable('ballot_reports').addColumn('timing_print', 'text').execute();
  await sql`create index ballot_reports_timing_idx on ballot_reports (election_id, timing_print) where timing_print is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('ballot_reports_precinct_sent_idx')
    .on('ballot_reports')
    .columns(['election_id', 'precinct_code', 'sent_at'])
    .execute();

  await sql`create sequence media_settled_seq`.execute(db);
  await db.schema.alterTable('media_items').addColumn('reading', 'jsonb').execute();
  await db.schema.alterTable('media_items').addColumn('settled_seq', 'bigint').execute();
  await sql`create index media_items_settled_seq_idx on media_items (settled_seq) where settled_seq is not null`.execute(
    db,
  );

  await db.schema
    .createTable('ballot_report_texts')
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballot_report_texts_pk', ['election_id', 'digest', 'voter_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ballot_report_texts').ifExists().execute();
  await sql`drop index if exists media_items_settled_seq_idx`.execute(db);
  await db.schema.alterTable('media_items').dropColumn('settled_seq').execute();
  await db.schema.alterTable('media_items').dropColumn('reading').execute();
  await sql`drop sequence if exists media_settled_seq`.execute(db);
  await sql`drop index if exists ballot_reports_precinct_sent_idx`.execute(db);
  await sql`drop index if exists ballot_reports_timing_idx`.execute(db);
  await db.schema.alterTable('ballot_reports').dropColumn('timing_print').execute();
  await sql`drop index if exists inbox_participant_sent_idx`.execute(db);
}
