import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database-schema';
import { participantColumns, type ParticipantKey } from './participant-key';

/** A conversation is one participant's with one bot. */
export type ConversationKey = ParticipantKey;

/** All I/O for conversation states (one JSON document per participant and bot). */
export class ConversationsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  async load(key: ConversationKey): Promise<Record<string, unknown> | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .select('state')
      .where((eb) => eb.and(participantColumns(key)))
      .executeTakeFirst();
    return row?.state;
  }

  /** The saved states of several participants, in one statement; absent ones are left out. */
  async loadMany(
    keys: readonly ConversationKey[],
  ): Promise<Array<{ key: ConversationKey; state: Record<string, unknown> }>> {
    if (keys.length === 0) return [];
    const rows = await this.db
      .selectFrom('conversations')
      .select(['channel', 'bot', 'participant', 'state'])
      .where((eb) =>
        eb(
          eb.refTuple('channel', 'bot', 'participant'),
          'in',
          keys.map((key) => eb.tuple(key.channel, key.bot, key.participant)),
        ),
      )
      .execute();
    return rows.map(({ state, ...key }) => ({ key: key as ConversationKey, state }));
  }

  /** Saves several states in one statement; each key at most once (one statement may not touch a row twice). */
  async saveMany(entries: ReadonlyArray<{ key: ConversationKey; state: object }>): Promise<void> {
    if (entries.length === 0) return;
    await this.db
      .insertInto('conversations')
      .values(entries.map(({ key, state }) => ({ ...key, state: JSON.stringify(state) })))
      .onConflict((oc) =>
        oc
          .columns(['channel', 'bot', 'participant'])
          .doUpdateSet({ state: (eb) => eb.ref('excluded.state'), updated_at: new Date() }),
      )
      .execute();
  }

  async delete(key: ConversationKey): Promise<void> {
    await this.db
      .deleteFrom('conversations')
      .where((eb) => eb.and(participantColumns(key)))
      .execute();
  }
}
