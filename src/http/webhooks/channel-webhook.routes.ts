import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import type { Counter } from 'prom-client';
import type { InboundItem, WebhookChannel } from '../../channels/webhook-channel';
import { DauysError, invalidInput, zodIssuesToInputIssues } from '../../errors';
import type { Logger } from '../../logger';
import type { InboxService } from '../../services/inbox.service';

/** When an update was received, from its request's headers (see BuildServerOptions.receiptClock). */
export type ReceiptClock = (headers: IncomingHttpHeaders) => Date;

export interface ChannelWebhookOptions {
  channel: WebhookChannel<unknown>;
  inbox: Pick<InboxService, 'accept' | 'acceptOne'>;
  updates: Counter<'channel' | 'outcome'>;
  logger: Logger;
  receiptClock?: ReceiptClock | undefined;
}

/**
 * The one webhook plugin: every provider's deliveries (Telegram, WhatsApp, and the next one)
 * and the web chat's own posts pass the same steps in the same order. An unconfigured endpoint is 404; a missing or wrong
 * secret or signature is 401 before any JSON is parsed; a body that is not JSON or not the
 * provider's shape is 400 (nothing stored); what the bots do not use is 200, counted and logged
 * once; everything else is 200 only once the inbox has committed it, so the provider redelivers
 * whatever we did not store. Register once per channel: a raw-body channel's byte parser stays
 * inside its own registration.
 */
export const channelWebhookRoutes: FastifyPluginAsync<ChannelWebhookOptions> = async (
  server,
  { channel, inbox, updates, logger, receiptClock },
) => {
  const counted = (outcome: string) => updates.inc({ channel: channel.channel, outcome });

  if (channel.authenticates === 'raw-body') {
    const contentType =
      channel.bodyType === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
    if (server.hasContentTypeParser(contentType)) server.removeContentTypeParser(contentType);
    server.addContentTypeParser(contentType, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
  }
  if (channel.rawBodies) {
    const { contentTypes, bodyLimit } = channel.rawBodies;
    server.addContentTypeParser([...contentTypes], { parseAs: 'buffer', bodyLimit }, (_request, body, done) =>
      done(null, body),
    );
  }

  if (channel.subscription) {
    const { path, answer } = channel.subscription;
    server.get(path, async (request, reply) => {
      const challenge = answer(request.query);
      if (challenge === undefined) {
        return reply
          .status(403)
          .send({ error: 'DAUYS_ERR_FORBIDDEN', message: 'wrong hub.mode or hub.verify_token' });
      }
      return reply.type('text/plain').send(challenge);
    });
  }

  const refuse = (reply: { status(code: number): { send(body: unknown): unknown } }, message: string) => {
    counted('unauthorized');
    return reply.status(401).send({ error: 'DAUYS_ERR_UNAUTHORIZED', message });
  };

  for (const endpoint of channel.endpoints) {
    if (endpoint.warning) logger.warn({ channel: channel.channel, path: endpoint.path }, endpoint.warning);
    const notConfigured = () => {
      if (endpoint.disabledBecause) throw new DauysError('DAUYS_ERR_NOT_FOUND', endpoint.disabledBecause);
    };
    server.post(
      endpoint.path,
      {
        ...(channel.rawBodies ? { bodyLimit: channel.rawBodies.bodyLimit } : {}),
        // Runs before the body is read: an unauthenticated caller cannot make us parse anything.
        onRequest: async (request, reply) => {
          notConfigured();
          if (channel.authenticates !== 'headers') return;
          const wrong = channel.authenticate({ headers: request.headers });
          if (wrong) return refuse(reply, wrong);
        },
        // Bodies refused as malformed, too large or of the wrong type, by Fastify's parser or ours.
        onError: async (_request, _reply, error) => {
          const status = (error as { statusCode?: number }).statusCode;
          if (status === 400 || status === 413 || status === 415) counted('rejected');
        },
      },
      async (request, reply) => {
        let body = request.body;
        if (channel.authenticates === 'raw-body') {
          const rawBody = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
          const wrong = channel.authenticate({ headers: request.headers, rawBody, url: request.url });
          if (wrong) return refuse(reply, wrong);
          body = channel.bodyType === 'form' ? parseForm(rawBody) : parseJson(rawBody);
        }
        const wholeRequest = channel.reads === 'request';
        const parsed = channel.schema.safeParse(
          wholeRequest ? { body, query: request.query, header: request.headers } : body,
        );
        if (!parsed.success) {
          const issues = parsed.error.issues;
          throw invalidInput(
            `not ${channel.bodyName}`,
            wholeRequest
              ? zodIssuesToInputIssues(issues, '').map(withoutLeadingDot)
              : zodIssuesToInputIssues(issues),
          );
        }
        const receivedAt = receiptClock ? receiptClock(request.headers) : new Date();
        const { items, ignored } = await channel.normalize(parsed.data, {
          endpoint,
          receivedAt,
          headers: request.headers,
        });
        for (const each of ignored) {
          counted(`ignored_${each.reason}`);
          logger[each.level]({ channel: channel.channel, reason: each.reason, ...each.fields }, each.message);
        }
        if (items.length > 0) await store(items);
        const accepted = channel.accepted;
        if (!accepted) return reply.status(200).send();
        if (accepted.contentType) reply.type(accepted.contentType);
        return reply.status(accepted.status).send(accepted.body);
      },
    );
  }

  async function store(items: readonly InboundItem[]) {
    // One message, the common case, joins whatever else is arriving (the inbox's group commit).
    if (items.length === 1) {
      counted(await inbox.acceptOne(items[0] as InboundItem));
      return;
    }
    const { stored, duplicates } = await inbox.accept(items);
    if (stored > 0) counted('stored');
    if (duplicates > 0) counted('duplicate');
  }
};

/** `.body.input` → `body.input`: a whole request's parts are named as the client knows them. */
function withoutLeadingDot(issue: { where: string; message: string }) {
  return { ...issue, where: issue.where.replace(/^\./, '') };
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalidInput('body is not JSON');
  }
}

function parseForm(raw: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}
