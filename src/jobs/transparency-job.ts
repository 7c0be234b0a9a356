import type { Logger } from '../logger';
import type { TransparencyService } from '../services/transparency.service';
import { JobLoop } from './job-loop';
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
export class TransparencyJob implements JobRunner {
  readonly name = 'transparency.append' as const;
  private readonly loop: JobLoop;

  constructor(
    transparency: TransparencyService,
    logger: Logger,
    metrics: PipelineMetrics,
    options: { idleMs?: number; batch?: number } = {},
  ) {
    const batch = options.batch ?? 500;
    this.loop = new JobLoop(
      this.name,
      async () => ((await transparency.appendPending(batch)) === batch ? { delayMs: 0 } : 'idle'),
      {
        logger,
        idleMs: options.idleMs ?? 1000,
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
