import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { ViolationStatus } from '../tables/observers.tables';

/** The moderators' side of violations: the queue, the observer's original text, the photos. */
export class ViolationReviewsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** Up to 200 violations in id order, each with the original text when a redacted one was published. */
  async queue(electionId: number, filter: { status: ViolationStatus | 'all'; area?: string | undefined }) {
    let query = this.db
      .selectFrom('violations as v')
      .leftJoin('areas as a', (join) =>
        join.onRef('a.election_id', '=', 'v.election_id').onRef('a.code', '=', 'v.precinct_code'),
      )
      .leftJoin('violation_originals as o', 'o.violation_id', 'v.id')
      .select([
        'v.id',
        'v.precinct_code',
        'v.category_id',
        'v.status',
        'v.text',
        'v.media_ids',
        'v.reported_at',
        'o.original_text',
      ])
      .where('v.election_id', '=', electionId);
    if (filter.status !== 'all') query = query.where('v.status', '=', filter.status);
    if (filter.area) query = query.where(sql<boolean>`a.path @> array[${filter.area}]::text[]`);
    return query.orderBy('v.id').limit(200).execute();
  }

  /**
   * Locks the violation, then reads its status, text and original: two moderators deciding at
   * once are serialized, and the second sees the first's status.
   */
  async lockForDecision(electionId: number, id: number) {
    await this.db.selectFrom('violations').select('id').where('id', '=', id).forUpdate().execute();
    return this.db
      .selectFrom('violations as v')
      .leftJoin('violation_originals as o', 'o.violation_id', 'v.id')
      .select(['v.status', 'v.text', 'o.original_text'])
      .where('v.election_id', '=', electionId)
      .where('v.id', '=', id)
      .executeTakeFirst();
  }

  /** Keeps the observer's own text apart before a redacted one replaces it. */
  async keepOriginal(violationId: number, originalText: string): Promise<void> {
    await this.db
      .insertInto('violation_originals')
      .values({ violation_id: violationId, original_text: originalText })
      .execute();
  }

  /** A violation's photo (paths relative to MEDIA_DIR) by index, or undefined. */
  async media(electionId: number, id: number, index: number) {
    const violation = await this.db
      .selectFrom('violations')
      .select('media_ids')
      .where('election_id', '=', electionId)
      .where('id', '=', id)
      .executeTakeFirst();
    const mediaId = violation?.media_ids[index];
    if (mediaId === undefined) return undefined;
    return this.db
      .selectFrom('media_items')
      .select(['path', 'thumb_path'])
      .where('id', '=', mediaId)
      .where('status', '=', 'ok')
      .executeTakeFirst();
  }
}
