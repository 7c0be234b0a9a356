import { isLocale } from '../../domain/locale';
import type { InboundContent } from '../../flows/messages';
import { pseudonymFor } from '../../security/pseudonym';
import type { InboundItem } from '../webhook-channel';

/** What the page sends: typed text, a command, or a button press. */
export type WebchatInput =
  { kind: 'text'; text: string } | { kind: 'command'; command: string } | { kind: 'button'; data: string };

/** The web chat session's keyed pseudonym: the participant, exactly as a Telegram user id's would be. */
export function webchatParticipant(secret: string, sessionId: string): string {
  return pseudonymFor(secret, 'webchat', sessionId);
}

/**
 * The web chat's inbound side, the same shape the Telegram and WhatsApp adapters produce: the
 * session id stops here (only its pseudonym travels on), and a retried `clientMessageId` has the
 * same dedupe key, so the inbox stores it once.
 *
 * @example
 * normalizeWebchatInput({ kind: 'button', data: 'region:r1' }, { secret, sessionId, clientMessageId: 'm1', receivedAt: new Date() });
 */
export function normalizeWebchatInput(
  input: WebchatInput | { kind: 'photo'; media: { fileId: string; sizeBytes: number; mimeType: string } },
  options: { secret: string; sessionId: string; clientMessageId: string; locale?: string; receivedAt: Date },
): InboundItem {
  const participant = webchatParticipant(options.secret, options.sessionId);
  const locale = isLocale(options.locale) ? options.locale : undefined;
  return {
    inbound: {
      channel: 'webchat',
      bot: 'voter',
      participant,
      sentAt: options.receivedAt,
      receivedAt: options.receivedAt,
      ...(locale ? { clientLocale: locale } : {}),
      content: contentOf(input),
    },
    dedupeKey: `${participant}:${options.clientMessageId}`,
    // The reply address is the participant itself: the mailbox is keyed by it, and no session id is stored.
    replyAddress: participant,
  };
}

function contentOf(input: Parameters<typeof normalizeWebchatInput>[0]): InboundContent {
  switch (input.kind) {
    case 'command':
      return { kind: 'command', command: input.command.toLowerCase(), args: '' };
    case 'button':
      return { kind: 'button', data: input.data };
    case 'photo':
      return { kind: 'photo', media: input.media };
    case 'text':
      return { kind: 'text', text: input.text };
  }
}
