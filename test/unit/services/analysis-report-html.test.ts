import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeElection } from '../../../src/analysis/analyze-election';
import { readingWithNames } from '../../../src/analysis/reading-names';
import { LOCALES } from '../../../src/domain/locale';
import { translate } from '../../../src/i18n';
import { formatDateTime, formatNumber } from '../../../src/i18n/format';
import { analysisReportHtml } from '../../../src/services/analysis-report/analysis-report-html';
import {
  REPORT_CONTENT_SECURITY_POLICY,
  REPORT_STYLESHEET_HASH,
} from '../../../src/services/analysis-report/report-stylesheet';
import { cleanElection, stuff } from '../analysis/synthetic-election';

/** Text as the report writes it into HTML. */
const escaped = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const stations = cleanElection({ seed: 71, stations: 3000 });
for (const s of stations) if (s.observers === 0) stuff(s, 0.05 * s.registered);
const report = analyzeElection(stations, { seed: 5, monteCarloDraws: 1000, bootstrapDraws: 100 });
const context = {
  election: 'Test <election> & "co"',
  choiceNames: { leader: 'Leader Party', second: 'Second Party' },
  computedAt: '2026-12-05T07:00:00.000Z',
};

describe('printable analysis report (HTML)', () => {
  it.each(LOCALES)(
    'shows every method with its inputs, sample size, uncertainty and reading in %s',
    (locale) => {
      const html = analysisReportHtml(report, { ...context, locale });
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain(
        escaped(translate(locale, { key: 'analysis.report_title', params: { election: context.election } })),
      );
      expect(html).not.toContain('<election>');

      const results = [
        ['protocols', 'analysis.section_protocols', report.protocolDiscrepancies!],
        ['photo', 'analysis.section_photos', report.photoExceedsOfficial!],
        ['observers', 'analysis.section_observers', report.observerEffect!],
        ['fingerprint', 'analysis.section_fingerprint', report.fingerprint!],
        ['integer', 'analysis.section_integer', report.integerPercentages!],
        ['anomalous', 'analysis.section_anomalous', report.anomalousVotes!],
        ['digits', 'analysis.section_digits', report.digitTests!],
        ['inflation', 'analysis.section_inflation', report.turnoutInflation!],
      ] as const;
      for (const [id, heading, result] of results) {
        const section = html.slice(
          html.indexOf(`<section id="${id}">`),
          html.indexOf('</section>', html.indexOf(`<section id="${id}">`)),
        );
        expect(section, id).toContain(`<h2>${escaped(translate(locale, { key: heading }))}</h2>`);
        expect(section, id).toContain(escaped(readingWithNames(result.reading[locale], context.choiceNames)));
        // The method and its citation in the report's language.
        expect(section, id).toContain(escaped(result.method.localized[locale].citation));
        expect(section, id).toContain(escaped(result.method.localized[locale].name));
        expect(section, id).toContain(escaped(translate(locale, { key: 'analysis.uncertainty' })));
        const sampleSize = translate(locale, {
          key: 'analysis.sample_size_value',
          params: { count: formatNumber(locale, result.sampleSize, { digits: 0 }) },
        });
        expect(section, id).toContain(escaped(sampleSize));
        for (const key of Object.keys(result.inputs)) expect(section, id).toContain(`<li>${escaped(key)}: `);
      }
      // The integer-percentage uncertainty names the null's SD, the Monte Carlo draws and the seed.
      const ip = report.integerPercentages!;
      const nullSd = translate(locale, {
        key: 'analysis.null_sd',
        params: {
          sd: formatNumber(locale, ip.expectedSd, { digits: 1 }),
          draws: formatNumber(locale, 1000, { digits: 0 }),
          seed: 5,
        },
      });
      expect(html).toContain(escaped(nullSd));
      // The tallies name the self-selected voters' sample in the language.
      expect(html).toContain(escaped(translate(locale, { key: 'analysis.self_selected' })));
      expect(html).toContain('Leader Party');
    },
  );

  it('dates the computation in the report’s language, in UTC', () => {
    // en: some ICU versions put a narrow no-break space before "AM", others a space.
    const dates = { kk: '2026 ж. 05 жел., 07:00 UTC', ru: '5 дек. 2026 г., 07:00 UTC', en: '' };
    dates.en = `${formatDateTime('en', context.computedAt, 'UTC')} UTC`;
    expect(dates.en).toMatch(/^Dec 5, 2026, 7:00\sAM UTC$/);
    for (const locale of LOCALES) {
      const html = analysisReportHtml(report, { ...context, locale });
      const generated = translate(locale, {
        key: 'analysis.report_generated',
        params: { date: dates[locale], seed: 5 },
      });
      expect(html).toContain(`<p>${escaped(generated)}</p>`);
      expect(html).not.toContain('M12');
    }
  });

  it('carries the five charts, each titled in the language, with distinct ids', () => {
    const html = analysisReportHtml(report, { ...context, locale: 'kk' });
    const svgs = html.match(/<svg [^>]*>/g) ?? [];
    expect(svgs).toHaveLength(5);
    const labelled = svgs.map((svg) => /aria-labelledby="([^"]+)"/.exec(svg)![1]);
    expect(new Set(labelled).size).toBe(5);
    for (const key of [
      'analysis.chart_fingerprint_title',
      'analysis.chart_turnout_title',
      'analysis.chart_spikes_turnout_title',
      'analysis.chart_spikes_share_title',
      'analysis.chart_observers_title',
    ] as const) {
      expect(html).toContain(`>${escaped(translate('kk', { key }))}</title>`);
    }
  });

  it('needs nothing the Content-Security-Policy forbids: no script, no style attribute, its stylesheet by hash', () => {
    const html = analysisReportHtml(report, { ...context, locale: 'ru' });
    expect(html).not.toMatch(/<script|\son\w+=|\sstyle="|<link|src=|href=/i);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(styles).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(styles[0]![1]!).digest('base64')}'`;
    expect(hash).toBe(REPORT_STYLESHEET_HASH);
    expect(REPORT_CONTENT_SECURITY_POLICY).toContain(`style-src ${hash}`);
    expect(REPORT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it('says which sections the data did not allow', () => {
    const officialOnly = cleanElection({ seed: 72, stations: 500 }).map(
      ({ photoVotes: _p, sampleVotes: _s, protocol: _pr, observers: _o, ...official }) => official,
    );
    const html = analysisReportHtml(
      analyzeElection(officialOnly, { seed: 1, monteCarloDraws: 1000, bootstrapDraws: 50 }),
      { ...context, locale: 'en' },
    );
    for (const what of [
      'analysis.what_protocols',
      'analysis.what_photos',
      'analysis.what_observers',
    ] as const) {
      const text = translate('en', {
        key: 'analysis.not_computed',
        params: { what: translate('en', { key: what }) },
      });
      expect(html).toContain(escaped(text));
    }
    expect(html).toContain('<section id="integer">');
    expect(html.match(/<svg /g)).toHaveLength(4);
  });
});
