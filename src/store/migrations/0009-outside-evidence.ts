import type { Kysely } from 'kysely';

/**
 * Evidence about a precinct gathered outside the platform and imported with its official result
 * (`dauys import stations`): ballots photographed by another platform's users per choice (Belarus
 * 2020 "Golos"), their own self-reported tally, and counts of independent observers (Zubr).
 * One row per precinct; `position` keeps the source file's row order, so that the stored analysis
 * draws its seeded bootstrap over the stations in the same order as `dauys analyze --csv`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outside_evidence')
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('precinct_code', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('photo_votes', 'jsonb')
    .addColumn('sample_votes', 'jsonb')
    .addColumn('observers', 'integer')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
    .addPrimaryKeyConstraint('outside_evidence_pk', ['election_id', 'precinct_code'])
    .addForeignKeyConstraint(
      'outside_evidence_precinct_fk',
      ['election_id', 'precinct_code'],
      'areas',
      ['election_id', 'code'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outside_evidence').ifExists().execute();
}
