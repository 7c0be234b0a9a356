import { describe, expect, it } from 'vitest';
import { CAUTIOUS_SEND_LIMITS, ChannelRegistry } from '../../../src/channels/channel-sender';
import { CHANNEL_NAMES, createChannelRegistry, webhookChannels } from '../../../src/channels/create-channels';
import { WhatsAppSender } from '../../../src/channels/whatsapp/whatsapp.sender';
import { loadConfig } from '../../../src/config';
import { translateAll } from '../../../src/i18n/index';

describe('the channel registry', () => {
  it('takes each channel its send limits from its adapter, configured from the environment', () => {
    const channels = createChannelRegistry(
      loadConfig({
        TELEGRAM_MAX_SENDS_PER_SECOND: '12',
        WHATSAPP_MAX_SENDS_PER_SECOND: '5',
        SMS_MAX_SENDS_PER_SECOND: '3',
      }),
    );
    expect(channels.limits('telegram')).toEqual({ perSecond: 12, perChatIntervalMs: 1000 });
    expect(channels.limits('whatsapp')).toEqual({ perSecond: 5, perChatIntervalMs: 1000 });
    // Segments a second; a gap per number makes out-of-order SMS rarer.
    expect(channels.limits('sms')).toEqual({ perSecond: 3, perChatIntervalMs: 2000 });
    // Our own page and mailbox: nothing to pace.
    expect(channels.limits('webchat')).toEqual({ perSecond: undefined, perChatIntervalMs: 0 });
  });

  it('keeps the documented defaults when nothing is set', () => {
    const channels = createChannelRegistry(loadConfig({}));
    expect(channels.limits('telegram').perSecond).toBe(30);
    expect(channels.limits('whatsapp').perSecond).toBe(20);
    expect(channels.limits('sms').perSecond).toBe(1);
  });

  it('gives a registry built by hand, without limits, the cautious ones', () => {
    expect(new ChannelRegistry().limits('whatsapp')).toEqual(CAUTIOUS_SEND_LIMITS);
  });

  it('adds a sender and a fetcher for every configured bot, and none for an unconfigured channel', () => {
    const channels = createChannelRegistry(
      loadConfig({
        TELEGRAM_VOTER_TOKEN: '123:abc',
        WHATSAPP_TOKEN: 'wa',
        WHATSAPP_OBSERVER_PHONE_ID: '1055',
        SMS_ANDROID_VOTER_USERNAME: 'phone',
        SMS_ANDROID_VOTER_PASSWORD: 'password',
      }),
    );
    expect(channels.allSenders().map((sender) => `${sender.channel}/${sender.bot}`)).toEqual([
      'telegram/voter',
      'whatsapp/observer',
      'sms/voter',
    ]);
    expect(channels.fetcher('sms', 'voter')).toBeDefined();
    expect(channels.fetcher('telegram', 'voter')).toBeDefined();
    expect(channels.fetcher('whatsapp', 'observer')).toBeDefined();
    expect(channels.sender('telegram', 'observer')).toBeUndefined();
  });

  it("lists every channel by name, and every inbound door: the providers' webhooks and the web chat's posts", () => {
    expect(CHANNEL_NAMES).toEqual(['telegram', 'whatsapp', 'webchat', 'sms']);
    const uploads = { saveUpload: async () => 'wc_key' };
    const webhooks = webhookChannels({ config: loadConfig({}), secret: 'secret', uploads });
    // SMS has two providers with their own body formats: Twilio's form, the Android gateway's JSON.
    expect(webhooks.map((webhook) => webhook.endpoints.map((endpoint) => endpoint.path))).toEqual([
      ['/webhooks/telegram/voter', '/webhooks/telegram/observer'],
      ['/webhooks/whatsapp'],
      ['/webchat/api/messages'],
      ['/webchat/api/photo'],
      ['/webhooks/sms/twilio/voter', '/webhooks/sms/twilio/observer'],
      ['/webhooks/sms/android/voter', '/webhooks/sms/android/observer'],
    ]);
  });
});

describe("WhatsApp's cost", () => {
  const sender = new WhatsAppSender(
    { name: 'voter', phoneNumberId: '1', token: 't', apiRoot: 'http://x' },
    translateAll,
  );

  it('is one token for a short message and one per API call for a long one, nothing for a button answer', () => {
    expect(sender.cost({ kind: 'send', text: [{ literal: 'hi' }] }, 'en')).toBe(1);
    // 25 choices: a list of ten rows a message, paged over three.
    const buttons = Array.from({ length: 25 }, (_, i) => [
      { label: { literal: `option ${i}` }, data: `o:${i}` },
    ]);
    expect(sender.cost({ kind: 'send', text: [{ literal: 'choose' }], buttons }, 'en')).toBe(3);
    expect(sender.cost({ kind: 'answer_button', callbackId: 'c' }, 'en')).toBe(0);
  });
});
