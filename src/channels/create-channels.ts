import type { Config } from '../config';
import { translateAll } from '../i18n/index';
import { ChannelRegistry } from './channel-sender';
import { createTelegramBots } from './telegram/telegram-bot-api';
import { TelegramMediaFetcher } from './telegram/telegram-media.fetcher';
import { TelegramSender } from './telegram/telegram.sender';
import { registerWhatsAppChannels } from './whatsapp/index';

/**
 * The sender and media fetcher of every bot whose token is configured. Other channels
 * (WhatsApp, web chat) add theirs to the same registry.
 *
 * @example
 * const channels = createChannelRegistry(config);
 * channels.sender('telegram', 'voter'); // undefined when TELEGRAM_VOTER_TOKEN is unset
 */
export function createChannelRegistry(config: Config): ChannelRegistry {
  const registry = new ChannelRegistry();
  for (const bot of createTelegramBots(config).values()) {
    registry.addSender(new TelegramSender(bot, translateAll));
    registry.addFetcher(new TelegramMediaFetcher(bot));
  }
  // WhatsApp (issue 4): both bots, when their phone-number ids are configured.
  registerWhatsAppChannels(registry, config);
  return registry;
}
