import type { Locale } from '../domain/locale';
import type { BotMessageKey, MessageText } from '../flows/messages';
import { SECTIONS, type AnalysisMessageKey } from './catalogs/sections';
import type { MessageParams } from './message-format';
import { sectionRenderer } from './section';

/** Every key the server renders: the bots' (voter, observer) and the printable analysis report's. */
export type MessageKey = BotMessageKey | AnalysisMessageKey;

/** A text the server renders: a flow's {@link MessageText}, or a report's key. */
export type ServerText = MessageText | { key: MessageKey; params?: MessageParams };

/** The server's sections joined by locale (their keys are namespaced, so none collide). */
const serverCatalog = (locale: Locale): Record<MessageKey, string> => ({
  ...SECTIONS.voter[locale],
  ...SECTIONS.observer[locale],
  ...SECTIONS.analysis[locale],
});
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = {
  kk: serverCatalog('kk'),
  ru: serverCatalog('ru'),
  en: serverCatalog('en'),
};

const render = sectionRenderer(CATALOGS);

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGS.en, key);
}

/**
 * Renders one text: a catalog key with its `{param}`s filled in, or a literal (a place or
 * party name that already is in the right language). Never throws (see `sectionRenderer`).
 *
 * @example
 * translate('ru', { key: 'voter.precinct_label', params: { number: 12 } }); // 'Участок № 12'
 * translate('kk', { literal: 'Нұр Отан' }); // 'Нұр Отан'
 */
export function translate(locale: Locale, text: ServerText): string {
  return 'literal' in text ? text.literal : render(locale, text.key, text.params);
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
