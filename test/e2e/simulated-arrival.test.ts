import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATED_ARRIVAL_HEADER, simulatedReceiptClock } from '../../src/simulation/simulated-arrival';
import { telegramUpdates, telegramUser } from '../../src/simulation/telegram-updates';
import { WebhookPoster } from '../../src/simulation/webhook-poster';
import { startTestServer, TEST_TELEGRAM, type TestServer } from '../support/start-test-server';

// A button press has no date on Telegram: the server dates it on receipt. Only a server built in
// process with the simulated day's clock (bench/attack) takes receipt from the simulator's header.
describe("the simulated day's receipt clock", () => {
  let plain: TestServer;
  let simulated: TestServer;
  const updates = telegramUpdates({ firstUpdateId: 880_000 });
  const twoHoursAgo = () => Date.now() - 2 * 3600_000;

  beforeAll(async () => {
    [plain, simulated] = await Promise.all([
      startTestServer({ worker: false }),
      startTestServer({ worker: false, server: { receiptClock: simulatedReceiptClock() } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([plain?.stop(), simulated?.stop()]);
  });

  const datesOf = async (server: TestServer, updateId: number) =>
    server.app.database.db
      .selectFrom('inbox')
      .select(['sent_at', 'received_at'])
      .where('dedupe_key', '=', String(updateId))
      .executeTakeFirstOrThrow();

  it('is ignored by a server built without it: no HTTP client chooses the date of a press', async () => {
    const press = updates.callback(telegramUser(881_001), 'go', { messageId: 1 });
    const before = Date.now();
    const response = await plain.postUpdate(press, {
      headers: { [SIMULATED_ARRIVAL_HEADER]: String(twoHoursAgo()) },
    });
    expect(response.status).toBe(200);
    const stored = await datesOf(plain, press.update_id);
    expect(new Date(stored.sent_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(stored.received_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('dates a press at the simulated arrival the simulator posts, and a press without one now', async () => {
    const poster = new WebhookPoster(simulated.url, TEST_TELEGRAM.webhookSecret);
    try {
      const arrival = twoHoursAgo();
      const early = updates.callback(telegramUser(881_002), 'go', { messageId: 1 });
      expect(await poster.post(JSON.stringify(early), { arrivalMs: arrival })).toBe(200);
      expect(new Date((await datesOf(simulated, early.update_id)).sent_at).getTime()).toBe(arrival);

      const before = Date.now();
      const now = updates.callback(telegramUser(881_003), 'go', { messageId: 1 });
      expect(await poster.post(JSON.stringify(now))).toBe(200);
      expect(new Date((await datesOf(simulated, now.update_id)).sent_at).getTime()).toBeGreaterThanOrEqual(
        before - 1000,
      );
    } finally {
      poster.close();
    }
  });
});
