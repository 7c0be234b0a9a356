import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database-schema';

export interface WebchatMessage {
  id: number;
  version: number;
  text: string;
  buttons: Array<Array<{ label: string; data: string }>>;
  notice: boolean;
}

/** All I/O for the web chat's mailbox and uploads. */
export class WebchatRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  async insertMessage(participant: string, message: Omit<WebchatMessage, 'id' | 'version'>): Promise<number> {
    const row = await this.db
      .insertInto('webchat_messages')
      .values({
        participant,
        text: message.text,
        buttons: JSON.stringify(message.buttons),
        notice: message.notice,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Rewrites a message in place (the panel); false when it is not this participant's. */
  async editMessage(
    participant: string,
    id: number,
    message: Omit<WebchatMessage, 'id' | 'version' | 'notice'>,
  ) {
    const result = await this.db
      .updateTable('webchat_messages')
      .set({
        text: message.text,
        buttons: JSON.stringify(message.buttons),
        version: sql<number>`nextval('webchat_message_version')`,
      })
      .where('id', '=', id)
      .where('participant', '=', participant)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Messages new or edited after `version`, oldest change first. */
  async messagesAfter(participant: string, version: number, limit = 100): Promise<WebchatMessage[]> {
    const rows = await this.db
      .selectFrom('webchat_messages')
      .select(['id', 'version', 'text', 'buttons', 'notice'])
      .where('participant', '=', participant)
      .where('version', '>', version)
      .orderBy('version')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...row, version: Number(row.version) }));
  }

  async saveUpload(key: string, participant: string, mimeType: string, bytes: Buffer): Promise<void> {
    await this.db
      .insertInto('webchat_uploads')
      .values({ key, participant, mime_type: mimeType, bytes })
      .execute();
  }

  async findUpload(key: string): Promise<{ bytes: Buffer; mimeType: string } | undefined> {
    const row = await this.db
      .selectFrom('webchat_uploads')
      .select(['bytes', 'mime_type'])
      .where('key', '=', key)
      .executeTakeFirst();
    return row && { bytes: row.bytes, mimeType: row.mime_type };
  }

  /** Removes everything of one participant (`/delete`, purge). */
  async deleteParticipant(participant: string): Promise<void> {
    await this.db.deleteFrom('webchat_messages').where('participant', '=', participant).execute();
    await this.db.deleteFrom('webchat_uploads').where('participant', '=', participant).execute();
  }
}
