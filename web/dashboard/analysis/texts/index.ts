import { formatMessage } from '../../../../src/i18n/message-format';
import { language } from '../../../shared/i18n/index.svelte';
import { ANALYSIS_CATALOGS, type AnalysisMessageKey } from './catalogs';

/** The analysis page's text for a key in the page's current language, `{param}`s filled in. */
export function ta(key: AnalysisMessageKey, params: Record<string, string | number> = {}): string {
  return formatMessage(language.locale, ANALYSIS_CATALOGS[language.locale][key], params);
}
