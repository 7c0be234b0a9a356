import type { Kysely } from 'kysely';
import type { Database } from '../store/database-schema';
import { QueueStatesRepository, type PipelineQueues } from '../store/repositories/queue-states.repository';

export type { PipelineQueues, QueueState } from '../store/repositories/queue-states.repository';

/**
 * The pipeline's backpressure as one read: each stage's waiting items and the age of the oldest,
 * for /metrics (read on each scrape, so an api-only node reports the shared queues too).
 *
 * @example
 * const { inbox, outbox } = await app.queues.pipeline();
 * inbox.depth; // rows stored, not yet run through a bot
 */
export class QueueStatesService {
  constructor(private readonly db: Kysely<Database>) {}

  pipeline(): Promise<PipelineQueues> {
    return new QueueStatesRepository(this.db).pipeline();
  }
}
