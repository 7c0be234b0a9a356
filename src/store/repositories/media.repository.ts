import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { BotName, ChannelName } from '../../flows/messages';
import type { Database } from '../database-schema';
import type { MediaItemsTable, MediaPurpose } from '../tables/messaging.tables';

export type MediaItemRow = Selectable<MediaItemsTable>;

export interface NewMediaItem {
  channel: ChannelName;
  bot: BotName;
  participant: string;
  purpose: MediaPurpose;
  fileId: string;
  uniqueId?: string;
  sizeHint?: number;
}

export interface MediaOutcome {
  status: 'ok' | 'rejected';
  reason?: string;
  sha256?: string;
  phash?: string;
  width?: number;
  height?: number;
  path?: string;
  thumbPath?: string;
  /** What an inspector (the ballot reader) made of the image. */
  reading?: Record<string, unknown>;
}

/** All I/O of media items: requested in a conversation's transaction, leased by the media job. */
export class MediaRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  async insert(item: NewMediaItem): Promise<number> {
    const row = await this.db
      .insertInto('media_items')
      .values({
        channel: item.channel,
        bot: item.bot,
        participant: item.participant,
        purpose: item.purpose,
        file_id: item.fileId,
        unique_id: item.uniqueId ?? null,
        size_hint: item.sizeHint ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Leases up to `limit` pending items for `leaseMs` (a crashed job's lease expires). */
  async lease(limit: number, leaseMs: number): Promise<MediaItemRow[]> {
    const result = await sql<MediaItemRow>`
      update media_items set lease_until = now() + ${leaseMs} * interval '1 millisecond'
      where id in (
        select id from media_items
        where status = 'pending' and available_at <= now() and (lease_until is null or lease_until < now())
        order by id limit ${limit}
        for update skip locked
      )
      returning *`.execute(this.db);
    return result.rows;
  }

  /** The stored files of a photo that passed the pipeline (paths relative to MEDIA_DIR), or undefined. */
  async storedFiles(id: number): Promise<{ path: string | null; thumb_path: string | null } | undefined> {
    return this.db
      .selectFrom('media_items')
      .select(['path', 'thumb_path'])
      .where('id', '=', id)
      .where('status', '=', 'ok')
      .executeTakeFirst();
  }

  async findById(id: number): Promise<MediaItemRow | undefined> {
    return this.db.selectFrom('media_items').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Settles an item; its file id is dropped (no reason to keep a way to fetch the file again). */
  async settle(id: number, outcome: MediaOutcome): Promise<boolean> {
    const result = await this.db
      .updateTable('media_items')
      .set({
        status: outcome.status,
        reason: outcome.reason ?? null,
        sha256: outcome.sha256 ?? null,
        phash: outcome.phash ?? null,
        width: outcome.width ?? null,
        height: outcome.height ?? null,
        path: outcome.path ?? null,
        thumb_path: outcome.thumbPath ?? null,
        reading: outcome.reading ? JSON.stringify(outcome.reading) : null,
        settled_seq: sql<string>`nextval('media_settled_seq')`,
        file_id: null,
        lease_until: null,
        processed_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async retryAt(id: number, at: Date, error: string): Promise<void> {
    await this.db
      .updateTable('media_items')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        available_at: at,
        lease_until: null,
        reason: error.slice(0, 500),
      }))
      .where('id', '=', id)
      .execute();
  }
}
