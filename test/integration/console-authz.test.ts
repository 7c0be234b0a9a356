import type * as FastifyModule from 'fastify';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RouteRoles } from '../../src/http/console/route-access';
import { CONSOLE_ROLES, type ConsoleRole } from '../../src/store/tables/console.tables';
import { ConsoleClient } from '../support/console-client';
import {
  createConsoleUser,
  openConsoleTestApp,
  type ConsoleTestApp,
  type TestConsoleUser,
} from '../support/console-test-app';
import { testDatabases } from '../support/test-databases';

/**
 * Every route the server registers, seen from the ROOT instance: a route someone mounts under
 * /console/api outside the console plugin (and so outside its auth hook) is caught here too.
 */
const registeredRoutes = vi.hoisted(() => [] as RouteOptions[]);
vi.mock('fastify', async (importOriginal) =>
  (await import('../support/route-recorder')).recordingFastify(
    await importOriginal<typeof FastifyModule>(),
    registeredRoutes,
  ),
);

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The only console routes open without a session: what the login form needs. */
const PUBLIC_ROUTES = ['GET /console/api/csrf', 'HEAD /console/api/csrf', 'POST /console/api/login'];

interface ConsoleRoute {
  method: string;
  url: string;
  roles: RouteRoles | undefined;
  key: string;
}

