import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus registry and the platform's own metrics. One instance per process; the
 * jobs and the HTTP layer both write to it and `/metrics` reads it.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dauys_process_' });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'dauys_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    webhookUpdates: new Counter({
      name: 'dauys_webhook_updates_total',
      help: 'Webhook updates by channel and outcome (stored, duplicate, rejected)',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    inboxLag: new Gauge({
      name: 'dauys_inbox_unprocessed',
      help: 'Inbox rows stored but not yet processed',
      registers: [registry],
    }),
    mediaPending: new Gauge({
      name: 'dauys_media_pending',
      help: 'Media items (ballot photos, protocol pages, evidence) not yet fetched and checked',
      registers: [registry],
    }),
    transparencyPending: new Gauge({
      name: 'dauys_transparency_pending',
      help: 'Accepted submissions not yet appended to the transparency log',
      registers: [registry],
    }),
    queueOldestAge: new Gauge({
      name: 'dauys_queue_oldest_age_seconds',
      help: 'Age of the oldest item waiting in each stage (inbox, media, transparency, outbox:<channel>); 0 when empty',
      labelNames: ['stage'] as const,
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: 'dauys_outbox_backlog',
      help: 'Outbound messages waiting to be sent, by channel',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
