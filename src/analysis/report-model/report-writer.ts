import type { Locale } from '../../domain/locale';
import { analysisText, type AnalysisMessageKey } from '../../i18n/catalogs/analysis';
import { formatCount, formatNumber, formatPercent } from '../../i18n/format';
import type { MessageParams } from '../../i18n/message-format';
import { renderAnalysisText, type AnalysisText } from '../analysis-text';
import { readingWithNames } from '../reading-names';
import type { ExplainedResult, Interval, Reading } from '../types';
import type { ReportBlock, ReportFact, ReportSection } from './model';

/** What the report says about the election besides the analysis itself. */
export interface ReportContext {
  locale: Locale;
  /** The election's name in the locale (or the file's name for a CSV). */
  election: string;
  /** Display names of choices by id; the id is shown when absent. */
  choiceNames?: Record<string, string>;
  /** Shorter names for the charts' axes (about 70 px per choice); `choiceNames` when absent. */
  chartChoiceNames?: Record<string, string>;
  /** When the analysis was computed (ISO 8601). */
  computedAt: string;
}

/** Texts and numbers in the report's language: the only place the report model formats them. */
export class ReportWriter {
  constructor(readonly context: ReportContext) {}

  get locale(): Locale {
    return this.context.locale;
  }

  t(key: AnalysisMessageKey, params?: MessageParams): string {
    return analysisText(this.locale, key, params);
  }

  text(text: AnalysisText): string {
    return renderAnalysisText(this.locale, text);
  }

  /** A count ("1 234"), or a figure with `digits` decimals. */
  n(value: number, digits = 0): string {
    return digits === 0 ? formatCount(this.locale, value) : formatNumber(this.locale, value, { digits });
  }

  pct(fraction: number | null | undefined, digits = 1): string {
    return formatPercent(this.locale, fraction, { digits });
  }

  /** A share difference in signed percentage points, "+7,1" / "−0,4" (a sign even on "+0,0"). */
  points(fraction: number | null | undefined): string {
    if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
    return `${fraction < 0 ? '−' : '+'}${formatNumber(this.locale, Math.abs(fraction * 100), { digits: 1 })}`;
  }

  choice(id: string): string {
    return this.context.choiceNames?.[id] ?? id;
  }

  /** "95% interval low to high (how it was obtained)". */
  interval(interval: Interval, format: (value: number) => string): string {
    return this.t('analysis.interval', {
      low: format(interval.low),
      high: format(interval.high),
      kind: this.described(interval),
    });
  }

  /** How an uncertainty was obtained, in the report's language (English `kind` when absent). */
  described(uncertainty: { kind?: string; note?: string; described?: Reading }): string {
    return uncertainty.described?.[this.locale] ?? uncertainty.kind ?? uncertainty.note ?? '—';
  }

  /** A result's reading in the report's language, with choices' names for their ids. */
  reading(reading: Reading): string {
    return readingWithNames(reading[this.locale], this.context.choiceNames ?? {});
  }

  /** A method's section: heading, reading, the facts every result carries, then `blocks`. */
  section(
    id: string,
    heading: AnalysisMessageKey,
    result: ExplainedResult,
    uncertainty: string,
    blocks: readonly ReportBlock[],
  ): ReportSection {
    const method = result.method.localized?.[this.locale] ?? result.method;
    const facts: ReportFact[] = [
      { id: 'method', label: this.t('analysis.method'), value: method.name },
      { id: 'source', label: this.t('analysis.source'), value: method.citation },
      {
        id: 'inputs',
        label: this.t('analysis.inputs'),
        value: '',
        list: Object.entries(result.inputs).map(([key, value]) => `${key}: ${this.inputValue(key, value)}`),
      },
      {
        id: 'sample-size',
        label: this.t('analysis.sample_size'),
        value: this.t('analysis.sample_size_value', { count: this.n(result.sampleSize) }),
      },
      { id: 'uncertainty', label: this.t('analysis.uncertainty'), value: uncertainty },
    ];
    return { id, heading: this.t(heading), reading: this.reading(result.reading), facts, blocks };
  }

  /** The section of a method the data did not allow. */
  notComputed(id: string, heading: AnalysisMessageKey, what: AnalysisMessageKey): ReportSection {
    return {
      id,
      heading: this.t(heading),
      facts: [],
      blocks: [],
      notComputed: this.t('analysis.not_computed', { what: this.t(what) }),
    };
  }

  /** An input's value; choice ids (the leader, lists of choices) shown by their names. */
  private inputValue(key: string, value: unknown): string {
    if (key === 'leader' && typeof value === 'string') return this.choice(value);
    if (key === 'choices' && Array.isArray(value))
      return value.map((id) => this.choice(String(id))).join(', ');
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    // "votes.united-russia / (valid + invalid)": the id after "votes." is a choice.
    return text.replace(/votes\.([A-Za-z0-9_-]+)/g, (whole, id: string) =>
      this.context.choiceNames?.[id] ? `votes(${this.choice(id)})` : whole,
    );
  }
}
