import { sql, type Kysely, type Transaction } from 'kysely';
import type { BotName, ChannelName } from '../../flows/messages';
import type { Database } from '../database-schema';

export interface NewInboxRow {
  channel: ChannelName;
  bot: BotName;
  dedupeKey: string;
  participant: string;
  message: Record<string, unknown>;
  sentAt: Date;
  receivedAt: Date;
}

export interface ClaimedInboxRow {
  id: number;
  channel: ChannelName;
  bot: BotName;
  participant: string;
  message: Record<string, unknown>;
  attempts: number;
}

/** All I/O of the inbox table: insert with dedupe, claim in order per participant, settle. */
export class InboxRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /**
   * Inserts new rows; a row whose (channel, bot, dedupe_key) exists is skipped.
   * Returns the dedupe keys that were stored (the rest were duplicates).
   */
  async insertMany(rows: readonly NewInboxRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const stored = await this.db
      .insertInto('inbox')
      .values(
        rows.map((row) => ({
          channel: row.channel,
          bot: row.bot,
          dedupe_key: row.dedupeKey,
          participant: row.participant,
          message: JSON.stringify(row.message),
          sent_at: row.sentAt,
          received_at: row.receivedAt,
        })),
      )
      .onConflict((oc) => oc.columns(['channel', 'bot', 'dedupe_key']).doNothing())
      .returning(['channel', 'bot', 'dedupe_key'])
      .execute();
    return new Set(stored.map((row) => `${row.channel}/${row.bot}/${row.dedupe_key}`));
  }

  /**
   * Locks up to `limit` rows that may be processed now: for each participant, only the oldest
   * pending row, and only if no other worker holds it (SKIP LOCKED). One participant's rows are
   * therefore never processed concurrently nor out of order, with any number of workers.
   * Must run inside the transaction that settles the rows.
   */
  async claimNext(limit: number, onlyId?: number): Promise<ClaimedInboxRow[]> {
    const result = await sql<ClaimedInboxRow>`
      select i.id, i.channel, i.bot, i.participant, i.message, i.attempts
      from inbox i
      where i.status = 'pending'
        and i.available_at <= now()
        ${onlyId === undefined ? sql`` : sql`and i.id = ${onlyId}`}
        and not exists (
          select 1 from inbox older
          where older.status = 'pending'
            and older.channel = i.channel and older.bot = i.bot and older.participant = i.participant
            and older.id < i.id
        )
      order by i.id
      limit ${limit}
      for update of i skip locked`.execute(this.db);
    return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  /** Marks rows processed and drops their content: only the dedupe key is kept. */
  async markDone(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('inbox')
      .set({ status: 'done', processed_at: sql<Date>`now()`, message: null, last_error: null })
      .where('id', 'in', ids)
      .execute();
  }

  /** Records a failed attempt: retried after `retryAt`, or given up on (`dead`) when out of attempts. */
  async recordFailure(id: number, error: string, retryAt: Date | 'dead'): Promise<void> {
    await this.db
      .updateTable('inbox')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 500),
        ...(retryAt === 'dead'
          ? { status: 'dead' as const, processed_at: sql<Date>`now()` }
          : { available_at: retryAt }),
      }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
  }

  async countPending(): Promise<number> {
    const row = await this.db
      .selectFrom('inbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** When the next delayed row becomes due, to sleep until then rather than poll. */
  async nextDueAt(): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom('inbox')
      .select((eb) => eb.fn.min('available_at').as('due'))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return row?.due ? new Date(row.due) : undefined;
  }
}
