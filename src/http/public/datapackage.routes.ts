import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { parseRequest } from '../parse-request';
import { slugParams } from './contracts/shared.contract';

/** What these routes use of the app, and all they can reach. */
export type DatapackageRoutesServices = Pick<App, 'exports'>;

/** `GET /elections/:slug/datapackage.json`: a Frictionless Data Package describing `export.csv` beside it. */
export const datapackageRoutes: FastifyPluginAsync<{ app: DatapackageRoutesServices }> = async (
  server,
  { app },
) => {
  server.get('/elections/:slug/datapackage.json', async (request, reply) => {
    const { slug } = parseRequest(slugParams, request.params, 'path');
    return reply.header('cache-control', 'public, max-age=300').send(await app.exports.datapackage(slug));
  });
};
