import type { Config } from '../config';
import type { ChannelAdapter, WebhookContext } from './channel-adapter';
import { ChannelRegistry, type SendLimits } from './channel-sender';
import { smsChannel } from './sms/sms-channel';
import { telegramChannel } from './telegram/telegram-channel';
import { webchatChannel } from './webchat/webchat-channel';
import type { WebhookChannel } from './webhook-channel';
import { whatsappChannel } from './whatsapp/whatsapp-channel';

/**
 * The channel registry: every channel Dauys speaks, one line each. A new channel (SMS) is its
 * folder under src/channels exporting a `ChannelAdapter`, plus one line here; `ChannelName`, the
 * webhooks the server registers, the senders, fetchers and send limits all follow from it.
 */
const CHANNEL_ADAPTERS = {
  telegram: telegramChannel,
  whatsapp: whatsappChannel,
  webchat: webchatChannel,
  sms: smsChannel,
};

/** A channel's name, as stored in the inbox, the outbox and the participants' keys. */
export type ChannelName = keyof typeof CHANNEL_ADAPTERS;

/** Every channel, in registry order (metrics label every one, even when unconfigured). */
export const CHANNEL_NAMES = Object.keys(CHANNEL_ADAPTERS) as ChannelName[];

const adapters: ChannelAdapter[] = Object.values(CHANNEL_ADAPTERS);

/**
 * The sender and media fetcher of every bot whose channel is configured, and every channel's
 * send limits (the outbox's budget per bot).
 *
 * @example
 * const channels = createChannelRegistry(config);
 * channels.sender('telegram', 'voter'); // undefined when TELEGRAM_VOTER_TOKEN is unset
 * channels.limits('whatsapp'); // { perSecond: 20, perChatIntervalMs: 1000 }
 */
export function createChannelRegistry(config: Config): ChannelRegistry {
  const limits: Partial<Record<ChannelName, SendLimits>> = {};
  for (const adapter of adapters) limits[adapter.name as ChannelName] = adapter.limits(config);
  const registry = new ChannelRegistry(limits);
  for (const adapter of adapters) {
    for (const { sender, fetcher } of adapter.bots(config)) registry.addSender(sender).addFetcher(fetcher);
  }
  return registry;
}

/**
 * Every inbound door, providers' webhooks and the web chat's own posts alike; the HTTP server
 * registers the one webhook plugin for each.
 */
export function webhookChannels(context: WebhookContext): Array<WebhookChannel<unknown>> {
  return adapters.flatMap((adapter) => adapter.webhooks?.(context) ?? []);
}
