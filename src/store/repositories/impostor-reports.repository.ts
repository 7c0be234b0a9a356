import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database-schema';

/** One handle voters reported, with how many of them did and when the last one did. */
export interface ReportedImpostor {
  handle: string;
  reporters: number;
  lastReportedAt: Date;
}

/** All I/O of voters' impostor-bot reports. */
export class ImpostorReportsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** Records one voter's report of a handle; a repeat by the same voter is a no-op. */
  async report(row: { electionId: number; reporterKey: string; handle: string; reportedAt: Date }) {
    await this.db
      .insertInto('impostor_reports')
      .values({
        election_id: row.electionId,
        reporter_key: row.reporterKey,
        handle: row.handle,
        reported_at: row.reportedAt,
      })
      .onConflict((conflict) => conflict.columns(['election_id', 'reporter_key', 'handle']).doNothing())
      .execute();
  }

  /** Every handle reported in the election, the most reported first. */
  async byHandle(electionId: number): Promise<ReportedImpostor[]> {
    const rows = await this.db
      .selectFrom('impostor_reports')
      .select((eb) => [
        'handle',
        eb.fn.countAll<number>().as('reporters'),
        eb.fn.max('reported_at').as('last_reported_at'),
      ])
      .where('election_id', '=', electionId)
      .groupBy('handle')
      .orderBy('reporters', 'desc')
      .orderBy('handle')
      .execute();
    return rows.map((row) => ({
      handle: row.handle,
      reporters: Number(row.reporters),
      lastReportedAt: new Date(row.last_reported_at),
    }));
  }

  /** A voter's reports, gone with the rest of their data (`/delete`). */
  async removeReporter(electionId: number, reporterKey: string): Promise<void> {
    await this.db
      .deleteFrom('impostor_reports')
      .where('election_id', '=', electionId)
      .where('reporter_key', '=', reporterKey)
      .execute();
  }
}
