import type { AnalysisReport } from '../analyze-election';
import { formatDateTime } from '../../i18n/format';
import { methodSections } from './method-sections';
import type { AnalysisReportModel } from './model';
import { ReportWriter, type ReportContext } from './report-writer';

export type { ReportContext } from './report-writer';

/**
 * The analysis report as data in the context's language: what both the dashboard's analysis page
 * and the printable report show (see model.ts for why one model and two thin layouts).
 *
 * @example
 * const model = analysisReportModel(report, { locale: 'ru', election: 'Выборы 2011', computedAt });
 * model.sections.find((s) => s.id === 'integer')?.reading; // 'На 1 234 из 95 000 участков …'
 */
export function analysisReportModel(report: AnalysisReport, context: ReportContext): AnalysisReportModel {
  const r = new ReportWriter(context);
  const s = report.summary;
  // In UTC, named as such: a printed report is read far from where it was computed.
  const date = `${formatDateTime(context.locale, context.computedAt, 'UTC')} UTC`;
  return {
    locale: context.locale,
    title: r.t('analysis.report_title', { election: context.election }),
    intro: r.t('analysis.report_intro'),
    generated: r.t('analysis.report_generated', { date, seed: s.seed }),
    summaryHeading: r.t('analysis.summary'),
    summary: {
      kind: 'table',
      testId: 'analysis-summary',
      head: [],
      rows: [
        [
          r.t('analysis.stations'),
          `${r.n(s.stations)} (${r.n(s.stationsWithOfficialResult)} ${r.t('analysis.stations_with_result')})`,
        ],
        [r.t('analysis.registered'), r.n(s.registered)],
        [r.t('analysis.turnout'), r.pct(s.turnout, 2)],
        [r.t('analysis.leader'), r.choice(s.leader)],
        [r.t('analysis.leader_share'), r.pct(s.leaderShare, 2)],
      ].map(([name, value]) => ({ key: name!, cells: [{ text: name! }, { text: value! }] })),
    },
    sections: methodSections(r, report),
  };
}
