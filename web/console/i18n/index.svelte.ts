import { CONSOLE_LOCALES, render, type ConsoleLocale, type ConsoleMessageKey } from './catalogs';

export { CONSOLE_LOCALES, LANGUAGE_NAMES, type ConsoleLocale, type ConsoleMessageKey } from './catalogs';

const STORAGE_KEY = 'dauys.console.locale';

function initialLocale(): ConsoleLocale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return CONSOLE_LOCALES.includes(stored as ConsoleLocale) ? (stored as ConsoleLocale) : 'kk';
}

/** The page's language; reading it in a template re-renders on a switch. */
export const language = $state<{ locale: ConsoleLocale }>({ locale: initialLocale() });

/** Switches the language and remembers it on this device. */
export function selectLocale(locale: ConsoleLocale): void {
  language.locale = locale;
  document.documentElement.lang = locale;
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
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
