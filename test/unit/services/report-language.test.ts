import { describe, expect, it } from 'vitest';
import { reportLanguage } from '../../../src/services/analysis-report/report-language';

describe('the report language when --lang is not given', () => {
  it("takes the data's declared language and says why", () => {
    const choice = reportLanguage({
      declared: { locale: 'ru', by: 'the mapping ru-2011.json' },
      env: { LANG: 'en_US.UTF-8' },
    });
    expect(choice.locale).toBe('ru');
    expect(choice.why).toMatch(/the mapping ru-2011\.json declares "language": "ru"/);
  });
  it("else the system's, else kk", () => {
    expect(reportLanguage({ env: { LANG: 'ru_RU.UTF-8' } }).locale).toBe('ru');
    expect(reportLanguage({ env: { LC_ALL: 'en_GB.UTF-8', LANG: 'ru_RU' } }).locale).toBe('en');
    expect(reportLanguage({ env: { LANG: 'C.UTF-8' } })).toMatchObject({ locale: 'kk' });
    expect(reportLanguage({ requested: 'en', env: { LANG: 'ru_RU' } })).toEqual({ locale: 'en', why: '' });
  });
});
