import { describe, expect, it } from 'vitest';
import { inEveryLanguage, renderAnalysisText } from '../../../src/analysis/analysis-text';
import { digitTestsText, integerPercentagesText, observerEffectText } from '../../../src/analysis/readings';
import { ANALYSIS_CATALOGS } from '../../../src/i18n/catalogs/analysis';

describe('analysis texts: a catalog key and params, formatted in each language', () => {
  it('formats numbers, percentages and signed points the way each language writes them', () => {
    const text = {
      key: 'analysis.interval' as const,
      params: { low: { points: -0.004 }, high: { points: 0.089 }, kind: { percent: 0.4565 } },
    };
    expect(renderAnalysisText('en', text)).toBe('95% interval −0.4 to +8.9 (45.7%)');
    expect(renderAnalysisText('ru', text)).toBe('95%-й интервал от −0,4 до +8,9 (45,7%)');
    // Zero has no sign; a count has no decimals and groups its thousands.
    const count = {
      key: 'analysis.sample_size_value' as const,
      params: { count: { number: 1234, digits: 0 } },
    };
    expect(renderAnalysisText('ru', count)).toBe('1\u00a0234 участков');
    expect(renderAnalysisText('en', { key: 'analysis.interval', params: { low: { points: 0 } } })).toContain(
      'interval 0.0 to',
    );
  });

  it('renders nested texts and lists in the same language', () => {
    const digits = digitTestsText([
      { choice: 'a', statistic: 'secondDigitMean' },
      { choice: 'b', statistic: 'somethingNew' },
    ]);
    expect(digits.key).toBe('analysis.reading.digits_depart');
    const reading = inEveryLanguage(digits);
    expect(reading.en).toContain('(a: second-digit mean, b: somethingNew)');
    expect(reading.kk).toContain('a: екінші цифр орташасы, b: somethingNew');
  });

  it('chooses the reading by the figures, not by the words', () => {
    expect(integerPercentagesText(40, 3, 1000).key).toBe('analysis.reading.integer_significant');
    expect(integerPercentagesText(4, 2.9, 1000).key).toBe('analysis.reading.integer_chance');
    const effect = observerEffectText({
      measure: 'turnout',
      scope: 'overall',
      difference: 0.05,
      interval: { low: 0.01, high: 0.09, level: 0.95, kind: 'bootstrap' },
      overall: 0.05,
      significant: true,
      districts: 0,
    });
    expect(effect.key).toBe('analysis.reading.observer_significant');
    // Over all stations there is no separate overall figure to add.
    expect(effect.params?.overall).toBe('');
    expect(inEveryLanguage(effect).en).toBe(
      'Strongest effect: without an observer, turnout differs by +5.0 points over all stations (95%: +1.0 to +9.0).',
    );
  });

  it('has every reading key in every language', () => {
    for (const locale of ['kk', 'ru', 'en'] as const)
      expect(ANALYSIS_CATALOGS[locale]['analysis.reading.observer_significant']).toContain('{what}');
  });
});
