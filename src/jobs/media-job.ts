import type { PipelineMetrics } from './pipeline-metrics';
import type { Logger } from '../logger';
import type { MediaService } from '../services/media.service';
import { LoopedJob, pipelineLoop, type JobLoop } from './job-loop';
import type { JobRunner } from './job-names';

/**
 * The `media.process` job: leases two photos at a time and processes them one after the other
 * (sharp already uses the thread pool, and the reader and the database share the webhook's
 * thread: more in parallel would starve the webhook on a 2-core machine).
 *
 * @example
 * const job = new MediaJob(app.media, logger, pipelineMetrics(registry)); job.start(); job.wake();
 */
export class MediaJob extends LoopedJob implements JobRunner {
  readonly name = 'media.process' as const;
  protected readonly loop: JobLoop;

  constructor(
    media: MediaService,
    logger: Logger,
    metrics: PipelineMetrics,
    options: { idleMs?: number } = {},
  ) {
    super();
    this.loop = pipelineLoop(
      this.name,
      async () => ((await media.processDue(2)) > 0 ? { delayMs: 0 } : 'idle'),
      { logger, metrics, idleMs: options.idleMs ?? 2000 },
    );
  }
}
