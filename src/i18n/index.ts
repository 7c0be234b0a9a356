import type { Locale } from '../domain/locale';
import type { MessageText } from '../flows/messages';
import { en, type MessageKey } from './catalogs/en';
import { kk } from './catalogs/kk';
import { formatMessage } from './message-format';
import { ru } from './catalogs/ru';

export type { MessageKey } from './catalogs/en';

/** Every catalog by locale; `en` is the reference the others are checked against. */
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { kk, ru, en };

/** Names of the languages in themselves, for the language buttons. */
export const LANGUAGE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * Renders one text: a catalog key with its `{param}`s filled in, or a literal (a place or
 * party name that already is in the right language). Never throws: an unknown key renders as
 * the key itself and a missing param stays `{param}`, so a bad text is visible, not a crash
 * in the sender.
 *
 * @example
 * translate('ru', { key: 'voter.precinct_label', params: { number: 12 } }); // 'Участок № 12'
 * translate('kk', { literal: 'Нұр Отан' }); // 'Нұр Отан'
 */
export function translate(locale: Locale, text: MessageText): string {
  if ('literal' in text) return text.literal;
  const template = isMessageKey(text.key) ? CATALOGS[locale][text.key] : text.key;
  return formatMessage(locale, template, text.params ?? {});
}

/**
 * Renders several texts as one message, one paragraph each.
 *
 * @example
 * translateAll('en', [{ key: 'voter.photo_received' }, { key: 'voter.choose_choice' }]);
 * // 'Photo received.\n\nWhom did you vote for?'
 */
export function translateAll(locale: Locale, texts: readonly MessageText[]): string {
  return texts.map((text) => translate(locale, text)).join('\n\n');
}

/** The `{param}` names a template uses, sorted, for the catalog check. */
export { placeholdersOf } from './message-format';
