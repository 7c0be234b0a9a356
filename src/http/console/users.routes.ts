import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { CONSOLE_ROLES } from '../../store/tables/console.tables';
import { parseRequest } from '../parse-request';
import { signedIn } from './signed-in';

/** What these routes use of the app, and all they can reach. */
export type UsersRoutesServices = Pick<App, 'console'>;

const idParams = z.object({ id: z.coerce.number().int().positive() });
const createBody = z.object({ email: z.string().max(320), role: z.enum(CONSOLE_ROLES) });
const updateBody = z
  .object({ role: z.enum(CONSOLE_ROLES).optional(), disabled: z.boolean().optional() })
  .refine((body) => body.role !== undefined || body.disabled !== undefined, 'give role or disabled');

/** User management: admins only, and every change needs a fresh re-authentication. */
export const usersRoutes: FastifyPluginAsync<{ app: UsersRoutesServices }> = async (server, { app }) => {
  server.get('/users', { config: { roles: ['admin'] } }, async () => ({
    users: await app.console.users.list(),
  }));

  server.post('/users', { config: { roles: ['admin'], reauth: true } }, async (request, reply) => {
    const body = parseRequest(createBody, request.body, 'body');
    const issued = await app.console.users.create(signedIn(request).actor, body);
    // The one-time password and TOTP key are shown once; never cache this answer.
    return reply.status(201).send(issued);
  });

  server.patch('/users/:id', { config: { roles: ['admin'], reauth: true } }, async (request) => {
    const { id } = parseRequest(idParams, request.params, 'path');
    const body = parseRequest(updateBody, request.body, 'body');
    return { user: await app.console.users.update(signedIn(request).actor, id, body) };
  });

  server.post('/users/:id/reset', { config: { roles: ['admin'], reauth: true } }, async (request) => {
    const { id } = parseRequest(idParams, request.params, 'path');
    return app.console.users.resetCredentials(signedIn(request).actor, { id });
  });
};
