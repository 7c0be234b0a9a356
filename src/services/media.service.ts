import type { Kysely, Transaction } from 'kysely';
import { MediaFetchFailure, type ChannelRegistry } from '../channels/channel-sender';
import type { BotName, ChannelName, MediaRef } from '../flows/messages';
import type { Logger } from '../logger';
import { cleanImage, DEFAULT_IMAGE_LIMITS, ImageRejected, type ImageLimits } from '../media/clean-image';
import { storeContentAddressed } from '../media/content-store';
import type { Database } from '../store/database-schema';
import {
  MediaRepository,
  type MediaItemRow,
  type MediaOutcome,
} from '../store/repositories/media.repository';
import type { MediaPurpose } from '../store/tables/messaging.tables';

export type { MediaPurpose };

/** A media item once processed, as listeners receive it. Paths are relative to MEDIA_DIR. */
export interface ProcessedMedia extends MediaOutcome {
  id: number;
  purpose: MediaPurpose;
  participant: string;
}

export type MediaListener = (tx: Transaction<Database>, item: ProcessedMedia) => Promise<void>;

/**
 * Looks at a cleaned image before its item settles, outside any transaction (the ballot reader
 * takes ~0.1 s of CPU: holding a transaction that long would stall the database on PGlite).
 */
export type MediaInspector = (
  item: MediaItemRow,
  image: Buffer,
) => Promise<Record<string, unknown> | undefined>;

export interface MediaServiceOptions {
  mediaDir: string;
  /** Largest download accepted (Telegram bots can fetch up to 20 MB). */
  maxBytes?: number;
  limits?: ImageLimits;
  /** Attempts (network failures, listener errors) before the item is settled as rejected. */
  maxAttempts?: number;
}

/**
 * Photos participants send (ballots, protocol pages, violations). A conversation `request`s one
 * in its own transaction; the `media.process` job fetches it, cleans it (`cleanImage`), stores
 * it content-addressed and then, in the transaction that settles the item, calls the listeners
 * registered for its purpose — so "photo checked" and its consequences commit together.
 *
 * @example
 * const mediaId = await app.media.request(tx, { channel, bot, participant, media, purpose: 'ballot' });
 * app.media.onProcessed('ballot', async (tx, item) => votes.setPhotoStatus(tx, item));
 */
export class MediaService {
  private readonly listeners = new Map<MediaPurpose, MediaListener[]>();
  private readonly inspectors = new Map<MediaPurpose, MediaInspector>();
  /**
   * How many items this process has requested (committed or not): the worker wakes the media
   * job after a commit only when this moved, not after every batch (each wake costs a lease query).
   */
  requestsMade = 0;
  private readonly maxBytes: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly channels: ChannelRegistry,
    private readonly logger: Logger,
    private readonly options: MediaServiceOptions,
  ) {
    this.maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
    this.maxAttempts = options.maxAttempts ?? 8;
  }

  async request(
    tx: Transaction<Database>,
    item: { channel: ChannelName; bot: BotName; participant: string; media: MediaRef; purpose: MediaPurpose },
  ): Promise<number> {
    this.requestsMade += 1;
    return new MediaRepository(tx).insert({
      channel: item.channel,
      bot: item.bot,
      participant: item.participant,
      purpose: item.purpose,
      fileId: item.media.fileId,
      ...(item.media.uniqueId !== undefined ? { uniqueId: item.media.uniqueId } : {}),
      ...(item.media.sizeBytes !== undefined ? { sizeHint: item.media.sizeBytes } : {}),
    });
  }

  onProcessed(purpose: MediaPurpose, listener: MediaListener): void {
    this.listeners.set(purpose, [...(this.listeners.get(purpose) ?? []), listener]);
  }

  /** Sets the inspector of a purpose's images; its result is stored with the item and given to listeners. */
  inspect(purpose: MediaPurpose, inspector: MediaInspector): void {
    this.inspectors.set(purpose, inspector);
  }

  /** Processes up to `limit` due items; returns how many it leased. Used by the media job. */
  async processDue(limit = 2): Promise<number> {
    const items = await new MediaRepository(this.db).lease(limit, 5 * 60_000);
    for (const item of items) await this.process(item);
    return items.length;
  }

  private async process(item: MediaItemRow): Promise<void> {
    let outcome: MediaOutcome;
    try {
      outcome = await this.fetchAndClean(item);
    } catch (error) {
      return this.retryOrGiveUp(item, error instanceof Error ? error.message : String(error));
    }
    try {
      await this.settle(item, outcome);
    } catch (error) {
      return this.retryOrGiveUp(
        item,
        `listener failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async fetchAndClean(item: MediaItemRow): Promise<MediaOutcome> {
    const fetcher = this.channels.fetcher(item.channel, item.bot);
    if (!fetcher) throw new Error(`no media fetcher configured for ${item.channel}/${item.bot}`);
    if (!item.file_id) return { status: 'rejected', reason: 'file id missing' };
    let bytes: Buffer;
    try {
      bytes = await fetcher.fetch(
        { fileId: item.file_id, ...(item.size_hint !== null ? { sizeBytes: item.size_hint } : {}) },
        this.maxBytes,
      );
    } catch (error) {
      if (error instanceof MediaFetchFailure && error.permanent)
        return { status: 'rejected', reason: error.message };
      throw error;
    }
    try {
      const clean = await cleanImage(bytes, this.options.limits ?? DEFAULT_IMAGE_LIMITS);
      const stored = await storeContentAddressed(this.options.mediaDir, clean);
      const reading = await this.inspectors.get(item.purpose)?.(item, clean.data);
      return {
        ...(reading ? { reading } : {}),
        status: 'ok',
        sha256: clean.sha256,
        phash: clean.phash,
        width: clean.width,
        height: clean.height,
        path: stored.path,
        thumbPath: stored.thumbPath,
      };
    } catch (error) {
      if (error instanceof ImageRejected) return { status: 'rejected', reason: error.reason };
      throw error;
    }
  }

  private async settle(item: MediaItemRow, outcome: MediaOutcome): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      if (!(await new MediaRepository(tx).settle(item.id, outcome))) return;
      const processed: ProcessedMedia = {
        id: item.id,
        purpose: item.purpose,
        participant: item.participant,
        status: outcome.status,
        ...definedOnly({
          reason: outcome.reason,
          sha256: outcome.sha256,
          phash: outcome.phash,
          width: outcome.width,
          height: outcome.height,
          path: outcome.path,
          thumbPath: outcome.thumbPath,
          reading: outcome.reading,
        }),
      };
      for (const listener of this.listeners.get(item.purpose) ?? []) await listener(tx, processed);
    });
  }

  private async retryOrGiveUp(item: MediaItemRow, error: string): Promise<void> {
    const attempts = item.attempts + 1;
    if (attempts >= this.maxAttempts) {
      this.logger.warn({ mediaId: item.id, attempts, error }, 'media item given up');
      await this.settle(item, { status: 'rejected', reason: `gave up after ${attempts} attempts: ${error}` });
      return;
    }
    this.logger.info({ mediaId: item.id, attempts, error }, 'media item will be retried');
    await new MediaRepository(this.db).retryAt(
      item.id,
      new Date(Date.now() + 2000 * 2 ** (attempts - 1)),
      error,
    );
  }
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
