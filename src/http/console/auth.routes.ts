import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app';
import { anonymousCsrfToken, csrfTokenForSession } from '../../security/csrf';
import { parseRequest } from '../parse-request';
import { clearSessionCookies, CSRF_COOKIE, setCsrfCookie, setSessionCookies } from './console-cookies';
import { signedIn } from './signed-in';

/** What these routes use of the app, and all they can reach. */
export type AuthRoutesServices = Pick<App, 'console'>;

const loginBody = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
  code: z.string().min(1).max(16),
});
const reauthBody = loginBody.omit({ email: true });
const passwordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().max(1024),
});

/** Sign-in, sign-out, the current user, password change and re-authentication. */
export const authRoutes: FastifyPluginAsync<{ app: AuthRoutesServices; secureCookies: boolean }> = async (
  server,
  { app, secureCookies },
) => {
  // Before sign-in the page needs a CSRF token for the login form (double-submit, not yet bound).
  server.get('/csrf', { config: { roles: 'public' } }, async (request, reply) => {
    const session = request.consoleSession;
    const csrfToken = session
      ? csrfTokenForSession(session.token)
      : (request.cookies[CSRF_COOKIE] ?? anonymousCsrfToken());
    setCsrfCookie(request, reply, secureCookies, csrfToken);
    return { csrfToken };
  });

  server.post('/login', { config: { roles: 'public' } }, async (request, reply) => {
    const body = parseRequest(loginBody, request.body, 'body');
    const { token, session } = await app.console.auth.login({ ...body, ip: request.ip });
    const csrfToken = csrfTokenForSession(token);
    setSessionCookies(request, reply, secureCookies, { session: token, csrf: csrfToken });
    return { user: session.user, csrfToken };
  });

  server.post('/logout', { config: { roles: 'signed-in' } }, async (request, reply) => {
    await app.console.auth.logout(signedIn(request).session);
    clearSessionCookies(request, reply, secureCookies);
    return reply.status(204).send();
  });

  server.get('/me', { config: { roles: 'signed-in' } }, async (request) => {
    const { session } = signedIn(request);
    return {
      user: session.user,
      csrfToken: csrfTokenForSession(session.token),
      reauthenticated: app.console.auth.isRecentlyReauthenticated(session),
    };
  });

  server.post('/password', { config: { roles: 'signed-in' } }, async (request) => {
    const body = parseRequest(passwordBody, request.body, 'body');
    const user = await app.console.auth.changePassword(signedIn(request).session, {
      ...body,
      ip: request.ip,
    });
    return { user };
  });

  server.post('/reauth', { config: { roles: 'signed-in' } }, async (request, reply) => {
    const body = parseRequest(reauthBody, request.body, 'body');
    await app.console.auth.reauthenticate(signedIn(request).session, { ...body, ip: request.ip });
    return reply.status(204).send();
  });
};
