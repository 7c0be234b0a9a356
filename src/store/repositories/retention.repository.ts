import { sql, type Transaction } from 'kysely';
import type { Database } from '../database-schema';

/** How many rows each step of a purge deleted or cleared. */
export interface RetentionCounts {
  chatAddresses: number;
  conversations: number;
  panels: number;
  webchatMessages: number;
  webchatUploads: number;
  inboxMessagesCleared: number;
  outboxRemoved: number;
  mediaUnlinked: number;
  observerContacts: number;
}

const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) =>
  Number(result.numDeletedRows ?? result.numUpdatedRows ?? 0);

/**
 * Privacy retention's I/O: everything that could lead from a report back to a person, deleted
 * or cleared across the tables that hold it. Only inside the caller's transaction — a purge is
 * all or nothing.
 */
export class RetentionRepository {
  constructor(private readonly tx: Transaction<Database>) {}

  /**
   * Forgets the voter bot's participants (it serves one election at a time, so every one is this
   * election's) and this election's observers' addresses and contacts; unlinks photos from senders.
   */
  async purgeContacts(electionId: number): Promise<RetentionCounts> {
    const tx = this.tx;
    const observerParticipants = tx
      .selectFrom('observers')
      .select('participant')
      .where('election_id', '=', electionId);
    const chatAddresses = await tx
      .deleteFrom('chat_addresses')
      .where((eb) => eb.or([eb('bot', '=', 'voter'), eb('participant', 'in', observerParticipants)]))
      .executeTakeFirst();
    const conversations = await tx.deleteFrom('conversations').where('bot', '=', 'voter').executeTakeFirst();
    const panels = await tx
      .deleteFrom('panels')
      .where((eb) => eb.or([eb('bot', '=', 'voter'), eb('participant', 'in', observerParticipants)]))
      .executeTakeFirst();
    const webchatMessages = await tx.deleteFrom('webchat_messages').executeTakeFirst();
    const webchatUploads = await tx.deleteFrom('webchat_uploads').executeTakeFirst();
    const inbox = await tx
      .updateTable('inbox')
      .set({ message: null })
      .where('message', 'is not', null)
      .where('status', '!=', 'pending')
      .executeTakeFirst();
    const outbox = await tx.deleteFrom('outbox').where('status', '!=', 'pending').executeTakeFirst();
    const media = await tx
      .updateTable('media_items')
      .set({ participant: sql<string>`'purged'` })
      .where('participant', '!=', 'purged')
      .executeTakeFirst();
    const observerContacts = await tx
      .updateTable('observers')
      .set({ contact_encrypted: null })
      .where('election_id', '=', electionId)
      .where('contact_encrypted', 'is not', null)
      .executeTakeFirst();
    await tx
      .updateTable('observer_invites')
      .set({ contact_encrypted: null })
      .where('election_id', '=', electionId)
      .execute();
    return {
      chatAddresses: count(chatAddresses),
      conversations: count(conversations),
      panels: count(panels),
      webchatMessages: count(webchatMessages),
      webchatUploads: count(webchatUploads),
      inboxMessagesCleared: count(inbox),
      outboxRemoved: count(outbox),
      mediaUnlinked: count(media),
      observerContacts: count(observerContacts),
    };
  }
}
