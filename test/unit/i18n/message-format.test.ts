import { describe, expect, it } from 'vitest';
import { checkCatalogs } from '../../../src/i18n/check-catalogs';
import { translate } from '../../../src/i18n/index';
import { formatMessage, placeholdersOf, pluralProblems } from '../../../src/i18n/message-format';
import { SECTIONS } from '../../../src/i18n/catalogs/sections';
import { sectionRenderer } from '../../../src/i18n/section';

const renderConsole = sectionRenderer(SECTIONS.console);
const renderWeb = sectionRenderer(SECTIONS.dashboard);

const RU_MESSAGES =
  'из {count, plural, one {# сообщения} few {# сообщений} many {# сообщений} other {# сообщения}}';

describe('formatMessage', () => {
  it('picks the Russian plural by the number: one for 1 and 21, few for 2–4, many for 5–20 and 11', () => {
    const rendered = [1, 2, 4, 5, 11, 21, 22, 25, 101, 111].map((count) =>
      formatMessage('ru', RU_MESSAGES, { count }),
    );
    expect(rendered).toEqual([
      'из 1 сообщения',
      'из 2 сообщений',
      'из 4 сообщений',
      'из 5 сообщений',
      'из 11 сообщений',
      'из 21 сообщения',
      'из 22 сообщений',
      'из 25 сообщений',
      'из 101 сообщения',
      'из 111 сообщений',
    ]);
    expect(formatMessage('ru', RU_MESSAGES, { count: 1.5 })).toBe('из 1.5 сообщения');
  });

  it('picks the English plural, prefers an exact =N branch, and keeps a pre-formatted number as given', () => {
    const template = '{n, plural, =0 {no reports} one {# report} other {# reports}}';
    expect(formatMessage('en', template, { n: 0 })).toBe('no reports');
    expect(formatMessage('en', template, { n: 1 })).toBe('1 report');
    expect(formatMessage('en', template, { n: 2 })).toBe('2 reports');
    expect(formatMessage('en', template, { n: '1 234' })).toBe('1 234 reports');
    expect(formatMessage('ru', RU_MESSAGES, { count: '1 021' })).toBe('из 1 021 сообщения');
  });

  it('fills {name}s, inside plural branches too, and leaves a missing one visible', () => {
    const template = '{area}: {count, plural, one {# report from {who}} other {# reports from {who}}}';
    expect(formatMessage('en', template, { area: 'Almaty', count: 3, who: 'voters' })).toBe(
      'Almaty: 3 reports from voters',
    );
    expect(formatMessage('en', template, { count: 1, who: 'voters' })).toBe('{area}: 1 report from voters');
    expect(formatMessage('en', template, { area: 'Almaty' })).toBe('Almaty: {count}');
    expect(formatMessage('en', 'entry #{id}', { id: 7 })).toBe('entry #7');
  });

  it('renders a template it cannot parse as written instead of throwing', () => {
    expect(formatMessage('en', 'a { b {name}', { name: 'x' })).toBe('a { b x');
    expect(formatMessage('en', '{count, plural, one {# x}', { count: 1 })).toBe('{count, plural, one {# x}');
    expect(formatMessage('en', '{count, select, one {x}}', { count: 1 })).toBe('{count, select, one {x}}');
  });

  it('lists the parameters of plain and plural forms for the catalog check', () => {
    expect(placeholdersOf('{b} and {a, plural, one {# {c}} other {# {c}s}}')).toEqual(['a', 'b', 'c']);
    expect(placeholdersOf('no parameters')).toEqual([]);
  });
});

describe('plural rules in the catalogs', () => {
  it('names a plural that lacks a category the locale needs', () => {
    expect(pluralProblems('ru', '{n, plural, one {# голос} other {# голосов}}')).toEqual([
      '{n} lacks few, many',
    ]);
    expect(pluralProblems('en', '{n, plural, one {# vote}}')).toEqual(['{n} lacks other']);
    expect(pluralProblems('kk', '{n, plural, one {# дауыс} other {# дауыс}}')).toEqual([]);
    expect(
      checkCatalogs(
        {
          en: { a: '{n, plural, one {# vote} other {# votes}}' },
          ru: { a: '{n, plural, one {# голос} other {# голосов}}' },
        },
        'en',
      ),
    ).toEqual([{ locale: 'ru', key: 'a', problem: '{n} lacks few, many' }]);
  });

  it('shows the ru and kk plural forms for 1, 2, 5, 21 through a real catalog key', () => {
    const COUNTS = [1, 2, 5, 21];
    const counted = (locale: 'ru' | 'kk', pattern: RegExp) =>
      COUNTS.map((count) => pattern.exec(renderWeb(locale, 'notice.sample', { count }))?.[1]);
    // Russian: one for 1 and 21, few for 2, many for 5.
    expect(COUNTS.map((count) => new Intl.PluralRules('ru').select(count))).toEqual([
      'one',
      'few',
      'many',
      'one',
    ]);
    expect(counted('ru', /выборка из (\d+ \S+),/)).toEqual([
      '1 сообщения',
      '2 сообщений',
      '5 сообщений',
      '21 сообщения',
    ]);
    // Kazakh: one for 1 only (21 is other, unlike Russian); a noun after a numeral stays
    // singular, so the catalog's text needs no plural and reads right for every count.
    expect(COUNTS.map((count) => new Intl.PluralRules('kk').select(count))).toEqual([
      'one',
      'other',
      'other',
      'other',
    ]);
    expect(counted('kk', /бұл (\d+ \S+) тұратын/)).toEqual([
      '1 хабарламадан',
      '2 хабарламадан',
      '5 хабарламадан',
      '21 хабарламадан',
    ]);
    const kkBranches = '{count, plural, one {# учаске (біреу)} other {# учаске}}';
    expect(COUNTS.map((count) => formatMessage('kk', kkBranches, { count }))).toEqual([
      '1 учаске (біреу)',
      '2 учаске',
      '5 учаске',
      '21 учаске',
    ]);
  });

  it('renders the real catalogs with the right plural: dashboard, console and bots', () => {
    expect(renderWeb('ru', 'notice.sample', { count: 21 })).toContain('выборка из 21 сообщения,');
    expect(renderWeb('ru', 'notice.sample', { count: 25 })).toContain('выборка из 25 сообщений,');
    expect(renderWeb('en', 'notice.sample', { count: 1 })).toContain('sample of 1 report,');
    expect(renderConsole('en', 'audit.intact', { count: 1 })).toBe('Chain intact: 1 entry verified.');
    expect(renderConsole('en', 'official.imported', { count: 12 })).toBe('Imported 12 precincts.');
    expect(translate('en', { key: 'observer.violation_received', params: { count: 1 } })).toContain(
      '(1 photo or video)',
    );
  });
});
