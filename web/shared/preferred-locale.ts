/**
 * One rule for the language of every page (dashboard, console, web chat): the reader's own
 * choice stored on this device first, then the browser's languages in their order of
 * preference (what it sends as Accept-Language), then Kazakh. A page that carries `?lang=`
 * in its URL (the dashboard's shared links) applies that before calling this.
 *
 * @example
 * preferredLocale(['kk', 'ru', 'en'], LOCALE_STORAGE_KEY); // 'en' for an English browser with no stored choice
 */
export function preferredLocale<L extends string>(
  locales: readonly L[],
  storageKey: string,
  browserLanguages: readonly string[] = browserPreferences(),
): L {
  const stored = safeStorage()?.getItem(storageKey);
  if (locales.includes(stored as L)) return stored as L;
  for (const tag of browserLanguages) {
    const base = tag.slice(0, 2).toLowerCase();
    if (locales.includes(base as L)) return base as L;
  }
  return locales[0]!;
}

/** Remembers a reader's explicit choice, so the next visit opens in it. */
export function rememberLocale(storageKey: string, locale: string): void {
  safeStorage()?.setItem(storageKey, locale);
}

/** The key the dashboard and the console share: a language chosen on one holds on the other. */
export const LOCALE_STORAGE_KEY = 'dauys.locale';

function browserPreferences(): readonly string[] {
  const navigator = globalThis.navigator;
  if (!navigator) return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

/** localStorage, or nothing where the browser refuses it (private modes, disabled storage). */
function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
