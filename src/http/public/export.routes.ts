import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { exportCsv } from '../../services/export.service';
import { parseRequest } from '../parse-request';
import { slugParams } from './contracts/shared.contract';

/** What these routes use of the app, and all they can reach. */
export type ExportRoutesServices = Pick<App, 'exports'>;

// The export is a whole election: cheap to revalidate (ETag), not worth recomputing every second.
const EXPORT_CACHE_CONTROL = 'public, max-age=60';

/** `GET /elections/:slug/export.csv|json`: one row per precinct with every source's figures. */
export const exportRoutes: FastifyPluginAsync<{ app: ExportRoutesServices }> = async (server, { app }) => {
  server.get('/elections/:slug/export.csv', async (request, reply) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    const csv = exportCsv(await app.exports.precincts(slug));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${slug}-precincts.csv"`)
      .header('cache-control', EXPORT_CACHE_CONTROL)
      .send(csv);
  });

  server.get('/elections/:slug/export.json', async (request, reply) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    const data = await app.exports.precincts(slug);
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', EXPORT_CACHE_CONTROL)
      .send(JSON.stringify({ election: data.slug, fields: data.columns, rows: data.rows }));
  });
};
