import type { Kysely } from 'kysely';
import type { InboundMessage } from '../flows/messages';
import { encryptField, fieldDigest } from '../security/field-encryption';
import { LruCache } from '../shared/lru-cache';
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
  private readonly groupCommit: GroupCommit<InboxItem, AcceptOutcome | Error>;
  /**
   * Recent reply addresses, encrypted and digested: a fresh random IV and an HMAC per webhook
   * were a tenth of the ingest CPU (bench/ingest profile). Re-using one sender's ciphertext
   * reveals nothing new: the stored row already holds it.
   */
  private readonly encryptedAddresses = new LruCache<string, { encrypted: string; digest: string }>(50_000);

  constructor(
    private readonly db: Kysely<Database>,
    private readonly secret: string,
    options: { maxConcurrentBatches?: number } = {},
  ) {
    this.groupCommit = new GroupCommit((items) => this.acceptEachOnFailure(items), {
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
  async acceptOne(item: InboxItem): Promise<AcceptOutcome> {
    const outcome = await this.groupCommit.submit(item);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /** Called after every commit that stored something: wakes the worker without polling. */
  onStored(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async countPending(): Promise<number> {
    return new InboxRepository(this.db).countPending();
  }

  /**
   * A group-committed batch holds strangers' webhooks: if the database refuses the batch, each
   * item is tried alone, so one update it cannot store fails only its own webhook (answered 5xx
   * and redelivered), never the others that happened to share its transaction.
   */
  private async acceptEachOnFailure(items: readonly InboxItem[]): Promise<Array<AcceptOutcome | Error>> {
    try {
      return await this.acceptWithOutcomes(items);
    } catch (error) {
      if (items.length === 1) throw error;
      const outcomes: Array<AcceptOutcome | Error> = [];
      for (const item of items) {
        outcomes.push(
          await this.acceptWithOutcomes([item]).then(
            ([outcome]) => outcome as AcceptOutcome,
            (itemError: unknown) => (itemError instanceof Error ? itemError : new Error(String(itemError))),
          ),
        );
      }
      return outcomes;
    }
  }

  private async acceptWithOutcomes(given: readonly InboxItem[]): Promise<AcceptOutcome[]> {
    if (given.length === 0) return [];
    // A WhatsApp message id is the sender's string: it goes into a text column, so make it storable too.
    const items = given.map((item) => ({ ...item, dedupeKey: storableStrings(item.dedupeKey) as string }));
    const addresses = items.map(({ inbound, replyAddress }) => {
      const { encrypted, digest } = this.encryptedAddresses.getOrCompute(replyAddress, () => ({
        encrypted: encryptField(this.secret, replyAddress),
        digest: fieldDigest(this.secret, replyAddress),
      }));
      return {
        channel: inbound.channel,
        bot: inbound.bot,
        participant: inbound.participant,
        addressEncrypted: encrypted,
        addressDigest: digest,
      };
    });
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

/**
 * The inbound message as stored (JSON; dates as ISO strings), its text made storable: a NUL
 * character or a lone UTF-16 surrogate (both valid in a JSON webhook body) cannot be stored in a
 * PostgreSQL `jsonb`, and would fail the whole group-committed batch (found by test/fuzz).
 */
export function serializeInbound(inbound: InboundMessage): Record<string, unknown> {
  return storableStrings({
    ...inbound,
    sentAt: inbound.sentAt.toISOString(),
    receivedAt: inbound.receivedAt.toISOString(),
  }) as Record<string, unknown>;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every string in a JSON value without NULs, and with lone surrogates as U+FFFD. */
function storableStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
  if (Array.isArray(value)) return value.map(storableStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, storableStrings(item)]));
  }
  return value;
}

/** Reverses {@link serializeInbound}. */
export function deserializeInbound(stored: Record<string, unknown>): InboundMessage {
  return {
    ...(stored as unknown as InboundMessage),
    sentAt: new Date(stored.sentAt as string),
    receivedAt: new Date(stored.receivedAt as string),
  };
}
