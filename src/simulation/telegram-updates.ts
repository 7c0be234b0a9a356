/**
 * Builders for Telegram `Update` JSON as the Bot API posts it to a webhook: one factory per
 * test keeps `update_id` and `message_id` increasing like Telegram does.
 *
 * @example
 * const updates = telegramUpdates();
 * const voter = telegramUser(501);
 * await server.postUpdate(updates.command(voter, 'start'));
 * await server.postUpdate(updates.callback(voter, 'region:01', { messageId: 1 }));
 * await server.postUpdate(updates.photo(voter, { fileId: 'ballot-1', width: 1280, height: 960 }));
 */
export interface TelegramTestUser {
  id: number;
  firstName: string;
  username?: string;
  languageCode?: string;
  isBot?: boolean;
}

/** A private-chat user; the chat id equals the user id, as in Telegram. */
export function telegramUser(
  id: number,
  options: Partial<Omit<TelegramTestUser, 'id'>> = {},
): TelegramTestUser {
  return { id, firstName: options.firstName ?? `User ${id}`, ...options };
}

export type TelegramUpdateJson = Record<string, unknown> & { update_id: number };

export function telegramUpdates(options: { firstUpdateId?: number; now?: () => number } = {}) {
  let updateId = options.firstUpdateId ?? 100_000;
  let messageId = 1;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));

  const from = (user: TelegramTestUser) => ({
    id: user.id,
    is_bot: user.isBot ?? false,
    first_name: user.firstName,
    ...(user.username ? { username: user.username } : {}),
    ...(user.languageCode ? { language_code: user.languageCode } : {}),
  });
  const chat = (user: TelegramTestUser) => ({ id: user.id, type: 'private', first_name: user.firstName });
  const message = (user: TelegramTestUser, body: Record<string, unknown>, date?: number) => ({
    update_id: updateId++,
    message: { message_id: messageId++, date: date ?? now(), chat: chat(user), from: from(user), ...body },
  });

  return {
    /** The next update_id that will be used (to craft duplicates or gaps). */
    peekUpdateId: () => updateId,
    text: (user: TelegramTestUser, text: string, options: { date?: number } = {}): TelegramUpdateJson =>
      message(user, { text }, options.date),
    command: (user: TelegramTestUser, command: string, args = ''): TelegramUpdateJson => {
      const text = `/${command}${args ? ` ${args}` : ''}`;
      return message(user, {
        text,
        entities: [{ type: 'bot_command', offset: 0, length: command.length + 1 }],
      });
    },
    callback: (
      user: TelegramTestUser,
      data: string,
      options: { messageId?: number; callbackId?: string } = {},
    ): TelegramUpdateJson => ({
      update_id: updateId++,
      callback_query: {
        id: options.callbackId ?? `cb-${updateId}`,
        from: from(user),
        chat_instance: `ci-${user.id}`,
        data,
        message: {
          message_id: options.messageId ?? 1,
          date: now(),
          chat: chat(user),
          from: { id: 7_000_000_001, is_bot: true, first_name: 'Dauys test bot' },
          text: 'panel',
        },
      },
    }),
    /** A photo in Telegram's several sizes; the largest carries `fileId`. */
    photo: (
      user: TelegramTestUser,
      photo: {
        fileId: string;
        width?: number;
        height?: number;
        sizeBytes?: number;
        caption?: string;
        albumId?: string;
      },
    ): TelegramUpdateJson => {
      const width = photo.width ?? 1280;
      const height = photo.height ?? 960;
      return message(user, {
        photo: [
          // Telegram's smaller renditions come first; the bots must pick the largest.
          {
            file_id: `${photo.fileId}-small`,
            file_unique_id: `s-${photo.fileId}`,
            width: Math.max(1, Math.round(width / 4)),
            height: Math.max(1, Math.round(height / 4)),
          },
          {
            file_id: photo.fileId,
            file_unique_id: `u-${photo.fileId}`,
            width,
            height,
            ...(photo.sizeBytes !== undefined ? { file_size: photo.sizeBytes } : {}),
          },
        ],
        ...(photo.caption !== undefined ? { caption: photo.caption } : {}),
        ...(photo.albumId !== undefined ? { media_group_id: photo.albumId } : {}),
      });
    },
    document: (user: TelegramTestUser, file: { fileId: string; mimeType?: string; sizeBytes?: number }) =>
      message(user, {
        document: {
          file_id: file.fileId,
          file_unique_id: `u-${file.fileId}`,
          mime_type: file.mimeType ?? 'image/jpeg',
          ...(file.sizeBytes !== undefined ? { file_size: file.sizeBytes } : {}),
        },
      }),
    sticker: (user: TelegramTestUser) =>
      message(user, {
        sticker: {
          file_id: 'sticker-1',
          file_unique_id: 'us-1',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      }),
    location: (user: TelegramTestUser) => message(user, { location: { latitude: 43.24, longitude: 76.89 } }),
    /** A shared contact: carries a phone number, which must never be stored or logged. */
    contact: (user: TelegramTestUser, phoneNumber: string) =>
      message(user, { contact: { phone_number: phoneNumber, first_name: user.firstName, user_id: user.id } }),
    /** A message in a group chat (the bots ignore these). */
    groupText: (user: TelegramTestUser, text: string): TelegramUpdateJson => ({
      update_id: updateId++,
      message: {
        message_id: messageId++,
        date: now(),
        chat: { id: -100_000_000 - user.id, type: 'supergroup', title: 'Some group' },
        from: from(user),
        text,
      },
    }),
    /** An update type the bots do not handle. */
    editedMessage: (user: TelegramTestUser, text: string): TelegramUpdateJson => ({
      update_id: updateId++,
      edited_message: {
        message_id: 1,
        date: now(),
        edit_date: now(),
        chat: chat(user),
        from: from(user),
        text,
      },
    }),
    myChatMember: (user: TelegramTestUser, status: 'member' | 'kicked'): TelegramUpdateJson => ({
      update_id: updateId++,
      my_chat_member: {
        chat: chat(user),
        from: from(user),
        date: now(),
        old_chat_member: { status: 'member', user: { id: 7_000_000_001, is_bot: true, first_name: 'bot' } },
        new_chat_member: { status, user: { id: 7_000_000_001, is_bot: true, first_name: 'bot' } },
      },
    }),
  };
}

export type TelegramUpdateFactory = ReturnType<typeof telegramUpdates>;
