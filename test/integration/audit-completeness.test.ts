import type * as FastifyModule from 'fastify';
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntryView } from '../../src/services/audit.service';
import { ConsoleClient } from '../support/console-client';
import {
  createConsoleUser,
  openConsoleTestApp,
  type ConsoleTestApp,
  type TestConsoleUser,
} from '../support/console-test-app';
import { CLEAN_PROTOCOL, seedModeration, type ModerationSeed } from '../support/moderation-seed';
import { routeKeys } from '../support/route-recorder';
import { testDatabases } from '../support/test-databases';

/**
 * Audit completeness (DESIGN.md invariant 6, issue 19): every route the server registers that
 * can change data is listed here, and each is driven once, for real, by a signed-in person —
 * and must leave exactly one new audit entry, naming that person, with the expected action.
 * A new state-changing route that is in none of the lists fails the first test, so it cannot
 * ship unaudited by omission. The command line's writes are held the same way in
 * test/e2e/cli-audit.test.ts.
 */
const registeredRoutes = vi.hoisted(() => [] as RouteOptions[]);
vi.mock('fastify', async (importOriginal) =>
  (await import('../support/route-recorder')).recordingFastify(
    await importOriginal<typeof FastifyModule>(),
    registeredRoutes,
  ),
);

const STATE_CHANGING = /^(POST|PUT|PATCH|DELETE) /;
const BOT_USERNAME = 'dauys_audit_observer_bot';

type Person = 'admin' | 'moderator' | 'coordinator' | 'newcomer';

interface World {
  harness: ConsoleTestApp;
  seed: ModerationSeed;
  users: Record<Person, TestConsoleUser>;
  clients: Record<Person, ConsoleClient>;
}

interface AuditedWrite {
  /** Who acts: their audit entry must name them. */
  as: Person;
  action: string;
  run(world: World): Promise<LightMyRequestResponse>;
}

/**
 * Every console write, in the order they run (a violation is verified, then published, then
 * rejected; the newcomer signs in, changes the one-time password, re-authenticates, leaves).
 */
