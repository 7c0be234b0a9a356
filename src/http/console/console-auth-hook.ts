import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { DauysError } from '../../errors';
import { csrfTokenIsValid } from '../../security/csrf';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './console-cookies';

/** What these routes use of the app, and all they can reach. */
export type ConsoleAuthHookServices = Pick<App, 'console'>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The message the console page looks for to ask for password and code again. */
export const REAUTH_REQUIRED = 'session.reauth';

/**
 * The one gate of every console request, in this order: the session (401 without one), CSRF
 * on state-changing methods (403), the route's roles (403), and re-authentication when the
 * route requires it (403, `issues[0].where === 'session.reauth'`).
 */
export function consoleAuthHook(app: ConsoleAuthHookServices) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const { roles, reauth } = request.routeOptions.config;
    // Registration refuses such routes; this is the second lock on the same door.
    if (roles === undefined) throw forbidden('route has no access rule');

    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await app.console.auth.authenticate(token) : null;
    request.consoleSession = session;
    if (roles !== 'public' && !session) throw new DauysError('DAUYS_ERR_UNAUTHORIZED', 'sign in first');

    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      if (origin !== undefined && !sameHost(origin, request.host))
        throw forbidden('cross-origin request refused');
      const header = request.headers[CSRF_HEADER];
      const valid = csrfTokenIsValid({
        header: typeof header === 'string' ? header : undefined,
        cookie: request.cookies[CSRF_COOKIE],
        sessionToken: session?.token,
      });
      if (!valid) throw forbidden('missing or invalid CSRF token');
    }

    if (Array.isArray(roles)) {
      if (session!.user.mustChangePassword) throw forbidden('choose a new password first');
      if (!roles.includes(session!.user.role))
        throw forbidden(`not allowed for the ${session!.user.role} role`);
    }
    if (reauth && !app.console.auth.isRecentlyReauthenticated(session!)) {
      throw new DauysError('DAUYS_ERR_FORBIDDEN', 'confirm your password and code first', [
        { where: REAUTH_REQUIRED, message: 're-authentication required' },
      ]);
    }
  };
}

function forbidden(message: string): DauysError {
  return new DauysError('DAUYS_ERR_FORBIDDEN', message);
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
