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
  options: {
    secret: string;
    sessionId: string;
    clientMessageId: string;
    locale?: string;
    receivedAt: Date;
    /** The device's clock when the visitor composed a message the page queued offline. */
    deviceSentAt?: Date;
    /** When the active election's polls opened; without one a device date is not used. */
    pollsOpenAt?: Date;
  },
): InboundItem {
  const participant = webchatParticipant(options.secret, options.sessionId);
  const locale = isLocale(options.locale) ? options.locale : undefined;
  const dated =
    options.deviceSentAt && options.pollsOpenAt
      ? deviceDated(options.deviceSentAt, {
          pollsOpenAt: options.pollsOpenAt,
          receivedAt: options.receivedAt,
        })
      : undefined;
  return {
    inbound: {
      channel: 'webchat',
      bot: 'voter',
      participant,
      sentAt: dated ?? options.receivedAt,
      receivedAt: options.receivedAt,
      ...(dated ? { dating: 'device' as const } : {}),
      ...(locale ? { clientLocale: locale } : {}),
      content: contentOf(input),
    },
    dedupeKey: `${participant}:${options.clientMessageId}`,
    // The reply address is the participant itself: the mailbox is keyed by it, and no session id is stored.
    replyAddress: participant,
  };
}

/**
 * The date of a message the page queued offline, from the device's clock, clamped to
 * [polls open, arrival]: a phone's clock can be wrong (never set, another time zone, a dead
 * battery) or forged, so it may move a vote only within the window in which it could truly have
 * been cast. Earlier than the polls opened becomes their opening (the voter did write it, offline,
 * that day); later than its arrival becomes the arrival (nothing is sent after it arrives).
 *
 * @example
 * deviceDated(new Date('2021-01-10T01:00:00Z'), { pollsOpenAt: new Date('2021-01-10T01:00:00Z'), receivedAt }); // kept
 */
export function deviceDated(deviceSentAt: Date, window: { pollsOpenAt: Date; receivedAt: Date }): Date {
  const at = Number.isNaN(deviceSentAt.getTime()) ? window.receivedAt.getTime() : deviceSentAt.getTime();
  const earliest = Math.min(window.pollsOpenAt.getTime(), window.receivedAt.getTime());
  return new Date(Math.min(Math.max(at, earliest), window.receivedAt.getTime()));
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
