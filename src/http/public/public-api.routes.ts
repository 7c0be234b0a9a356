import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { registerClientRateLimit } from '../client-rate-limit';
import { areasRoutes, type AreasRoutesServices } from './areas.routes';
import { boundariesRoutes, type BoundariesRoutesServices } from './boundaries.routes';
import { datapackageRoutes, type DatapackageRoutesServices } from './datapackage.routes';
import { electionRoutes, type ElectionsRoutesServices } from './elections.routes';
import { exportRoutes, type ExportRoutesServices } from './export.routes';
import { registerHttpCaching } from './http-caching';
import { openapiRoutes } from './openapi.routes';
import { violationsFeedRoutes, type ViolationsFeedRoutesServices } from './violations-feed.routes';
import { resultsRoutes, type ResultsRoutesServices } from './results.routes';
import { transparencyRoutes, type TransparencyRoutesServices } from './transparency.routes';

/** What the public API's plugins use, together: all `dauys snapshot` needs to serve it in-process. */
export type PublicApiServices = Pick<App, 'config'> &
  ElectionsRoutesServices &
  ResultsRoutesServices &
  AreasRoutesServices &
  BoundariesRoutesServices &
  ExportRoutesServices &
  DatapackageRoutesServices &
  ViolationsFeedRoutesServices &
  TransparencyRoutesServices;

/** The public, read-only API under /api/v1: no session, no personal data, ever. */
export const publicApiRoutes: FastifyPluginAsync<{ app: PublicApiServices }> = async (server, { app }) => {
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
