import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { WebhookChannel } from '../../src/channels/webhook-channel';
import { registerErrorHandler } from '../../src/http/error-handler';
import { channelWebhookRoutes } from '../../src/http/webhooks/channel-webhook.routes';
import { createLogger } from '../../src/logger';
import { createMetrics } from '../../src/metrics';
import { InboxService } from '../../src/services/inbox.service';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases } from '../support/test-databases';

/**
 * A channel the platform does not have — an SMS gateway posting `{ id, from, text }` with a
 * token header — to show what a new channel takes: one WebhookChannel, nothing in the plugin.
 */
const toySms: WebhookChannel<{ id: string; from: string; text: string }> = {
  channel: 'webchat',
  endpoints: [
    { path: '/webhooks/toy/voter', bot: 'voter', disabledBecause: undefined },
    { path: '/webhooks/toy/observer', bot: 'observer', disabledBecause: 'toy observer is not configured' },
  ],
  authenticates: 'headers',
  authenticate: ({ headers }) =>
    headers['x-toy-token'] === 'right' ? undefined : 'missing or wrong x-toy-token',
  schema: z.object({ id: z.string().min(1), from: z.string().min(1), text: z.string() }),
  bodyName: 'a toy SMS',
  normalize(body, { endpoint, receivedAt }) {
    if (body.text === '') {
      return {
        items: [],
        ignored: [
          { reason: 'empty', fields: { id: body.id }, message: 'toy sms ignored: empty', level: 'info' },
        ],
      };
    }
    return {
      items: [
        {
          dedupeKey: body.id,
          replyAddress: body.from,
          inbound: {
            channel: 'webchat',
            bot: endpoint.bot ?? 'voter',
            participant: `p-${body.from}`,
            sentAt: receivedAt,
            receivedAt,
            content: { kind: 'text', text: body.text },
          },
        },
      ],
      ignored: [],
    };
  },
};

describe.each(testDatabases())('the one webhook plugin on $name', ({ open }) => {
  let database: DatabaseHandle;
  let server: FastifyInstance;
  let inbox: InboxService;
  let metrics: ReturnType<typeof createMetrics>;
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await open();
    metrics = createMetrics();
    inbox = new InboxService(database.db, 'a-secret-of-at-least-32-characters!!');
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    server = Fastify();
    registerErrorHandler(server);
    await server.register(channelWebhookRoutes, {
      channel: toySms as WebhookChannel<unknown>,
      inbox,
      updates: metrics.webhookUpdates,
      logger,
    });
    await server.ready();
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const post = (path: string, body: string, token = 'right') =>
    server.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/json', 'x-toy-token': token },
      payload: body,
    });
  const outcome = async (name: string) =>
    (await metrics.webhookUpdates.get()).values.find((v) => v.labels.outcome === name)?.value ?? 0;

  it('keeps the order for a channel it has never seen: 404, 401 before parsing, 400, 200 ignored, 200 stored once', async () => {
    expect((await post('/webhooks/toy/observer', '{"id":"1","from":"a","text":"hi"}')).statusCode).toBe(404);
    // A wrong token is refused before the body is read: malformed JSON gets 401, not 400.
    expect((await post('/webhooks/toy/voter', '{not json', 'wrong')).statusCode).toBe(401);
    const notShape = await post('/webhooks/toy/voter', '{"id":"1"}');
    expect(notShape.statusCode).toBe(400);
    expect(notShape.json()).toMatchObject({ message: expect.stringContaining('not a toy SMS') });
    expect((await post('/webhooks/toy/voter', '{"id":"2","from":"a","text":""}')).statusCode).toBe(200);
    expect(await inbox.countPending()).toBe(0);

    const body = '{"id":"3","from":"a","text":"hello"}';
    expect((await post('/webhooks/toy/voter', body)).statusCode).toBe(200);
    expect((await post('/webhooks/toy/voter', body)).statusCode).toBe(200);
    expect(await inbox.countPending()).toBe(1);

    expect(await outcome('unauthorized')).toBe(1);
    expect(await outcome('rejected')).toBe(1);
    expect(await outcome('ignored_empty')).toBe(1);
    expect(await outcome('stored')).toBe(1);
    expect(await outcome('duplicate')).toBe(1);
    const ignoredLine = logLines.find((line) => line.includes('toy sms ignored: empty'));
    expect(ignoredLine).toBeDefined();
    expect(JSON.parse(ignoredLine as string)).toMatchObject({ channel: 'webchat', reason: 'empty', id: '2' });
  });
});
