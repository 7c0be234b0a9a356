import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelRegistry } from '../../src/channels/channel-sender';
import { createTelegramBot } from '../../src/channels/telegram/telegram-bot-api';
import { telegramChannel } from '../../src/channels/telegram/telegram-channel';
import { TelegramSender } from '../../src/channels/telegram/telegram.sender';
import { whatsappChannel } from '../../src/channels/whatsapp/whatsapp-channel';
import { WhatsAppSender } from '../../src/channels/whatsapp/whatsapp.sender';
import { loadConfig } from '../../src/config';
import type { ChannelName } from '../../src/flows/messages';
import type { AddressedOutbound, OutboundMessage } from '../../src/flows/messages';
import { translateAll } from '../../src/i18n/index';
import { OutboxSender } from '../../src/jobs/outbox-sender';
import { pipelineMetrics } from '../../src/jobs/pipeline-metrics';
import { createLogger } from '../../src/logger';
import { createMetrics } from '../../src/metrics';
import { encryptField, fieldDigest } from '../../src/security/field-encryption';
import { OutboxService } from '../../src/services/outbox.service';
import type { DatabaseHandle } from '../../src/store/database';
import { ChatAddressesRepository } from '../../src/store/repositories/chat-addresses.repository';
import { FakeTelegramApi } from '../../src/simulation/fake-telegram-api';
import { FakeWhatsAppApi } from '../support/fake-whatsapp-api';
import { TEST_TELEGRAM } from '../support/start-test-server';
import { testDatabases } from '../support/test-databases';
import { waitUntil } from '../support/wait-until';

const secret = TEST_TELEGRAM.dauysSecret;

