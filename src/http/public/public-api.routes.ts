import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { registerClientRateLimit } from '../client-rate-limit';
import { areasRoutes } from './areas.routes';
import { boundariesRoutes } from './boundaries.routes';
import { datapackageRoutes } from './datapackage.routes';
import { electionRoutes } from './elections.routes';
import { exportRoutes } from './export.routes';
import { registerHttpCaching } from './http-caching';
import { openapiRoutes } from './openapi.routes';
import { violationsFeedRoutes } from './violations-feed.routes';
import { resultsRoutes } from './results.routes';
import { transparencyRoutes } from './transparency.routes';

/** The public, read-only API under /api/v1: no session, no personal data, ever. */
export const publicApiRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  const perSecond = app.config.PUBLIC_RATE_LIMIT_PER_SECOND;
  if (perSecond > 0) registerClientRateLimit(server, { perSecond, burst: perSecond * 5 });
  registerHttpCaching(server);
  await server.register(electionRoutes, { app });
  await server.register(resultsRoutes, { app });
  await server.register(areasRoutes, { app });
  await server.register(boundariesRoutes, { app });
  await server.register(exportRoutes, { app });
  await server.register(datapackageRoutes, { app });
  await server.register(openapiRoutes);
  await server.register(violationsFeedRoutes, { app });
  await server.register(transparencyRoutes, { app });
};
