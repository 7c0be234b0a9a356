import { z } from 'zod';

/** The languages every user-facing text ships in: Kazakh, Russian, English. */
export const LOCALES = ['kk', 'ru', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

/** The locale used when a user has not chosen one (the state language first). */
export const DEFAULT_LOCALE: Locale = 'kk';

/** A text in every locale, e.g. a party's name or a protocol line's label. */
export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

const nonBlank = z.string().trim().min(1, 'must not be empty');

/** Zod schema for a {@link LocalizedText}: all three locales, none blank, no other keys. */
export const localizedTextSchema = z.strictObject({ kk: nonBlank, ru: nonBlank, en: nonBlank });

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
