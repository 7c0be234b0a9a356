import { translateAll } from '../../i18n/index';
import { channelBots, type ChannelAdapter } from '../channel-adapter';
import type { WebhookChannel } from '../webhook-channel';
import { createWhatsAppBots } from './whatsapp-cloud-api';
import { fetchWhatsAppMedia } from './whatsapp-media.fetcher';
import { WhatsAppSender } from './whatsapp.sender';
import { whatsappWebhookChannel } from './whatsapp-webhook-channel';

/**
 * WhatsApp: the bots with a phone-number id configured (both need `WHATSAPP_TOKEN`). The Cloud
 * API's throughput depends on the account (`WHATSAPP_MAX_SENDS_PER_SECOND`, counted in API
 * calls: a long text is several), with a one-second gap per chat as on Telegram; Meta's stricter
 * pair limit (error 131056) comes back as a rate limit and pauses the bot, like a 429.
 */
export const whatsappChannel: ChannelAdapter<'whatsapp'> = {
  name: 'whatsapp',
  limits: (config) => ({ perSecond: config.WHATSAPP_MAX_SENDS_PER_SECOND, perChatIntervalMs: 1000 }),
  bots: (config) =>
    channelBots('whatsapp', createWhatsAppBots(config).values(), {
      sender: (bot) => new WhatsAppSender(bot, translateAll),
      fetch: fetchWhatsAppMedia,
    }),
  webhooks: (context) => [whatsappWebhookChannel(context) as WebhookChannel<unknown>],
};
