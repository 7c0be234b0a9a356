import type { Locale } from '../domain/locale';
import { analysisText, type AnalysisMessageKey } from '../i18n/catalogs/analysis';
import { formatNumber, formatPercent } from '../i18n/format';
import type { Reading } from './types';

/**
 * A parameter of an analysis text, kept as data so that each language formats it its own way
 * ("12 345,6" in kk/ru, "12,345.6" in en; src/i18n/format.ts):
 * - a string or a number: shown as given (a choice id, a seed);
 * - `{ number, digits }`: a number with that many decimals;
 * - `{ percent, digits }`: a fraction as a percentage (1 decimal unless told);
 * - `{ points }`: a fraction as signed percentage points, "+8,9" / "−0,4" (a "+" only above 0);
 * - `{ text }`: another analysis text, rendered in the same language;
 * - `{ list }`: several texts joined by ", ".
 */
export type AnalysisTextParam =
  | string
  | number
  | { number: number; digits: number }
  | { percent: number; digits?: number }
  | { points: number }
  | { text: AnalysisText }
  | { list: readonly AnalysisText[] };

/** A catalog key with its params: what src/analysis decides; the catalog says it. */
export interface AnalysisText {
  key: AnalysisMessageKey;
  params?: Readonly<Record<string, AnalysisTextParam>>;
}

/**
 * An analysis text in one language.
 *
 * @example
 * renderAnalysisText('ru', { key: 'analysis.sample_size_value', params: { count: { number: 1234, digits: 0 } } });
 * // '1 234 участков'
 */
export function renderAnalysisText(locale: Locale, text: AnalysisText): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) params[name] = renderParam(locale, value);
  return analysisText(locale, text.key, params);
}

/** The text in Kazakh, Russian and English: the `reading`/`described` every result carries. */
export function inEveryLanguage(text: AnalysisText): Reading {
  return {
    kk: renderAnalysisText('kk', text),
    ru: renderAnalysisText('ru', text),
    en: renderAnalysisText('en', text),
  };
}

function renderParam(locale: Locale, value: AnalysisTextParam): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('number' in value) return formatNumber(locale, value.number, { digits: value.digits });
  if ('percent' in value) return formatPercent(locale, value.percent, { digits: value.digits ?? 1 });
  if ('points' in value)
    return (value.points > 0 ? '+' : '') + formatNumber(locale, value.points * 100, { digits: 1 });
  if ('text' in value) return renderAnalysisText(locale, value.text);
  return value.list.map((item) => renderAnalysisText(locale, item)).join(', ');
}
