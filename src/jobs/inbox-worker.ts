import type { Kysely, Transaction } from 'kysely';
import type { ConversationHandler } from '../bots/conversation-runner';
import type { Logger } from '../logger';
import { deserializeInbound } from '../services/inbox.service';
import type { OutboxService } from '../services/outbox.service';
import type { Database } from '../store/database-schema';
import { InboxRepository, type ClaimedInboxRow } from '../store/repositories/inbox.repository';
import { LoopedJob, pipelineLoop, type JobLoop, type TickResult } from './job-loop';
import type { JobRunner } from './job-names';
import type { PipelineMetrics } from './pipeline-metrics';

export interface InboxWorkerOptions {
  /** Rows per transaction: larger batches amortize commits; smaller ones keep webhook latency low on PGlite. */
  batchSize?: number;
  /** Attempts before a row is dead-lettered (status `dead`, counted, logged by id). */
  maxAttempts?: number;
  /** First retry delay after a failure; doubles each attempt. */
  retryBaseMs?: number;
  idleMs?: number;
  /** Called after a commit that queued replies or may have requested media. */
  afterCommit?: () => void;
}

/**
 * The `inbox.process` job. Each tick claims a batch — at most one row per participant, each the
 * participant's oldest pending one (see `InboxRepository.claimNext`) — and in ONE transaction
 * runs each through the conversation, queues the replies and marks the rows done. A crash
 * anywhere before the commit leaves the rows pending, to be claimed again: exactly once in
 * effect. If the batch fails, its rows are retried one per transaction so that one bad row
 * cannot hold back the others; the bad one is retried with backoff, then dead-lettered.
 *
 * @example
 * const worker = new InboxWorker(db, conversations, outbox, logger, metrics);
 * worker.start(); app.inbox.onStored(() => worker.wake());
 */
export class InboxWorker extends LoopedJob implements JobRunner {
  readonly name = 'inbox.process' as const;
  protected readonly loop: JobLoop;
  private readonly batchSize: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly conversations: ConversationHandler,
    private readonly outbox: OutboxService,
    private readonly logger: Logger,
    private readonly metrics: PipelineMetrics,
    private readonly options: InboxWorkerOptions = {},
  ) {
    super();
    this.batchSize = options.batchSize ?? 64;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.loop = pipelineLoop(this.name, () => this.tick(), {
      logger,
      metrics,
      idleMs: options.idleMs ?? 1000,
    });
  }

  /** One batch; exposed for tests and the bench. Returns how many rows were settled. */
  async processBatch(): Promise<number> {
    let claimed: ClaimedInboxRow[] = [];
    try {
      await this.db.transaction().execute(async (tx) => {
        claimed = await new InboxRepository(tx).claimNext(this.batchSize);
        await this.runRows(tx, claimed);
      });
    } catch (error) {
      if (claimed.length === 0) throw error;
      for (const row of claimed) await this.processAlone(row);
      return claimed.length;
    }
    if (claimed.length > 0) {
      this.metrics.inboxProcessed.inc({ outcome: 'done' }, claimed.length);
      this.options.afterCommit?.();
    }
    return claimed.length;
  }

  private async tick(): Promise<TickResult> {
    const settled = await this.processBatch();
    if (settled > 0) return { delayMs: 0 };
    // Rows waiting out a backoff: come back when the first is due (or when woken).
    const due = await new InboxRepository(this.db).nextDueAt();
    return due ? { delayMs: Math.max(10, Math.min(1000, due.getTime() - Date.now())) } : 'idle';
  }

  private async runRows(tx: Transaction<Database>, rows: readonly ClaimedInboxRow[]): Promise<void> {
    const inbounds = rows.map((row) => deserializeInbound(row.message));
    const replies = await this.conversations.run(tx, inbounds);
    const queued = rows.map((row, index) => ({ replies: replies[index] ?? [], inboxId: row.id }));
    // One insert and one update for the whole batch: per-row statements dominate on PGlite.
    await this.outbox.enqueueMany(tx, queued);
    await new InboxRepository(tx).markDone(rows.map((row) => row.id));
  }

  private async processAlone(row: ClaimedInboxRow): Promise<void> {
    try {
      let done = false;
      await this.db.transaction().execute(async (tx) => {
        // Re-claim: another worker may have settled it since the batch rolled back.
        const [again] = await new InboxRepository(tx).claimNext(1, row.id);
        if (!again) return;
        await this.runRows(tx, [again]);
        done = true;
      });
      if (done) {
        this.metrics.inboxProcessed.inc({ outcome: 'done' });
        this.options.afterCommit?.();
      }
    } catch (error) {
      const attempts = row.attempts + 1;
      const dead = attempts >= this.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = dead
        ? 'dead'
        : new Date(Date.now() + (this.options.retryBaseMs ?? 1000) * 2 ** (attempts - 1));
      await new InboxRepository(this.db).recordFailure(row.id, message, retryAt);
      this.metrics.inboxProcessed.inc({ outcome: dead ? 'dead' : 'retry' });
      (dead ? this.logger.error : this.logger.warn).call(
        this.logger,
        { inboxId: row.id, attempts, error: message },
        dead ? 'inbox row dead-lettered' : 'inbox row failed; will retry',
      );
    }
  }
}
