import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurgeService } from '../../src/services/purge.service';
import { startTestServer, type TestServer } from '../support/start-test-server';
import { telegramUpdates, telegramUser } from '../../src/simulation/telegram-updates';
import { writeOpenElection } from './voter-election-files';
import { TEST_ACTOR } from '../support/test-actor';

/** `dauys purge`: after an election, nothing left in the database leads back to a person. */
describe('privacy retention (purge)', () => {
  let server: TestServer;
  let purge: PurgeService;
  const updates = telegramUpdates();

  beforeAll(async () => {
    server = await startTestServer({ conversations: 'app' });
    await server.app.elections.loadFile((await writeOpenElection('purge-open')).electionFile);
    purge = server.app.purge;
    for (const id of [701, 702]) {
      expect((await server.postUpdate(updates.command(telegramUser(id), 'start'))).status).toBe(200);
    }
    await server.fake.waitFor(() => server.fake.callsTo('sendMessage').length >= 2, 20_000, 'two welcomes');
  });
  afterAll(async () => server?.stop());

  const rows = async (table: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
        server.app.database.db,
      )
    ).rows[0]?.n;

  const participants = async () =>
    (
      (await (await fetch(`${server.url}/api/v1/elections/purge-open/summary`)).json()) as {
        participants: { voterBot: number; observerBot: number };
      }
    ).participants;

  it('refuses while the election still accepts messages, changing nothing', async () => {
    expect(await participants()).toEqual({ voterBot: 2, observerBot: 0 });
    const before = await rows('chat_addresses');
    await expect(purge.purge(TEST_ACTOR, 'purge-open')).rejects.toMatchObject({ code: 'DAUYS_ERR_CONFLICT' });
    expect(await rows('chat_addresses')).toBe(before);
    expect(before).toBe(2);
  });

  it('deletes chat addresses and conversations, and unlinks what stays', async () => {
    const report = await purge.purge(TEST_ACTOR, 'purge-open', { force: true });
    expect(report).toMatchObject({ election: 'purge-open', chatAddresses: 2, conversations: 2 });
    expect(await rows('chat_addresses')).toBe(0);
    expect(await rows('conversations')).toBe(0);
    expect((await participants()).voterBot).toBe(0);
    const stillReadable = await sql<{ n: number }>`
      select count(*)::int as n from inbox where message is not null and status <> 'pending'`.execute(
      server.app.database.db,
    );
    expect(stillReadable.rows[0]?.n).toBe(0);
  });
});
