import { describe, expect, it } from 'vitest';
import { checkChannelConfig } from '../../../src/channel-config-check';

const WHATSAPP_AS_README = { WHATSAPP_TOKEN: 't', WHATSAPP_APP_SECRET: 's', WHATSAPP_VERIFY_TOKEN: 'v' };
const PUBLIC = { PUBLIC_URL: 'https://dauys.example' };

describe('the bots’ settings as a set', () => {
  it('refuses WhatsApp without a phone-number id (every message would be dropped)', () => {
    const { refusals } = checkChannelConfig({ ...WHATSAPP_AS_README, ...PUBLIC });
    expect(refusals).toEqual([expect.stringContaining('WHATSAPP_VOTER_PHONE_ID')]);
  });

  it('refuses WhatsApp with a phone id but no app secret, naming what is missing', () => {
    const { refusals } = checkChannelConfig({ WHATSAPP_TOKEN: 't', WHATSAPP_VOTER_PHONE_ID: '1', ...PUBLIC });
    expect(refusals).toEqual([expect.stringContaining('WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN not set')]);
  });

  it('refuses a Telegram bot token without the webhook secret', () => {
    expect(checkChannelConfig({ TELEGRAM_VOTER_TOKEN: 'x', ...PUBLIC }).refusals).toEqual([
      expect.stringContaining('TELEGRAM_WEBHOOK_SECRET'),
    ]);
  });

  it('warns about local links without PUBLIC_URL and SOS alerts without the coordinators’ chat', () => {
    const report = checkChannelConfig({
      TELEGRAM_OBSERVER_TOKEN: 'x',
      TELEGRAM_WEBHOOK_SECRET: 'y',
      HOST: '127.0.0.1',
    });
    expect(report.refusals).toEqual([]);
    expect(report.warnings).toEqual([
      expect.stringContaining('COORDINATORS_TELEGRAM_CHAT_ID'),
      expect.stringContaining('PUBLIC_URL is not set'),
    ]);
  });

  it('is quiet for a complete setup, and for a local run without bots', () => {
    expect(checkChannelConfig({ ...WHATSAPP_AS_README, WHATSAPP_VOTER_PHONE_ID: '1', ...PUBLIC })).toEqual({
      refusals: [],
      warnings: [],
    });
    expect(checkChannelConfig({ HOST: '127.0.0.1' })).toEqual({ refusals: [], warnings: [] });
  });

  it('refuses SMS set up so that it would drop messages, and passes a complete SMS setup', () => {
    expect(checkChannelConfig({ SMS_TWILIO_VOTER_FROM: '+1555', ...PUBLIC }).refusals).toEqual([
      expect.stringContaining('SMS_TWILIO_ACCOUNT_SID or SMS_TWILIO_AUTH_TOKEN'),
    ]);
    const twilio = {
      SMS_TWILIO_ACCOUNT_SID: 'AC1',
      SMS_TWILIO_AUTH_TOKEN: 't',
      SMS_TWILIO_VOTER_FROM: '+1555',
    };
    expect(checkChannelConfig(twilio).refusals).toEqual([
      expect.stringContaining('SMS_TWILIO_WEBHOOK_BASE_URL'),
    ]);
    expect(
      checkChannelConfig({ ...twilio, SMS_TWILIO_WEBHOOK_BASE_URL: 'https://hooks.example' }).refusals,
    ).toEqual([]);
    expect(checkChannelConfig({ SMS_ANDROID_OBSERVER_USERNAME: 'u', ...PUBLIC }).refusals).toEqual([
      expect.stringContaining('SMS_ANDROID_OBSERVER_PASSWORD'),
      expect.stringContaining('SMS_ANDROID_SIGNING_KEY'),
    ]);
    const android = {
      SMS_ANDROID_VOTER_USERNAME: 'u',
      SMS_ANDROID_VOTER_PASSWORD: 'p',
      SMS_ANDROID_SIGNING_KEY: 'k',
    };
    expect(checkChannelConfig({ ...android, ...PUBLIC }).refusals).toEqual([]);
    expect(checkChannelConfig({ ...android, ...twilio, ...PUBLIC }).refusals).toEqual([
      expect.stringContaining('both Twilio and an Android gateway'),
    ]);
  });
});
