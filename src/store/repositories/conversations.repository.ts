import type { Kysely, Transaction } from 'kysely';
import type { BotName, ChannelName } from '../../flows/messages';
import type { Database } from '../database-schema';

export interface ConversationKey {
  channel: ChannelName;
  bot: BotName;
  participant: string;
}

/** All I/O for conversation states (one JSON document per participant and bot). */
export class ConversationsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  async load(key: ConversationKey): Promise<Record<string, unknown> | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .select('state')
      .where('channel', '=', key.channel)
      .where('bot', '=', key.bot)
      .where('participant', '=', key.participant)
      .executeTakeFirst();
    return row?.state;
  }

  async save(key: ConversationKey, state: object): Promise<void> {
    const json = JSON.stringify(state);
    await this.db
      .insertInto('conversations')
      .values({ ...key, state: json })
      .onConflict((oc) =>
        oc.columns(['channel', 'bot', 'participant']).doUpdateSet({ state: json, updated_at: new Date() }),
      )
      .execute();
  }

  async delete(key: ConversationKey): Promise<void> {
    await this.db
      .deleteFrom('conversations')
      .where('channel', '=', key.channel)
      .where('bot', '=', key.bot)
      .where('participant', '=', key.participant)
      .execute();
  }
}
