import { sql, type Kysely, type Transaction } from 'kysely';
import type { BotName, ChannelName } from '../../flows/messages';
import type { Database } from '../database-schema';
import type { ParticipantKey } from './participant-key';

export interface NewInboxRow {
  channel: ChannelName;
  bot: BotName;
  dedupeKey: string;
  participant: string;
  message: Record<string, unknown>;
  sentAt: Date;
  receivedAt: Date;
}

/** A claimed row: whose it is (the participant key) and what it carries. */
export interface ClaimedInboxRow extends ParticipantKey {
  id: number;
  message: Record<string, unknown>;
  attempts: number;
}

/** All I/O of the inbox table: insert with dedupe, claim in order per participant, settle. */
export class InboxRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /**
   * Inserts new rows; a row whose (channel, bot, dedupe_key) exists is skipped.
   * Returns the dedupe keys that were stored (the rest were duplicates).
   *
   * The whole batch travels as ONE jsonb parameter unpacked by `jsonb_to_recordset`, rather
   * than a 500-row VALUES list of 3,500 bind parameters: measured per stored row (batches of
   * 200, CPU of the node process), PGlite 83 µs vs 119 µs, PostgreSQL 14 µs vs 19 µs; `unnest`
   * of arrays and `json_to_recordset` were in between. Rows keep their array order, so ids stay
   * in arrival order.
   */
  async insertMany(rows: readonly NewInboxRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const batch = JSON.stringify(
      rows.map((row) => ({
        channel: row.channel,
        bot: row.bot,
        dedupe_key: row.dedupeKey,
        participant: row.participant,
        message: row.message,
        sent_at: row.sentAt,
        received_at: row.receivedAt,
      })),
    );
    const stored = await sql<{ channel: string; bot: string; dedupe_key: string }>`
      insert into inbox (channel, bot, dedupe_key, participant, message, sent_at, received_at)
      select channel, bot, dedupe_key, participant, message, sent_at, received_at
      from jsonb_to_recordset(${batch}::jsonb) as batch(
        channel text, bot text, dedupe_key text, participant text, message jsonb,
        sent_at timestamptz, received_at timestamptz)
      on conflict (channel, bot, dedupe_key) do nothing
      returning channel, bot, dedupe_key`.execute(this.db);
    return new Set(stored.rows.map((row) => `${row.channel}/${row.bot}/${row.dedupe_key}`));
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
