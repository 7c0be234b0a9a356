import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { queueElection, type QueueAccessServices } from './queue-access';
import { ALL_ROLES } from './route-access';

/** What these routes use of the app, and all they can reach. */
export type ImpostorsRoutesServices = QueueAccessServices & Pick<App, 'impostors'>;

/**
 * `GET /impostors?election=`: the bots voters reported as pretending to be ours (`/fake @handle`),
 * each with how many voters reported it, for the coordinators who warn the public and the
 * platform that hosts the copy. Read-only, for every role.
 */
export const impostorsRoutes: FastifyPluginAsync<{ app: ImpostorsRoutesServices }> = async (
  server,
  { app },
) => {
  server.get('/impostors', { config: { roles: ALL_ROLES } }, async (request) => {
    const election = await queueElection(app, request.query);
    return { election: election.slug, reports: await app.impostors.byHandle(election) };
  });
};
