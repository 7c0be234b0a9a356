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
  options: { secret: string; botsByPhoneId: ReadonlyMap<string, BotName>; receivedAt: Date },
): NormalizedWhatsAppMessage[] {
  const items: NormalizedWhatsAppMessage[] = [];
  for (const entry of webhook.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const bot = options.botsByPhoneId.get(change.value.metadata.phone_number_id);
      if (!bot) continue;
      for (const message of change.value.messages ?? []) {
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
