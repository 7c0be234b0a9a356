import { LOCALE_STORAGE_KEY, preferredLocale, rememberLocale } from '../../shared/preferred-locale';
import { CONSOLE_LOCALES, render, type ConsoleLocale, type ConsoleMessageKey } from './catalogs';

export { CONSOLE_LOCALES, LANGUAGE_NAMES, type ConsoleLocale, type ConsoleMessageKey } from './catalogs';

/** The page's language (the one rule of `preferredLocale`); reading it in a template re-renders on a switch. */
export const language = $state<{ locale: ConsoleLocale }>({
  locale: preferredLocale(CONSOLE_LOCALES, LOCALE_STORAGE_KEY),
});

/** Switches the language and remembers it on this device. */
export function selectLocale(locale: ConsoleLocale): void {
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
export function t(key: ConsoleMessageKey, params: Record<string, string | number> = {}): string {
  return render(language.locale, key, params);
}
