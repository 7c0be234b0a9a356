import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { androidGatewaySignature } from '../../src/channels/sms/android-gateway-signature';
import { twilioSignature } from '../../src/channels/sms/twilio-signature';
import { webhookChannels } from '../../src/channels/create-channels';
import { loadConfig } from '../../src/config';
import { registerErrorHandler } from '../../src/http/error-handler';
import { channelWebhookRoutes } from '../../src/http/webhooks/channel-webhook.routes';
import { createLogger } from '../../src/logger';
import { createMetrics } from '../../src/metrics';
import { InboxService } from '../../src/services/inbox.service';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases } from '../support/test-databases';

const SECRET = 'a-secret-of-at-least-32-characters!!';
const PUBLIC_URL = 'https://dauys.example.org';
const AUTH_TOKEN = 'twilio-auth-token';
const SIGNING_KEY = 'android-signing-key';
const config = loadConfig({
  PUBLIC_URL,
  SMS_TWILIO_ACCOUNT_SID: 'AC1',
  SMS_TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  SMS_TWILIO_VOTER_FROM: '+15550000001',
  SMS_ANDROID_SIGNING_KEY: SIGNING_KEY,
  SMS_ANDROID_VOTER_USERNAME: 'u',
  SMS_ANDROID_VOTER_PASSWORD: 'p',
});

describe.each(testDatabases())('SMS through the one webhook plugin, on $name', ({ open }) => {
  // One database, inbox and server for the file (a fresh PGlite costs seconds).
  let server: FastifyInstance;
  let database: DatabaseHandle;

  beforeAll(async () => {
    database = await open();
    const inbox = new InboxService(database.db, SECRET);
    // The SMS webhooks exactly as the registry hands them to the server.
    const options = { inbox, updates: createMetrics().webhookUpdates, logger: createLogger('silent') };
    server = Fastify();
    registerErrorHandler(server);
    const sms = webhookChannels({
      config,
      secret: SECRET,
      uploads: { saveUpload: async () => 'unused' },
    }).filter((channel) => channel.channel === 'sms');
    for (const channel of sms) await server.register(channelWebhookRoutes, { ...options, channel });
    await server.ready();
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const twilio = (path: string, body: string, signature?: string | null) =>
    server.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        ...(signature === null
          ? {}
          : {
              'x-twilio-signature':
                signature ?? twilioSignature(AUTH_TOKEN, PUBLIC_URL + path, new URLSearchParams(body)),
            }),
      },
      payload: body,
    });
  const android = (
    path: string,
    body: string,
    options: { signature?: string | null; timestamp?: number } = {},
  ) => {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const signature =
      options.signature === undefined
        ? androidGatewaySignature(body, timestamp, SIGNING_KEY)
        : options.signature;
    return server.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': 'application/json',
        'x-timestamp': timestamp,
        ...(signature === null ? {} : { 'x-signature': signature }),
      },
      payload: body,
    });
  };
  const inboxRows = () =>
    database.db.selectFrom('inbox').selectAll().where('channel', '=', 'sms').orderBy('id').execute();

  it('Twilio: 401 before parsing for a missing or wrong signature, 404 unconfigured, 400 not its shape, TwiML once stored', async () => {
    const form = new URLSearchParams({
      MessageSid: 'SM1',
      AccountSid: 'AC1',
      From: '+77011234567',
      To: '+15550000001',
      Body: 'hello',
    }).toString();
    expect((await twilio('/webhooks/sms/twilio/voter', '%%%not a form', null)).statusCode).toBe(401);
    expect((await twilio('/webhooks/sms/twilio/voter', form, 'AAAA')).statusCode).toBe(401);
    // Signed for another URL: the bot's path is part of what Twilio signs.
    const elsewhere = twilioSignature(
      AUTH_TOKEN,
      `${PUBLIC_URL}/webhooks/sms/twilio/observer`,
      new URLSearchParams(form),
    );
    expect((await twilio('/webhooks/sms/twilio/voter', form, elsewhere)).statusCode).toBe(401);
    expect((await twilio('/webhooks/sms/twilio/observer', form)).statusCode).toBe(404);
    const noSender = await twilio('/webhooks/sms/twilio/voter', 'MessageSid=SM2&AccountSid=AC1&Body=x');
    expect(noSender.statusCode).toBe(400);
    expect(noSender.json()).toMatchObject({
      message: expect.stringContaining('not a Twilio incoming message'),
    });
    expect(await inboxRows()).toEqual([]);

    const ok = await twilio('/webhooks/sms/twilio/voter', form);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/xml/);
    expect(ok.body).toContain('<Response></Response>');
    expect((await twilio('/webhooks/sms/twilio/voter', form)).statusCode).toBe(200);
    const rows = await inboxRows();
    expect(rows.map((row) => [row.bot, row.dedupe_key])).toEqual([['voter', 'SM1']]);
  });

  it('Android gateway: 401 before parsing, stale timestamps refused, other events acknowledged, the phone’s time kept', async () => {
    const path = '/webhooks/sms/android/voter';
    expect((await android(path, '{not json', { signature: null })).statusCode).toBe(401);
    expect((await android(path, '{not json', { signature: '0'.repeat(64) })).statusCode).toBe(401);
    expect((await android(path, '{not json')).statusCode).toBe(400);
    expect((await android('/webhooks/sms/android/observer', '{}')).statusCode).toBe(404);
    const sent = JSON.stringify({
      id: 'e0',
      event: 'sms:sent',
      payload: { messageId: 'm', phoneNumber: '+7701', sentAt: 'x' },
    });
    expect((await android(path, sent)).statusCode).toBe(200);

    const receivedAt = '2026-12-06T09:15:00.000+05:00';
    const body = JSON.stringify({
      deviceId: 'dev',
      event: 'sms:received',
      id: 'e1',
      webhookId: 'w',
      payload: {
        messageId: 'a1b2c3',
        message: 'V 190 2',
        phoneNumber: '+77019876543',
        simNumber: 1,
        receivedAt,
      },
    });
    // Signed correctly ten minutes ago: a replay.
    expect((await android(path, body, { timestamp: Math.floor(Date.now() / 1000) - 600 })).statusCode).toBe(
      401,
    );
    expect((await android(path, body)).statusCode).toBe(200);
    const rows = (await inboxRows()).filter((row) => row.dedupe_key.startsWith('a1b2c3'));
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0]!.sent_at).toISOString()).toBe('2026-12-06T04:15:00.000Z');
  });

  it('keeps the numbers only encrypted, beside the pseudonyms', async () => {
    const addresses = await database.db
      .selectFrom('chat_addresses')
      .selectAll()
      .where('channel', '=', 'sms')
      .execute();
    expect(addresses).toHaveLength(2);
    const stored = JSON.stringify([addresses, await inboxRows()]);
    expect(stored).not.toContain('77011234567');
    expect(stored).not.toContain('77019876543');
  });
});
