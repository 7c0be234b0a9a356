/**
 * The languages every user-facing text ships in: Kazakh, Russian, English. The web pages import
 * this file too, so it stays free of zod (the schema is in ./locale-schema.ts).
 */
export const LOCALES = ['kk', 'ru', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

/** Names of the languages in themselves, for every language switch (bots, dashboard, console, chat). */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  kk: 'Қазақша',
  ru: 'Русский',
  en: 'English',
};

/** The locale used when a user has not chosen one (the state language first). */
export const DEFAULT_LOCALE: Locale = 'kk';

/** A text in every locale, e.g. a party's name or a protocol line's label. */
export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the text for a locale.
 *
 * @example
 * localize({ kk: 'Иә', ru: 'Да', en: 'Yes' }, 'ru'); // 'Да'
 */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
