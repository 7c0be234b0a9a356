import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database';
import type { Database } from '../../src/store/database-schema';
import { startDauys, type RunningDauys } from '../support/dauys-process';
import { FakeTelegramApi } from '../../src/simulation/fake-telegram-api';
import { TEST_TELEGRAM, testEnv } from '../support/start-test-server';
import { telegramUser } from '../../src/simulation/telegram-updates';
import { publicVoterTally, runVoterLoad, waitForDrain, SCRIPTED_LOAD_ENV } from './voter-load';

// Invariant 3 in the logs: a small election through the real `dauys start` at LOG_LEVEL=debug,
// with voters as Telegram really sends them (10-digit ids, usernames, first and last names, a
// phone number typed and a contact shared). No identifying value may appear in anything the
// process printed, nor in clear text anywhere in the database.
const VOTERS = 12;
const person = (index: number) => ({
  user: telegramUser(6_104_730_000 + index * 7_919, {
    firstName: `Aigerim${index}x`,
    username: `aigerim_k_${1987 + index}`,
    languageCode: 'ru',
  }),
  lastName: `Nurlanovna${index}q`,
  phone: `+7701555${String(1000 + index * 37).padStart(4, '0')}`,
});

describe('no personal data in logs or in clear text in the database', () => {
  let fake: FakeTelegramApi;
  let dataDir: string;
  let server: RunningDauys | undefined;
  let output = '';

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-privacy-'));
  });
  afterAll(async () => {
    if (server?.child.exitCode === null) await server.kill();
    await fake?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('runs an election at debug level without logging or storing who voted', async () => {
    const env = testEnv({
      fakeUrl: fake.url,
      dataDir,
      env: { LOG_LEVEL: 'debug', ...SCRIPTED_LOAD_ENV, TELEGRAM_MAX_SENDS_PER_SECOND: '1000' },
    });
    server = await startDauys(['--demo'], env);
    // The paths that log the most are the failing ones: make the Bot API fail in every way.
    fake.failNext('sendMessage', { errorCode: 500 }, 3);
    fake.failNext('editMessageText', { errorCode: 429, retryAfter: 1 }, 2);
    fake.failNext('sendMessage', { errorCode: 400, description: 'Bad Request: chat not found' }, 1);
    fake.failNext('answerCallbackQuery', { errorCode: 400, description: 'Bad Request: query is too old' }, 2);
    const people = Array.from({ length: VOTERS }, (_, index) => person(index));
    const byId = new Map(people.map((p) => [p.user.id, p]));
    const load = await runVoterLoad({
      voters: VOTERS,
      concurrency: 4,
      target: () => (server as RunningDauys).url,
      userFor: (index) => people[index]!.user,
      chatter: (user, updates) => {
        const { phone } = byId.get(user.id)!;
        return [updates.text(user, `my number is ${phone}`), updates.contact(user, phone)];
      },
      decorate: (update, user) => withLastName(update, byId.get(user.id)!.lastName),
    });
    for (const bad of malformedUpdates(people[0]!.user.id, people[0]!.phone)) {
      const response = await fetch(`${server.url}/webhooks/telegram/voter`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': TEST_TELEGRAM.webhookSecret,
        },
        body: bad,
      });
      expect(response.status).toBe(400);
    }
    await waitForDrain(server.url);
    // The election really ran: every vote is in the public tally.
    const tally = await publicVoterTally(server.url);
    expect([...tally.values()].reduce((a, b) => a + b, 0)).toBe(load.completedVoters);
    expect(load.completedVoters).toBe(VOTERS);
    await server.stop();
    output = server.output();
    // The failures above were logged (so the scan below reads real error lines).
    expect(output).toMatch(/"level":(40|50)/);

    const secrets = people.flatMap((p) => [
      String(p.user.id),
      p.user.username!,
      p.user.firstName,
      p.lastName,
      p.phone,
      p.phone.slice(1), // the digits alone
    ]);
    expect(secrets.filter((value) => output.includes(value))).toEqual([]);

    const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
    try {
      const dump = await dumpEveryTable(database.db);
      expect(dump.length).toBeGreaterThan(1000);
      expect(secrets.filter((value) => dump.includes(value))).toEqual([]);
    } finally {
      await database.close();
    }
  }, 180_000);
});

/** Telegram sends `last_name` on `from` and on a private chat; the builders omit it. */
function withLastName<T extends Record<string, unknown>>(update: T, lastName: string): T {
  const copy = structuredClone(update) as Record<string, Record<string, Record<string, unknown>>>;
  for (const field of ['message', 'callback_query']) {
    const body = copy[field];
    if (!body) continue;
    if (body.from) body.from.last_name = lastName;
    if (body.chat) body.chat.last_name = lastName;
    if (body.contact) body.contact.last_name = lastName;
  }
  return copy as T;
}

/** Every row of every table in the public schema, as JSON text. */
async function dumpEveryTable(db: Kysely<Database>): Promise<string> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await sql<{
      row: string;
    }>`select row_to_json(t)::text as row from ${sql.table(name)} t`.execute(db);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

/** Updates the webhook refuses, each carrying the voter's id or phone where a validator may echo it. */
function malformedUpdates(userId: number, phone: string): string[] {
  return [
    JSON.stringify({
      update_id: 1,
      message: { message_id: 1, date: 1, chat: { id: String(userId), type: 'private' } },
    }),
    JSON.stringify({
      update_id: 2,
      message: { message_id: 1, date: 'today', chat: { id: userId, type: 'private' }, text: phone },
    }),
    `{"update_id": 3, "message": {"chat": {"id": ${userId}}, "text": "${phone}"`,
  ];
}
