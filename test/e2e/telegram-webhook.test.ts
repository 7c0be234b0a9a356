import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_TELEGRAM, type TestServer } from '../support/start-test-server';
import { telegramUpdates, telegramUser } from '../../src/simulation/telegram-updates';
import { waitUntil } from '../support/wait-until';

// The voter bot's pipeline end to end: the running server, its webhook over HTTP, the worker,
// the outbox sender and a fake Bot API over HTTP. The conversation is the echo double.
describe('Telegram voter webhook', () => {
  let server: TestServer;
  const updates = telegramUpdates();

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const db = () => server.app.database.db;
  const inboxCount = async () =>
    Number(
      (
        await db()
          .selectFrom('inbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const addressCount = async () =>
    Number(
      (
        await db()
          .selectFrom('chat_addresses')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sentTo = (chatId: number, method = 'sendMessage') =>
    server.fake.successfulCalls(method).filter((call) => String(call.params.chat_id) === String(chatId));

  it('stores an update, answers 200, and the reply reaches the chat through the outbox', async () => {
    const voter = telegramUser(730_000_001);
    const response = await server.postUpdate(updates.text(voter, 'hello'));
    expect(response.status).toBe(200);
    await server.fake.waitFor(() => sentTo(voter.id).length === 1, 15_000, 'the echo reply');
    expect(sentTo(voter.id)[0]?.params.text).toBe('echo: hello');
    await waitUntil(
      async () =>
        (await db().selectFrom('outbox').select('status').where('status', '=', 'sent').execute()).length ===
        1,
      { what: 'the outbox row to be marked sent' },
    );
  });

  it('has one effect for a duplicate delivery of one update_id, even when both arrive at once', async () => {
    const voter = telegramUser(730_000_002);
    const update = updates.text(voter, 'only once');
    const before = await inboxCount();
    const [first, second] = await Promise.all([server.postUpdate(update), server.postUpdate(update)]);
    const third = await server.postUpdate(update);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(await inboxCount()).toBe(before + 1);
    await server.fake.waitFor(() => sentTo(voter.id).length >= 1, 15_000, 'the reply');
    // Give a wrongly duplicated reply every chance to show up before counting.
    await server.postUpdate(updates.text(voter, 'sentinel'));
    await server.fake.waitFor(() => sentTo(voter.id).length >= 2, 15_000, 'the sentinel reply');
    expect(sentTo(voter.id).map((call) => call.params.text)).toEqual(['echo: only once', 'echo: sentinel']);
  });

  it('answers 401 to a wrong or missing secret and stores nothing', async () => {
    const voter = telegramUser(730_000_003);
    const [inbox, addresses] = [await inboxCount(), await addressCount()];
    expect((await server.postUpdate(updates.text(voter, 'forged'), { secret: 'wrong-secret' })).status).toBe(
      401,
    );
    expect((await server.postUpdate(updates.text(voter, 'forged'), { secret: null })).status).toBe(401);
    expect(
      (await server.postUpdate(updates.text(voter, 'forged'), { secret: `${TEST_TELEGRAM.webhookSecret}x` }))
        .status,
    ).toBe(401);
    // Checked before the body is parsed: a bad secret with bad JSON is still 401.
    expect((await server.postUpdate(null, { secret: 'wrong', rawBody: '{not json' })).status).toBe(401);
    expect([await inboxCount(), await addressCount()]).toEqual([inbox, addresses]);
  });

  it('answers 400 to malformed JSON and to JSON that is not an Update, naming where, and stores nothing', async () => {
    const [inbox, addresses] = [await inboxCount(), await addressCount()];
    const malformed = await server.postUpdate(null, { rawBody: '{"update_id": 1, "message": ' });
    expect(malformed.status).toBe(400);
    const notAnUpdate = await server.postUpdate({ update_id: 'seven', message: { text: 'hi' } });
    expect(notAnUpdate.status).toBe(400);
    const body = JSON.parse(notAnUpdate.body) as { error: string; issues: Array<{ where: string }> };
    expect(body.error).toBe('DAUYS_ERR_VALIDATION');
    expect(body.issues.map((issue) => issue.where)).toContain('$.update_id');
    expect(body.issues.map((issue) => issue.where)).toContain('$.message.chat');
    expect((await server.postUpdate([1, 2, 3])).status).toBe(400);
    expect([await inboxCount(), await addressCount()]).toEqual([inbox, addresses]);
  });

  it('accepts but ignores update types the bot does not use, and messages in groups', async () => {
    const voter = telegramUser(730_000_004);
    const inbox = await inboxCount();
    expect((await server.postUpdate(updates.editedMessage(voter, 'edited'))).status).toBe(200);
    expect((await server.postUpdate(updates.myChatMember(voter, 'kicked'))).status).toBe(200);
    expect((await server.postUpdate(updates.groupText(voter, 'in a group'))).status).toBe(200);
    expect((await server.postUpdate({ update_id: 9_999_999, some_future_type: { x: 1 } })).status).toBe(200);
    expect(await inboxCount()).toBe(inbox);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(
      /dauys_webhook_updates_total\{channel="telegram",outcome="ignored_unsupported_type"\} 3/,
    );
    expect(metrics).toMatch(
      /dauys_webhook_updates_total\{channel="telegram",outcome="ignored_not_private_chat"\} 1/,
    );
  });

  // Telegram's own examples (core.telegram.org/bots/webhooks#testing-your-bot-with-updates) carry no
  // is_bot, no chat.type and no bot_command entity: well-formed updates, not 400s to be retried.
  it('stores Telegram’s documented example message and callback and answers them', async () => {
    const inbox = await inboxCount();
    const from = {
      last_name: 'Test Lastname',
      id: 1111111,
      first_name: 'Test Firstname',
      username: 'Testusername',
    };
    const message = await server.postUpdate({
      update_id: 10000,
      message: {
        date: 1441645532,
        chat: { last_name: 'Test Lastname', id: 1111111, first_name: 'Test', username: 'Test' },
        message_id: 1365,
        from,
        text: '/start',
      },
    });
    const callback = await server.postUpdate({
      update_id: 10001,
      callback_query: {
        id: '4382bfdwdsb323b2d9',
        from: { ...from, type: 'private' },
        data: 'Data from button callback',
        inline_message_id: '1234csdbsk4839',
      },
    });
    expect([message.status, callback.status]).toEqual([200, 200]);
    expect(await inboxCount()).toBe(inbox + 2);
    await server.fake.waitFor(() => sentTo(1111111).length >= 1, 15_000, 'the reply to /start');
    expect(sentTo(1111111)[0]?.params.text).toBe('command: /start');
    await server.fake.waitFor(
      () =>
        server.fake
          .successfulCalls('answerCallbackQuery')
          .some((c) => c.params.callback_query_id === '4382bfdwdsb323b2d9'),
      15_000,
      'the callback answered',
    );
  });

  it('answers 404 for a bot whose token is not configured', async () => {
    const response = await server.postUpdate(updates.text(telegramUser(730_000_005), 'hi'), {
      bot: 'observer',
    });
    expect(response.status).toBe(404);
  });

  it('answers button presses and edits the one panel message in place', async () => {
    const voter = telegramUser(730_000_006);
    await server.postUpdate(updates.command(voter, 'start'));
    await server.fake.waitFor(() => sentTo(voter.id).length === 1, 15_000, 'the panel');
    const panelId = server.fake.visibleMessages(voter.id)[0]?.messageId;
    await server.postUpdate(updates.callback(voter, 'region:01', { messageId: panelId }));
    await server.postUpdate(updates.callback(voter, 'district:02', { messageId: panelId }));
    await server.fake.waitFor(() => sentTo(voter.id, 'editMessageText').length === 2, 15_000, 'two edits');
    expect(sentTo(voter.id)).toHaveLength(1);
    expect(server.fake.successfulCalls('answerCallbackQuery').length).toBeGreaterThanOrEqual(2);
    expect(server.fake.visibleMessages(voter.id)).toEqual([
      {
        messageId: panelId,
        text: 'pressed: district:02',
        buttons: [[{ text: 'after district:02', data: 'district:02+' }]],
      },
    ]);
  });

  it('fetches a photo, stores it cleaned and content-addressed, and settles the media item', async () => {
    const voter = telegramUser(730_000_007);
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TestCam', Model: 'GPS-1' } })
      .toBuffer();
    server.fake.addFile('ballot-photo-1', photo);
    await server.postUpdate(updates.photo(voter, { fileId: 'ballot-photo-1', width: 64, height: 48 }));
    const item = await waitUntil(
      () => db().selectFrom('media_items').selectAll().where('status', '!=', 'pending').executeTakeFirst(),
      { what: 'the media item to be processed' },
    );
    expect(item).toMatchObject({ status: 'ok', purpose: 'ballot', width: 64, height: 48, file_id: null });
    expect(item.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(item.phash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await fs.readFile(path.join(server.app.config.mediaDir, item.path ?? ''));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    await fs.access(path.join(server.app.config.mediaDir, item.thumb_path ?? ''));
  });

  it('keeps raw Telegram ids and phone numbers out of the database and the logs', async () => {
    const voter = telegramUser(739_123_456_789, { username: 'secret_voter_handle', languageCode: 'ru' });
    await server.postUpdate(updates.text(voter, 'privacy check'));
    await server.postUpdate(updates.contact(voter, '+77011234567'));
    await server.fake.waitFor(() => sentTo(voter.id).length === 2, 15_000, 'both replies');
    const dump = JSON.stringify(
      await Promise.all(
        ['inbox', 'outbox', 'chat_addresses', 'panels', 'media_items'].map(
          async (table) => (await sql.raw(`select * from ${table}`).execute(db())).rows,
        ),
      ),
    );
    for (const secret of [String(voter.id), '77011234567', 'secret_voter_handle']) {
      expect(dump).not.toContain(secret);
      expect(server.logs.text()).not.toContain(secret);
    }
    expect(server.logs.lines.length).toBeGreaterThan(0);
  });

  it('shows the outbox backlog and inbox lag in /metrics', async () => {
    await waitUntil(
      async () =>
        /dauys_outbox_backlog\{channel="telegram"\} 0/.test(
          await (await fetch(`${server.url}/metrics`)).text(),
        ),
      {
        what: 'the backlog gauge',
      },
    );
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('dauys_inbox_unprocessed 0');
    // Drained: every stage's oldest waiting item is no age at all, each channel's outbox included.
    expect(metrics).toContain('dauys_queue_oldest_age_seconds{stage="inbox"} 0');
    expect(metrics).toContain('dauys_queue_oldest_age_seconds{stage="outbox:telegram"} 0');
    expect(metrics).toMatch(/dauys_webhook_updates_total\{channel="telegram",outcome="duplicate"\} 2/);
  });
});
