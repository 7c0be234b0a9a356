import type { Kysely, Transaction } from 'kysely';
import type { ChannelRegistry } from '../channels/channel-sender';
import { SendFailure } from '../channels/channel-sender';
import type { Locale } from '../domain/locale';
import type { AddressedOutbound, OutboundMessage } from '../flows/messages';
import type { Logger } from '../logger';
import { decryptField } from '../security/field-encryption';
import type { Database } from '../store/database-schema';
import { ChatAddressesRepository } from '../store/repositories/chat-addresses.repository';
import { OutboxRepository, type ClaimedOutboxRow } from '../store/repositories/outbox.repository';

/** How one delivery attempt ended, for the sender loop's pacing and metrics. */
export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'retry_after'; retryAfterMs: number }
  | { kind: 'retry'; at: Date }
  | { kind: 'failed' };

export interface OutboxServiceOptions {
  /** A refused message (bad request, bot blocked) is tried this many times before it is marked failed. */
  maxRefusedAttempts?: number;
  /** First retry delay; doubles each attempt, up to five minutes. */
  retryBaseMs?: number;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Replies on their way out: queued in the processing transaction, delivered by the sender job.
 * Nothing is dropped: transient failures are retried with backoff for as long as it takes;
 * only a message the channel keeps refusing is marked `failed` (and counted).
 *
 * @example
 * await app.outbox.enqueue(tx, replies, inboxRowId);
 */
export class OutboxService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly secret: string,
    private readonly channels: ChannelRegistry,
    private readonly logger: Logger,
    private readonly options: OutboxServiceOptions = {},
  ) {}

  /** Queues replies inside the caller's transaction. */
  async enqueue(
    tx: Transaction<Database>,
    replies: readonly AddressedOutbound[],
    inboxId?: number,
  ): Promise<void> {
    await new OutboxRepository(tx).insertMany(
      replies.map((reply) => ({
        channel: reply.channel,
        bot: reply.bot,
        participant: reply.participant,
        locale: reply.locale,
        message: reply.message as unknown as Record<string, unknown>,
        ...(inboxId !== undefined ? { inboxId } : {}),
      })),
    );
  }

  /** Queues the replies of several inbox rows in one statement. */
  async enqueueMany(
    tx: Transaction<Database>,
    batches: ReadonlyArray<{ replies: readonly AddressedOutbound[]; inboxId: number }>,
  ): Promise<void> {
    await new OutboxRepository(tx).insertMany(
      batches.flatMap(({ replies, inboxId }) =>
        replies.map((reply) => ({
          channel: reply.channel,
          bot: reply.bot,
          participant: reply.participant,
          locale: reply.locale,
          message: reply.message as unknown as Record<string, unknown>,
          inboxId,
        })),
      ),
    );
  }

  lease(
    channel: AddressedOutbound['channel'],
    bot: AddressedOutbound['bot'],
    limit: number,
    leaseMs = 60_000,
  ) {
    return new OutboxRepository(this.db).lease(channel, bot, limit, leaseMs);
  }

  /** Keeps the leases of messages still in flight, so no other worker takes them meanwhile. */
  async renewLeases(ids: readonly number[], leaseMs = 60_000): Promise<void> {
    await new OutboxRepository(this.db).renewLeases(ids, leaseMs);
  }

  /** Puts a leased message back untouched, due at `at` (per-chat pacing, a paused bot). */
  async postpone(row: ClaimedOutboxRow, at: Date): Promise<void> {
    await new OutboxRepository(this.db).retryAt(row.id, at);
  }

  /**
   * Makes one delivery attempt for a leased message and records its result. `onRateLimited`
   * runs as soon as the channel says "wait", before anything is written, so the caller can
   * pause the bot without a window in which another message slips out.
   */
  async deliver(
    row: ClaimedOutboxRow,
    onRateLimited?: (retryAfterMs: number) => void,
  ): Promise<DeliveryOutcome> {
    const outbox = new OutboxRepository(this.db);
    const addresses = new ChatAddressesRepository(this.db);
    const out: AddressedOutbound = {
      channel: row.channel,
      bot: row.bot,
      participant: row.participant,
      locale: row.locale as Locale,
      message: row.message as unknown as OutboundMessage,
    };
    const sender = this.channels.sender(row.channel, row.bot);
    if (!sender) return this.retry(outbox, row, `no sender configured for ${row.channel}/${row.bot}`, false);
    const encrypted = await addresses.findEncrypted(row);
    if (!encrypted) {
      await outbox.markFailed(row.id, 'no reply address (purged or never stored)');
      return { kind: 'failed' };
    }
    const replacesPanel = out.message.kind === 'send' && out.message.replacePanel === true;
    const panelRef = replacesPanel ? await addresses.findPanel(row) : undefined;
    try {
      const result = await sender.send(decryptField(this.secret, encrypted), out, panelRef);
      if ('retryAfterMs' in result) {
        onRateLimited?.(result.retryAfterMs);
        await outbox.retryAt(row.id, new Date(Date.now() + result.retryAfterMs), {
          error: 'rate limited (429)',
        });
        return { kind: 'retry_after', retryAfterMs: result.retryAfterMs };
      }
      // Any message with buttons becomes the panel the next `replacePanel` edits (voter-bot-contract.md).
      const isPanel =
        replacesPanel || (out.message.kind === 'send' && (out.message.buttons?.length ?? 0) > 0);
      if (isPanel && result.panelRef && result.panelRef !== panelRef)
        await addresses.savePanel(row, result.panelRef);
      await outbox.markSent(row.id);
      return { kind: 'sent' };
    } catch (error) {
      const permanent = !(error instanceof SendFailure) || error.permanent;
      const description = error instanceof Error ? error.message : String(error);
      return this.retry(outbox, row, description, permanent);
    }
  }

  private async retry(
    outbox: OutboxRepository,
    row: ClaimedOutboxRow,
    description: string,
    permanent: boolean,
  ): Promise<DeliveryOutcome> {
    const attempts = row.attempts + 1;
    if (permanent && attempts >= (this.options.maxRefusedAttempts ?? 5)) {
      this.logger.warn(
        { outboxId: row.id, channel: row.channel, attempts, error: description },
        'outbound message failed',
      );
      await outbox.markFailed(row.id, description);
      return { kind: 'failed' };
    }
    const delay =
      Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts - 1, 20)) * (0.75 + Math.random() * 0.5);
    const at = new Date(Date.now() + delay);
    this.logger.info(
      { outboxId: row.id, channel: row.channel, attempts, error: description },
      'outbound message retry',
    );
    await outbox.retryAt(row.id, at, { error: description, failed: true });
    return { kind: 'retry', at };
  }
}
