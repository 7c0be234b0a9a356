import { sql, type Kysely, type Transaction } from 'kysely';
import type { BotName, ChannelName } from '../../flows/messages';
import type { Database } from '../database-schema';
import type { ParticipantKey } from './participant-key';

export interface NewOutboxRow {
  channel: ChannelName;
  bot: BotName;
  participant: string;
  locale: string;
  message: Record<string, unknown>;
  inboxId?: number;
}

/** A claimed row: whose it is (the participant key) and what it carries. */
export interface ClaimedOutboxRow extends ParticipantKey {
  id: number;
  locale: string;
  message: Record<string, unknown>;
  attempts: number;
}

/** All I/O of the outbox table. */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  async insertMany(rows: readonly NewOutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('outbox')
      .values(
        rows.map((row) => ({
          channel: row.channel,
          bot: row.bot,
          participant: row.participant,
          locale: row.locale,
          message: JSON.stringify(row.message),
          inbox_id: row.inboxId ?? null,
        })),
      )
      .execute();
  }

  /**
   * Extends the leases of messages still being sent (a slow channel API must not let another
   * worker send them too). Only pending rows: a settled one needs no lease.
   */
  async renewLeases(ids: readonly number[], leaseMs: number): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('outbox')
      .set({ lease_until: sql<Date>`now() + ${leaseMs} * interval '1 millisecond'` })
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .execute();
  }

  /**
   * Leases up to `limit` due messages of one bot for `leaseMs`: per participant only the oldest
   * pending one, and only if it is not leased already, so replies leave in order and one at a
   * time per chat. A sender that dies leaves its lease to expire; the message is sent again.
   */
  async lease(
    channel: ChannelName,
    bot: BotName,
    limit: number,
    leaseMs: number,
  ): Promise<ClaimedOutboxRow[]> {
    const result = await sql<ClaimedOutboxRow>`
      update outbox set lease_until = now() + ${leaseMs} * interval '1 millisecond'
      where id in (
        select o.id from outbox o
        where o.status = 'pending' and o.channel = ${channel} and o.bot = ${bot}
          and o.available_at <= now()
          and (o.lease_until is null or o.lease_until < now())
          and not exists (
            select 1 from outbox older
            where older.status = 'pending'
              and older.channel = o.channel and older.bot = o.bot and older.participant = o.participant
              and older.id < o.id
          )
        order by o.id
        limit ${limit}
        for update skip locked
      )
      returning id, channel, bot, participant, locale, message, attempts`.execute(this.db);
    return result.rows.map((row) => ({ ...row, id: Number(row.id) })).sort((a, b) => a.id - b.id);
  }

  async markSent(id: number): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ status: 'sent', sent_at: sql<Date>`now()`, lease_until: null, last_error: null })
      .where('id', '=', id)
      .execute();
  }

  /** Puts a message back for later: not an attempt (rate limits), or a failed one (`failed: true`). */
  async retryAt(id: number, at: Date, options: { error?: string; failed?: boolean } = {}): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set((eb) => ({
        available_at: at,
        lease_until: null,
        ...(options.failed ? { attempts: eb('attempts', '+', 1) } : {}),
        ...(options.error !== undefined ? { last_error: options.error.slice(0, 500) } : {}),
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Gives up on a message the channel keeps refusing (the bot was blocked, the chat is gone). */
  async markFailed(id: number, error: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'failed',
        lease_until: null,
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 500),
      }))
      .where('id', '=', id)
      .execute();
  }
}
