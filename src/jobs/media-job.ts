import type { PipelineMetrics } from './pipeline-metrics';
import type { Logger } from '../logger';
import type { MediaService } from '../services/media.service';
import { JobLoop } from './job-loop';
import type { JobRunner } from './job-names';

/**
 * The `media.process` job: leases two photos at a time and processes them one after the other
 * (sharp already uses the thread pool, and the reader and the database share the webhook's
 * thread: more in parallel would starve the webhook on a 2-core machine).
 *
 * @example
 * const job = new MediaJob(app.media, logger, pipelineMetrics(registry)); job.start(); job.wake();
 */
export class MediaJob implements JobRunner {
  readonly name = 'media.process' as const;
  private readonly loop: JobLoop;

  constructor(
    media: MediaService,
    logger: Logger,
    metrics: PipelineMetrics,
    options: { idleMs?: number } = {},
  ) {
    this.loop = new JobLoop(
      this.name,
      async () => ((await media.processDue(2)) > 0 ? { delayMs: 0 } : 'idle'),
      {
        logger,
        idleMs: options.idleMs ?? 2000,
        onError: (job) => metrics.jobFailures.inc({ job }),
      },
    );
  }

  start(): void {
    this.loop.start();
  }

  wake(): void {
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
