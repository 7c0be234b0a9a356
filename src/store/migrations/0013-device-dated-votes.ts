import type { Kysely } from 'kysely';

/**
 * Whether a vote is dated by the voter's own device clock: the web chat queues messages on the
 * phone while the internet is down and sends them, with the phone's time, when it returns. Such a
 * date is clamped to [polls open, arrival] but is still the device's word, so analysis keeps
 * these votes apart (the moderators' queue shows the flag).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('ballot_reports')
    .addColumn('device_dated', 'boolean', (column) => column.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ballot_reports').dropColumn('device_dated').execute();
}
