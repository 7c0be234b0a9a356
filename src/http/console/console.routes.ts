import fastifyCookie from '@fastify/cookie';
import { registerClientRateLimit } from '../client-rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { auditRoutes } from './audit.routes';
import { authRoutes } from './auth.routes';
import { consoleAuthHook } from './console-auth-hook';
import { assertRouteDeclaresAccess } from './route-access';
import { usersRoutes } from './users.routes';
import { ballotRoutes } from './ballots.routes';
import { observerRoutes } from './observers.routes';
import { officialRoutes } from './official.routes';
import { protocolRoutes } from './protocols.routes';
import { impostorsRoutes } from './impostors.routes';
import { sosRoutes } from './sos.routes';
import { violationRoutes } from './violations.routes';

/**
 * The console API (mounted at /console/api). Everything in this plugin — and in plugins
 * registered inside it — passes one auth hook, and every route must declare its roles:
 *
 * @example
 * // in a queue's routes plugin, registered below with `await server.register(queueRoutes, { app })`:
 * server.post('/ballots/:id/approve', { config: { roles: ['moderator', 'coordinator'] } }, async (request) => {
 *   const { actor } = signedIn(request);
 *   // A route calls a service, actor first; the service owns the transaction and the audit entry
 *   // (test/unit/architecture/store-wall.test.ts refuses a route that opens one or writes one).
 *   return app.moderation.reviewBallots(actor, election, [id], 'approve');
 * });
 *
 * The hook and the cookie parser live in this encapsulated plugin only: public routes never see them.
 */
export const consoleRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  const secureCookies = app.config.PUBLIC_URL?.startsWith('https:') ?? false;
  server.addHook('onRoute', assertRouteDeclaresAccess);
  // Logins have their own lockout; this keeps any one address from flooding the console. Sized
  // for the work queues: a page of 50 photo thumbnails is 50 requests, and a team of moderators
  // often shares one office address.
  registerClientRateLimit(server, { perSecond: 50, burst: 500 });
  await server.register(fastifyCookie);
  server.decorateRequest('consoleSession', null);
  server.addHook('onRequest', consoleAuthHook(app));
  server.addHook('onSend', async (_request, reply, payload) => {
    // Personal data and one-time credentials: never stored by the browser or a proxy.
    reply.header('cache-control', 'no-store');
    return payload;
  });

  await server.register(authRoutes, { app, secureCookies });
  await server.register(usersRoutes, { app });
  await server.register(auditRoutes, { app });
  // The work queues (issue 5, second half).
  await server.register(ballotRoutes, { app });
  await server.register(protocolRoutes, { app });
  await server.register(violationRoutes, { app });
  await server.register(sosRoutes, { app });
  await server.register(impostorsRoutes, { app });
  await server.register(observerRoutes, { app });
  await server.register(officialRoutes, { app });
};
