import { formatMessage } from '../../../src/i18n/message-format';
import type { Locale } from '../api-types';
import { en, type WebMessageKey } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type { WebMessageKey } from './en';

/** Every web catalog by locale; `en` is the reference (scripts/check-i18n.ts checks the others). */
export const WEB_CATALOGS: Record<Locale, Record<WebMessageKey, string>> = { kk, ru, en };

export const LOCALES: readonly Locale[] = ['kk', 'ru', 'en'];

/** Names of the languages in themselves, for the switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The text for a key in a locale, `{param}`s filled in; a missing param stays visible as `{param}`.
 *
 * @example
 * render('en', 'stats.heading', { area: 'Akmola Region' }); // 'Statistics for Akmola Region'
 */
export function render(
  locale: Locale,
  key: WebMessageKey,
  params: Record<string, string | number> = {},
): string {
  return formatMessage(locale, WEB_CATALOGS[locale][key], params);
}
