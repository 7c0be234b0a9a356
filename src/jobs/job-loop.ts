import type { Logger } from '../logger';

/** What a tick asks for next: run again after `delayMs` (0 = at once), or sleep until woken. */
export type TickResult = { delayMs: number } | 'idle';

/**
 * A job's loop: runs `tick` over and over, never two at once; sleeps when idle until `wake()`
 * or the poll interval (other processes may have committed work it was not told about);
 * backs off after an error instead of spinning.
 *
 * @example
 * const loop = new JobLoop('outbox.send', async () => ((await sendSome()) ? { delayMs: 0 } : 'idle'), { logger });
 * loop.start(); loop.wake(); await loop.stop();
 */
export class JobLoop {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private wakeSleeper: (() => void) | undefined;
  private done: Promise<void> | undefined;
  private errorStreak = 0;
  /** Set by a wake() that arrives mid-tick, so the loop does not then sleep through new work. */
  private wokenDuringTick = false;

  constructor(
    readonly name: string,
    private readonly tick: () => Promise<TickResult>,
    private readonly options: { logger: Logger; idleMs?: number; onError?: (job: string) => void },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.run();
  }

  wake(): void {
    if (this.wakeSleeper) this.wakeSleeper();
    else this.wokenDuringTick = true;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.done;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.wokenDuringTick = false;
      let next: TickResult;
      try {
        next = await this.tick();
        this.errorStreak = 0;
      } catch (error) {
        this.errorStreak += 1;
        this.options.onError?.(this.name);
        this.options.logger.error(
          { job: this.name, error: error instanceof Error ? error.message : String(error) },
          'job loop failed; backing off',
        );
        next = { delayMs: Math.min(30_000, 250 * 2 ** Math.min(this.errorStreak, 7)) };
      }
      if (!this.running) break;
      const delay = next === 'idle' ? (this.options.idleMs ?? 1000) : next.delayMs;
      if (next === 'idle' && this.wokenDuringTick) continue;
      if (delay > 0 || next === 'idle') await this.sleep(delay);
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(this.timer);
        this.wakeSleeper = undefined;
        resolve();
      };
      this.wakeSleeper = finish;
      this.timer = setTimeout(finish, ms);
    });
  }
}

/** A job that is its loop: start, wake and stop are the loop's (the JobRunner shape). */
export abstract class LoopedJob {
  protected abstract readonly loop: JobLoop;

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

/** A pipeline job's loop: its failures count in `dauys_job_failures_total{job}`. */
export function pipelineLoop(
  name: string,
  tick: () => Promise<TickResult>,
  options: {
    logger: Logger;
    metrics: { jobFailures: { inc(labels: { job: string }): void } };
    idleMs: number;
  },
): JobLoop {
  return new JobLoop(name, tick, {
    logger: options.logger,
    idleMs: options.idleMs,
    onError: (job) => options.metrics.jobFailures.inc({ job }),
  });
}
