import type { Kysely } from 'kysely';
import type { ChannelName } from '../../channels/create-channels';
import type { Database } from '../database-schema';

/** A work queue's depth and the arrival of its oldest waiting item (undefined when empty). */
export interface QueueState {
  depth: number;
  oldestAt: Date | undefined;
}

/** Every stage of the pipeline, in the order a message passes them. */
export interface PipelineQueues {
  inbox: QueueState;
  media: QueueState;
  transparency: QueueState;
  outbox: Map<ChannelName, QueueState>;
}

/**
 * Depth and age of each work queue, one count-and-min per queue table over the rows still
 * waiting (the partial indexes on `status = 'pending'` serve both). Age, not only depth, is what
 * shows a stage falling behind: a deep inbox that drains in a second is a peak, a shallow one
 * whose oldest row is a minute old is a stuck worker.
 */
export class QueueStatesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async pipeline(): Promise<PipelineQueues> {
    const [inbox, media, transparency, outbox] = await Promise.all([
      this.db
        .selectFrom('inbox')
        .select((eb) => [eb.fn.countAll<number>().as('depth'), eb.fn.min('received_at').as('oldest')])
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('media_items')
        .select((eb) => [eb.fn.countAll<number>().as('depth'), eb.fn.min('created_at').as('oldest')])
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('transparency_pending')
        .select((eb) => [eb.fn.countAll<number>().as('depth'), eb.fn.min('created_at').as('oldest')])
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('outbox')
        .select((eb) => [
          'channel',
          eb.fn.countAll<number>().as('depth'),
          eb.fn.min('created_at').as('oldest'),
        ])
        .where('status', '=', 'pending')
        .groupBy('channel')
        .execute(),
    ]);
    return {
      inbox: queueState(inbox),
      media: queueState(media),
      transparency: queueState(transparency),
      outbox: new Map(outbox.map((row) => [row.channel, queueState(row)])),
    };
  }
}

function queueState(row: { depth: number | string | bigint; oldest: Date | string | null }): QueueState {
  return { depth: Number(row.depth), oldestAt: row.oldest === null ? undefined : new Date(row.oldest) };
}
