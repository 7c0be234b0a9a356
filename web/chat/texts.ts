import { formatMessage } from '../../src/i18n/message-format';
import { preferredLocale } from '../shared/preferred-locale';
import { en } from '../../src/i18n/catalogs/en';
import { kk } from '../../src/i18n/catalogs/kk';
import { ru } from '../../src/i18n/catalogs/ru';

/** The page's own texts come from the same catalogs as the bots' (`webchat.*` keys). */
export const CHAT_LOCALES = ['kk', 'ru', 'en'] as const;
export type ChatLocale = (typeof CHAT_LOCALES)[number];
export const LANGUAGE_NAMES: Record<ChatLocale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

type WebchatKey = Extract<keyof typeof en, `webchat.${string}`>;
const catalogs = { kk, ru, en };

/**
 * @example
 * text('ru', 'webchat.photo_too_large', { megabytes: 10 }); // 'Фото слишком большое (предел — 10 МБ).'
 */
export function text(
  locale: ChatLocale,
  key: WebchatKey,
  params: Record<string, string | number> = {},
): string {
  return formatMessage(locale, catalogs[locale][key], params);
}

/** The visitor's language, by the rule every page follows (see `preferredLocale`). */
export function initialLocale(): ChatLocale {
  return preferredLocale(CHAT_LOCALES, 'dauys.chat.locale');
}
