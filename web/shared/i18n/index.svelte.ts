import type { Locale } from '../api-types';
import { render, type WebMessageKey } from './catalogs';

export { LANGUAGE_NAMES, LOCALES, isLocale, type WebMessageKey } from './catalogs';

/** The page's language; reading it inside a template or `$derived` re-renders on a switch. */
export const language = $state<{ locale: Locale }>({ locale: 'kk' });

/** The text for a key in the page's current language (see `render`). */
export function t(key: WebMessageKey, params: Record<string, string | number> = {}): string {
  return render(language.locale, key, params);
}
