import { Api } from 'grammy';
import type { BotName } from '../../flows/messages';

/** One configured Telegram bot: its grammY `Api` and what is needed to download its files. */
export interface TelegramBot {
  name: BotName;
  api: Api;
  token: string;
  apiRoot: string;
}

/**
 * A grammY `Api` for one bot, pointed at `apiRoot` (Telegram's, a local Bot API server, or the
 * tests' fake). A bounded timeout: grammY's default (500 s) would stall a sender for minutes.
 *
 * @example
 * const bot = createTelegramBot('voter', process.env.TELEGRAM_VOTER_TOKEN!, 'https://api.telegram.org');
 * await bot.api.getMe();
 */
export function createTelegramBot(name: BotName, token: string, apiRoot: string): TelegramBot {
  const root = apiRoot.replace(/\/+$/, '');
  return { name, token, apiRoot: root, api: new Api(token, { apiRoot: root, timeoutSeconds: 30 }) };
}

/** The bots whose tokens are configured, by name. */
export function createTelegramBots(config: {
  TELEGRAM_VOTER_TOKEN?: string | undefined;
  TELEGRAM_OBSERVER_TOKEN?: string | undefined;
  TELEGRAM_API_ROOT: string;
}): Map<BotName, TelegramBot> {
  const bots = new Map<BotName, TelegramBot>();
  if (config.TELEGRAM_VOTER_TOKEN) {
    bots.set('voter', createTelegramBot('voter', config.TELEGRAM_VOTER_TOKEN, config.TELEGRAM_API_ROOT));
  }
  if (config.TELEGRAM_OBSERVER_TOKEN) {
    bots.set(
      'observer',
      createTelegramBot('observer', config.TELEGRAM_OBSERVER_TOKEN, config.TELEGRAM_API_ROOT),
    );
  }
  return bots;
}
