import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi } from '../../src/simulation/fake-telegram-api';
import { postUpdate, spawnServerProcess, testEnv } from '../support/start-test-server';
import { telegramUpdates, telegramUser } from '../../src/simulation/telegram-updates';
import { createThrowawayPostgresDatabase, testDatabases } from '../support/test-databases';

// Invariant 1 across a real crash: the server is a child process that acknowledges updates
// (its worker paused, as if it died right after the commit), is SIGKILLed, and restarted;
// every acknowledged update must then be processed, exactly once, in order per chat.
describe.each(testDatabases().map((database) => database.name))(
  'crash after acknowledging, on %s',
  (databaseName) => {
    let fake: FakeTelegramApi;
    let dataDir: string;
    let databaseUrl: string | undefined;
    let dropDatabase: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      fake = await FakeTelegramApi.start();
      dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-crash-'));
      if (databaseName === 'postgres') {
        const throwaway = await createThrowawayPostgresDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = throwaway.url;
        dropDatabase = throwaway.drop;
      }
    });
    afterAll(async () => {
      await fake?.close();
      await dropDatabase?.();
      await fs.rm(dataDir, { recursive: true, force: true });
    });

    it('processes every acknowledged update after a restart, exactly once and in order', async () => {
      const env = testEnv({ fakeUrl: fake.url, dataDir, databaseUrl });
      const updates = telegramUpdates();
      const alice = telegramUser(740_000_001);
      const bob = telegramUser(740_000_002);
      const sent = [
        updates.text(alice, 'a1'),
        updates.text(bob, 'b1'),
        updates.text(alice, 'a2'),
        updates.text(alice, 'a3'),
        updates.text(bob, 'b2'),
      ];

      const first = await spawnServerProcess(env, { pauseWorker: true });
      for (const update of sent) expect((await postUpdate(first.url, update)).status).toBe(200);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      expect(fake.callsTo('sendMessage')).toHaveLength(0);

      const second = await spawnServerProcess(env);
      try {
        // Telegram redelivers what it thinks may be lost: a duplicate must change nothing.
        expect((await postUpdate(second.url, sent[2])).status).toBe(200);
        const sentinel = updates.text(bob, 'sentinel');
        expect((await postUpdate(second.url, sentinel)).status).toBe(200);
        await fake.waitFor(() => fake.successfulCalls('sendMessage').length >= 6, 30_000, 'six replies');
        const repliesTo = (chatId: number) =>
          fake
            .successfulCalls('sendMessage')
            .filter((call) => String(call.params.chat_id) === String(chatId))
            .map((call) => call.params.text);
        expect(repliesTo(alice.id)).toEqual(['echo: a1', 'echo: a2', 'echo: a3']);
        expect(repliesTo(bob.id)).toEqual(['echo: b1', 'echo: b2', 'echo: sentinel']);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
      // Nothing more trickles out after a clean stop either.
      expect(fake.successfulCalls('sendMessage')).toHaveLength(6);
    });
  },
);
