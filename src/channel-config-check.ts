import type { Config } from './config';

type ChannelSettings = Pick<
  Config,
  | 'PUBLIC_URL'
  | 'HOST'
  | 'TELEGRAM_VOTER_TOKEN'
  | 'TELEGRAM_OBSERVER_TOKEN'
  | 'TELEGRAM_WEBHOOK_SECRET'
  | 'COORDINATORS_TELEGRAM_CHAT_ID'
  | 'WHATSAPP_APP_SECRET'
  | 'WHATSAPP_VERIFY_TOKEN'
  | 'WHATSAPP_TOKEN'
  | 'WHATSAPP_VOTER_PHONE_ID'
  | 'WHATSAPP_OBSERVER_PHONE_ID'
  | 'SMS_TWILIO_ACCOUNT_SID'
  | 'SMS_TWILIO_AUTH_TOKEN'
  | 'SMS_TWILIO_VOTER_FROM'
  | 'SMS_TWILIO_OBSERVER_FROM'
  | 'SMS_TWILIO_WEBHOOK_BASE_URL'
  | 'SMS_ANDROID_SIGNING_KEY'
  | 'SMS_ANDROID_VOTER_USERNAME'
  | 'SMS_ANDROID_VOTER_PASSWORD'
  | 'SMS_ANDROID_OBSERVER_USERNAME'
  | 'SMS_ANDROID_OBSERVER_PASSWORD'
>;

export interface ChannelConfigReport {
  /** Settings under which a channel would acknowledge messages and drop them: start must refuse. */
  refusals: string[];
  /** Settings that work but lose something an operator should know about before election day. */
  warnings: string[];
}

const WHATSAPP_REQUIRED = ['WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_TOKEN'] as const;

/**
 * Checks the bots' settings as a set. A half-configured channel is refused when it would take
 * messages and lose them (a WhatsApp webhook that answers 200 with no bot to route to, a Telegram
 * bot whose webhook can never authenticate): found at start, not by voters on election day. What
 * merely degrades (SOS alerts only in the console, local links in the bots' replies) is a warning.
 *
 * @example
 * checkChannelConfig({ WHATSAPP_TOKEN: 't', WHATSAPP_APP_SECRET: 's', WHATSAPP_VERIFY_TOKEN: 'v' }).refusals;
 * // ['WhatsApp: set WHATSAPP_VOTER_PHONE_ID and/or WHATSAPP_OBSERVER_PHONE_ID …']
 */
export function checkChannelConfig(config: Partial<ChannelSettings>): ChannelConfigReport {
  const refusals: string[] = [];
  const warnings: string[] = [];

  const whatsappSet = WHATSAPP_REQUIRED.filter((name) => config[name]);
  const phoneIds = config.WHATSAPP_VOTER_PHONE_ID || config.WHATSAPP_OBSERVER_PHONE_ID;
  const whatsappOn = whatsappSet.length > 0 || Boolean(phoneIds);
  if (whatsappOn && whatsappSet.length < WHATSAPP_REQUIRED.length) {
    const missing = WHATSAPP_REQUIRED.filter((name) => !config[name]);
    refusals.push(`WhatsApp is half-configured: ${missing.join(', ')} not set`);
  }
  if (whatsappOn && !phoneIds) {
    refusals.push(
      'WhatsApp: set WHATSAPP_VOTER_PHONE_ID and/or WHATSAPP_OBSERVER_PHONE_ID (the Cloud API phone-number ids), else every message is dropped',
    );
  }

  const telegramOn = Boolean(config.TELEGRAM_VOTER_TOKEN || config.TELEGRAM_OBSERVER_TOKEN);
  if (telegramOn && !config.TELEGRAM_WEBHOOK_SECRET) {
    refusals.push('Telegram: TELEGRAM_WEBHOOK_SECRET is not set, so its webhooks refuse every update');
  }
  if (config.TELEGRAM_OBSERVER_TOKEN && !config.COORDINATORS_TELEGRAM_CHAT_ID) {
    warnings.push('COORDINATORS_TELEGRAM_CHAT_ID is not set: observers’ SOS alerts show only in the console');
  }
  refusals.push(...smsRefusals(config));

  const reachable = config.HOST !== undefined && !['127.0.0.1', 'localhost', '::1'].includes(config.HOST);
  if ((telegramOn || whatsappOn || reachable) && !config.PUBLIC_URL) {
    warnings.push(
      `PUBLIC_URL is not set: the bots send voters links to http://${config.HOST ?? '127.0.0.1'}:PORT, which only this machine can open`,
    );
  }
  return { refusals, warnings };
}

/**
 * SMS set up so that it would drop messages: a bot's number without the credentials to answer,
 * a Twilio number whose webhook cannot check signatures (no public URL), an Android phone
 * without the signing key, or one bot on both providers (its replies could go out of a number
 * the voter did not write to).
 */
function smsRefusals(config: Partial<ChannelSettings>): string[] {
  const refusals: string[] = [];
  for (const bot of ['VOTER', 'OBSERVER'] as const) {
    const twilio = Boolean(config[`SMS_TWILIO_${bot}_FROM`]);
    const android = Boolean(config[`SMS_ANDROID_${bot}_USERNAME`] || config[`SMS_ANDROID_${bot}_PASSWORD`]);
    if (twilio && !(config.SMS_TWILIO_ACCOUNT_SID && config.SMS_TWILIO_AUTH_TOKEN)) {
      refusals.push(
        `SMS: SMS_TWILIO_${bot}_FROM is set but SMS_TWILIO_ACCOUNT_SID or SMS_TWILIO_AUTH_TOKEN is not`,
      );
    }
    if (twilio && !(config.SMS_TWILIO_WEBHOOK_BASE_URL || config.PUBLIC_URL)) {
      refusals.push(`SMS: Twilio signs the URL it calls; set SMS_TWILIO_WEBHOOK_BASE_URL or PUBLIC_URL`);
    }
    if (android && !(config[`SMS_ANDROID_${bot}_USERNAME`] && config[`SMS_ANDROID_${bot}_PASSWORD`])) {
      refusals.push(`SMS: set both SMS_ANDROID_${bot}_USERNAME and SMS_ANDROID_${bot}_PASSWORD`);
    }
    if (android && !config.SMS_ANDROID_SIGNING_KEY) {
      refusals.push(
        'SMS: SMS_ANDROID_SIGNING_KEY is not set, so the Android gateway webhooks refuse every SMS',
      );
    }
    if (twilio && android) {
      refusals.push(
        `SMS: the ${bot.toLowerCase()} bot is set up on both Twilio and an Android gateway; pick one number`,
      );
    }
  }
  return [...new Set(refusals)];
}
