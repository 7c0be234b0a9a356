import { Counter, type Registry } from 'prom-client';

/**
 * The message pipeline's own counters, registered once per registry (the shared gauges —
 * inbox lag, outbox backlog, webhook outcomes — live in `src/metrics.ts`).
 */
function create(registry: Registry) {
  return {
    inboxProcessed: new Counter({
      name: 'dauys_inbox_processed_total',
      help: 'Inbox rows processed, by outcome (done, retry, dead)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    outboxCalls: new Counter({
      name: 'dauys_outbox_calls_total',
      help: 'Channel API calls made by the outbox, by channel and outcome (sent, retry_after, retry, failed)',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: 'dauys_job_failures_total',
      help: 'Job loop ticks that failed outright (the database unreachable, a bug), by job; the loop backs off and retries',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
    mediaProcessed: new Counter({
      name: 'dauys_media_processed_total',
      help: 'Media items settled, by status (ok, rejected) or retried',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
  };
}

export type PipelineMetrics = ReturnType<typeof create>;

const byRegistry = new WeakMap<Registry, PipelineMetrics>();

/**
 * @example
 * pipelineMetrics(app.metrics.registry).inboxProcessed.inc({ outcome: 'done' });
 */
export function pipelineMetrics(registry: Registry): PipelineMetrics {
  let metrics = byRegistry.get(registry);
  if (!metrics) {
    metrics = create(registry);
    byRegistry.set(registry, metrics);
  }
  return metrics;
}
