import { translateAll } from '../../i18n/index';
import { channelBots, type ChannelAdapter } from '../channel-adapter';
import type { WebhookChannel } from '../webhook-channel';
import { createTelegramBots } from './telegram-bot-api';
import { fetchTelegramFile } from './telegram-media.fetcher';
import { TelegramSender } from './telegram.sender';
import { telegramWebhookChannel } from './telegram-webhook-channel';

/**
 * Telegram: both bots (each live when its token is set), the Bot API sender and file download.
 * Its limits are the Bot FAQ's: about 30 messages a second per bot (`TELEGRAM_MAX_SENDS_PER_SECOND`;
 * behind several workers, 30 divided by their number) and about one a second to one chat; a
 * 429's `retry_after` pauses the bot on top.
 */
export const telegramChannel: ChannelAdapter<'telegram'> = {
  name: 'telegram',
  limits: (config) => ({ perSecond: config.TELEGRAM_MAX_SENDS_PER_SECOND, perChatIntervalMs: 1000 }),
  bots: (config) =>
    channelBots('telegram', createTelegramBots(config).values(), {
      sender: (bot) => new TelegramSender(bot, translateAll),
      fetch: fetchTelegramFile,
    }),
  webhooks: (context) => [telegramWebhookChannel(context) as WebhookChannel<unknown>],
};
