import { z } from 'zod';

/**
 * The part of a Telegram `Update` the voter and observer bots read, validated at the webhook.
 * Loose objects: Telegram adds fields every Bot API release, and an unknown field must not turn
 * a good update into a 400 (Telegram would retry it forever). Only what every well-formed update
 * carries is required: Telegram's own documented examples leave out `is_bot` and `chat.type`.
 */
const user = z.looseObject({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

const chat = z.looseObject({ id: z.number().int(), type: z.string().optional() });

const photoSize = z.looseObject({
  file_id: z.string().min(1),
  file_unique_id: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  file_size: z.number().int().optional(),
});

const file = z.looseObject({
  file_id: z.string().min(1),
  file_unique_id: z.string(),
  file_size: z.number().int().optional(),
  mime_type: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
});

const entity = z.looseObject({ type: z.string(), offset: z.number().int(), length: z.number().int() });

export const telegramMessageSchema = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  entities: z.array(entity).optional(),
  caption: z.string().optional(),
  media_group_id: z.string().optional(),
  photo: z.array(photoSize).min(1).optional(),
  document: file.optional(),
  video: file.optional(),
  sticker: z.looseObject({}).optional(),
  location: z.looseObject({}).optional(),
  contact: z.looseObject({}).optional(),
  // Set on a forwarded message: Bot API 7+ sends `forward_origin`, older clients the rest.
  forward_origin: z.looseObject({}).optional(),
  forward_from: z.looseObject({}).optional(),
  forward_from_chat: z.looseObject({}).optional(),
  forward_sender_name: z.string().optional(),
  forward_date: z.number().int().optional(),
});

export const telegramCallbackQuerySchema = z.looseObject({
  id: z.string().min(1),
  from: user,
  // Absent for inline-mode buttons; `chat` is present even on inaccessible (old) messages.
  message: z.looseObject({ message_id: z.number().int(), chat }).optional(),
  data: z.string().optional(),
});

export const telegramUpdateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: telegramMessageSchema.optional(),
  callback_query: telegramCallbackQuerySchema.optional(),
});

export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;
export type TelegramMessage = z.infer<typeof telegramMessageSchema>;
export type TelegramCallbackQuery = z.infer<typeof telegramCallbackQuerySchema>;
