import type { Kysely } from 'kysely';

/**
 * The official counts of the choices a station's commission published although its result as a
 * whole is incomplete (e.g. every candidate's votes without the number of registered voters:
 * 63 stations of Belarus 2020). Such a station gets no `official_results` row (it is not a
 * published result for the tallies and statistics), but the photo evidence needs only a choice's
 * official count beside its photographed ballots, so `dauys import stations` keeps them here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outside_evidence').addColumn('published_votes', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outside_evidence').dropColumn('published_votes').execute();
}
