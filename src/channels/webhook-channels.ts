import type { Config } from '../config';
import { telegramWebhookChannel } from './telegram/telegram-webhook-channel';
import type { WebhookChannel } from './webhook-channel';
import { whatsappWebhookChannel } from './whatsapp/whatsapp-webhook-channel';

/**
 * Every provider that posts webhooks to us; the HTTP server registers the one webhook plugin for
 * each. A new channel is its folder under src/channels plus one line here.
 */
export function webhookChannels(config: Config, secret: string): Array<WebhookChannel<unknown>> {
  return [telegramWebhookChannel({ config, secret }), whatsappWebhookChannel({ config, secret })] as Array<
    WebhookChannel<unknown>
  >;
}
