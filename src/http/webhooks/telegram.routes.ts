import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../app';
import { normalizeTelegramUpdate } from '../../channels/telegram/telegram-inbound';
import { telegramUpdateSchema } from '../../channels/telegram/telegram-update.schema';
import { DauysError, invalidInput, zodIssuesToInputIssues } from '../../errors';
import type { BotName } from '../../flows/messages';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** When an update was received, from its request's headers (see BuildServerOptions.receiptClock). */
export type ReceiptClock = (headers: IncomingHttpHeaders) => Date;

/**
 * `POST /webhooks/telegram/voter` and `/observer`. In order: an unconfigured bot (no token, or
 * no `TELEGRAM_WEBHOOK_SECRET`) is 404; a wrong or missing secret is 401 before the body is even
 * parsed; malformed JSON or a body that is not an Update is 400; an update type the bots do not
 * use is 200 and ignored; anything else is answered 200 only once it is committed to the inbox
 * (so Telegram redelivers whatever we did not store). Nothing is stored in the other cases.
 */
export const telegramWebhookRoutes: FastifyPluginAsync<{ app: App; receiptClock?: ReceiptClock }> = async (
  server,
  { app, receiptClock },
) => {
  const tokens: Record<BotName, string | undefined> = {
    voter: app.config.TELEGRAM_VOTER_TOKEN,
    observer: app.config.TELEGRAM_OBSERVER_TOKEN,
  };
  const secret = app.config.TELEGRAM_WEBHOOK_SECRET;
  const expectedDigest = secret ? digest(secret) : undefined;
  const counted = (outcome: string) => app.metrics.webhookUpdates.inc({ channel: 'telegram', outcome });

  for (const bot of ['voter', 'observer'] as const) {
    if (tokens[bot] && !secret) {
      app.logger.warn({ bot }, 'telegram webhook disabled: TELEGRAM_WEBHOOK_SECRET is not set');
    }
    const enabled = Boolean(tokens[bot] && expectedDigest);
    server.post(
      `/webhooks/telegram/${bot}`,
      {
        // Runs before the body is read: an unauthenticated caller cannot make us parse anything.
        onRequest: async (request, reply) => {
          if (!enabled || !expectedDigest) {
            throw new DauysError('DAUYS_ERR_NOT_FOUND', `telegram ${bot} bot is not configured`);
          }
          const given = request.headers[SECRET_HEADER];
          if (typeof given !== 'string' || !crypto.timingSafeEqual(digest(given), expectedDigest)) {
            counted('unauthorized');
            return reply
              .status(401)
              .send({ error: 'DAUYS_ERR_UNAUTHORIZED', message: `missing or wrong ${SECRET_HEADER} header` });
          }
        },
        onError: async (_request, reply) => {
          if (reply.statusCode === 400 || reply.statusCode === 415 || reply.statusCode === 413)
            counted('rejected');
        },
      },
      async (request, reply) => {
        const parsed = telegramUpdateSchema.safeParse(request.body);
        if (!parsed.success) {
          throw invalidInput('not a Telegram Update', zodIssuesToInputIssues(parsed.error.issues));
        }
        const normalized = normalizeTelegramUpdate(parsed.data, {
          secret: app.secret,
          bot,
          receivedAt: receiptClock ? receiptClock(request.headers) : new Date(),
        });
        if ('ignored' in normalized) {
          counted(`ignored_${normalized.ignored}`);
          // The update id is Telegram's counter, not the sender's: safe to log.
          app.logger.info(
            { bot, updateId: parsed.data.update_id, reason: normalized.ignored },
            `telegram update ignored: ${normalized.ignored.replaceAll('_', ' ')}`,
          );
          return reply.status(200).send();
        }
        counted(await app.inbox.acceptOne(normalized));
        return reply.status(200).send();
      },
    );
  }
};

/** Hashing both sides first gives equal lengths, which `timingSafeEqual` requires. */
function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}
