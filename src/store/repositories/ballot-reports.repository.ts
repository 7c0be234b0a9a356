import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { BallotReportsTable, BallotStatus } from '../tables/ballots.tables';

export type BallotReportRow = Selectable<BallotReportsTable>;

export interface BallotReportValues {
  electionId: number;
  voterKey: string;
  precinctCode: string;
  choiceId: string;
  sentAt: Date;
  receivedAt: Date;
  delayed: boolean;
  deviceDated: boolean;
  status: BallotStatus;
  mediaId: number | null;
  signals: Record<string, unknown>;
  /** The conversation's timing fingerprint, when the spam scorer computed one. */
  timingPrint?: string | null;
}

/** All I/O for ballot reports. Reads meant to be followed by a change lock the row. */
export class BallotReportsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  async findByVoter(electionId: number, voterKey: string, options: { lock?: boolean } = {}) {
    let query = this.db
      .selectFrom('ballot_reports')
      .selectAll()
      .where('election_id', '=', electionId)
      .where('voter_key', '=', voterKey);
    if (options.lock) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async findByMedia(mediaId: number, options: { lock?: boolean } = {}): Promise<BallotReportRow | undefined> {
    let query = this.db.selectFrom('ballot_reports').selectAll().where('media_id', '=', mediaId);
    if (options.lock) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async insert(values: BallotReportValues): Promise<BallotReportRow> {
    return this.db
      .insertInto('ballot_reports')
      .values({
        election_id: values.electionId,
        voter_key: values.voterKey,
        precinct_code: values.precinctCode,
        choice_id: values.choiceId,
        sent_at: values.sentAt,
        received_at: values.receivedAt,
        delayed: values.delayed,
        device_dated: values.deviceDated,
        status: values.status,
        media_id: values.mediaId,
        signals: JSON.stringify(values.signals),
        timing_print: values.timingPrint ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async update(
    id: number,
    values: Omit<BallotReportValues, 'electionId' | 'voterKey'>,
  ): Promise<BallotReportRow> {
    return this.db
      .updateTable('ballot_reports')
      .set({
        precinct_code: values.precinctCode,
        choice_id: values.choiceId,
        sent_at: values.sentAt,
        received_at: values.receivedAt,
        delayed: values.delayed,
        device_dated: values.deviceDated,
        status: values.status,
        media_id: values.mediaId,
        signals: JSON.stringify(values.signals),
        ...(values.timingPrint !== undefined ? { timing_print: values.timingPrint } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async setStatus(id: number, status: BallotStatus): Promise<void> {
    await this.db
      .updateTable('ballot_reports')
      .set({ status, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** Stores a (re-)score: the verdict in `signals`, and the status it gives. */
  async setVerdict(
    id: number,
    status: BallotStatus,
    signals: Record<string, unknown>,
  ): Promise<BallotReportRow> {
    return this.db
      .updateTable('ballot_reports')
      .set({ status, signals: JSON.stringify(signals), updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A report of this election (undefined for another election's), locked when asked. */
  async findInElection(
    id: number,
    electionId: number,
    options: { lock?: boolean } = {},
  ): Promise<BallotReportRow | undefined> {
    let query = this.db
      .selectFrom('ballot_reports')
      .selectAll()
      .where('id', '=', id)
      .where('election_id', '=', electionId);
    if (options.lock) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  /** The definition of the election whose report has this photo (the ballot the photo should show). */
  async electionDefinitionOfMedia(mediaId: number): Promise<Record<string, unknown> | undefined> {
    const row = await this.db
      .selectFrom('ballot_reports as b')
      .innerJoin('elections as e', 'e.id', 'b.election_id')
      .select('e.definition')
      .where('b.media_id', '=', mediaId)
      .executeTakeFirst();
    return row?.definition;
  }

  async findById(id: number, options: { lock?: boolean } = {}): Promise<BallotReportRow | undefined> {
    let query = this.db.selectFrom('ballot_reports').selectAll().where('id', '=', id);
    if (options.lock) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('ballot_reports').where('id', '=', id).execute();
  }
}
