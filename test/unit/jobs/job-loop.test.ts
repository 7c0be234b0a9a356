import { describe, expect, it } from 'vitest';
import { JobLoop } from '../../../src/jobs/job-loop';
import { createLogger } from '../../../src/logger';

describe('JobLoop', () => {
  it('reports a failed tick by job name, backs off, and keeps running', async () => {
    const failures: string[] = [];
    let ticks = 0;
    let recover: () => void = () => {};
    const recovered = new Promise<void>((resolve) => (recover = resolve));
    const loop = new JobLoop(
      'test.job',
      async () => {
        ticks += 1;
        if (ticks === 1) throw new Error('database unreachable');
        recover();
        return 'idle';
      },
      { logger: createLogger('silent'), onError: (job) => failures.push(job) },
    );
    loop.start();
    await recovered;
    await loop.stop();
    expect(failures).toEqual(['test.job']);
    expect(ticks).toBe(2);
  });
});
