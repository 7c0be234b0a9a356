import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../app';
import { refreshBacklogGauges } from '../jobs/worker';

export const healthRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  server.get('/healthz', async (_request, reply) => {
    await sql`select 1`.execute(app.database.db);
    return reply.header('cache-control', 'no-store').send({ status: 'ok', database: app.database.kind });
  });

  server.get('/metrics', async (_request, reply) => {
    // Inbox lag and outbox backlog are facts about the shared database, not this process: read
    // them on every scrape, so a `--role api` node (which runs no worker) reports them too.
    await refreshBacklogGauges(app).catch(() => undefined);
    const body = await app.metrics.registry.metrics();
    return reply.header('content-type', app.metrics.registry.contentType).send(body);
  });
};
