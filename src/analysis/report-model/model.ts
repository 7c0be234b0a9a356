/**
 * The analysis report as data: what the dashboard's analysis page (web/dashboard/analysis) and
 * the printable HTML report (src/services/analysis-report) both show. Every text is already in
 * the reader's language and every number already formatted, so neither renderer holds a word or
 * a number format of its own: they only lay the blocks out (Svelte on the page, an HTML string
 * for the self-contained report).
 *
 * Why a model and not the page's Svelte components rendered on the server: the CLI runs from the
 * TypeScript sources (bin/dauys.mjs through tsx), so server-side Svelte would need a second vite
 * build in dist/ that every `dauys analyze --report` and every test of it depends on; the report
 * must also meet its strict Content-Security-Policy (no style attribute, no link), which the
 * page's markup does not. One model keeps one source of text and figures at the cost of two thin
 * layouts.
 */

/** A table cell: its text, and a second, smaller part such as an interval. */
export interface ReportCell {
  text: string;
  detail?: string;
  testId?: string;
}

/** A table row; the first cell is the row's header. `data` becomes `data-*` attributes on the page. */
export interface ReportRow {
  key: string;
  cells: readonly ReportCell[];
  data?: Readonly<Record<string, string>>;
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string; testId?: string; note?: boolean }
  | { kind: 'subheading'; text: string }
  | { kind: 'table'; head: readonly string[]; rows: readonly ReportRow[]; testId?: string }
  /** An inline SVG chart (built by src/analysis/charts, its texts escaped there). */
  | { kind: 'figure'; svg: string; caption?: string; testId?: string };

/** One line of a section's facts: the method, its source, inputs, sample size, uncertainty. */
export interface ReportFact {
  id: 'method' | 'source' | 'inputs' | 'sample-size' | 'uncertainty';
  label: string;
  value: string;
  /** A list instead of `value` (the inputs, one "name: value" each). */
  list?: readonly string[];
}

/** A method's section; `notComputed` when the data did not allow it (then no reading or facts). */
export interface ReportSection {
  id: string;
  heading: string;
  reading?: string;
  facts: readonly ReportFact[];
  blocks: readonly ReportBlock[];
  notComputed?: string;
}

export interface AnalysisReportModel {
  locale: string;
  /** The printed report's title, naming the election. */
  title: string;
  intro: string;
  generated: string;
  summaryHeading: string;
  summary: ReportBlock;
  sections: readonly ReportSection[];
}