describe.each(testDatabases())('outbox sender on $name', ({ open }) => {
  let database: DatabaseHandle;
  let fake: FakeTelegramApi;
  let outbox: OutboxService;
  let running: OutboxSender | undefined;

  beforeAll(async () => {
    database = await open();
    fake = await FakeTelegramApi.start();
    const channels = new ChannelRegistry().addSender(
      new TelegramSender(createTelegramBot('voter', TEST_TELEGRAM.voterToken, fake.url), translateAll),
    );
    outbox = new OutboxService(database.db, secret, channels, createLogger('silent'), {
      retryBaseMs: 20,
      maxRefusedAttempts: 3,
    });
  });
  afterAll(async () => {
    await running?.stop();
    await fake?.close();
    await database?.close();
  });
  beforeEach(async () => {
    await running?.stop();
    running = undefined;
    fake.reset();
  });

  /** An outbox sender whose Telegram bot has the limits `TELEGRAM_MAX_SENDS_PER_SECOND` gives it. */
  function startSender(maxSendsPerSecond: number) {
    const channels = new ChannelRegistry({
      telegram: telegramChannel.limits(
        loadConfig({ TELEGRAM_MAX_SENDS_PER_SECOND: String(maxSendsPerSecond) }),
      ),
    }).addSender(
      new TelegramSender(createTelegramBot('voter', TEST_TELEGRAM.voterToken, fake.url), translateAll),
    );
    running = new OutboxSender(
      outbox,
      channels,
      createLogger('silent'),
      pipelineMetrics(createMetrics().registry),
      { idleMs: 50 },
    );
    running.start();
    return running;
  }

  /** Registers a chat (its encrypted address) and queues `texts` to it, in order. */
  async function queue(
    chatId: number,
    texts: string[],
    extra: Partial<OutboundMessage> = {},
    channel: ChannelName = 'telegram',
  ) {
    const participant = `p-${chatId}`;
    await new ChatAddressesRepository(database.db).upsertMany([
      {
        channel,
        bot: 'voter',
        participant,
        addressEncrypted: encryptField(secret, String(chatId)),
        addressDigest: fieldDigest(secret, String(chatId)),
      },
    ]);
    const replies: AddressedOutbound[] = texts.map((text) => ({
      channel,
      bot: 'voter',
      participant,
      locale: 'en',
      message: { kind: 'send', text: [{ literal: text }], ...extra } as OutboundMessage,
    }));
    await database.db.transaction().execute((tx) => outbox.enqueue(tx, replies));
  }

  const delivered = (chatId: number) =>
    fake.successfulCalls('sendMessage').filter((call) => call.params.chat_id === String(chatId));

  it('waits out a 429 retry_after, for the whole bot, then delivers', async () => {
    fake.failNext('sendMessage', { errorCode: 429, retryAfter: 1 });
    await queue(751, ['first']);
    startSender(30);
    await fake.waitFor(() => fake.calls.some((call) => call.status === 429), 15_000, 'the 429');
    const limited = fake.calls.find((call) => call.status === 429)!;
    // The sender has taken the 429 in once it has rescheduled the message.
    await waitUntil(
      () =>
        database.db
          .selectFrom('outbox')
          .select('id')
          .where('participant', '=', 'p-751')
          .where('last_error', 'like', '%429%')
          .executeTakeFirst(),
      { what: 'the rate-limited message to be rescheduled' },
    );
    // Another chat's message, queued during the pause, must wait too: the pause is the bot's.
    await queue(752, ['second']);
    await fake.waitFor(() => delivered(751).length + delivered(752).length === 2, 15_000, 'both messages');
    const after = fake.calls.filter((call) => call !== limited && call.at >= limited.at);
    expect(after).toHaveLength(2);
    // A little slack for the clocks' millisecond rounding.
    for (const call of after) expect(call.at - limited.at).toBeGreaterThanOrEqual(990);
    expect(delivered(751).map((call) => call.params.text)).toEqual(['first']);
  });

  it('leaves a reply leased by a live worker alone while the lease is renewed, and sends it once that worker dies', async () => {
    await queue(761, ['leased by a worker that dies']);
    // Worker A leases the reply for a short time, then renews it while its call is "in flight".
    const [row] = await outbox.lease('telegram', 'voter', 10, 300);
    expect(row?.participant).toBe('p-761');
    await outbox.renewLeases([row!.id], 4000);
    startSender(30);
    // Well past A's first lease: the renewal still holds, so worker B has not taken the reply.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(fake.callsTo('sendMessage').filter((call) => call.params.chat_id === '761')).toHaveLength(0);
    // A is killed (no more renewals): once the lease expires, B sends the reply, exactly once.
    await fake.waitFor(() => delivered(761).length === 1, 20_000, 'the taken-over delivery');
    await waitUntil(
      () =>
        database.db
          .selectFrom('outbox')
          .select('id')
          .where('participant', '=', 'p-761')
          .where('status', '=', 'sent')
          .executeTakeFirst(),
      { what: 'the taken-over row to be marked sent' },
    );
    expect(fake.callsTo('sendMessage').filter((call) => call.params.chat_id === '761')).toHaveLength(1);
  });

  it('retries server errors until the message is delivered, exactly once', async () => {
    fake.failNext('sendMessage', { errorCode: 502 }, 2);
    await queue(753, ['after two failures']);
    startSender(30);
    await fake.waitFor(() => delivered(753).length === 1, 15_000, 'the delivery');
    expect(fake.callsTo('sendMessage').filter((call) => call.params.chat_id === '753')).toHaveLength(3);
    const row = await waitUntil(
      () =>
        database.db
          .selectFrom('outbox')
          .selectAll()
          .where('participant', '=', 'p-753')
          .where('status', '=', 'sent')
          .executeTakeFirst(),
      { what: 'the row to be marked sent' },
    );
    expect(row.attempts).toBe(2);
  });

  it('marks a message the API keeps refusing as failed after its attempts, not before', async () => {
    fake.failNext(
      'sendMessage',
      { errorCode: 403, description: 'Forbidden: bot was blocked by the user' },
      3,
    );
    await queue(754, ['blocked']);
    startSender(30);
    const row = await waitUntil(
      () =>
        database.db
          .selectFrom('outbox')
          .selectAll()
          .where('participant', '=', 'p-754')
          .where('status', '=', 'failed')
          .executeTakeFirst(),
      { what: 'the refused message to be marked failed' },
    );
    expect(row.attempts).toBe(3);
    expect(row.last_error).toContain('bot was blocked');
    expect(fake.callsTo('sendMessage')).toHaveLength(3);
  });

  it('keeps to the global rate (TELEGRAM_MAX_SENDS_PER_SECOND) across chats', async () => {
    const chats = Array.from({ length: 12 }, (_, index) => 760 + index);
    for (const chat of chats) await queue(chat, [`to ${chat}`]);
    // Measured from before the bucket exists, not from the first delivery: on a loaded machine the
    // first request can arrive late, which shortens first-to-last without any rate being broken.
    const bucketCreatedNoEarlierThan = Date.now();
    startSender(4);
    await fake.waitFor(() => fake.successfulCalls('sendMessage').length === 12, 20_000, 'twelve messages');
    const times = fake.successfulCalls('sendMessage').map((call) => call.at);
    // A bucket of 4 that refills 4/s: the 12th message cannot leave before (12 - 4) / 4 = 2 s.
    expect(times[11]! - bucketCreatedNoEarlierThan).toBeGreaterThanOrEqual(1990);
  });

  it('sends one chat its messages in order, about one a second', async () => {
    await queue(780, ['one', 'two', 'three']);
    startSender(30);
    await fake.waitFor(() => delivered(780).length === 3, 15_000, 'three messages');
    expect(delivered(780).map((call) => call.params.text)).toEqual(['one', 'two', 'three']);
    const [a, b, c] = delivered(780).map((call) => call.at);
    expect(b! - a!).toBeGreaterThanOrEqual(950);
    expect(c! - b!).toBeGreaterThanOrEqual(950);
  });

  it('edits the remembered panel, and sends a new one when the old is gone', async () => {
    await queue(790, ['panel v1'], { replacePanel: true });
    startSender(1000);
    await fake.waitFor(() => delivered(790).length === 1, 15_000, 'the first panel');
    await queue(790, ['panel v2'], { replacePanel: true });
    await fake.waitFor(() => fake.successfulCalls('editMessageText').length === 1, 15_000, 'the edit');
    expect(fake.visibleMessages(790).map((message) => message.text)).toEqual(['panel v2']);
    fake.reset(); // The chat's messages are gone: editing fails, a fresh panel is sent instead.
    await queue(790, ['panel v3'], { replacePanel: true });
    await fake.waitFor(() => delivered(790).length === 1, 15_000, 'the replacement panel');
    expect(fake.visibleMessages(790).map((message) => message.text)).toEqual(['panel v3']);
  });
  it("paces each channel by its own limits: WhatsApp's empty budget holds back no Telegram send", async () => {
    const whatsapp = await FakeWhatsAppApi.start('wa-token');
    try {
      // Both bots through one sender: WhatsApp at 1 a second, Telegram at 1000. The limits count
      // with a clock the test moves, so "paced" is counted in sends, not measured in time.
      let clockMs = Date.now();
      const channels = new ChannelRegistry({
        telegram: telegramChannel.limits(loadConfig({ TELEGRAM_MAX_SENDS_PER_SECOND: '1000' })),
        whatsapp: whatsappChannel.limits(loadConfig({ WHATSAPP_MAX_SENDS_PER_SECOND: '1' })),
      })
        .addSender(
          new TelegramSender(createTelegramBot('voter', TEST_TELEGRAM.voterToken, fake.url), translateAll),
        )
        .addSender(
          new WhatsAppSender(
            { name: 'voter', phoneNumberId: '1055', token: 'wa-token', apiRoot: whatsapp.url },
            translateAll,
          ),
        );
      const bothOutbox = new OutboxService(database.db, secret, channels, createLogger('silent'));
      const telegramSent = () => fake.successfulCalls('sendMessage').length;
      for (let chat = 800; chat < 805; chat += 1) await queue(chat, [`wa ${chat}`], {}, 'whatsapp');
      for (let chat = 810; chat < 815; chat += 1) await queue(chat, [`tg ${chat}`]);
      running = new OutboxSender(
        bothOutbox,
        channels,
        createLogger('silent'),
        pipelineMetrics(createMetrics().registry),
        { idleMs: 50, now: () => clockMs },
      );
      running.start();
      await fake.waitFor(() => telegramSent() === 5, 15_000, 'the five Telegram messages');
      await whatsapp.waitFor(() => whatsapp.sends.length >= 1, 15_000, 'the first WhatsApp message');
      // More Telegram messages go out while the clock stands still: the loop keeps turning over
      // both bots, and WhatsApp's bucket (one token, no refill yet) lets nothing else through.
      for (let chat = 815; chat < 818; chat += 1) await queue(chat, [`tg ${chat}`]);
      running.wake();
      await fake.waitFor(() => telegramSent() === 8, 15_000, 'three more Telegram messages');
      expect(whatsapp.sends).toHaveLength(1);
      // A second on the limits' clock: exactly one more WhatsApp token.
      clockMs += 1000;
      running.wake();
      await whatsapp.waitFor(() => whatsapp.sends.length === 2, 15_000, 'the second WhatsApp message');
      for (let chat = 818; chat < 821; chat += 1) await queue(chat, [`tg ${chat}`]);
      running.wake();
      await fake.waitFor(() => telegramSent() === 11, 15_000, 'the last Telegram messages');
      expect(whatsapp.sends).toHaveLength(2);
      expect(whatsapp.sends.map((send) => send.payload.text?.body)).toEqual(['wa 800', 'wa 801']);
    } finally {
      await running?.stop();
      running = undefined;
      await whatsapp.close();
    }
  });
});
