import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRouteDeclaresAccess } from '../../src/http/console/route-access';
import { cliActor } from '../../src/services/audit.service';
import { base32Encode, totpCode } from '../../src/security/totp';
import { DEFAULT_AUTH_POLICY } from '../../src/services/auth-policy';
import { createConsoleServices } from '../../src/services/console-services';
import { ConsoleClient } from '../support/console-client';
import { createConsoleUser, openConsoleTestApp, type ConsoleTestApp } from '../support/console-test-app';

/** Sessions, re-authentication and account changes, on a clock the test moves. */
describe('console sessions and accounts', () => {
  let harness: ConsoleTestApp;
  let offsetMs = 0;

  beforeAll(async () => {
    harness = await openConsoleTestApp('pglite');
    // The hook reads app.console on each request, so swapping in a movable clock reaches it.
    const { console: services } = createConsoleServices(harness.app.database.db, harness.app.secret, {
      now: () => new Date(Date.now() + offsetMs),
    });
    harness.app.console = services;
  });
  afterAll(async () => harness?.close());

  it('refuses to register a console route that declares no roles (fail closed)', async () => {
    const server = Fastify();
    server.addHook('onRoute', assertRouteDeclaresAccess);
    server.get('/declared', { config: { roles: ['analyst'] } }, async () => 'ok');
    expect(() => server.get('/undeclared', async () => 'oops')).toThrow(/declares no roles/);
    expect(() => server.get('/empty', { config: { roles: [] } }, async () => 'oops')).toThrow(
      /empty or unknown/,
    );
    await server.close();
  });

  it('keeps a one-time password user away from everything but choosing a password', async () => {
    const user = await createConsoleUser(harness.app, 'analyst');
    const client = new ConsoleClient(harness.server);
    const login = await client.login(user);
    expect(login.json().user).toMatchObject({ email: user.email, mustChangePassword: true });
    const audit = await client.request('GET', '/console/api/audit');
    expect(audit.statusCode).toBe(403);
    expect(audit.json().message).toContain('new password');
    const tooShort = await client.request('POST', '/console/api/password', {
      body: { currentPassword: user.password, newPassword: 'short' },
    });
    expect(tooShort.statusCode).toBe(400);
    const changed = await client.request('POST', '/console/api/password', {
      body: { currentPassword: user.password, newPassword: 'a much longer passphrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await client.request('GET', '/console/api/audit')).statusCode).toBe(200);
  });

  it('accepts each TOTP code once: a replayed code is refused', async () => {
    const user = await createConsoleUser(harness.app, 'analyst');
    const code = user.code();
    expect((await new ConsoleClient(harness.server).login(user, { code })).statusCode).toBe(200);
    expect((await new ConsoleClient(harness.server).login(user, { code })).statusCode).toBe(401);
  });

  it('stores only a hash of the session token and only an encrypted TOTP key', async () => {
    const user = await createConsoleUser(harness.app, 'moderator');
    const client = new ConsoleClient(harness.server);
    await client.signIn(user);
    const token = client.cookies.get('dauys_session')!;
    const { rows } = await sql<{ dump: string }>`
      select (select string_agg(s::text, '|') from console_sessions s) ||
             (select string_agg(u::text, '|') from console_users u) as dump`.execute(harness.app.database.db);
    expect(token.length).toBeGreaterThan(40);
    expect(rows[0]!.dump).not.toContain(token);
    expect(rows[0]!.dump).not.toContain(base32Encode(user.totpKey));
  });

  it('ends a session after the idle timeout', async () => {
    const user = await createConsoleUser(harness.app, 'moderator');
    const client = new ConsoleClient(harness.server);
    await client.signIn(user);
    expect((await client.request('GET', '/console/api/me')).statusCode).toBe(200);
    offsetMs = DEFAULT_AUTH_POLICY.idleTimeoutMs + 60_000;
    try {
      expect((await client.request('GET', '/console/api/me')).statusCode).toBe(401);
    } finally {
      offsetMs = 0;
    }
    // Deleted, not just refused: going back in time does not revive it.
    expect((await client.request('GET', '/console/api/me')).statusCode).toBe(401);
  });

  it('asks an older session to re-authenticate before managing users, then lets it', async () => {
    const admin = await createConsoleUser(harness.app, 'admin');
    const client = new ConsoleClient(harness.server);
    await client.signIn(admin);
    offsetMs = DEFAULT_AUTH_POLICY.reauthWindowMs + 60_000;
    try {
      const refused = await client.request('PATCH', `/console/api/users/${admin.id}`, {
        body: { role: 'analyst' },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().issues).toEqual([
        { where: 'session.reauth', message: 're-authentication required' },
      ]);
      const wrong = await client.request('POST', '/console/api/reauth', {
        body: { password: 'nope', code: admin.code(1) },
      });
      expect(wrong.statusCode).toBe(401);
      // The server's clock is ahead; the code must be for its "now".
      const code = totpCode(admin.totpKey, Date.now() + offsetMs);
      const reauth = await client.request('POST', '/console/api/reauth', {
        body: { password: admin.password, code },
      });
      expect(reauth.statusCode).toBe(204);
      const target = await createConsoleUser(harness.app, 'moderator');
      const changed = await client.request('PATCH', `/console/api/users/${target.id}`, {
        body: { role: 'coordinator' },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().user).toMatchObject({ id: target.id, role: 'coordinator' });
    } finally {
      offsetMs = 0;
    }
  });

  it('signs a disabled user out at once, audits it, and never leaves zero active admins', async () => {
    const admins = await harness.app.console.users.list();
    for (const other of admins.filter((u) => u.role === 'admin' && !u.disabled)) {
      await harness.app.console.users
        .update(cliActor('test'), other.id, { disabled: true })
        .catch(() => undefined);
    }
    const remaining = (await harness.app.console.users.list()).filter(
      (u) => u.role === 'admin' && !u.disabled,
    );
    expect(remaining).toHaveLength(1);
    await expect(
      harness.app.console.users.update(cliActor('test'), remaining[0]!.id, { role: 'analyst' }),
    ).rejects.toThrow(/last active admin/);

    const admin = await createConsoleUser(harness.app, 'admin');
    const victim = await createConsoleUser(harness.app, 'coordinator');
    const adminClient = new ConsoleClient(harness.server);
    const victimClient = new ConsoleClient(harness.server);
    await adminClient.signIn(admin);
    await victimClient.signIn(victim);
    expect((await victimClient.request('GET', '/console/api/me')).statusCode).toBe(200);
    const disabled = await adminClient.request('PATCH', `/console/api/users/${victim.id}`, {
      body: { disabled: true },
    });
    expect(disabled.json().user).toMatchObject({ disabled: true });
    expect((await victimClient.request('GET', '/console/api/me')).statusCode).toBe(401);
    expect((await new ConsoleClient(harness.server).login(victim, { code: victim.code(1) })).statusCode).toBe(
      401,
    );

    const [entry] = await harness.app.audit.list({ limit: 1 });
    expect(entry).toMatchObject({
      actor: `user:${admin.id}`,
      actorLabel: admin.email,
      action: 'user.update',
      target: `user:${victim.id}`,
      before: { role: 'coordinator', disabled: false },
      after: { role: 'coordinator', disabled: true },
    });
    expect(await harness.app.audit.verify()).toMatchObject({ ok: true });
  });
});
