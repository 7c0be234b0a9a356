import type { BotName, InboundContent, InboundMessage, MediaRef } from '../../flows/messages';
import { pseudonymFor } from '../../security/pseudonym';
import type { WhatsAppMessage, WhatsAppWebhook } from './whatsapp-webhook.schema';

/** A message ready for the inbox (the same shape the Telegram adapter produces). */
export interface NormalizedWhatsAppMessage {
  inbound: InboundMessage;
  /** The Cloud API's message id (`wamid.…`): unique, and what Meta redelivers. */
  dedupeKey: string;
  /** The sender's phone number (`wa_id`); the inbox stores it only encrypted. */
  replyAddress: string;
}

/** Why a message in a delivery is acknowledged but not stored (logged and counted, never personal data). */
export type WhatsAppIgnoredReason = 'unknown_phone_number' | 'reaction';

export interface WhatsAppIgnored {
  reason: WhatsAppIgnoredReason;
  /** The business number's id that received it (ours or a misconfigured one), never the sender's. */
  phoneNumberId: string;
}

/**
 * Reduces a validated webhook (possibly several entries and messages) to inbound messages,
 * each for the bot whose phone-number id received it. Statuses and messages to a number that
 * is not ours are dropped. Phone numbers stop here: only the pseudonym travels on.
 *
 * @example
 * const items = normalizeWhatsAppWebhook(body, { secret, botsByPhoneId: new Map([['1055', 'observer']]), receivedAt: new Date() });
 * await app.inbox.accept(items);
 */
export function normalizeWhatsAppWebhook(
  webhook: WhatsAppWebhook,
  options: {
    secret: string;
    botsByPhoneId: ReadonlyMap<string, BotName>;
    receivedAt: Date;
    onIgnored?: (ignored: WhatsAppIgnored) => void;
  },
): NormalizedWhatsAppMessage[] {
  const items: NormalizedWhatsAppMessage[] = [];
  for (const entry of webhook.entry) {
    for (const change of entry.changes) {
      // Other fields (account_update, templates, …) say nothing a conversation needs.
      if (change.field !== 'messages' || !change.value.metadata) continue;
      const phoneNumberId = change.value.metadata.phone_number_id;
      const bot = options.botsByPhoneId.get(phoneNumberId);
      for (const message of change.value.messages ?? []) {
        if (!bot) {
          options.onIgnored?.({ reason: 'unknown_phone_number', phoneNumberId });
          continue;
        }
        // A reaction (or its removal, an empty emoji) is no answer to any question the bots ask.
        if (message.type === 'reaction') {
          options.onIgnored?.({ reason: 'reaction', phoneNumberId });
          continue;
        }
        items.push({
          dedupeKey: message.id,
          replyAddress: message.from,
          inbound: {
            channel: 'whatsapp',
            bot,
            participant: pseudonymFor(options.secret, 'whatsapp', message.from),
            sentAt: new Date(Number(message.timestamp) * 1000),
            receivedAt: options.receivedAt,
            content: contentOf(message),
          },
        });
      }
    }
  }
  return items;
}

function mediaRef(media: { id: string; mime_type?: string | undefined }): MediaRef {
  return { fileId: media.id, ...(media.mime_type ? { mimeType: media.mime_type } : {}) };
}

function contentOf(message: WhatsAppMessage): InboundContent {
  switch (message.type) {
    case 'text': {
      const body = message.text?.body ?? '';
      // WhatsApp has no commands; "/start CODE" typed (or prefilled by a wa.me link) is one.
      const command = /^\/([A-Za-z_]+)(?:\s+([\s\S]*))?$/.exec(body.trim());
      if (command?.[1])
        return { kind: 'command', command: command[1].toLowerCase(), args: (command[2] ?? '').trim() };
      return { kind: 'text', text: body };
    }
    case 'interactive': {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      return reply ? { kind: 'button', data: reply.id } : { kind: 'other' };
    }
    case 'button':
      return message.button?.payload ? { kind: 'button', data: message.button.payload } : { kind: 'other' };
    case 'image':
      return message.image
        ? {
            kind: 'photo',
            media: mediaRef(message.image),
            ...(message.image.caption ? { caption: message.image.caption } : {}),
            ...(message.context?.forwarded || message.context?.frequently_forwarded
              ? { forwarded: true }
              : {}),
          }
        : { kind: 'other' };
    case 'video':
      return message.video ? { kind: 'video', media: mediaRef(message.video) } : { kind: 'other' };
    case 'document':
      return message.document ? { kind: 'document', media: mediaRef(message.document) } : { kind: 'other' };
    case 'sticker':
      return { kind: 'sticker' };
    case 'location':
      return { kind: 'location' };
    // The shared contact's phone number is deliberately not carried over.
    case 'contacts':
      return { kind: 'contact' };
    default:
      return { kind: 'other' };
  }
}
