import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema';

export interface PublishedViolationRow {
  id: number;
  category_id: string;
  text: string;
  media_ids: number[];
  reported_at: Date;
  precinct_code: string;
  name_kk: string | null;
  name_ru: string | null;
  name_en: string | null;
  level: string | null;
  parent_code: string | null;
}

export interface PublishedPhotoRow {
  path: string | null;
  thumb_path: string | null;
  width: number | null;
  height: number | null;
}

/**
 * Reads of violations that moderators published — the only ones the public ever sees. Never
 * selects the observer: a public answer carries no participant id.
 */
export class PublishedViolationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Newest first (by id), optionally within an area and of one category; `beforeId` pages on. */
  async list(
    electionId: number,
    filter: { areaCode?: string; category?: string; beforeId?: number; limit: number },
  ): Promise<PublishedViolationRow[]> {
    let query = this.db
      .selectFrom('violations as v')
      .leftJoin('areas as a', (join) =>
        join.onRef('a.election_id', '=', 'v.election_id').onRef('a.code', '=', 'v.precinct_code'),
      )
      .select([
        'v.id',
        'v.category_id',
        'v.text',
        'v.media_ids',
        'v.reported_at',
        'v.precinct_code',
        'a.name_kk',
        'a.name_ru',
        'a.name_en',
        'a.level',
        'a.parent_code',
      ])
      .where('v.election_id', '=', electionId)
      .where('v.status', '=', 'published');
    if (filter.areaCode) query = query.where(sql<boolean>`a.path @> array[${filter.areaCode}]::text[]`);
    if (filter.category) query = query.where('v.category_id', '=', filter.category);
    if (filter.beforeId !== undefined) query = query.where('v.id', '<', filter.beforeId);
    return query.orderBy('v.id', 'desc').limit(filter.limit).execute();
  }

  /** The media of a published violation's photo, or undefined when the violation is not published. */
  async photo(
    electionId: number,
    violationId: number,
    index: number,
  ): Promise<PublishedPhotoRow | undefined> {
    const violation = await this.db
      .selectFrom('violations')
      .select('media_ids')
      .where('election_id', '=', electionId)
      .where('id', '=', violationId)
      .where('status', '=', 'published')
      .executeTakeFirst();
    const mediaId = violation?.media_ids[index];
    if (mediaId === undefined) return undefined;
    return this.db
      .selectFrom('media_items')
      .select(['path', 'thumb_path', 'width', 'height'])
      .where('id', '=', mediaId)
      .where('status', '=', 'ok')
      .executeTakeFirst();
  }

  async photoSizes(mediaIds: number[]): Promise<Map<number, PublishedPhotoRow>> {
    if (mediaIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('media_items')
      .select(['id', 'path', 'thumb_path', 'width', 'height'])
      .where('id', 'in', mediaIds)
      .where('status', '=', 'ok')
      .execute();
    return new Map(rows.map(({ id, ...row }) => [id, row]));
  }
}
