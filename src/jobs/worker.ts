import type { ConversationHandler } from '../bots/conversation-runner';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { InboxService } from '../services/inbox.service';
import type { MessagingServices } from '../services/messaging-services';
import type { TransparencyService } from '../services/transparency.service';
import type { DatabaseHandle } from '../store/database';
import { InboxWorker, type InboxWorkerOptions } from './inbox-worker';
import { assertEveryJobHasHandler, type JobRunner } from './job-names';
import { MediaJob } from './media-job';
import { OutboxSender, type OutboxSenderOptions } from './outbox-sender';
import { pipelineMetrics } from './pipeline-metrics';
import { TransparencyJob } from './transparency-job';

/** What the background jobs need (`App` has all of it; tests swap `conversations` for a double). */
export interface WorkerServices {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  metrics: Metrics;
  conversations: ConversationHandler;
  inbox: Pick<InboxService, 'onStored'>;
  outbox: MessagingServices['outbox'];
  /** Whatever the outbox sender and the media job send and fetch with. */
  channels: MessagingServices['channels'];
  media: MessagingServices['media'];
  transparency: TransparencyService;
}

export interface WorkerOptions {
  /**
   * Whether to process the inbox (default on). The crash test turns it off (through its own
   * entry point, never an environment switch read here) to have a server that acknowledges and
   * stores updates but never processes them, then kills it.
   */
  processInbox?: boolean;
  inbox?: InboxWorkerOptions;
  /** Concurrent inbox loops (PostgreSQL only: PGlite has one connection, more would just queue). */
  inboxConcurrency?: number;
  /** Whether to send the outbox (the bench measures up to "reply in outbox"). */
  sendOutbox?: boolean;
  /** Sender limits beyond TELEGRAM_MAX_SENDS_PER_SECOND (e.g. the per-chat gap, for a simulator). */
  outbox?: Partial<OutboxSenderOptions>;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Starts the background jobs of `dauys start` (or `--role worker`): the inbox worker, the outbox
 * sender and the media job, after checking every job has its handler. Picks up whatever was
 * left pending by a previous run. `stop()` finishes the work in hand and returns.
 *
 * @example
 * const worker = startWorker(app); // the app has every service the worker needs
 * process.once('SIGTERM', () => worker.stop().then(() => app.close()));
 */
export function startWorker(app: WorkerServices, options: WorkerOptions = {}): RunningWorker {
  const { conversations } = app;
  const metrics = pipelineMetrics(app.metrics.registry);
  const outboxSender = new OutboxSender(app.outbox, app.channels, app.logger, metrics, options.outbox ?? {});
  const mediaJob = new MediaJob(app.media, app.logger, metrics);
  const transparencyJob = new TransparencyJob(app.transparency, app.logger, metrics);
  let mediaRequestsSeen = app.media.requestsMade;
  const afterCommit = () => {
    outboxSender.wake();
    transparencyJob.wake();
    // Only a batch that asked for media wakes the media job (it also polls, for other processes').
    if (app.media.requestsMade !== mediaRequestsSeen) {
      mediaRequestsSeen = app.media.requestsMade;
      mediaJob.wake();
    }
  };
  const loops = app.database.kind === 'postgres' ? Math.max(1, options.inboxConcurrency ?? 2) : 1;
  const inboxWorkers = Array.from(
    { length: loops },
    () =>
      new InboxWorker(app.database.db, conversations, app.outbox, app.logger, metrics, {
        ...options.inbox,
        afterCommit,
      }),
  );
  const runners: JobRunner[] = [...inboxWorkers, outboxSender, mediaJob, transparencyJob];
  assertEveryJobHasHandler(runners);

  const processInbox = options.processInbox ?? true;
  if (processInbox) for (const worker of inboxWorkers) worker.start();
  if (options.sendOutbox ?? true) outboxSender.start();
  mediaJob.start();
  transparencyJob.start();
  const unsubscribe = app.inbox.onStored(() => inboxWorkers.forEach((worker) => worker.wake()));

  app.logger.info({ inboxLoops: processInbox ? loops : 0 }, 'worker started');

  return {
    stop: async () => {
      unsubscribe();
      await Promise.all(runners.map((runner) => runner.stop()));
    },
  };
}
