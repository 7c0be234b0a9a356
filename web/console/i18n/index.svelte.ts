import { LOCALES, type Locale } from '../../../src/domain/locale';
import { en, type ConsoleMessageKey } from '../../../src/i18n/catalogs/console/en';
import { kk } from '../../../src/i18n/catalogs/console/kk';
import { ru } from '../../../src/i18n/catalogs/console/ru';
import type { MessageParams } from '../../../src/i18n/message-format';
import { sectionRenderer } from '../../../src/i18n/section';
import { LOCALE_STORAGE_KEY, preferredLocale, rememberLocale } from '../../shared/preferred-locale';

export { LANGUAGE_NAMES, LOCALES } from '../../../src/domain/locale';
export type { ConsoleMessageKey };

// Only the console's section of the catalog tree ships in the console's bundle.
const render = sectionRenderer({ kk, ru, en });

/** The page's language (the one rule of `preferredLocale`); reading it in a template re-renders on a switch. */
export const language = $state<{ locale: Locale }>({
  locale: preferredLocale(LOCALES, LOCALE_STORAGE_KEY),
});

/** Switches the language and remembers it on this device. */
export function selectLocale(locale: Locale): void {
  language.locale = locale;
  document.documentElement.lang = locale;
  rememberLocale(LOCALE_STORAGE_KEY, locale);
}

/**
 * The text for a key in the current language.
 *
 * @example
 * t('nav.signedInAs', { email: 'a@example.org', role: t('role.admin') });
 */
export function t(key: ConsoleMessageKey, params: MessageParams = {}): string {
  return render(language.locale, key, params);
}
