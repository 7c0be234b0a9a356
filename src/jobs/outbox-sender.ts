import type { ChannelRegistry, ChannelSender } from '../channels/channel-sender';
import type { Locale } from '../domain/locale';
import type { OutboundMessage } from '../flows/messages';
import type { Logger } from '../logger';
import type { OutboxService } from '../services/outbox.service';
import type { ClaimedOutboxRow } from '../store/repositories/outbox.repository';
import { JobLoop, type TickResult } from './job-loop';
import type { JobRunner } from './job-names';
import type { PipelineMetrics } from './pipeline-metrics';
import { TokenBucket } from '../shared/token-bucket';

export interface OutboxSenderOptions {
  /**
   * Replaces every channel's gap between two messages to one chat (tests and the simulator,
   * whose chats are scripted); by default each channel's adapter says.
   */
  perChatIntervalMs?: number;
  /** Calls in flight at once, over all bots. */
  maxInFlight?: number;
  idleMs?: number;
  /**
   * How long a leased message stays reserved (default 30 s). Renewed every third of it while
   * its call is in flight, so it can be short: a killed worker's replies are taken over by
   * another worker after at most this long.
   */
  leaseMs?: number;
  /** The clock the limits count with (default: the system's); tests pass one they move by hand. */
  now?: () => number;
}

interface BotState {
  sender: ChannelSender;
  /** The bot's global rate; undefined when its channel has none (the web chat). */
  bucket: TokenBucket | undefined;
  perChatIntervalMs: number;
  /** After a 429 the bot sends nothing until then (epoch ms). */
  pausedUntil: number;
}

/**
 * The `outbox.send` job: leases due messages per bot (oldest first, one per chat in flight)
 * and hands them to the channel's sender within the limits its channel's adapter declares
 * (`ChannelRegistry.limits`): a token bucket per bot for the global rate, so WhatsApp's budget
 * never holds Telegram back, a minimum interval per chat, and after a 429 the whole bot waits `retry_after`
 * (Telegram does not say whether the limit hit was the chat's or the bot's: waiting is the
 * only safe reading). Button answers are not messages: they skip the per-chat gap and the
 * bucket, because a button press must be answered within seconds or the client shows an error.
 *
 * @example
 * const sender = new OutboxSender(app.outbox, app.channels, logger, metrics, {});
 * sender.start();
 */
export class OutboxSender implements JobRunner {
  readonly name = 'outbox.send' as const;
  private readonly loop: JobLoop;
  private readonly bots = new Map<string, BotState>();
  private readonly chatReadyAt = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Outbox ids whose call is in flight: their leases are renewed until they settle. */
  private readonly inFlightIds = new Set<number>();
  private readonly leaseMs: number;
  private renewTimer: NodeJS.Timeout | undefined;
  private readonly maxInFlight: number;
  private readonly now: () => number;

  constructor(
    private readonly outbox: OutboxService,
    private readonly channels: ChannelRegistry,
    private readonly logger: Logger,
    private readonly metrics: PipelineMetrics,
    private readonly options: OutboxSenderOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.maxInFlight = options.maxInFlight ?? 64;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.loop = new JobLoop(this.name, () => this.tick(), {
      logger,
      idleMs: options.idleMs ?? 500,
      onError: (job) => metrics.jobFailures.inc({ job }),
    });
  }

  start(): void {
    this.loop.start();
    this.renewTimer ??= setInterval(() => void this.renewLeases(), Math.max(10, this.leaseMs / 3));
    this.renewTimer.unref();
  }

  wake(): void {
    this.loop.wake();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.all(this.inFlight);
    clearInterval(this.renewTimer);
    this.renewTimer = undefined;
  }

