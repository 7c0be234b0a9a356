import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { webchatParticipant } from '../channels/webchat/webchat-inbound';
import type { InlineMediaStore } from '../channels/webhook-channel';
import { pollsWindow } from '../domain/election/election-times';
import type { ActiveElectionService } from './active-election.service';
import type { Database } from '../store/database-schema';
import { WebchatRepository, type WebchatMessage } from '../store/repositories/webchat.repository';

/**
 * The web chat's storage as a channel: an anonymous session (a random id in an HttpOnly cookie)
 * stands for the user; its keyed pseudonym is the participant, exactly as a Telegram user id
 * would be. The page's messages go through the one webhook plugin into the same inbox → flow →
 * outbox path as every bot (photos stored here first, as uploads); the 'webchat' sender writes
 * the rendered replies into the mailbox the page polls.
 *
 * @example
 * await app.webchat.saveUpload(participant, 'image/jpeg', bytes); // 'wc_…', the photo's fileId
 * await app.webchat.messagesAfter(sessionId, 0); // [{ id, version, text, buttons }]
 */
export class WebchatService implements InlineMediaStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly secret: string,
    private readonly activeElections?: Pick<ActiveElectionService, 'current'>,
  ) {}

  /** When the active election's polls opened: a device date is clamped to it (none: not used). */
  async pollsOpenAt(): Promise<Date | undefined> {
    const election = await this.activeElections?.current(this.db);
    return election && pollsWindow(election.definition).opensAt;
  }

  /** Stores an uploaded photo under a new random key, the `fileId` its message carries. */
  async saveUpload(participant: string, mimeType: string, bytes: Buffer): Promise<string> {
    const key = `wc_${crypto.randomBytes(18).toString('base64url')}`;
    await new WebchatRepository(this.db).saveUpload(key, participant, mimeType, bytes);
    return key;
  }

  async messagesAfter(sessionId: string, version: number): Promise<WebchatMessage[]> {
    return new WebchatRepository(this.db).messagesAfter(webchatParticipant(this.secret, sessionId), version);
  }

  /** The mailbox side, for the 'webchat' sender (addressed by participant). */
  async deliver(
    participant: string,
    message: { text: string; buttons: WebchatMessage['buttons']; notice: boolean },
    panelRef: string | undefined,
  ): Promise<string> {
    const repository = new WebchatRepository(this.db);
    if (panelRef && (await repository.editMessage(participant, Number(panelRef), message))) return panelRef;
    return String(await repository.insertMessage(participant, message));
  }

  /** The bytes of an upload, for the 'webchat' media fetcher. */
  async upload(key: string): Promise<{ bytes: Buffer; mimeType: string } | undefined> {
    return new WebchatRepository(this.db).findUpload(key);
  }
}
