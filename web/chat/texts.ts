import { LOCALES, type Locale } from '../../src/domain/locale';
import { en, type ChatMessageKey } from '../../src/i18n/catalogs/chat/en';
import { kk } from '../../src/i18n/catalogs/chat/kk';
import { ru } from '../../src/i18n/catalogs/chat/ru';
import { sectionRenderer, type SectionRenderer } from '../../src/i18n/section';
import { preferredLocale } from '../shared/preferred-locale';

export { LANGUAGE_NAMES, LOCALES } from '../../src/domain/locale';

/**
 * The page's own texts (the chat section, `webchat.*`); the conversation's come rendered from
 * the voter bot.
 *
 * @example
 * text('ru', 'webchat.photo_too_large', { megabytes: 10 }); // 'Фото слишком большое (предел — 10 МБ).'
 */
export const text: SectionRenderer<ChatMessageKey> = sectionRenderer({ kk, ru, en });

/** The visitor's language, by the rule every page follows (see `preferredLocale`). */
export function initialLocale(): Locale {
  return preferredLocale(LOCALES, 'dauys.chat.locale');
}
