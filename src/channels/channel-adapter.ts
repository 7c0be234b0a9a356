import type { Config } from '../config';
import type { BotName, MediaRef } from '../flows/messages';
import type { ChannelMediaFetcher, ChannelSender, SendLimits } from './channel-sender';
import type { InlineMediaStore, WebhookChannel } from './webhook-channel';

/** What a channel's webhooks are built with: the environment, the pseudonym key, the inline media store. */
export interface WebhookContext {
  config: Config;
  secret: string;
  uploads: InlineMediaStore;
  /**
   * When the active election's polls opened (undefined with none): the web chat clamps the
   * device date of a message queued offline to [this, arrival].
   */
  pollsOpenAt?: () => Promise<Date | undefined>;
}

/** One configured bot on a channel: what the outbox sends through and the media job fetches with. */
export interface ChannelBot {
  sender: ChannelSender;
  fetcher: ChannelMediaFetcher;
}

/**
 * A whole channel, as its folder under src/channels exports it: inbound (the webhook's verify,
 * schema and normalize), outbound (a sender per configured bot), media (a fetcher per bot) and
 * the limits the provider puts on sending. The registry (`create-channels.ts`) lists one of
 * these per channel, and `ChannelName` is the list's keys, so a new channel (SMS) is its folder
 * plus one line there.
 *
 * @example
 * export const smsChannel: ChannelAdapter<'sms'> = {
 *   name: 'sms',
 *   limits: (config) => ({ perSecond: config.SMS_MAX_SENDS_PER_SECOND, perChatIntervalMs: 1000 }),
 *   bots: (config) => channelBots('sms', smsBots(config), { sender: (bot) => new SmsSender(bot), fetch: fetchSmsMedia }),
 *   webhooks: ({ config, secret }) => [smsWebhookChannel({ config, secret })],
 * };
 */
export interface ChannelAdapter<Name extends string = string> {
  readonly name: Name;
  /** How fast the outbox may send through each bot, from the environment where it is configurable. */
  limits(config: Config): SendLimits;
  /** The sender and media fetcher of every bot configured on this channel (none: not set up). */
  bots(config: Config): ChannelBot[];
  /** The inbound webhooks (one per body shape), for the one webhook plugin; absent when it posts nothing. */
  webhooks?(context: WebhookContext): Array<WebhookChannel<unknown>>;
}

/**
 * Each of a channel's configured bot accounts as the pair the registry wants: its sender, and a
 * media fetcher that downloads with that account's credentials.
 *
 * @example
 * channelBots('telegram', createTelegramBots(config).values(), { sender: (bot) => new TelegramSender(bot, translateAll), fetch: fetchTelegramFile });
 */
export function channelBots<Account extends { name: BotName }>(
  channel: ChannelMediaFetcher['channel'],
  accounts: Iterable<Account>,
  make: {
    sender: (account: Account) => ChannelSender;
    fetch: (account: Account, media: MediaRef, maxBytes: number) => Promise<Buffer>;
  },
): ChannelBot[] {
  return [...accounts].map((account) => ({
    sender: make.sender(account),
    fetcher: { channel, bot: account.name, fetch: (media, maxBytes) => make.fetch(account, media, maxBytes) },
  }));
}
