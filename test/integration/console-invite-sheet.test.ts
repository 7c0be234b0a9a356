import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleRole } from '../../src/store/tables/console.tables';
import { ConsoleClient } from '../support/console-client';
import { createConsoleUser, openConsoleTestApp, type ConsoleTestApp } from '../support/console-test-app';
import { decodeQr } from '../support/decode-qr';
import { seedModeration } from '../support/moderation-seed';
import { testDatabases } from '../support/test-databases';

const BOT = 'dauys_test_observer_bot';

describe.each(testDatabases())('a print sheet of invites as QR codes on $name', ({ name }) => {
  let harness: ConsoleTestApp;

  async function signedInClient(app: ConsoleTestApp, role: ConsoleRole): Promise<ConsoleClient> {
    const client = new ConsoleClient(app.server);
    await client.signIn(await createConsoleUser(app.app, role));
    return client;
  }
  const inviteCount = async (app: ConsoleTestApp) => (await app.app.invites.list()).length;

  beforeAll(async () => {
    harness = await openConsoleTestApp(name, {}, { TELEGRAM_OBSERVER_USERNAME: `@${BOT}` });
    await seedModeration(harness.app, { ballots: 0 });
  });
  afterAll(async () => harness?.close());

  it('creates the invites for each precinct, each with a QR code that opens the observer bot with its code', async () => {
    const coordinator = await signedInClient(harness, 'coordinator');
    const before = await inviteCount(harness);
    const response = await coordinator.request('POST', '/console/api/invites/sheet', {
      body: { precincts: ['p3', 'p5'], perPrecinct: 2 },
    });
    expect(response.statusCode).toBe(201);
    const { invites } = response.json() as {
      invites: Array<{ id: number; code: string; precinctCodes: string[]; telegramLink: string; qr: string }>;
    };
    expect(invites.map((invite) => invite.precinctCodes)).toEqual([['p3'], ['p3'], ['p5'], ['p5']]);
    expect(new Set(invites.map((invite) => invite.code)).size).toBe(4);
    for (const invite of invites) {
      expect(invite.telegramLink).toBe(`https://t.me/${BOT}?start=${invite.code}`);
      expect(await decodeQr(invite.qr)).toBe(invite.telegramLink);
    }
    expect(await inviteCount(harness)).toBe(before + 4);

    // Each code works in the observer bot: it names the invite's precinct.
    const lookup = await harness.app.database.db
      .transaction()
      .execute((tx) => harness.app.invites.lookup(tx, invites[2]!.code, undefined));
    expect(lookup).toMatchObject({ status: 'valid', precincts: [{ code: 'p5' }] });

    // Audited, without the codes (each is a credential).
    const [entry] = await harness.app.audit.list({ limit: 1 });
    expect(entry).toMatchObject({
      action: 'invite.sheet',
      after: { precincts: ['p3', 'p5'], perPrecinct: 2, invites: invites.map((invite) => invite.id) },
    });
    expect(JSON.stringify(entry)).not.toContain(invites[0]!.code);
    expect(await harness.app.audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses an unknown precinct or too many invites, naming the field, and creates none', async () => {
    const coordinator = await signedInClient(harness, 'coordinator');
    const before = await inviteCount(harness);
    const unknown = await coordinator.request('POST', '/console/api/invites/sheet', {
      body: { precincts: ['p3', 'nowhere'], perPrecinct: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('no precinct \\"nowhere\\"');
    const tooMany = await coordinator.request('POST', '/console/api/invites/sheet', {
      body: { precincts: Array.from({ length: 30 }, (_, i) => `p${i}`), perPrecinct: 20 },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(JSON.stringify(tooMany.json())).toContain('at most 500 invites');
    expect(await inviteCount(harness)).toBe(before);
  });

  it('refuses a moderator or an analyst', async () => {
    for (const role of ['moderator', 'analyst'] as const) {
      const client = await signedInClient(harness, role);
      const response = await client.request('POST', '/console/api/invites/sheet', {
        body: { precincts: ['p3'] },
      });
      expect(response.statusCode, role).toBe(403);
    }
  });
});

describe('a print sheet without the observer bot username', () => {
  let harness: ConsoleTestApp;
  beforeAll(async () => {
    harness = await openConsoleTestApp('pglite');
    await seedModeration(harness.app, { ballots: 0 });
  });
  afterAll(async () => harness?.close());

  it('is refused with the setting to fix named, and no invite is created', async () => {
    const coordinator = new ConsoleClient(harness.server);
    await coordinator.signIn(await createConsoleUser(harness.app, 'coordinator'));
    const before = (await harness.app.invites.list()).length;
    const response = await coordinator.request('POST', '/console/api/invites/sheet', {
      body: { precincts: ['p3'] },
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('TELEGRAM_OBSERVER_USERNAME');
    expect((await harness.app.invites.list()).length).toBe(before);
  });
});
