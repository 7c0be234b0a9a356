import type { Locale } from '../../../src/domain/locale';
import { en, type DashboardMessageKey } from '../../../src/i18n/catalogs/dashboard/en';
import { kk } from '../../../src/i18n/catalogs/dashboard/kk';
import { ru } from '../../../src/i18n/catalogs/dashboard/ru';
import type { MessageParams } from '../../../src/i18n/message-format';
import { sectionRenderer } from '../../../src/i18n/section';

export { LANGUAGE_NAMES, LOCALES, isLocale } from '../../../src/domain/locale';
export type { DashboardMessageKey };

// Only the dashboard's section of the catalog tree ships in the dashboard's bundle.
const render = sectionRenderer({ kk, ru, en });

/** The page's language; reading it inside a template or `$derived` re-renders on a switch. */
export const language = $state<{ locale: Locale }>({ locale: 'kk' });

/**
 * The text for a key in the page's current language, `{param}`s and plurals filled in.
 *
 * @example
 * t('stats.heading', { area: 'Akmola Region' }); // 'Statistics for Akmola Region' (in English)
 */
export function t(key: DashboardMessageKey, params: MessageParams = {}): string {
  return render(language.locale, key, params);
}
