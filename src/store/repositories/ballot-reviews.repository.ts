import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { BallotStatus } from '../tables/ballots.tables';
import type { BallotVerdict } from '../tables/moderation.tables';

/** Which reports the ballot-photo queue shows. */
export interface BallotQueueQuery {
  electionId: number;
  /** One status, or every status. */
  status: BallotStatus | 'all';
  /** An area code at any level: reports from precincts inside it. */
  area?: string | undefined;
  afterId: number;
  limit: number;
  photo: 'with' | 'without' | 'any';
}

export interface LatestReview {
  verdict: BallotVerdict;
  actor: string;
  at: string;
  statusBefore: BallotStatus;
}

/** The moderators' side of ballot reports: the queue, the decisions taken (`ballot_reviews`), the photo. */
export class BallotReviewsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** A page of the queue in id order, with each report's precinct name and photo status. */
  async queue(query: BallotQueueQuery) {
    let select = this.db
      .selectFrom('ballot_reports as b')
      .leftJoin('areas as a', (join) =>
        join.onRef('a.election_id', '=', 'b.election_id').onRef('a.code', '=', 'b.precinct_code'),
      )
      .leftJoin('media_items as m', 'm.id', 'b.media_id')
      .select([
        'b.id',
        'b.precinct_code',
        'b.choice_id',
        'b.status',
        'b.sent_at',
        'b.delayed',
        'b.device_dated',
        'b.media_id',
        'b.signals',
        'a.name_en',
        'a.number',
        'm.status as media_status',
        'm.reason as media_reason',
      ])
      .where('b.election_id', '=', query.electionId)
      .where('b.id', '>', query.afterId);
    if (query.status !== 'all') select = select.where('b.status', '=', query.status);
    if (query.photo === 'with') select = select.where('b.media_id', 'is not', null);
    if (query.photo === 'without') select = select.where('b.media_id', 'is', null);
    if (query.area) select = select.where(sql<boolean>`a.path @> array[${query.area}]::text[]`);
    return select.orderBy('b.id').limit(query.limit).execute();
  }

  /** The election's reports among `ids`, locked for a decision, in id order (missing ones left out). */
  async lockForReview(electionId: number, ids: readonly number[]) {
    return this.db
      .selectFrom('ballot_reports')
      .select(['id', 'status'])
      .where('election_id', '=', electionId)
      .where('id', 'in', [...ids])
      .orderBy('id')
      .forUpdate()
      .execute();
  }

  async insertReview(review: {
    electionId: number;
    ballotReportId: number;
    verdict: BallotVerdict;
    statusBefore: BallotStatus;
    statusAfter: BallotStatus;
    actor: string;
  }): Promise<void> {
    await this.db
      .insertInto('ballot_reviews')
      .values({
        election_id: review.electionId,
        ballot_report_id: review.ballotReportId,
        verdict: review.verdict,
        status_before: review.statusBefore,
        status_after: review.statusAfter,
        actor: review.actor,
      })
      .execute();
  }

  /** The newest decision on each of these reports (undo returns to its `statusBefore`). */
  async latest(ids: readonly number[]): Promise<Map<number, LatestReview>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('ballot_reviews')
      .select(['ballot_report_id', 'verdict', 'actor', 'created_at', 'status_before'])
      .distinctOn('ballot_report_id')
      .where('ballot_report_id', 'in', [...ids])
      .orderBy('ballot_report_id')
      .orderBy('id', 'desc')
      .execute();
    return new Map(
      rows.map((row) => [
        row.ballot_report_id,
        {
          verdict: row.verdict,
          actor: row.actor,
          at: row.created_at.toISOString(),
          statusBefore: row.status_before,
        },
      ]),
    );
  }

  /** The stored photo of a report (paths relative to MEDIA_DIR), or undefined. */
  async photo(electionId: number, id: number) {
    return this.db
      .selectFrom('ballot_reports as b')
      .innerJoin('media_items as m', 'm.id', 'b.media_id')
      .select(['m.path', 'm.thumb_path'])
      .where('b.election_id', '=', electionId)
      .where('b.id', '=', id)
      .where('m.status', '=', 'ok')
      .executeTakeFirst();
  }
}
