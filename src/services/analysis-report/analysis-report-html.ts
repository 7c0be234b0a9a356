import type { AnalysisReport } from '../../analysis/analyze-election';
import { escapeXml as escapeHtml } from '../../analysis/charts/svg-document';
import { analysisReportModel, type ReportContext } from '../../analysis/report-model/build-report-model';
import type { ReportBlock, ReportSection } from '../../analysis/report-model/model';
import { REPORT_STYLESHEET } from './report-stylesheet';

export type { ReportContext } from '../../analysis/report-model/build-report-model';

/**
 * The printable report of an analysis: one self-contained HTML page (its only style is
 * `REPORT_STYLESHEET`, no script, charts as inline SVG). It lays out the same report model as the
 * dashboard's analysis page (src/analysis/report-model), so its texts and figures are the page's;
 * this file only writes the markup.
 *
 * @example
 * const html = analysisReportHtml(report, { locale: 'ru', election: 'Выборы 2011', computedAt: new Date().toISOString() });
 */
export function analysisReportHtml(report: AnalysisReport, context: ReportContext): string {
  const model = analysisReportModel(report, context);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(model.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${REPORT_STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<p>${escapeHtml(model.intro)}</p>`,
    `<p>${escapeHtml(model.generated)}</p>`,
    '</header>',
    '<section class="summary">',
    `<h2>${escapeHtml(model.summaryHeading)}</h2>`,
    block(model.summary),
    '</section>',
    ...model.sections.flatMap(section),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function section(s: ReportSection): string[] {
  const head = [`<section id="${escapeHtml(s.id)}">`, `<h2>${escapeHtml(s.heading)}</h2>`];
  if (s.notComputed !== undefined)
    return [...head, `<p class="not-computed">${escapeHtml(s.notComputed)}</p>`, '</section>'];
  const facts = s.facts.map((fact) => {
    const value = fact.list
      ? `<ul>${fact.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
      : escapeHtml(fact.value);
    return `<dt>${escapeHtml(fact.label)}</dt><dd>${value}</dd>`;
  });
  return [
    ...head,
    `<p class="reading">${escapeHtml(s.reading ?? '')}</p>`,
    '<dl class="meta">',
    ...facts,
    '</dl>',
    ...s.blocks.map(block),
    '</section>',
  ];
}

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p${b.note ? ' class="note"' : ''}>${escapeHtml(b.text)}</p>`;
    case 'subheading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'figure':
      // The SVG's texts are escaped where the chart is drawn (src/analysis/charts).
      return `<figure>${b.svg}${b.caption ? `<figcaption>${escapeHtml(b.caption)}</figcaption>` : ''}</figure>`;
    case 'table': {
      const cell = (tag: string, text: string) => `<${tag}>${escapeHtml(text)}</${tag}>`;
      const head = b.head.length
        ? `<thead><tr>${b.head.map((text) => cell('th', text)).join('')}</tr></thead>`
        : '';
      const rows = b.rows.map(
        (row) =>
          `<tr>${row.cells.map((c) => cell('td', c.detail ? `${c.text} ${c.detail}` : c.text)).join('')}</tr>`,
      );
      return `<table>${head}<tbody>${rows.join('')}</tbody></table>`;
    }
  }
}
