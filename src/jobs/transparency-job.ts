import type { Logger } from '../logger';
import type { TransparencyService } from '../services/transparency.service';
import { LoopedJob, pipelineLoop, type JobLoop } from './job-loop';
import type { JobRunner } from './job-names';
import type { PipelineMetrics } from './pipeline-metrics';

/**
 * The `transparency.append` job: moves submissions queued at acceptance (by the triggers of
 * migration 0011) into the Merkle log. Woken after each inbox batch; polls too, since console
 * actions on other nodes accept protocols and publish violations.
 *
 * @example
 * const job = new TransparencyJob(app.transparency, logger, metrics); job.start(); job.wake();
 */
export class TransparencyJob extends LoopedJob implements JobRunner {
  readonly name = 'transparency.append' as const;
  protected readonly loop: JobLoop;

  constructor(
    transparency: TransparencyService,
    logger: Logger,
    metrics: PipelineMetrics,
    options: { idleMs?: number; batch?: number } = {},
  ) {
    super();
    const batch = options.batch ?? 500;
    this.loop = pipelineLoop(
      this.name,
      async () => ((await transparency.appendPending(batch)) === batch ? { delayMs: 0 } : 'idle'),
      { logger, metrics, idleMs: options.idleMs ?? 1000 },
    );
  }
}
