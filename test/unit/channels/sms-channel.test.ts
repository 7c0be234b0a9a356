import { describe, expect, it } from 'vitest';
import { androidGatewayWebhookChannel } from '../../../src/channels/sms/android-gateway-webhook-channel';
import { createSmsAccounts } from '../../../src/channels/sms/sms-accounts';
import { renderForSms, SMS_MAX_CHARS } from '../../../src/channels/sms/sms-render';
import { smsSender, type SmsTransport } from '../../../src/channels/sms/sms.sender';
import { twilioWebhookChannel } from '../../../src/channels/sms/twilio-webhook-channel';
import { smsChannel } from '../../../src/channels/sms/sms-channel';
import { MediaFetchFailure } from '../../../src/channels/channel-sender';
import { loadConfig } from '../../../src/config';
import { translateAll } from '../../../src/i18n/index';
import { pseudonymFor } from '../../../src/security/pseudonym';

const SECRET = 'a-secret-of-at-least-32-characters!!';
const receivedAt = new Date('2026-12-06T10:00:00Z');

const config = loadConfig({
  PUBLIC_URL: 'https://dauys.example.org',
  SMS_TWILIO_ACCOUNT_SID: 'AC1',
  SMS_TWILIO_AUTH_TOKEN: 'token',
  SMS_TWILIO_VOTER_FROM: '+15550000001',
  SMS_ANDROID_SIGNING_KEY: 'key',
  SMS_ANDROID_OBSERVER_USERNAME: 'u',
  SMS_ANDROID_OBSERVER_PASSWORD: 'p',
});
const twilio = twilioWebhookChannel({ config, secret: SECRET });
const android = androidGatewayWebhookChannel({ config, secret: SECRET });
const endpoint = (channel: typeof twilio | typeof android, bot: string) =>
  channel.endpoints.find((each) => each.bot === bot)!;

describe('an SMS from Twilio', () => {
  const form = (fields: Record<string, string>) =>
    twilio.schema.parse({
      MessageSid: 'SM1',
      AccountSid: 'AC1',
      To: '+15550000001',
      NumMedia: '0',
      ...fields,
    });
  /** What the voter bot's Twilio webhook makes of one incoming message. */
  const fromTwilio = (fields: Record<string, string>) =>
    twilio.normalize(form(fields), { endpoint: endpoint(twilio, 'voter'), receivedAt, headers: {} });

  it('becomes a text under the pseudonym of the number, replied to at the number, dated by receipt', async () => {
    const { items, ignored } = await fromTwilio({ From: '+77011234567', Body: 'V 190 2' });
    expect(ignored).toEqual([]);
    expect(items).toEqual([
      {
        dedupeKey: 'SM1',
        replyAddress: '+77011234567',
        inbound: {
          channel: 'sms',
          bot: 'voter',
          participant: pseudonymFor(SECRET, 'sms', '+77011234567'),
          sentAt: receivedAt,
          receivedAt,
          // Text only: a protocol typed over it is checked without pages (checkProtocol).
          textOnly: true,
          content: { kind: 'text', text: 'V 190 2' },
        },
      },
    ]);
    // The number itself travels only as the reply address.
    expect(JSON.stringify(items[0]!.inbound)).not.toContain('77011234567');
  });

  it('reads a typed "/start CODE" as the command, and a picture without text as other', async () => {
    const start = await fromTwilio({ From: '+77011234567', Body: '/START abc12' });
    expect(start.items[0]!.inbound.content).toEqual({ kind: 'command', command: 'start', args: 'abc12' });
    const mms = await fromTwilio({ From: '+77011234567', Body: '', NumMedia: '1' });
    expect(mms.items[0]!.inbound.content).toEqual({ kind: 'other' });
  });

  it('ignores a sender name that cannot be answered, without logging it', async () => {
    const { items, ignored } = await fromTwilio({ From: 'Beeline', Body: 'Your balance' });
    expect(items).toEqual([]);
    expect(ignored).toMatchObject([{ reason: 'not_a_phone_number' }]);
    expect(JSON.stringify(ignored)).not.toContain('Beeline');
  });

  it('is live per bot only when fully set up, and says why the rest is not', async () => {
    expect(endpoint(twilio, 'voter')).toMatchObject({
      path: '/webhooks/sms/twilio/voter',
      disabledBecause: undefined,
    });
    expect(endpoint(twilio, 'observer').disabledBecause).toMatch(/not configured/);
    const noUrl = twilioWebhookChannel({
      config: loadConfig({
        SMS_TWILIO_ACCOUNT_SID: 'AC1',
        SMS_TWILIO_AUTH_TOKEN: 't',
        SMS_TWILIO_VOTER_FROM: '+1555',
      }),
      secret: SECRET,
    });
    expect(noUrl.endpoints[0]).toMatchObject({
      disabledBecause: expect.any(String),
      warning: expect.stringContaining('PUBLIC_URL'),
    });
  });
});

