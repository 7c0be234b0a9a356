import type { RouteOptions } from 'fastify';
import { CONSOLE_ROLES, type ConsoleRole } from '../../store/tables/console.tables';
import type { ConsoleSession } from '../../services/auth.service';

/**
 * Who may call a console route, declared on the route itself:
 * - a list of roles: signed in with one of them (and a password already changed from the one-time one);
 * - `'signed-in'`: any signed-in user (their own session: me, logout, password, re-auth);
 * - `'public'`: no session (only the CSRF token and the login itself).
 */
export type RouteRoles = readonly ConsoleRole[] | 'signed-in' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Console routes must declare it; a console route without it is refused at registration. */
    roles?: RouteRoles;
    /** Needs a recent re-entry of password and code (user management, personal-data exports). */
    reauth?: boolean;
  }
  interface FastifyRequest {
    /** The console session, set by the console's auth hook (null when not signed in). */
    consoleSession: ConsoleSession | null;
  }
}

/** Every role: for routes any console user may read, such as the audit log. */
export const ALL_ROLES: readonly ConsoleRole[] = CONSOLE_ROLES;

/**
 * Fail closed: a route under the console that does not say who may call it is a programming
 * error, reported when the server starts rather than discovered as an open door.
 *
 * @example
 * server.addHook('onRoute', assertRouteDeclaresAccess);
 * server.get('/queue', { config: { roles: ['moderator'] } }, handler); // ok
 * server.get('/oops', handler); // throws at registration
 */
export function assertRouteDeclaresAccess(route: RouteOptions): void {
  const { roles, reauth } = route.config ?? {};
  const where = `${String(route.method)} ${route.url}`;
  if (roles === undefined) {
    throw new Error(
      `console route ${where} declares no roles (config: { roles: [...] }); refusing to register it`,
    );
  }
  if (Array.isArray(roles)) {
    if (roles.length === 0 || roles.some((role) => !(CONSOLE_ROLES as readonly string[]).includes(role))) {
      throw new Error(`console route ${where} has an empty or unknown role list: ${JSON.stringify(roles)}`);
    }
  } else if (roles !== 'signed-in' && roles !== 'public') {
    throw new Error(`console route ${where} has an unknown roles value: ${JSON.stringify(roles)}`);
  }
  if (reauth && roles === 'public')
    throw new Error(`console route ${where}: a public route cannot require re-authentication`);
}