const AUDITED_WRITES: Record<string, AuditedWrite> = {
  'POST /console/api/login': {
    as: 'newcomer',
    action: 'session.login',
    run: ({ clients, users }) => clients.newcomer.login(users.newcomer),
  },
  'POST /console/api/password': {
    as: 'newcomer',
    action: 'user.password-change',
    run: ({ clients, users }) => {
      const newPassword = `${users.newcomer.password}-chosen`;
      const changed = clients.newcomer.request('POST', '/console/api/password', {
        body: { currentPassword: users.newcomer.password, newPassword },
      });
      users.newcomer.password = newPassword;
      return changed;
    },
  },
  'POST /console/api/reauth': {
    as: 'newcomer',
    action: 'session.reauth',
    run: ({ clients, users }) =>
      clients.newcomer.request('POST', '/console/api/reauth', {
        body: { password: users.newcomer.password, code: users.newcomer.code(1) },
      }),
  },
  'POST /console/api/logout': {
    as: 'newcomer',
    action: 'session.logout',
    run: ({ clients }) => clients.newcomer.request('POST', '/console/api/logout'),
  },
  'POST /console/api/users': {
    as: 'admin',
    action: 'user.create',
    run: ({ clients }) =>
      clients.admin.request('POST', '/console/api/users', {
        body: { email: 'audited-analyst@example.org', role: 'analyst' },
      }),
  },
  'PATCH /console/api/users/:id': {
    as: 'admin',
    action: 'user.update',
    run: ({ clients, users }) =>
      clients.admin.request('PATCH', `/console/api/users/${users.newcomer.id}`, {
        body: { role: 'coordinator' },
      }),
  },
  'POST /console/api/users/:id/reset': {
    as: 'admin',
    action: 'user.reset-credentials',
    run: ({ clients, users }) =>
      clients.admin.request('POST', `/console/api/users/${users.newcomer.id}/reset`),
  },
  'POST /console/api/ballots/review': {
    as: 'moderator',
    action: 'ballot.approve',
    run: ({ clients, seed }) =>
      clients.moderator.request('POST', '/console/api/ballots/review', {
        body: { ids: [seed.ballotIds[0]], verdict: 'approve' },
      }),
  },
  'POST /console/api/violations/:id/verify': {
    as: 'moderator',
    action: 'violation.verify',
    run: ({ clients, seed }) =>
      clients.moderator.request('POST', `/console/api/violations/${seed.violationId}/verify`),
  },
  'POST /console/api/violations/:id/publish': {
    as: 'moderator',
    action: 'violation.publish',
    run: ({ clients, seed }) =>
      clients.moderator.request('POST', `/console/api/violations/${seed.violationId}/publish`, {
        body: { redactions: [] },
      }),
  },
  'POST /console/api/violations/:id/reject': {
    as: 'moderator',
    action: 'violation.reject',
    run: ({ clients, seed }) =>
      clients.moderator.request('POST', `/console/api/violations/${seed.violationId}/reject`),
  },
  'POST /console/api/protocols/:id/transcriptions': {
    as: 'moderator',
    action: 'protocol.transcribe.blind',
    run: ({ clients, seed }) =>
      clients.moderator.request('POST', `/console/api/protocols/${seed.protocolId}/transcriptions`, {
        body: { figures: CLEAN_PROTOCOL },
      }),
  },
  'POST /console/api/sos/:id/acknowledge': {
    as: 'coordinator',
    action: 'sos.acknowledge',
    run: ({ clients, seed }) =>
      clients.coordinator.request('POST', `/console/api/sos/${seed.sosId}/acknowledge`),
  },
  'POST /console/api/invites': {
    as: 'coordinator',
    action: 'invite.create',
    run: ({ clients }) =>
      clients.coordinator.request('POST', '/console/api/invites', { body: { precincts: ['p3'] } }),
  },
  'POST /console/api/invites/sheet': {
    as: 'coordinator',
    action: 'invite.sheet',
    run: ({ clients }) =>
      clients.coordinator.request('POST', '/console/api/invites/sheet', {
        body: { precincts: ['p5'], perPrecinct: 1 },
      }),
  },
  'POST /console/api/invites/:id/revoke': {
    as: 'coordinator',
    action: 'invite.revoke',
    run: async ({ clients }) => {
      const [newest] = (await clients.coordinator.request('GET', '/console/api/invites')).json().invites;
      return clients.coordinator.request('POST', `/console/api/invites/${newest.id}/revoke`);
    },
  },
  'POST /console/api/official/import': {
    as: 'coordinator',
    action: 'official.import',
    run: ({ clients }) =>
      clients.coordinator.request('POST', '/console/api/official/import', {
        body: { csv: 'uik,registered,nur_otan\np1,1000,300\n', mapping: OFFICIAL_MAPPING_FOR_TINY },
      }),
  },
};

/** The tiny election's columns (the demo's mapping names the same lines and choices). */
const OFFICIAL_MAPPING_FOR_TINY = {
  precinct: 'uik',
  lines: { '1': 'registered' },
  choices: { 'nur-otan': 'nur_otan' },
};

/** State-changing routes that change nothing (proven below: no entry, no change). */
const READ_ONLY_POSTS: Record<string, (world: World) => Promise<LightMyRequestResponse>> = {
  'POST /console/api/official/preview': ({ clients }) =>
    clients.coordinator.request('POST', '/console/api/official/preview', {
      body: { csv: 'uik,registered,nur_otan\np2,2000,700\n', mapping: OFFICIAL_MAPPING_FOR_TINY },
    }),
};

/**
 * Writes by participants (voters, observers) through their channels: they are not console
 * actions, they carry no person to name (a voter is a pseudonym, DESIGN.md invariant 3), and
 * their trail is the inbox itself, in order and deduplicated. Matched by prefix.
 */
