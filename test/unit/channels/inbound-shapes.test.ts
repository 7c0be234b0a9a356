import { describe, expect, it } from 'vitest';
import { normalizeTelegramUpdate } from '../../../src/channels/telegram/telegram-inbound';
import { telegramUpdateSchema } from '../../../src/channels/telegram/telegram-update.schema';
import {
  normalizeWhatsAppWebhook,
  type WhatsAppIgnored,
} from '../../../src/channels/whatsapp/whatsapp-inbound';
import { whatsappWebhookSchema } from '../../../src/channels/whatsapp/whatsapp-webhook.schema';

const secret = 'x'.repeat(32);
const receivedAt = new Date('2024-03-01T08:00:00Z');

function telegram(update: unknown) {
  const parsed = telegramUpdateSchema.parse(update);
  return normalizeTelegramUpdate(parsed, { secret, bot: 'voter', receivedAt });
}

const photoMessage = (extra: Record<string, unknown>) => ({
  update_id: 1,
  message: {
    message_id: 5,
    date: 1_700_000_000,
    chat: { id: 42, type: 'private' },
    from: { id: 42, is_bot: false, first_name: 'A' },
    photo: [{ file_id: 'f', file_unique_id: 'u', width: 800, height: 600 }],
    ...extra,
  },
});

describe('Telegram updates', () => {
  it.each([
    ['forward_origin', { forward_origin: { type: 'channel', chat: { id: -100, type: 'channel' }, date: 1 } }],
    ['legacy forward_from_chat', { forward_from_chat: { id: -100, type: 'channel' }, forward_date: 1 }],
    ['legacy forward_from', { forward_from: { id: 7, is_bot: false, first_name: 'B' }, forward_date: 1 }],
    ['legacy forward_sender_name', { forward_sender_name: 'Hidden', forward_date: 1 }],
  ])('marks a photo forwarded (%s)', (_name, extra) => {
    const result = telegram(photoMessage(extra));
    expect('inbound' in result && result.inbound.content).toMatchObject({ kind: 'photo', forwarded: true });
  });

  it('does not mark the voter’s own photo forwarded', () => {
    const result = telegram(photoMessage({}));
    expect('inbound' in result && result.inbound.content).not.toHaveProperty('forwarded');
  });

  // https://core.telegram.org/bots/webhooks#testing-your-bot-with-updates: no is_bot, no chat.type,
  // no bot_command entity.
  it('reads Telegram’s documented example message as /start in a private chat', () => {
    const result = telegram({
      update_id: 10000,
      message: {
        date: 1441645532,
        chat: { last_name: 'Test Lastname', id: 1111111, first_name: 'Test', username: 'Test' },
        message_id: 1365,
        from: { last_name: 'Test Lastname', id: 1111111, first_name: 'Test', username: 'Test' },
        text: '/start',
      },
    });
    expect('inbound' in result && result.inbound.content).toEqual({
      kind: 'command',
      command: 'start',
      args: '',
    });
  });

  it('reads a typed "/start CODE" without an entity as the command, and a group without type as a group', () => {
    const typed = telegram({
      update_id: 2,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: 9, type: 'private' },
        from: { id: 9 },
        text: '/start abc',
      },
    });
    expect('inbound' in typed && typed.inbound.content).toEqual({
      kind: 'command',
      command: 'start',
      args: 'abc',
    });
    const group = telegram({
      update_id: 3,
      message: { message_id: 1, date: 1, chat: { id: -5 }, from: { id: 9 }, text: 'hi' },
    });
    expect(group).toEqual({ ignored: 'not_private_chat' });
  });
});

const whatsapp = (message: Record<string, unknown>, phoneNumberId = 'voter-id') => {
  const ignored: WhatsAppIgnored[] = [];
  const body = whatsappWebhookSchema.parse({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'w',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { phone_number_id: phoneNumberId },
              messages: [{ from: '77010000001', id: 'wamid.1', timestamp: '1700000000', ...message }],
            },
          },
        ],
      },
    ],
  });
  const items = normalizeWhatsAppWebhook(body, {
    secret,
    botsByPhoneId: new Map([['voter-id', 'voter']]),
    receivedAt,
    onIgnored: (reason) => ignored.push(reason),
  });
  return { items, ignored };
};

describe('WhatsApp messages', () => {
  it.each([{ forwarded: true }, { frequently_forwarded: true }])(
    'marks an image forwarded (%o)',
    (context) => {
      const { items } = whatsapp({ type: 'image', image: { id: 'm1', mime_type: 'image/jpeg' }, context });
      expect(items[0]?.inbound.content).toMatchObject({ kind: 'photo', forwarded: true });
    },
  );

  it('ignores a reaction and its removal, naming why', () => {
    const added = whatsapp({ type: 'reaction', reaction: { message_id: 'wamid.0', emoji: '👍' } });
    const removed = whatsapp({ type: 'reaction', reaction: { message_id: 'wamid.0' } });
    expect([...added.items, ...removed.items]).toEqual([]);
    expect([...added.ignored, ...removed.ignored].map((i) => i.reason)).toEqual(['reaction', 'reaction']);
  });

  it('names a message to a number that is not configured, by the business number only', () => {
    const { items, ignored } = whatsapp({ type: 'text', text: { body: 'hi' } }, 'other-id');
    expect(items).toEqual([]);
    expect(ignored).toEqual([{ reason: 'unknown_phone_number', phoneNumberId: 'other-id' }]);
  });
});
