import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeElection } from '../../../src/analysis/analyze-election';
import { analysisReportModel } from '../../../src/analysis/report-model/build-report-model';
import type { ReportBlock } from '../../../src/analysis/report-model/model';
import { analysisReportHtml } from '../../../src/services/analysis-report/analysis-report-html';
import { REPO_ROOT } from '../../support/tiny-election';
import { cleanElection, stuff } from './synthetic-election';

/** Text as the report writes it into HTML. */
const escaped = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Stuffed where no observer watched, so that every method has something to say.
const report = analyzeElection(
  cleanElection({ seed: 73, stations: 1500 }).map((s) => {
    if (s.observers === 0) stuff(s, 0.05 * s.registered);
    return s;
  }),
  { seed: 9, monteCarloDraws: 1000, bootstrapDraws: 50 },
);
const choiceNames = { leader: 'Leader Party', second: 'Second Party' };
const context = { election: 'Model & <co>', choiceNames, computedAt: '2026-12-05T07:00:00.000Z' };

/** Every text a block shows. */
function blockTexts(block: ReportBlock): string[] {
  if (block.kind === 'figure') return block.caption ? [block.caption] : [];
  if (block.kind !== 'table') return [block.text];
  return [
    ...block.head,
    ...block.rows.flatMap((row) =>
      row.cells.map((cell) => (cell.detail ? `${cell.text} ${cell.detail}` : cell.text)),
    ),
  ];
}

describe('one report model for the analysis page and the printable report', () => {
  it.each(['kk', 'ru', 'en'] as const)(
    'the printed report (%s) shows every text of the model, section by section',
    (locale) => {
      const model = analysisReportModel(report, { ...context, locale });
      const html = analysisReportHtml(report, { ...context, locale });
      expect(html).toContain(escaped(model.title));
      for (const text of blockTexts(model.summary)) expect(html).toContain(escaped(text));
      expect(model.sections.map((s) => s.id)).toEqual([
        'photo',
        'observers',
        'fingerprint',
        'integer',
        'anomalous',
        'digits',
        'protocols',
        'inflation',
        'tallies',
      ]);
      for (const section of model.sections) {
        const start = html.indexOf(`<section id="${section.id}">`);
        expect(start, section.id).toBeGreaterThan(0);
        const body = html.slice(start, html.indexOf('</section>', start));
        const texts = [
          section.heading,
          section.reading ?? section.notComputed ?? '',
          ...section.facts.flatMap((fact) => [fact.label, ...(fact.list ?? [fact.value])]),
          ...section.blocks.flatMap(blockTexts),
        ];
        for (const text of texts) expect(body, `${section.id}: ${text}`).toContain(escaped(text));
        expect(body.match(/<svg /g)?.length ?? 0).toBe(
          section.blocks.filter((b) => b.kind === 'figure').length,
        );
      }
    },
  );

  it('formats the figures in the reader’s language', () => {
    const ru = analysisReportModel(report, { ...context, locale: 'ru' });
    const en = analysisReportModel(report, { ...context, locale: 'en' });
    const turnout = (m: typeof ru) => (m.summary.kind === 'table' ? m.summary.rows[2]!.cells[1]!.text : '');
    expect(turnout(ru)).toMatch(/^\d+,\d\d%$/);
    expect(turnout(en)).toMatch(/^\d+\.\d\d%$/);
  });

  it('leaves the page no text or number format of its own: it lays out the model', () => {
    const dir = path.join(REPO_ROOT, 'web/dashboard/analysis');
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.svelte'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/\bformat(Number|Percent|Count|DateTime)\b/);
      expect(source, file).not.toMatch(/\/i18n\/catalogs\/analysis\/(kk|ru|en)'/);
    }
    expect(fs.existsSync(path.join(dir, 'texts'))).toBe(false);
  });
});
