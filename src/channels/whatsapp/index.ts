import type { Config } from '../../config';
import { translateAll } from '../../i18n/index';
import type { ChannelRegistry } from '../channel-sender';
import { createWhatsAppBots } from './whatsapp-cloud-api';
import { WhatsAppMediaFetcher } from './whatsapp-media.fetcher';
import { WhatsAppSender } from './whatsapp.sender';

/**
 * Adds the sender and media fetcher of every bot with a WhatsApp number to the registry.
 *
 * @example
 * registerWhatsAppChannels(registry, config);
 */
export function registerWhatsAppChannels(registry: ChannelRegistry, config: Config): void {
  for (const bot of createWhatsAppBots(config).values()) {
    registry.addSender(
      new WhatsAppSender(bot, translateAll, { maxSendsPerSecond: config.WHATSAPP_MAX_SENDS_PER_SECOND }),
    );
    registry.addFetcher(new WhatsAppMediaFetcher(bot));
  }
}
