import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/domain/locale';
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatTime,
} from '../../../src/i18n/format';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it.each([
    [1, '1', '1', '1'],
    [2, '2', '2', '2'],
    [5, '5', '5', '5'],
    [21, '21', '21', '21'],
    [1234567.5, `1${NBSP}234${NBSP}567,5`, `1${NBSP}234${NBSP}567,5`, '1,234,567.5'],
  ])('writes %d as kk %j, ru %j, en %j', (value, kk, ru, en) => {
    expect(formatNumber('kk', value)).toBe(kk);
    expect(formatNumber('ru', value)).toBe(ru);
    expect(formatNumber('en', value)).toBe(en);
  });

  it('keeps exactly `digits` decimals, or at most `maxDigits`', () => {
    expect(formatNumber('kk', 12, { digits: 1 })).toBe('12,0');
    expect(formatNumber('en', 2.25, { digits: 1 })).toBe('2.3');
    expect(formatNumber('ru', 2.5, { maxDigits: 3 })).toBe('2,5');
    expect(formatCount('ru', 3635.4)).toBe(`3${NBSP}635`);
    expect(formatCount('en', 3635.4)).toBe('3,635');
  });

  it('writes negatives with the true minus, and signs differences when asked', () => {
    expect(formatNumber('kk', -1234.5)).toBe(`\u22121${NBSP}234,5`);
    expect(formatNumber('en', -3)).toBe('\u22123');
    expect(formatNumber('ru', 7.1, { digits: 1, signed: true })).toBe('+7,1');
    expect(formatNumber('en', 0, { digits: 1, signed: true })).toBe('0.0');
  });

  it('leaves figures ungrouped when told (read against a protocol form)', () => {
    expect(formatNumber('en', 1000, { grouping: false })).toBe('1000');
    expect(formatNumber('kk', 12345.5, { grouping: false })).toBe('12345,5');
  });

  it('shows a dash where there is no number', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatNumber('ru', value)).toBe('—');
    }
    expect(formatPercent('kk', null)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('writes a 0–1 share with the language’s decimal sign, "%" close up as the catalogs write it', () => {
    expect(formatPercent('kk', 0.4565)).toBe('45,7%');
    expect(formatPercent('ru', 0.4565)).toBe('45,7%');
    expect(formatPercent('en', 0.4565)).toBe('45.7%');
    expect(formatPercent('ru', 0.05, { digits: 0 })).toBe('5%');
    expect(formatPercent('ru', 12.345)).toBe(`1${NBSP}234,5%`);
    expect(formatPercent('en', -0.071, { signed: true })).toBe('\u22127.1%');
    expect(formatPercent('kk', 0.21, { digits: 0 })).toBe('21%');
  });
});

describe('dates', () => {
  // 14:05:09 UTC is 19:05:09 in Almaty (UTC+5): the day is the same, the hour is not.
  const moment = '2026-12-07T14:05:09.000Z';

  it('writes a Kazakh date as Kazakh, never the root fallback "2026 M12 7"', () => {
    expect(formatDate('kk', moment, 'long', 'UTC')).toBe('2026 ж. 7 желтоқсан');
    expect(formatDate('kk', moment, 'medium', 'UTC')).toBe('2026 ж. 07 жел.');
    expect(formatDate('kk', moment, 'short', 'UTC')).toBe('07.12.26');
    expect(formatDateTime('kk', moment, 'Asia/Almaty')).toBe('2026 ж. 07 жел., 19:05');
    expect(formatTime('kk', moment, { timeZone: 'UTC', seconds: true })).toBe('14:05:09');
    expect(formatDate('kk', '2026-01-05T00:00:00Z', 'long', 'UTC')).toBe('2026 ж. 5 қаңтар');
  });

  it('writes Russian and English dates as Intl does', () => {
    expect(formatDate('ru', moment, 'long', 'UTC')).toBe('7 декабря 2026 г.');
    expect(formatDate('ru', moment, 'medium', 'UTC')).toBe('7 дек. 2026 г.');
    expect(formatDateTime('ru', moment, 'UTC')).toBe('7 дек. 2026 г., 14:05');
    expect(formatTime('ru', moment, { timeZone: 'Asia/Almaty' })).toBe('19:05');
    expect(formatDate('en', moment, 'long', 'UTC')).toBe('December 7, 2026');
    // Before "PM" some ICU versions put a narrow no-break space, others a space.
    expect(formatDateTime('en', moment, 'UTC')).toMatch(/^Dec 7, 2026, 2:05\sPM$/);
    expect(formatTime('en', moment, { timeZone: 'UTC' })).toMatch(/^2:05\sPM$/);
  });

  it('takes the day in the time zone given, across midnight', () => {
    const lateUtc = '2026-12-31T20:30:00Z'; // already 1 January in Almaty
    expect(formatDate('kk', lateUtc, 'long', 'Asia/Almaty')).toBe('2027 ж. 1 қаңтар');
    expect(formatDate('kk', lateUtc, 'long', 'UTC')).toBe('2026 ж. 31 желтоқсан');
    expect(formatTime('kk', '2026-12-07T19:00:00Z', { timeZone: 'Asia/Almaty' })).toBe('00:00');
  });

  it('accepts a Date, an ISO string or epoch milliseconds; an unreadable string stays as given', () => {
    const date = new Date(moment);
    for (const locale of LOCALES) {
      expect(formatDateTime(locale, date, 'UTC')).toBe(formatDateTime(locale, moment, 'UTC'));
      expect(formatDateTime(locale, date.getTime(), 'UTC')).toBe(formatDateTime(locale, moment, 'UTC'));
      expect(formatDateTime(locale, 'not a date')).toBe('not a date');
      expect(formatDate(locale, new Date(Number.NaN))).toBe('—');
    }
  });
});

// Node ships full ICU (Chromium does not): its own kk data is the reference the hand-built
// Kazakh forms must match.
describe('the Kazakh forms match CLDR as Node ships it', () => {
  it('numbers and percentages', () => {
    for (const value of [0, 1, 21, 999, 1234, 65_648_690, 1234567.5, 0.125]) {
      expect(formatNumber('kk', value)).toBe(new Intl.NumberFormat('kk').format(value));
    }
    for (const share of [0.004, 0.4565, 1]) {
      expect(formatPercent('kk', share)).toBe(
        new Intl.NumberFormat('kk', {
          style: 'percent',
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(share),
      );
    }
  });

  it('every month, in every date style, and the date with time', () => {
    for (let month = 0; month < 12; month += 1) {
      const date = new Date(Date.UTC(2026, month, 3, 9, 7, 5));
      for (const style of ['long', 'medium', 'short'] as const) {
        expect(formatDate('kk', date, style, 'UTC')).toBe(
          new Intl.DateTimeFormat('kk', { dateStyle: style, timeZone: 'UTC' }).format(date),
        );
      }
      expect(formatDateTime('kk', date, 'UTC')).toBe(
        new Intl.DateTimeFormat('kk', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
          date,
        ),
      );
    }
  });
});
