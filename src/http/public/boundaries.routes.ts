import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { notFound } from '../../errors';
import { PACKAGE_ROOT } from '../../shared/package-root';
import { parseRequest } from '../parse-request';
import { boundariesParams } from './contracts/open-data.contract';

/** What these routes use of the app, and all they can reach. */
export type BoundariesRoutesServices = Pick<App, 'elections'>;

/** Elections shipped with the product; each may have a `boundaries.topo.json` beside its definition. */
const SHIPPED_ELECTIONS_DIR = path.join(PACKAGE_ROOT, 'elections');

/**
 * `GET /elections/:slug/boundaries.topo.json`: the map's shapes (TopoJSON, `objects.regions`,
 * each geometry's `properties.code` an area code), served from our own origin — no tile server.
 */
export const boundariesRoutes: FastifyPluginAsync<{
  app: BoundariesRoutesServices;
  electionsDir?: string;
}> = async (server, { app, electionsDir = SHIPPED_ELECTIONS_DIR }) => {
  server.get('/elections/:slug/boundaries.topo.json', async (request, reply) => {
    const { slug } = parseRequest(boundariesParams, request.params, 'path');
    await app.elections.require(slug);
    let text: string;
    try {
      text = await fs.readFile(path.join(electionsDir, slug, 'boundaries.topo.json'), 'utf8');
    } catch {
      throw notFound(`election "${slug}" has no map boundaries`);
    }
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(text);
  });
};