function consoleRoutes(): ConsoleRoute[] {
  const seen = new Map<string, ConsoleRoute>();
  for (const route of registeredRoutes) {
    if (!route.url.startsWith('/console/api')) continue;
    for (const method of [route.method].flat()) {
      const key = `${method} ${route.url}`;
      seen.set(key, { method, url: route.url, roles: route.config?.roles, key });
    }
  }
  return [...seen.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** A concrete URL for a route pattern (ids that exist nowhere: the gate answers before the handler). */
function concreteUrl(url: string): string {
  return url.replace(/:[a-zA-Z]+/g, '999999');
}

describe.each(testDatabases())('console authorization on $name', ({ name }) => {
  let harness: ConsoleTestApp;
  const users = {} as Record<ConsoleRole, TestConsoleUser>;
  const clients = {} as Record<ConsoleRole, ConsoleClient>;

  beforeAll(async () => {
    registeredRoutes.length = 0;
    harness = await openConsoleTestApp(name);
    await harness.server.ready();
    for (const role of CONSOLE_ROLES) {
      users[role] = await createConsoleUser(harness.app, role);
      clients[role] = new ConsoleClient(harness.server);
      await clients[role].signIn(users[role]);
    }
    // The admin's client may pass re-authentication gates, so a 403 it gets is about CSRF alone.
    await clients.admin.reauthenticate(users.admin);
  });
  afterAll(async () => harness?.close());

  it('finds the console routes, every one declaring its roles, and only the login form public', () => {
    const routes = consoleRoutes();
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        'GET /console/api/me',
        'GET /console/api/users',
        'POST /console/api/users',
        'GET /console/api/audit',
      ]),
    );
    for (const route of routes) expect(route.roles, route.key).toBeDefined();
    expect(routes.filter((r) => r.roles === 'public').map((r) => r.key)).toEqual(PUBLIC_ROUTES);
  });

  it('refuses an anonymous request to every non-public route with 401', async () => {
    const anonymous = new ConsoleClient(harness.server);
    await anonymous.request('GET', '/console/api/csrf'); // even holding a valid pre-login CSRF pair
    for (const route of consoleRoutes().filter((r) => r.roles !== 'public')) {
      const response = await anonymous.request(route.method, concreteUrl(route.url), { body: {} });
      expect(response.statusCode, route.key).toBe(401);
    }
  });

  it('refuses a signed-in role that a route does not list with 403', async () => {
    let checked = 0;
    for (const route of consoleRoutes()) {
      if (!Array.isArray(route.roles)) continue;
      for (const role of CONSOLE_ROLES.filter((r) => !(route.roles as readonly string[]).includes(r))) {
        const response = await clients[role].request(route.method, concreteUrl(route.url), { body: {} });
        expect(response.statusCode, `${route.key} as ${role}`).toBe(403);
        if (route.method !== 'HEAD') {
          expect(response.json().message, `${route.key} as ${role}`).toContain(
            `not allowed for the ${role} role`,
          );
        }
        checked += 1;
      }
    }
    // User management alone is closed to three roles on four routes.
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('lets a listed role through the gate on every route (the refusals above are not a blanket no)', async () => {
    for (const route of consoleRoutes()) {
      if (route.key === 'POST /console/api/logout') continue; // would end the shared session; tested below
      const role: ConsoleRole = Array.isArray(route.roles) ? (route.roles[0] as ConsoleRole) : 'admin';
      const response = await clients[role].request(route.method, concreteUrl(route.url), { body: {} });
      expect([401, 403], `${route.key} as ${role}: ${response.body}`).not.toContain(response.statusCode);
    }
  });

  it('refuses every state-changing route without the CSRF header, even for a permitted role', async () => {
    const unsafe = consoleRoutes().filter((r) => STATE_CHANGING.has(r.method));
    expect(unsafe.length).toBeGreaterThanOrEqual(7);
    for (const route of unsafe) {
      const client = route.roles === 'public' ? new ConsoleClient(harness.server) : clients.admin;
      if (route.roles === 'public') await client.request('GET', '/console/api/csrf');
      const response = await client.request(route.method, concreteUrl(route.url), { body: {}, csrf: false });
      expect(response.statusCode, route.key).toBe(403);
      expect(response.json().message, route.key).toContain('CSRF');
    }
  });

  it('refuses a CSRF token from another session, and a cross-origin request', async () => {
    const stolen = clients.moderator.csrfToken!;
    const withOther = await clients.admin.request('POST', '/console/api/reauth', {
      body: {},
      headers: { 'x-csrf-token': stolen },
      csrf: false,
    });
    expect(withOther.statusCode).toBe(403);
    const crossOrigin = await clients.admin.request('POST', '/console/api/reauth', {
      body: {},
      headers: { origin: 'https://evil.example' },
    });
    expect(crossOrigin.statusCode).toBe(403);
    expect(crossOrigin.json().message).toContain('cross-origin');
  });

  it('lets a freshly signed-in admin manage users (sign-in counts as re-authentication)', async () => {
    const fresh = new ConsoleClient(harness.server);
    const second = await createConsoleUser(harness.app, 'admin');
    await fresh.signIn(second);
    // An old session must re-enter password and code first: see console-auth.test.ts.
    const created = await fresh.request('POST', '/console/api/users', {
      body: { email: 'new-analyst@example.org', role: 'analyst' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ user: { email: 'new-analyst@example.org', role: 'analyst' } });
    expect(created.json().totpUri).toMatch(
      /^otpauth:\/\/totp\/Dauys:new-analyst@example\.org\?secret=[A-Z2-7]+&issuer=Dauys/,
    );
    expect(created.headers['cache-control']).toBe('no-store');
  });

  it('locks an account after 5 failed sign-ins, even for the right password and code', async () => {
    const victim = await createConsoleUser(harness.app, 'analyst');
    const attacker = new ConsoleClient(harness.server);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await attacker.login(victim, { password: `wrong-${attempt}` });
      expect(response.statusCode).toBe(401);
      expect(response.json().message).toBe('invalid email, password or code');
    }
    const locked = await new ConsoleClient(harness.server).login(victim);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('DAUYS_ERR_RATE_LIMITED');
    // Another account from the same address is not locked by this one's failures.
    const bystander = await createConsoleUser(harness.app, 'analyst');
    expect((await new ConsoleClient(harness.server).login(bystander)).statusCode).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password (no account discovery)', async () => {
    const ghost = { ...users.analyst, email: 'nobody@example.org' };
    const response = await new ConsoleClient(harness.server).login(ghost);
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toBe('invalid email, password or code');
  });

  it('ends the session on logout', async () => {
    const client = clients.coordinator;
    expect((await client.request('POST', '/console/api/logout')).statusCode).toBe(204);
    expect((await client.request('GET', '/console/api/me')).statusCode).toBe(401);
  });

  it('keeps the console hook off public routes', async () => {
    const health = await harness.server.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['set-cookie']).toBeUndefined();
  });

  it('never writes passwords, session tokens or TOTP secrets to the log', () => {
    const text = harness.logs.join('\n');
    for (const user of Object.values(users)) {
      expect(text).not.toContain(user.password);
      expect(text).not.toContain(user.totpKey.toString('hex'));
    }
    for (const client of Object.values(clients)) {
      const session = client.cookies.get('dauys_session');
      if (session) expect(text).not.toContain(session);
    }
  });
});
