import { formatMessage } from '../../../src/i18n/message-format';
import { en, type ConsoleMessageKey } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type ConsoleLocale = 'kk' | 'ru' | 'en';
export type { ConsoleMessageKey };

/** The console's catalogs; `en` is the reference (test/unit/web/console-catalogs.test.ts checks the others). */
export const CONSOLE_CATALOGS: Record<ConsoleLocale, Record<ConsoleMessageKey, string>> = { kk, ru, en };
export const CONSOLE_LOCALES: readonly ConsoleLocale[] = ['kk', 'ru', 'en'];
export const LANGUAGE_NAMES: Record<ConsoleLocale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/**
 * The text for a key in a locale, `{param}`s filled in; a missing param stays visible as `{param}`.
 *
 * @example
 * render('en', 'audit.intact', { count: 12 }); // 'Chain intact: 12 entries verified.'
 */
export function render(
  locale: ConsoleLocale,
  key: ConsoleMessageKey,
  params: Record<string, string | number> = {},
): string {
  return formatMessage(locale, CONSOLE_CATALOGS[locale][key], params);
}
