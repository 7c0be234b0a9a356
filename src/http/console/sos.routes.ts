import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { parseRequest } from '../parse-request';
import { COORDINATORS, idParams, queueElection, type QueueAccessServices } from './queue-access';
import { ALL_ROLES } from './route-access';
import { signedIn } from './signed-in';

/** What these routes use of the app, and all they can reach. */
export type SosRoutesServices = QueueAccessServices & Pick<App, 'moderation'>;

/** SOS alerts: every console page shows the open ones until a coordinator acknowledges them. */
export const sosRoutes: FastifyPluginAsync<{ app: SosRoutesServices }> = async (server, { app }) => {
  server.get('/sos', { config: { roles: ALL_ROLES } }, async () => ({
    alerts: await app.moderation.openSos(await app.elections.list()),
  }));

  server.post('/sos/:id/acknowledge', { config: { roles: COORDINATORS } }, async (request, reply) => {
    const election = await queueElection(app, request.query);
    const { id } = parseRequest(idParams, request.params, 'path');
    await app.moderation.acknowledgeSos(signedIn(request).actor, election, id);
    return reply.status(204).send();
  });
};
