import type { BotName } from '../../flows/messages';

/** The SMS settings this folder reads (a slice of `Config`, so tests can pass just these). */
export interface SmsSettings {
  PUBLIC_URL?: string | undefined;
  SMS_TWILIO_ACCOUNT_SID?: string | undefined;
  SMS_TWILIO_AUTH_TOKEN?: string | undefined;
  SMS_TWILIO_VOTER_FROM?: string | undefined;
  SMS_TWILIO_OBSERVER_FROM?: string | undefined;
  SMS_TWILIO_API_ROOT: string;
  SMS_TWILIO_WEBHOOK_BASE_URL?: string | undefined;
  SMS_ANDROID_API_ROOT: string;
  SMS_ANDROID_SIGNING_KEY?: string | undefined;
  SMS_ANDROID_VOTER_USERNAME?: string | undefined;
  SMS_ANDROID_VOTER_PASSWORD?: string | undefined;
  SMS_ANDROID_OBSERVER_USERNAME?: string | undefined;
  SMS_ANDROID_OBSERVER_PASSWORD?: string | undefined;
}

/** One bot's Twilio number (or Messaging Service), sending with the account's credentials. */
export interface TwilioAccount {
  provider: 'twilio';
  name: BotName;
  accountSid: string;
  authToken: string;
  /** A number in E.164 ("+77001234567") or a Messaging Service SID ("MG…"). */
  from: string;
  apiRoot: string;
}

/** One bot's Android phone, through the gateway's API (cloud, private server or the phone itself). */
export interface AndroidGatewayAccount {
  provider: 'android';
  name: BotName;
  username: string;
  password: string;
  apiRoot: string;
}

export type SmsAccount = TwilioAccount | AndroidGatewayAccount;

export const SMS_BOTS = ['voter', 'observer'] as const satisfies readonly BotName[];

const upper = (bot: BotName) => bot.toUpperCase() as 'VOTER' | 'OBSERVER';

/** A bot's Twilio sender, when the account and the bot's number are all set. */
export function twilioAccount(config: SmsSettings, bot: BotName): TwilioAccount | undefined {
  const from = config[`SMS_TWILIO_${upper(bot)}_FROM`];
  const { SMS_TWILIO_ACCOUNT_SID: accountSid, SMS_TWILIO_AUTH_TOKEN: authToken } = config;
  if (!from || !accountSid || !authToken) return undefined;
  const apiRoot = config.SMS_TWILIO_API_ROOT.replace(/\/+$/, '');
  return { provider: 'twilio', name: bot, accountSid, authToken, from, apiRoot };
}

/** A bot's Android gateway, when its phone's username and password are both set. */
export function androidGatewayAccount(config: SmsSettings, bot: BotName): AndroidGatewayAccount | undefined {
  const username = config[`SMS_ANDROID_${upper(bot)}_USERNAME`];
  const password = config[`SMS_ANDROID_${upper(bot)}_PASSWORD`];
  if (!username || !password) return undefined;
  const apiRoot = config.SMS_ANDROID_API_ROOT.replace(/\/+$/, '');
  return { provider: 'android', name: bot, username, password, apiRoot };
}

/**
 * Each bot's SMS account. A bot has one number, so one provider; if both are set for one bot
 * (`dauys start` refuses that, see channel-config-check.ts), replies go through Twilio.
 *
 * @example
 * createSmsAccounts(config).get('voter')?.provider; // 'android'
 */
export function createSmsAccounts(config: SmsSettings): Map<BotName, SmsAccount> {
  const accounts = new Map<BotName, SmsAccount>();
  for (const bot of SMS_BOTS) {
    const account = twilioAccount(config, bot) ?? androidGatewayAccount(config, bot);
    if (account) accounts.set(bot, account);
  }
  return accounts;
}
