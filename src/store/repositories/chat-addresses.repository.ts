import { sql, type Kysely, type Transaction } from 'kysely';
import type { BotName } from '../../flows/messages';
import type { Database } from '../database-schema';
import { participantColumns, type ParticipantKey } from './participant-key';

export type { ParticipantKey } from './participant-key';

export interface EncryptedAddress extends ParticipantKey {
  addressEncrypted: string;
  addressDigest: string;
}

/**
 * Encrypted reply addresses and edit-in-place panel ids, both keyed by participant and kept
 * apart from everything the participant said or chose (`dauys purge` deletes them).
 */
export class ChatAddressesRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  /** How many participants of a bot can still be written to (the summary's participant count). */
  async countForBot(bot: BotName): Promise<number> {
    const row = await this.db
      .selectFrom('chat_addresses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('bot', '=', bot)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Upserts addresses; an unchanged one (same digest) is not rewritten. One row per participant.
   * The batch is one JSON parameter (see `InboxRepository.insertMany` for why).
   */
  async upsertMany(rows: readonly EncryptedAddress[]): Promise<void> {
    if (rows.length === 0) return;
    // One statement may not touch a row twice: keep the last address per participant.
    const unique = new Map(rows.map((row) => [`${row.channel}/${row.bot}/${row.participant}`, row]));
    const batch = JSON.stringify(
      [...unique.values()].map((row) => ({
        channel: row.channel,
        bot: row.bot,
        participant: row.participant,
        address_encrypted: row.addressEncrypted,
        address_digest: row.addressDigest,
      })),
    );
    await sql`
      insert into chat_addresses (channel, bot, participant, address_encrypted, address_digest)
      select channel, bot, participant, address_encrypted, address_digest
      from jsonb_to_recordset(${batch}::jsonb) as batch(
        channel text, bot text, participant text, address_encrypted text, address_digest text)
      on conflict (channel, bot, participant) do update set
        address_encrypted = excluded.address_encrypted,
        address_digest = excluded.address_digest,
        updated_at = now()
      where chat_addresses.address_digest <> excluded.address_digest`.execute(this.db);
  }

  async findEncrypted(key: ParticipantKey): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('chat_addresses')
      .select('address_encrypted')
      .where((eb) => eb.and(participantColumns(key)))
      .executeTakeFirst();
    return row?.address_encrypted;
  }

  async findPanel(key: ParticipantKey): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('panels')
      .select('panel_ref')
      .where((eb) => eb.and(participantColumns(key)))
      .executeTakeFirst();
    return row?.panel_ref;
  }

  async savePanel(key: ParticipantKey, panelRef: string): Promise<void> {
    await this.db
      .insertInto('panels')
      .values({ ...participantColumns(key), panel_ref: panelRef })
      .onConflict((oc) =>
        oc
          .columns(['channel', 'bot', 'participant'])
          .doUpdateSet({ panel_ref: panelRef, updated_at: sql<Date>`now()` }),
      )
      .execute();
  }

  /** Forgets how to reach a participant (privacy retention, or on their request). */
  async deleteParticipant(key: ParticipantKey): Promise<void> {
    for (const table of ['chat_addresses', 'panels'] as const) {
      await this.db
        .deleteFrom(table)
        .where((eb) => eb.and(participantColumns(key)))
        .execute();
    }
  }
}
