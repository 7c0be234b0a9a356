import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { parseRequest } from '../parse-request';
import { slugParams } from './contracts/shared.contract';

/** What these routes use of the app, and all they can reach. */
export type TransparencyRoutesServices = Pick<App, 'transparency'>;

const PAGE = 10_000;

/**
 * The transparency log in public: the current root and size (to publish, screenshot, tweet),
 * and the whole log as NDJSON (`dauys verify` recomputes the root from it).
 */
export const transparencyRoutes: FastifyPluginAsync<{ app: TransparencyRoutesServices }> = async (
  server,
  { app },
) => {
  server.get('/elections/:slug/transparency', async (request) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    return app.transparency.head(slug);
  });

  server.get('/elections/:slug/transparency.ndjson', async (request, reply) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    const head = await app.transparency.head(slug);
    const lines: string[] = [JSON.stringify({ head })];
    // Entries are read up to the head's size, so the file is consistent with its own header.
    for (let from = 0; from < head.size; from += PAGE) {
      const entries = await app.transparency.entries(slug, from, Math.min(PAGE, head.size - from));
      for (const entry of entries) lines.push(JSON.stringify(entry));
    }
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="${slug}-transparency.ndjson"`)
      .send(lines.join('\n') + '\n');
  });
};
