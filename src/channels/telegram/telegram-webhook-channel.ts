import crypto from 'node:crypto';
import type { BotName } from '../../flows/messages';
import type { IgnoredInbound, WebhookChannel, WebhookEndpoint } from '../webhook-channel';
import { normalizeTelegramUpdate } from './telegram-inbound';
import { telegramUpdateSchema, type TelegramUpdate } from './telegram-update.schema';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * Telegram's webhooks, `POST /webhooks/telegram/voter` and `/observer`: each bot is live when it
 * has a token and `TELEGRAM_WEBHOOK_SECRET` is set (Telegram echoes the secret in a header, set
 * by setWebhook's `secret_token`); the header is checked before the body is read.
 */
export function telegramWebhookChannel(options: {
  config: {
    TELEGRAM_VOTER_TOKEN?: string | undefined;
    TELEGRAM_OBSERVER_TOKEN?: string | undefined;
    TELEGRAM_WEBHOOK_SECRET?: string | undefined;
  };
  secret: string;
}): WebhookChannel<TelegramUpdate> {
  const { config, secret } = options;
  const tokens: Record<BotName, string | undefined> = {
    voter: config.TELEGRAM_VOTER_TOKEN,
    observer: config.TELEGRAM_OBSERVER_TOKEN,
  };
  const expected = config.TELEGRAM_WEBHOOK_SECRET ? digest(config.TELEGRAM_WEBHOOK_SECRET) : undefined;
  const endpoints = (['voter', 'observer'] as const).map((bot): WebhookEndpoint => ({
    path: `/webhooks/telegram/${bot}`,
    bot,
    disabledBecause: tokens[bot] && expected ? undefined : `telegram ${bot} bot is not configured`,
    ...(tokens[bot] && !expected
      ? { warning: `telegram ${bot} webhook disabled: TELEGRAM_WEBHOOK_SECRET is not set` }
      : {}),
  }));
  return {
    channel: 'telegram',
    endpoints,
    authenticates: 'headers',
    authenticate({ headers }) {
      const given = headers[SECRET_HEADER];
      const genuine =
        expected !== undefined &&
        typeof given === 'string' &&
        crypto.timingSafeEqual(digest(given), expected);
      return genuine ? undefined : `missing or wrong ${SECRET_HEADER} header`;
    },
    schema: telegramUpdateSchema,
    bodyName: 'a Telegram Update',
    normalize(update, { endpoint, receivedAt }) {
      const normalized = normalizeTelegramUpdate(update, {
        secret,
        bot: endpoint.bot as BotName,
        receivedAt,
      });
      if (!('ignored' in normalized)) return { items: [normalized], ignored: [] };
      const ignored: IgnoredInbound = {
        reason: normalized.ignored,
        // The update id is Telegram's counter, not the sender's: safe to log.
        fields: { bot: endpoint.bot as BotName, updateId: update.update_id },
        message: `telegram update ignored: ${normalized.ignored.replaceAll('_', ' ')}`,
        level: 'info',
      };
      return { items: [], ignored: [ignored] };
    },
  };
}

/** Hashing both sides first gives equal lengths, which `timingSafeEqual` requires. */
function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}
