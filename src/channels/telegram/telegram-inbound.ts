import { isLocale } from '../../domain/locale';
import type { BotName, InboundContent, InboundMessage, MediaRef } from '../../flows/messages';
import { pseudonymFor } from '../../security/pseudonym';
import type { TelegramCallbackQuery, TelegramMessage, TelegramUpdate } from './telegram-update.schema';

/** An update ready for the inbox: the normalized message, its dedupe key and where to reply. */
export interface NormalizedUpdate {
  inbound: InboundMessage;
  dedupeKey: string;
  /** The chat id to reply to; the inbox stores it only encrypted. */
  replyAddress: string;
}

/** Why an update is acknowledged but not stored (a metric label, never personal data). */
export type IgnoredReason = 'unsupported_type' | 'not_private_chat' | 'no_sender' | 'no_button_data';

/**
 * Reduces a validated Telegram update to an `InboundMessage` under the participant's
 * pseudonym. The raw user and chat ids stop here: only the pseudonym and the reply address
 * (encrypted by the inbox) travel further.
 *
 * @example
 * const result = normalizeTelegramUpdate(update, { secret, bot: 'voter', receivedAt: new Date() });
 * if ('ignored' in result) metrics.ignored(result.ignored); else await inbox.acceptOne(result);
 */
export function normalizeTelegramUpdate(
  update: TelegramUpdate,
  options: { secret: string; bot: BotName; receivedAt: Date },
): NormalizedUpdate | { ignored: IgnoredReason } {
  const dedupeKey = String(update.update_id);
  if (update.message) return fromMessage(update.message, dedupeKey, options);
  if (update.callback_query) return fromCallbackQuery(update.callback_query, dedupeKey, options);
  return { ignored: 'unsupported_type' };
}

function fromMessage(
  message: TelegramMessage,
  dedupeKey: string,
  { secret, bot, receivedAt }: { secret: string; bot: BotName; receivedAt: Date },
): NormalizedUpdate | { ignored: IgnoredReason } {
  // Bots are one-to-one: in a group, a voter's choice would be visible to everyone.
  if (!isPrivate(message.chat)) return { ignored: 'not_private_chat' };
  if (!message.from) return { ignored: 'no_sender' };
  const from = message.from;
  return {
    dedupeKey,
    replyAddress: String(message.chat.id),
    inbound: {
      channel: 'telegram',
      bot,
      participant: pseudonymFor(secret, 'telegram', from.id),
      sentAt: new Date(message.date * 1000),
      receivedAt,
      ...(isLocale(from.language_code) ? { clientLocale: from.language_code } : {}),
      signals: signalsOf(from),
      content: contentOf(message),
    },
  };
}

function fromCallbackQuery(
  query: TelegramCallbackQuery,
  dedupeKey: string,
  { secret, bot, receivedAt }: { secret: string; bot: BotName; receivedAt: Date },
): NormalizedUpdate | { ignored: IgnoredReason } {
  if (query.message && !isPrivate(query.message.chat)) return { ignored: 'not_private_chat' };
  if (query.data === undefined) return { ignored: 'no_button_data' };
  return {
    dedupeKey,
    replyAddress: String(query.message?.chat.id ?? query.from.id),
    inbound: {
      channel: 'telegram',
      bot,
      participant: pseudonymFor(secret, 'telegram', query.from.id),
      // A button press carries no date of its own: the time we received it is the best we have.
      sentAt: receivedAt,
      receivedAt,
      ...(isLocale(query.from.language_code) ? { clientLocale: query.from.language_code } : {}),
      signals: signalsOf(query.from),
      content: { kind: 'button', data: query.data, callbackId: query.id },
    },
  };
}

/** Without `type` (Telegram's own documented examples), a user's chat id is positive, a group's negative. */
function isPrivate(chat: { id: number; type?: string | undefined }): boolean {
  return chat.type === undefined ? chat.id > 0 : chat.type === 'private';
}

function signalsOf(from: { is_bot?: boolean | undefined; username?: string; language_code?: string }) {
  return {
    ...(from.is_bot !== undefined ? { isBot: from.is_bot } : {}),
    hasUsername: from.username !== undefined,
    ...(from.language_code ? { languageCode: from.language_code } : {}),
  };
}

function contentOf(message: TelegramMessage): InboundContent {
  const albumId = message.media_group_id;
  if (message.text !== undefined) {
    const command = commandOf(message);
    return command ?? { kind: 'text', text: message.text };
  }
  if (message.photo) {
    // Telegram lists the same photo in several sizes; the ballot check needs the largest.
    const largest = message.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    const media: MediaRef = {
      fileId: largest.file_id,
      uniqueId: largest.file_unique_id,
      width: largest.width,
      height: largest.height,
      ...(largest.file_size !== undefined ? { sizeBytes: largest.file_size } : {}),
      mimeType: 'image/jpeg',
    };
    return {
      kind: 'photo',
      media,
      ...(albumId ? { albumId } : {}),
      ...(message.caption !== undefined ? { caption: message.caption } : {}),
      ...(isForwarded(message) ? { forwarded: true } : {}),
    };
  }
  if (message.document)
    return { kind: 'document', media: mediaOf(message.document), ...(albumId ? { albumId } : {}) };
  if (message.video) return { kind: 'video', media: mediaOf(message.video), ...(albumId ? { albumId } : {}) };
  if (message.sticker) return { kind: 'sticker' };
  if (message.location) return { kind: 'location' };
  // The contact's phone number is deliberately not carried over.
  if (message.contact) return { kind: 'contact' };
  return { kind: 'other' };
}

function isForwarded(message: TelegramMessage): boolean {
  return (
    message.forward_origin !== undefined ||
    message.forward_from !== undefined ||
    message.forward_from_chat !== undefined ||
    message.forward_sender_name !== undefined ||
    message.forward_date !== undefined
  );
}

/** A command-shaped text ("/start", "/start CODE", "/start@dauys_bot"). */
const TYPED_COMMAND = /^\/[A-Za-z][A-Za-z0-9_]*(?:@[A-Za-z0-9_]+)?(?:\s|$)/;

function commandOf(message: TelegramMessage): InboundContent | undefined {
  const text = message.text ?? '';
  // Clients mark commands with a `bot_command` entity, but a pasted or typed "/start" (and
  // Telegram's own documented example update) can come without one: it means the same.
  const isCommand =
    message.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) || TYPED_COMMAND.test(text);
  if (!isCommand || !text.startsWith('/')) return undefined;
  const [head = '', ...rest] = text.slice(1).split(/\s+/);
  // "/start@dauys_bot" in a client that appends the bot's name.
  const command = head.split('@')[0] ?? '';
  return { kind: 'command', command: command.toLowerCase(), args: rest.join(' ').trim() };
}

function mediaOf(file: {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
  mime_type?: string;
  width?: number;
  height?: number;
}): MediaRef {
  return {
    fileId: file.file_id,
    uniqueId: file.file_unique_id,
    ...(file.width !== undefined ? { width: file.width } : {}),
    ...(file.height !== undefined ? { height: file.height } : {}),
    ...(file.file_size !== undefined ? { sizeBytes: file.file_size } : {}),
    ...(file.mime_type !== undefined ? { mimeType: file.mime_type } : {}),
  };
}
