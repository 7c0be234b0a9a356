import type { Kysely } from 'kysely';
import type { InboundMessage } from '../flows/messages';
import { encryptField, fieldDigest } from '../security/field-encryption';
import type { Database } from '../store/database-schema';
import { ChatAddressesRepository } from '../store/repositories/chat-addresses.repository';
import { InboxRepository } from '../store/repositories/inbox.repository';
import { GroupCommit } from './group-commit';

/** One update as a channel adapter hands it over: normalized, deduplicable, with its reply address. */
export interface InboxItem {
  inbound: InboundMessage;
  /** Unique per (channel, bot): Telegram's `update_id`. */
  dedupeKey: string;
  /** Where replies go (chat id, phone, session); stored only encrypted. */
  replyAddress: string;
}

export type AcceptOutcome = 'stored' | 'duplicate';

/**
 * The durable inbox. A webhook is acknowledged only after `accept`/`acceptOne` resolves, i.e.
 * after its update is committed; duplicates of a dedupe key are stored once.
 *
 * @example
 * const outcome = await app.inbox.acceptOne({ inbound, dedupeKey: '1001', replyAddress: '42' });
 * // 'stored' the first time, 'duplicate' on a redelivery
 */
export class InboxService {
  private readonly listeners = new Set<() => void>();
  private readonly groupCommit: GroupCommit<InboxItem, AcceptOutcome>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly secret: string,
    options: { maxConcurrentBatches?: number } = {},
  ) {
    this.groupCommit = new GroupCommit((items) => this.acceptWithOutcomes(items), {
      maxBatch: 500,
      maxConcurrentBatches: options.maxConcurrentBatches ?? 1,
    });
  }

  /** Stores updates and their encrypted reply addresses in one transaction. */
  async accept(items: readonly InboxItem[]): Promise<{ stored: number; duplicates: number }> {
    const outcomes = await this.acceptWithOutcomes(items);
    const stored = outcomes.filter((outcome) => outcome === 'stored').length;
    return { stored, duplicates: outcomes.length - stored };
  }

  /** Stores one update, batched with whatever else arrives concurrently (group commit). */
  acceptOne(item: InboxItem): Promise<AcceptOutcome> {
    return this.groupCommit.submit(item);
  }

  /** Called after every commit that stored something: wakes the worker without polling. */
  onStored(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async countPending(): Promise<number> {
    return new InboxRepository(this.db).countPending();
  }

  private async acceptWithOutcomes(items: readonly InboxItem[]): Promise<AcceptOutcome[]> {
    if (items.length === 0) return [];
    const addresses = items.map(({ inbound, replyAddress }) => ({
      channel: inbound.channel,
      bot: inbound.bot,
      participant: inbound.participant,
      addressEncrypted: encryptField(this.secret, replyAddress),
      addressDigest: fieldDigest(this.secret, replyAddress),
    }));
    const stored = await this.db.transaction().execute(async (tx) => {
      await new ChatAddressesRepository(tx).upsertMany(addresses);
      return new InboxRepository(tx).insertMany(
        items.map(({ inbound, dedupeKey }) => ({
          channel: inbound.channel,
          bot: inbound.bot,
          dedupeKey,
          participant: inbound.participant,
          message: serializeInbound(inbound),
          sentAt: inbound.sentAt,
          receivedAt: inbound.receivedAt,
        })),
      );
    });
    const seen = new Set<string>();
    const outcomes = items.map(({ inbound, dedupeKey }): AcceptOutcome => {
      const key = `${inbound.channel}/${inbound.bot}/${dedupeKey}`;
      // Two copies of one update in the same batch: the first is the stored one.
      const outcome = stored.has(key) && !seen.has(key) ? 'stored' : 'duplicate';
      seen.add(key);
      return outcome;
    });
    if (stored.size > 0) for (const listener of this.listeners) listener();
    return outcomes;
  }
}

/** The inbound message as stored (JSON; dates as ISO strings). */
export function serializeInbound(inbound: InboundMessage): Record<string, unknown> {
  return { ...inbound, sentAt: inbound.sentAt.toISOString(), receivedAt: inbound.receivedAt.toISOString() };
}

/** Reverses {@link serializeInbound}. */
export function deserializeInbound(stored: Record<string, unknown>): InboundMessage {
  return {
    ...(stored as unknown as InboundMessage),
    sentAt: new Date(stored.sentAt as string),
    receivedAt: new Date(stored.receivedAt as string),
  };
}
