import type { Locale } from '../../../domain/locale';
import { formatMessage, type MessageParams } from '../../message-format';
import { analysisEn } from './en';
import { analysisKk } from './kk';
import { analysisRu } from './ru';

/** A key of the analysis texts: a misspelt one fails typecheck. */
export type AnalysisMessageKey = keyof typeof analysisEn;

/**
 * The one source of every analysis text: the results' readings (src/analysis/readings.ts), the
 * dashboard's analysis page and the printable report (src/analysis/report-model). Pure data, so
 * the page's lazy chunk imports it as the server does; `npm run i18n:check` holds kk and ru to en.
 */
export const ANALYSIS_CATALOGS: Record<Locale, Record<AnalysisMessageKey, string>> = {
  kk: analysisKk,
  ru: analysisRu,
  en: analysisEn,
};

/**
 * An analysis text in a locale with its `{param}`s filled in.
 *
 * @example
 * analysisText('en', 'analysis.sample_size_value', { count: '1,234' }); // '1,234 precincts'
 */
export function analysisText(locale: Locale, key: AnalysisMessageKey, params: MessageParams = {}): string {
  return formatMessage(locale, ANALYSIS_CATALOGS[locale][key], params);
}
