import type { Locale } from '../domain/locale';
import type { AddressedOutbound, BotName, ChannelName, MediaRef, OutboundMessage } from '../flows/messages';

/** What a send achieved: delivered (with the id of the message to edit next time), or "wait". */
export type SendResult = { panelRef?: string } | { retryAfterMs: number };

/**
 * One bot on one channel, reduced to the single operation the outbox needs. Adapters turn an
 * `AddressedOutbound` into channel API calls; they never touch the database.
 *
 * @example
 * const result = await sender.send(chatId, reply, panelRef);
 * if ('retryAfterMs' in result) reschedule(result.retryAfterMs);
 */
export interface ChannelSender {
  readonly channel: ChannelName;
  readonly bot: BotName;
  /**
   * Delivers one message to `address` (a Telegram chat id, a phone number, a session id).
   * `panelRef` is the message a `replacePanel` send should edit; the returned `panelRef` is the
   * message that now holds the panel. Throws {@link SendFailure} when the channel refuses.
   */
  send(address: string, out: AddressedOutbound, panelRef?: string): Promise<SendResult>;
  /**
   * How many API calls `send` will make for this message (default 1): the outbox takes that
   * many tokens from the bot's budget at once, so a rate limit never cuts a message in half.
   */
  cost?(message: OutboundMessage, locale: Locale): number;
}

/**
 * How fast the outbox may send through one bot of a channel, as the channel's adapter declares
 * it (from the environment where the provider's limit depends on the account).
 */
export interface SendLimits {
  /** Messages a second per bot, with a one-second burst; undefined: no global limit (our own web chat). */
  perSecond: number | undefined;
  /** Minimum gap between two messages to one chat (Telegram asks for about one a second). */
  perChatIntervalMs: number;
}

/** What a sender gets when its channel declared nothing: Telegram's limits, the strictest we know. */
export const CAUTIOUS_SEND_LIMITS: SendLimits = { perSecond: 30, perChatIntervalMs: 1000 };

/**
 * A send the channel refused. `permanent` failures (bad request, bot blocked) will not succeed
 * by retrying as is; transient ones (5xx, network) will, eventually. The message never carries
 * an address or user id, so it is safe to log.
 */
export class SendFailure extends Error {
  readonly permanent: boolean;
  readonly status: number | undefined;

  constructor(message: string, options: { permanent: boolean; status?: number }) {
    super(message);
    this.name = 'SendFailure';
    this.permanent = options.permanent;
    this.status = options.status;
  }
}

/** Downloads a file the channel holds (a photo a participant sent), refusing files over `maxBytes`. */
export interface ChannelMediaFetcher {
  readonly channel: ChannelName;
  readonly bot: BotName;
  /**
   * @example
   * const bytes = await fetcher.fetch({ fileId: 'AgAC…' }, 20 * 1024 * 1024);
   */
  fetch(media: MediaRef, maxBytes: number): Promise<Buffer>;
}

/** A file that cannot be fetched as is: too large, gone, or refused by the channel. */
export class MediaFetchFailure extends Error {
  readonly permanent: boolean;

  constructor(message: string, options: { permanent: boolean }) {
    super(message);
    this.name = 'MediaFetchFailure';
    this.permanent = options.permanent;
  }
}

/**
 * The senders and fetchers of every configured bot, looked up by (channel, bot), and each
 * channel's send limits (built from the adapters by `createChannelRegistry`).
 */
export class ChannelRegistry {
  private readonly senders = new Map<string, ChannelSender>();
  private readonly fetchers = new Map<string, ChannelMediaFetcher>();

  constructor(private readonly sendLimits: Partial<Record<ChannelName, SendLimits>> = {}) {}

  /** The channel's limits; a channel that declared none gets {@link CAUTIOUS_SEND_LIMITS}. */
  limits(channel: ChannelName): SendLimits {
    return this.sendLimits[channel] ?? CAUTIOUS_SEND_LIMITS;
  }

  addSender(sender: ChannelSender): this {
    this.senders.set(`${sender.channel}/${sender.bot}`, sender);
    return this;
  }

  addFetcher(fetcher: ChannelMediaFetcher): this {
    this.fetchers.set(`${fetcher.channel}/${fetcher.bot}`, fetcher);
    return this;
  }

  sender(channel: ChannelName, bot: BotName): ChannelSender | undefined {
    return this.senders.get(`${channel}/${bot}`);
  }

  fetcher(channel: ChannelName, bot: BotName): ChannelMediaFetcher | undefined {
    return this.fetchers.get(`${channel}/${bot}`);
  }

  allSenders(): ChannelSender[] {
    return [...this.senders.values()];
  }
}
