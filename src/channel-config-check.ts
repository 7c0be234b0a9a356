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
  const reachable = config.HOST !== undefined && !['127.0.0.1', 'localhost', '::1'].includes(config.HOST);
  if ((telegramOn || whatsappOn || reachable) && !config.PUBLIC_URL) {
    warnings.push(
      `PUBLIC_URL is not set: the bots send voters links to http://${config.HOST ?? '127.0.0.1'}:PORT, which only this machine can open`,
    );
  }
  return { refusals, warnings };
}
