import type { Locale } from '../../shared/api-types';
import { formatCount, formatNumber, formatPercent } from '../../../src/i18n/format';
import { ta } from './texts';

/** What the analysis' results say about their uncertainty (each method its own shape; see src/analysis). */
export interface UncertaintyLike {
  kind?: string;
  /** `kind` (or `note`) in each language. */
  described?: Partial<Record<Locale, string>>;
  note?: string;
  low?: number | null;
  high?: number | null;
  expectedSd?: number;
  draws?: number;
}

/**
 * One line describing a result's uncertainty: how it was obtained and, where the result carries
 * one, its interval (shares as percentages, counts as counts) or Monte Carlo SD.
 *
 * @example
 * uncertaintyText({ kind: 'bootstrap', low: 0.01, high: 0.03 }, 'en'); // 'bootstrap; 95%: 1.0% – 3.0%'
 */
export function uncertaintyText(uncertainty: UncertaintyLike | undefined, locale: Locale): string {
  if (!uncertainty) return '—';
  const parts: string[] = [];
  const described = uncertainty.described?.[locale];
  if (described) parts.push(described);
  else {
    if (uncertainty.kind) parts.push(uncertainty.kind);
    if (uncertainty.note) parts.push(uncertainty.note);
  }
  if (typeof uncertainty.expectedSd === 'number')
    parts.push(ta('analysis.sd', { sd: formatNumber(locale, uncertainty.expectedSd, { maxDigits: 1 }) }));
  if (typeof uncertainty.low === 'number' && typeof uncertainty.high === 'number')
    parts.push(`95%: ${intervalText(uncertainty.low, uncertainty.high, locale)}`);
  return parts.join('; ') || '—';
}

/** An interval; values within ±1 are shares (percent), larger ones counts. */
export function intervalText(low: number | null, high: number | null, locale: Locale): string {
  if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return '—';
  const share = Math.abs(low) <= 1 && Math.abs(high) <= 1;
  const format = (value: number) => (share ? formatPercent(locale, value) : formatCount(locale, value));
  return `${format(low)} – ${format(high)}`;
}

/** A share difference in percentage points with a sign, e.g. "+7.1" (the sign even on "+0.0"). */
export function formatPoints(value: number | null, locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const points = formatNumber(locale, Math.abs(value * 100), { digits: 1 });
  return `${value < 0 ? '−' : '+'}${points}`;
}
