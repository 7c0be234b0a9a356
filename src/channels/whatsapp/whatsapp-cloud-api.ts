import type { BotName } from '../../flows/messages';

/** One bot's WhatsApp number: where to send from, with which token. */
export interface WhatsAppBot {
  name: BotName;
  phoneNumberId: string;
  token: string;
  apiRoot: string;
}

/**
 * The bots with a phone-number id configured (both need `WHATSAPP_TOKEN`).
 *
 * @example
 * createWhatsAppBots(config).get('observer')?.phoneNumberId; // '1055…'
 */
export function createWhatsAppBots(config: {
  WHATSAPP_TOKEN?: string | undefined;
  WHATSAPP_API_ROOT: string;
  WHATSAPP_VOTER_PHONE_ID?: string | undefined;
  WHATSAPP_OBSERVER_PHONE_ID?: string | undefined;
}): Map<BotName, WhatsAppBot> {
  const bots = new Map<BotName, WhatsAppBot>();
  const token = config.WHATSAPP_TOKEN;
  if (!token) return bots;
  const apiRoot = config.WHATSAPP_API_ROOT.replace(/\/+$/, '');
  if (config.WHATSAPP_VOTER_PHONE_ID) {
    bots.set('voter', { name: 'voter', phoneNumberId: config.WHATSAPP_VOTER_PHONE_ID, token, apiRoot });
  }
  if (config.WHATSAPP_OBSERVER_PHONE_ID) {
    bots.set('observer', {
      name: 'observer',
      phoneNumberId: config.WHATSAPP_OBSERVER_PHONE_ID,
      token,
      apiRoot,
    });
  }
  return bots;
}

/** Phone-number id → bot, for routing incoming webhooks. */
export function botsByPhoneId(bots: Map<BotName, WhatsAppBot>): Map<string, BotName> {
  return new Map([...bots.values()].map((bot) => [bot.phoneNumberId, bot.name]));
}

/** Cloud API error codes that mean "too many messages": wait, do not give up. */
export const RATE_LIMIT_CODES = new Set([4, 80007, 130429, 131048, 131056]);
