import type { Transaction } from 'kysely';
import { NearDuplicateIndex } from '../../domain/spam/duplicate-clusters';
import type { Database } from '../../store/database-schema';
import { SpamSignalsRepository } from '../../store/repositories/spam-signals.repository';

/**
 * Photos settle in sequence order, but a transaction that drew an earlier number can commit
 * after a later one (two media jobs, two nodes): each catch-up re-reads this many numbers back.
 */
const LOOKBACK = 64;
const BATCH = 5000;
/** Elections kept (the active one, and a finished one being reviewed). */
const MAX_ELECTIONS = 4;

interface ElectionPhotos {
  index: NearDuplicateIndex;
  seen: Set<number>;
  lastSeq: number;
}

/**
 * Each node's near-duplicate index of an election's ballot photos (a BK-tree over perceptual
 * hashes), rebuilt from the database on first use and caught up from the media items' settle
 * sequence before every query — so photos settled by other nodes, or before a restart, count.
 * Bounded: a few elections, one small entry per photo.
 *
 * @example
 * const near = await cache.otherAccountsWithin(tx, electionId, { id: '12', account: voterKey, hash }, 24);
 */
export class PhotoHashCache {
  private readonly elections = new Map<number, ElectionPhotos>();

  /** Photos within `maxBits` of `photo`, the photo itself added first. */
  async within(
    tx: Transaction<Database>,
    electionId: number,
    photo: { mediaId: number; voterKey: string; phash: string },
    maxBits: number,
  ): Promise<Array<{ mediaId: number; voterKey: string }>> {
    const photos = await this.caughtUp(tx, electionId);
    this.add(photos, photo);
    return photos.index
      .within(photo.phash, maxBits)
      .map((match) => ({ mediaId: Number(match.id), voterKey: match.account }));
  }

  private async caughtUp(tx: Transaction<Database>, electionId: number): Promise<ElectionPhotos> {
    let photos = this.elections.get(electionId);
    if (!photos) {
      photos = { index: new NearDuplicateIndex(), seen: new Set(), lastSeq: 0 };
      this.elections.set(electionId, photos);
      while (this.elections.size > MAX_ELECTIONS) this.elections.delete(this.elections.keys().next().value!);
    }
    const repository = new SpamSignalsRepository(tx);
    for (;;) {
      const rows = await repository.hashedPhotosSince(
        electionId,
        Math.max(0, photos.lastSeq - LOOKBACK),
        BATCH,
      );
      for (const row of rows) {
        this.add(photos, row);
        photos.lastSeq = Math.max(photos.lastSeq, row.settledSeq);
      }
      if (rows.length < BATCH) return photos;
    }
  }

  private add(photos: ElectionPhotos, photo: { mediaId: number; voterKey: string; phash: string }): void {
    if (photos.seen.has(photo.mediaId)) return;
    photos.seen.add(photo.mediaId);
    photos.index.add({ id: String(photo.mediaId), account: photo.voterKey, hash: photo.phash });
  }
}
