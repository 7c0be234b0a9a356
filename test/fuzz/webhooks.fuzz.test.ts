import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/start-test-server';
import { telegramUpdates, telegramUser } from '../../src/simulation/telegram-updates';
import { fuzzCaseCount } from './payload-mutations';
import { fuzzWebhook, processEverything, startFuzzServer, type WebhookName } from './webhook-fuzzer';

// Invariant 5 at the webhooks: malformed, oversized, truncated, wrongly typed and random
// payloads get a 4xx (or a 2xx when the mutation left a valid update), never a 5xx, and a
// refused one stores nothing. FUZZ_CASES sets the count per webhook; `npx tsx bench/fuzz.ts`
// runs 10,000 each and prints the outcomes.
describe('fuzzing the webhooks', () => {
  let server: TestServer;
  const cases = fuzzCaseCount(2000);

  beforeAll(async () => {
    server = await startFuzzServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each<[WebhookName, number]>([
    ['telegram', 1],
    ['whatsapp', 2],
    ['webchat', 3],
    ['sms-twilio', 4],
    ['sms-android', 5],
  ])(
    '%s: no 5xx, nothing stored for refused payloads, memory flat',
    async (webhook, seed) => {
      const heapBefore = process.memoryUsage().heapUsed;
      const report = await fuzzWebhook(server, webhook, cases, seed);
      expect(report.serverErrors).toEqual([]);
      expect(report.storedWhenRefused).toEqual([]);
      // The generator makes both kinds: some cases must be refused and some accepted.
      expect(report.accepted).toBeGreaterThan(0);
      expect(report.accepted).toBeLessThan(cases);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      // Generous: a leak of even a few kilobytes per request would exceed it.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);
    },
    240_000,
  );

  // Found by this fuzzer: PostgreSQL cannot store a NUL or a lone surrogate in jsonb/text, and
  // the failed insert took down every webhook group-committed in the same transaction (5xx).
  it('stores text with NUL characters and lone surrogates, without failing its neighbours', async () => {
    const updates = telegramUpdates({ firstUpdateId: 90_000_000 });
    const user = telegramUser(730_000_001);
    const nasty = [
      updates.text(user, 'a\u0000b'),
      updates.text(user, 'broken \uD800 pair'),
      {
        ...updates.text(user, 'x'),
        message: {
          ...(updates.text(user, 'y').message as object),
          from: { id: 730_000_001, is_bot: false, first_name: 'N', language_code: '\u0000' },
        },
      },
    ];
    const good = Array.from({ length: 5 }, (_, i) =>
      updates.text(telegramUser(730_000_100 + i), `fine ${i}`),
    );
    const answers = await Promise.all([...nasty, ...good].map((update) => server.postUpdate(update)));
    expect(answers.map((answer) => answer.status)).toEqual(new Array(8).fill(200));
    const stored = await server.app.database.db
      .selectFrom('inbox')
      .select('dedupe_key')
      .where(
        'dedupe_key',
        'in',
        [...nasty, ...good].map((update) => String(update.update_id)),
      )
      .execute();
    expect(stored).toHaveLength(8);
  });

  it('the worker handles every accepted fuzzed update without a failure', async () => {
    expect(await processEverything(server)).toEqual({ pending: 0, failed: 0 });
  }, 90_000);
});
