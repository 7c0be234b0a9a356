import type { Locale } from '../../../shared/api-types';
import { analysisEn, type AnalysisMessageKey } from './en';
import { analysisKk } from './kk';
import { analysisRu } from './ru';

export type { AnalysisMessageKey } from './en';

/**
 * The analysis page's own catalogs: they ship in the page's lazy chunk, not in the main
 * dashboard's (scripts/check-i18n.ts holds them to the same rules as the others).
 */
export const ANALYSIS_CATALOGS: Record<Locale, Record<AnalysisMessageKey, string>> = {
  kk: analysisKk,
  ru: analysisRu,
  en: analysisEn,
};
