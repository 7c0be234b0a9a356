import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { electionRoutes } from './elections.routes';

/** The public, read-only API under /api/v1: no session, no personal data, ever. */
export const publicApiRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  await server.register(electionRoutes, { app });
};