const PARTICIPANT_DOORS = ['POST /webhooks/', 'POST /webchat/api/'];

describe.each(testDatabases())(
  'every write leaves one audit entry naming its actor, on $name',
  ({ name }) => {
    const world = {} as World;

    async function newestEntries(afterId: number): Promise<AuditEntryView[]> {
      const entries = await world.harness.app.audit.list({ limit: 50 });
      return entries.filter((entry) => entry.id > afterId);
    }
    async function headId(): Promise<number> {
      return (await world.harness.app.audit.list({ limit: 1 }))[0]?.id ?? 0;
    }

    beforeAll(async () => {
      registeredRoutes.length = 0;
      world.harness = await openConsoleTestApp(name, {}, { TELEGRAM_OBSERVER_USERNAME: `@${BOT_USERNAME}` });
      await world.harness.server.ready();
      world.seed = await seedModeration(world.harness.app, { ballots: 1 });
      world.users = {} as World['users'];
      world.clients = {} as World['clients'];
      for (const person of ['admin', 'moderator', 'coordinator'] as const) {
        world.users[person] = await createConsoleUser(world.harness.app, person);
        world.clients[person] = new ConsoleClient(world.harness.server);
        await world.clients[person].signIn(world.users[person]);
      }
      world.users.newcomer = await createConsoleUser(world.harness.app, 'analyst');
      world.clients.newcomer = new ConsoleClient(world.harness.server);
      await world.clients.newcomer.request('GET', '/console/api/csrf');
    });
    afterAll(async () => world.harness?.close());

    it('knows every state-changing route: audited, read-only, or a participant’s door', () => {
      const writes = routeKeys(registeredRoutes).filter((key) => STATE_CHANGING.test(key));
      expect(writes.length).toBeGreaterThanOrEqual(Object.keys(AUDITED_WRITES).length);
      const unknown = writes.filter(
        (key) =>
          !(key in AUDITED_WRITES) &&
          !(key in READ_ONLY_POSTS) &&
          !PARTICIPANT_DOORS.some((prefix) => key.startsWith(prefix)),
      );
      expect(
        unknown,
        'a route that writes must be listed in AUDITED_WRITES (or shown to change nothing)',
      ).toEqual([]);
      // And nothing listed is stale: each audited write is a route the server really has.
      expect(Object.keys(AUDITED_WRITES).filter((key) => !writes.includes(key))).toEqual([]);
    });

    it('drives each console write once and finds exactly one entry naming the signed-in person', async () => {
      const seen: string[] = [];
      for (const [route, write] of Object.entries(AUDITED_WRITES)) {
        const before = await headId();
        const response = await write.run(world);
        expect(response.statusCode, `${route}: ${response.body}`).toBeLessThan(300);
        const entries = await newestEntries(before);
        expect(
          entries.map((entry) => entry.action),
          route,
        ).toEqual([write.action]);
        const person = world.users[write.as];
        expect(entries[0]!.actor, route).toBe(`user:${person.id}`);
        expect(entries[0]!.actorLabel, route).toBe(person.email);
        seen.push(route);
      }
      expect(seen).toEqual(Object.keys(AUDITED_WRITES));
    });

    it('leaves no entry for a read-only POST and changes nothing', async () => {
      for (const [route, run] of Object.entries(READ_ONLY_POSTS)) {
        const before = await headId();
        const officialBefore = await world.harness.app.database.db
          .selectFrom('official_results')
          .select('precinct_code')
          .execute();
        const response = await run(world);
        expect(response.statusCode, route).toBe(200);
        expect(await newestEntries(before), route).toEqual([]);
        const officialAfter = await world.harness.app.database.db
          .selectFrom('official_results')
          .select('precinct_code')
          .execute();
        expect(officialAfter, route).toEqual(officialBefore);
      }
    });

    it('keeps the chain intact through all of it', async () => {
      expect(await world.harness.app.audit.verify()).toMatchObject({ ok: true });
    });
  },
);