describe('an SMS from the Android gateway', () => {
  const delivery = (payload: Record<string, unknown>, event = 'sms:received') =>
    android.schema.parse({ deviceId: 'dev', event, id: 'evt-1', webhookId: 'w', payload });

  it("keeps the phone's receivedAt as sentAt, and dedupes by message hash and that time", async () => {
    const { items } = await android.normalize(
      delivery({
        messageId: 'abc123',
        message: 'hello',
        phoneNumber: '+7 701 123-45-67',
        simNumber: 1,
        receivedAt: '2026-12-06T12:46:11.000+05:00',
      }),
      { endpoint: endpoint(android, 'observer'), receivedAt, headers: {} },
    );
    expect(items).toMatchObject([
      {
        dedupeKey: `abc123@${Date.parse('2026-12-06T07:46:11Z')}`,
        replyAddress: '+77011234567',
        inbound: {
          channel: 'sms',
          bot: 'observer',
          participant: pseudonymFor(SECRET, 'sms', '+77011234567'),
          sentAt: new Date('2026-12-06T07:46:11Z'),
          receivedAt,
          content: { kind: 'text', text: 'hello' },
        },
      },
    ]);
  });

  it('acknowledges the other events (sent, delivered, ping) without storing them', async () => {
    const { items, ignored } = await android.normalize(
      delivery({ messageId: 'x', phoneNumber: '+7701', sentAt: 'now' }, 'sms:sent'),
      { endpoint: endpoint(android, 'observer'), receivedAt, headers: {} },
    );
    expect(items).toEqual([]);
    expect(ignored).toMatchObject([{ reason: 'not_a_message', level: 'debug' }]);
  });

  it('refuses an sms:received without the documented fields', async () => {
    const bad = android.schema.safeParse({ event: 'sms:received', id: 'e', payload: { message: 'hi' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['payload.phoneNumber', 'payload.receivedAt']),
    );
  });

  it('warns when a phone is set up without the signing key', async () => {
    const channel = androidGatewayWebhookChannel({
      config: loadConfig({ SMS_ANDROID_VOTER_USERNAME: 'u', SMS_ANDROID_VOTER_PASSWORD: 'p' }),
      secret: SECRET,
    });
    expect(channel.endpoints[0]).toMatchObject({
      path: '/webhooks/sms/android/voter',
      disabledBecause: expect.any(String),
      warning: expect.stringContaining('SMS_ANDROID_SIGNING_KEY'),
    });
  });
});

describe('replies as SMS', () => {
  const sent: Array<[string, string]> = [];
  const transport: SmsTransport = {
    bot: 'voter',
    deliver: async (to, text) => {
      sent.push([to, text]);
      return undefined;
    },
  };
  const sender = smsSender(transport, translateAll);
  const buttons = [
    [{ label: { literal: 'Қазақша' }, data: 'l:kk' }],
    [{ label: { literal: 'Русский' }, data: 'l:ru' }],
  ];

  it('numbers the options under the text, sends anew for a panel and nothing for a button answer', async () => {
    expect(renderForSms('en', { text: [{ literal: 'Language?' }], buttons }, translateAll)).toEqual([
      'Language?\n1 — Қазақша\n2 — Русский',
    ]);
    const out = { channel: 'sms', bot: 'voter', participant: 'p', locale: 'en' } as const;
    await sender.send('+77011234567', {
      ...out,
      message: { kind: 'send', replacePanel: true, text: [{ literal: 'hi' }] },
    });
    expect(
      await sender.send('+77011234567', { ...out, message: { kind: 'answer_button', callbackId: 'c' } }),
    ).toEqual({});
    expect(sent).toEqual([['+77011234567', 'hi']]);
  });

  it('costs its segments, and cuts a long text at line ends into SMS Twilio accepts', async () => {
    expect(sender.cost({ kind: 'send', text: [{ literal: 'V 190 2' }] }, 'en')).toBe(1);
    expect(
      sender.cost(
        { kind: 'send', text: [{ literal: 'Сіздің дауысыңыз қабылданды, рақмет! '.repeat(3) }] },
        'en',
      ),
    ).toBe(2);
    expect(sender.cost({ kind: 'answer_button', callbackId: 'c' }, 'en')).toBe(0);
    const lines = Array.from({ length: 120 }, (_, i) => `${i + 1} — Учаскелік сайлау комиссиясы`).join('\n');
    const parts = renderForSms('en', { text: [{ literal: lines }] }, translateAll);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.length <= SMS_MAX_CHARS)).toBe(true);
    expect(parts.join('\n')).toBe(lines);
  });

  it('has no media to fetch', async () => {
    const [bot] = smsChannel.bots(config);
    await expect(bot!.fetcher.fetch({ fileId: 'x' }, 1000)).rejects.toBeInstanceOf(MediaFetchFailure);
  });

  it('gives each bot one provider, Twilio first when both are set', async () => {
    const both = {
      SMS_TWILIO_ACCOUNT_SID: 'AC1',
      SMS_TWILIO_AUTH_TOKEN: 't',
      SMS_TWILIO_VOTER_FROM: '+1555',
    };
    const phones = { SMS_ANDROID_VOTER_USERNAME: 'u', SMS_ANDROID_VOTER_PASSWORD: 'p' };
    const observerPhone = { SMS_ANDROID_OBSERVER_USERNAME: 'u2', SMS_ANDROID_OBSERVER_PASSWORD: 'p2' };
    const accounts = createSmsAccounts(loadConfig({ ...both, ...phones, ...observerPhone }));
    expect([...accounts.values()].map((a) => `${a.name}:${a.provider}`)).toEqual([
      'voter:twilio',
      'observer:android',
    ]);
  });
});
