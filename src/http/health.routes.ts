import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../app';
import { CHANNEL_NAMES } from '../channels/create-channels';

/** What these routes use of the app, and all they can reach. */
export type HealthRoutesServices = Pick<App, 'metrics' | 'publicReads' | 'queues'>;

export const healthRoutes: FastifyPluginAsync<{ app: HealthRoutesServices }> = async (server, { app }) => {
  server.get('/healthz', async (_request, reply) => {
    const database = await app.publicReads.ping();
    return reply.header('cache-control', 'no-store').send({ status: 'ok', database });
  });

  server.get('/metrics', async (_request, reply) => {
    // Inbox lag and outbox backlog are facts about the shared database, not this process: read
    // them on every scrape, so a `--role api` node (which runs no worker) reports them too.
    await refreshBacklogGauges(app).catch(() => undefined);
    const body = await app.metrics.registry.metrics();
    return reply.header('content-type', app.metrics.registry.contentType).send(body);
  });
};

/**
 * Inbox lag, media and outbox backlogs and submissions not yet in the transparency log, with the
 * age of each queue's oldest item, read by /metrics on each scrape and nowhere else: each is a
 * count over a queue table, and the outbox one grows with a backlog (~60 ms a read on PGlite at
 * 250,000 waiting replies), so counting them every second on the process that serves the webhook
 * cost most when it could least afford it.
 */
async function refreshBacklogGauges(app: HealthRoutesServices, now = Date.now()): Promise<void> {
  const { inbox, media, transparency, outbox } = await app.queues.pipeline();
  const ageOf = (oldestAt: Date | undefined) =>
    oldestAt ? Math.max(0, (now - oldestAt.getTime()) / 1000) : 0;
  app.metrics.inboxLag.set(inbox.depth);
  app.metrics.mediaPending.set(media.depth);
  app.metrics.transparencyPending.set(transparency.depth);
  for (const [stage, state] of [
    ['inbox', inbox],
    ['media', media],
    ['transparency', transparency],
  ] as const) {
    app.metrics.queueOldestAge.set({ stage }, ageOf(state.oldestAt));
  }
  for (const channel of CHANNEL_NAMES) {
    const state = outbox.get(channel);
    app.metrics.outboxBacklog.set({ channel }, state?.depth ?? 0);
    app.metrics.queueOldestAge.set({ stage: `outbox:${channel}` }, ageOf(state?.oldestAt));
  }
}