  private async renewLeases(): Promise<void> {
    try {
      await this.outbox.renewLeases([...this.inFlightIds], this.leaseMs);
    } catch (error) {
      // The next renewal retries; at worst the lease expires and the message is sent twice.
      this.logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'lease renewal failed',
      );
    }
  }

  private botState(sender: ChannelSender): BotState {
    const key = `${sender.channel}/${sender.bot}`;
    let state = this.bots.get(key);
    if (!state) {
      const limits = this.channels.limits(sender.channel);
      state = {
        sender,
        bucket:
          limits.perSecond === undefined
            ? undefined
            : new TokenBucket(limits.perSecond, undefined, this.options.now),
        perChatIntervalMs: this.options.perChatIntervalMs ?? limits.perChatIntervalMs,
        pausedUntil: 0,
      };
      this.bots.set(key, state);
    }
    return state;
  }

  private async tick(): Promise<TickResult> {
    const now = this.now();
    this.forgetIdleChats(now);
    let nextDelay = Infinity;
    let leasedAny = false;
    for (const sender of this.channels.allSenders()) {
      const bot = this.botState(sender);
      if (bot.pausedUntil > now) {
        nextDelay = Math.min(nextDelay, bot.pausedUntil - now);
        continue;
      }
      const slots = this.maxInFlight - this.inFlight.size;
      const room = bot.bucket ? Math.min(Math.floor(bot.bucket.available()), slots) : slots;
      if (room < 1) {
        nextDelay = Math.min(nextDelay, Math.max(5, bot.bucket?.msUntilAvailable() ?? 0));
        continue;
      }
      const rows = await this.outbox.lease(sender.channel, sender.bot, room, this.leaseMs);
      if (rows.length > 0) leasedAny = true;
      for (const row of rows) await this.dispatch(bot, row);
      if (rows.length === room && bot.bucket) {
        nextDelay = Math.min(nextDelay, Math.max(5, bot.bucket.msUntilAvailable()));
      }
    }
    if (nextDelay !== Infinity) return { delayMs: nextDelay };
    return leasedAny ? { delayMs: 0 } : 'idle';
  }

  private async dispatch(bot: BotState, row: ClaimedOutboxRow): Promise<void> {
    const isMessage = (row.message as { kind?: string }).kind !== 'answer_button';
    const chat = `${row.channel}/${row.bot}/${row.participant}`;
    const now = this.now();
    if (bot.pausedUntil > now) {
      // Leased just before a 429 arrived for another chat.
      await this.outbox.postpone(row, new Date(bot.pausedUntil));
      return;
    }
    if (isMessage) {
      const readyAt = this.chatReadyAt.get(chat) ?? 0;
      if (readyAt > now) {
        await this.outbox.postpone(row, new Date(readyAt));
        return;
      }
      bot.bucket?.take(
        bot.sender.cost?.(row.message as unknown as OutboundMessage, row.locale as Locale) ?? 1,
      );
      if (bot.perChatIntervalMs > 0) this.chatReadyAt.set(chat, now + bot.perChatIntervalMs);
    }
    this.inFlightIds.add(row.id);
    const delivery = this.deliver(bot, row).finally(() => {
      this.inFlightIds.delete(row.id);
      this.inFlight.delete(delivery);
      this.loop.wake();
    });
    this.inFlight.add(delivery);
  }

  private async deliver(bot: BotState, row: ClaimedOutboxRow): Promise<void> {
    try {
      const outcome = await this.outbox.deliver(row, (retryAfterMs) => {
        bot.pausedUntil = Math.max(bot.pausedUntil, this.now() + retryAfterMs);
      });
      this.metrics.outboxCalls.inc({ channel: row.channel, outcome: outcome.kind });
      if (outcome.kind === 'retry_after') {
        this.logger.warn(
          { channel: row.channel, bot: row.bot, retryAfterMs: outcome.retryAfterMs },
          'rate limited',
        );
      }
    } catch (error) {
      // The database failed while recording the result: the lease expires and the message is sent again.
      this.logger.error(
        { outboxId: row.id, error: error instanceof Error ? error.message : String(error) },
        'outbox delivery error',
      );
    }
  }

  private forgetIdleChats(now: number): void {
    if (this.chatReadyAt.size < 10_000) return;
    for (const [chat, readyAt] of this.chatReadyAt) if (readyAt <= now) this.chatReadyAt.delete(chat);
  }
}
