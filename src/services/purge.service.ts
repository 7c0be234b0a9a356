import { sql, type Kysely } from 'kysely';
import { pollsWindow } from '../domain/election/election-times';
import { DauysError } from '../errors';
import type { Database } from '../store/database-schema';
import type { ElectionService } from './election.service';

export interface PurgeReport {
  election: string;
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

/**
 * `dauys purge <election>`: privacy retention once an election is over. It deletes what could
 * lead from a report back to a person — the encrypted chat addresses, conversation states, the
 * web chat's mailboxes, queued message contents, and the observers' encrypted contacts — and
 * unlinks photos from their senders. What remains (votes under a ballot-only key, protocols,
 * photos without metadata, aggregates) is the evidence, and it no longer reaches anyone.
 */
export class PurgeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly elections: ElectionService,
  ) {}

  /**
   * Refuses while the election still accepts messages (polls open or the grace period for late
   * ones), unless `force` — purging then would also forget voters who are about to come back.
   *
   * @example
   * await purge.purge('kz-2021-mazhilis', { now: new Date() });
   */
  async purge(slug: string, options: { now?: Date; force?: boolean } = {}): Promise<PurgeReport> {
    const election = await this.elections.require(slug);
    const { lateMessagesUntil } = pollsWindow(election.definition);
    const now = options.now ?? new Date();
    if (!options.force && now < lateMessagesUntil) {
      throw new DauysError(
        'DAUYS_ERR_CONFLICT',
        `election "${slug}" still accepts late messages until ${lateMessagesUntil.toISOString()}; purge after that, or pass --force`,
      );
    }
    return this.db.transaction().execute(async (tx) => {
      const observerParticipants = tx
        .selectFrom('observers')
        .select('participant')
        .where('election_id', '=', election.id);
      // The voter bot serves one election at a time, so every voter-bot participant is this election's.
      const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) =>
        Number(result.numDeletedRows ?? result.numUpdatedRows ?? 0);
      const chatAddresses = await tx
        .deleteFrom('chat_addresses')
        .where((eb) => eb.or([eb('bot', '=', 'voter'), eb('participant', 'in', observerParticipants)]))
        .executeTakeFirst();
      const conversations = await tx
        .deleteFrom('conversations')
        .where('bot', '=', 'voter')
        .executeTakeFirst();
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
        .where('election_id', '=', election.id)
        .where('contact_encrypted', 'is not', null)
        .executeTakeFirst();
      await tx
        .updateTable('observer_invites')
        .set({ contact_encrypted: null })
        .where('election_id', '=', election.id)
        .execute();
      return {
        election: slug,
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
    });
  }
}
