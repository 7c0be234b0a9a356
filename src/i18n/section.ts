import type { Locale } from '../domain/locale';
import { formatMessage, type MessageParams } from './message-format';

/**
 * One section of the catalog tree (src/i18n/catalogs/<section>/<locale>.ts) in every locale:
 * the same keys in each, `en` the reference `npm run i18n:check` holds the others to.
 */
export type SectionCatalogs<Key extends string> = Readonly<Record<Locale, Readonly<Record<Key, string>>>>;

/** Renders a section's text: its template in the locale with the `{param}`s and plurals filled in. */
export type SectionRenderer<Key extends string> = (
  locale: Locale,
  key: Key,
  params?: MessageParams,
) => string;

/**
 * The one renderer of a section's keys, typed by them: a page passes its own section only, so
 * its bundle carries no other section's texts. Never throws: a key the section lacks (only
 * possible past the type system, e.g. from stored data) renders as the key itself, and a missing
 * param stays `{param}`, so a bad text is visible, not a crash.
 *
 * @example
 * const render = sectionRenderer(SECTIONS.console);
 * render('en', 'audit.intact', { count: 12 }); // 'Chain intact: 12 entries verified.'
 */
export function sectionRenderer<Key extends string>(catalogs: SectionCatalogs<Key>): SectionRenderer<Key> {
  return (locale, key, params = {}) => {
    const texts = catalogs[locale];
    return formatMessage(locale, Object.hasOwn(texts, key) ? texts[key] : key, params);
  };
}
