import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  normalizeWebchatInput,
  webchatParticipant,
  type WebchatInput,
} from '../channels/webchat/webchat-inbound';
import type { Database } from '../store/database-schema';
import { WebchatRepository, type WebchatMessage } from '../store/repositories/webchat.repository';
import type { InboxService } from './inbox.service';

/** Largest photo the web chat accepts (phones' JPEGs are 2–6 MB; Telegram's own cap is 20 MB). */
export const WEBCHAT_MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const WEBCHAT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export type { WebchatInput } from '../channels/webchat/webchat-inbound';

/**
 * The web chat as a channel: an anonymous session (a random id in an HttpOnly cookie) stands
 * for the user; its keyed pseudonym is the participant, exactly as a Telegram user id would be.
 * Messages go through the same inbox → flow → outbox path as every bot; the 'webchat' sender
 * writes the rendered replies into a mailbox the page polls.
 *
 * @example
 * const session = WebchatService.newSessionId();
 * await app.webchat.submit(session, { kind: 'command', command: 'start' }, { clientMessageId: 'm1', locale: 'ru' });
 * await app.webchat.messagesAfter(session, 0); // [{ id, version, text, buttons }]
 */
export class WebchatService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly secret: string,
    private readonly inbox: InboxService,
  ) {}

  static newSessionId(): string {
    return crypto.randomBytes(24).toString('base64url');
  }

  static isSessionId(value: unknown): value is string {
    return typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value);
  }

  participantOf(sessionId: string): string {
    return webchatParticipant(this.secret, sessionId);
  }

  /** Queues a message from the page; a retried `clientMessageId` is stored once. */
  async submit(
    sessionId: string,
    input: WebchatInput,
    options: { clientMessageId: string; locale?: string },
  ): Promise<void> {
    await this.accept(sessionId, input, options);
  }

  /** Stores an uploaded photo and queues it as the participant's photo message. */
  async submitPhoto(
    sessionId: string,
    photo: { bytes: Buffer; mimeType: string },
    options: { clientMessageId: string; locale?: string },
  ): Promise<void> {
    const key = `wc_${crypto.randomBytes(18).toString('base64url')}`;
    await new WebchatRepository(this.db).saveUpload(
      key,
      this.participantOf(sessionId),
      photo.mimeType,
      photo.bytes,
    );
    const media = { fileId: key, sizeBytes: photo.bytes.length, mimeType: photo.mimeType };
    await this.accept(sessionId, { kind: 'photo', media }, options);
  }

  async messagesAfter(sessionId: string, version: number): Promise<WebchatMessage[]> {
    return new WebchatRepository(this.db).messagesAfter(this.participantOf(sessionId), version);
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

  private async accept(
    sessionId: string,
    input: Parameters<typeof normalizeWebchatInput>[0],
    options: { clientMessageId: string; locale?: string },
  ): Promise<void> {
    await this.inbox.acceptOne(
      normalizeWebchatInput(input, { ...options, secret: this.secret, sessionId, receivedAt: new Date() }),
    );
  }
}
