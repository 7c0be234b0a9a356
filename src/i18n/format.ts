import type { Locale } from '../domain/locale';

/**
 * Numbers and dates for people, in Kazakh, Russian and English: the one place the bots, the web
 * pages and the printable report format them. Pure (Intl only), so domain/, flows/, analysis/ and
 * web/ all import it.
 *
 * Kazakh is assembled here from Intl's locale-independent parts instead of `Intl.*('kk')`:
 * Chromium ships no Kazakh ICU data, so there `kk` falls back to the root locale — "2026 M12 7"
 * for a date, "1,234,567.5" for a number — where Node's full ICU says "2026 ж. 7 желтоқсан" and
 * "1 234 567,5". Built the same way in every runtime, a kk page, a kk bot message and a kk printed
 * report agree, and the unit tests run the code the browser runs. The forms are CLDR's (a unit
 * test holds them to Node's kk data). Russian and English data ship everywhere; they use Intl.
 *
 * Every negative number gets the true minus "−" (U+2212), as the analysis readings always wrote
 * it: a hyphen reads as a dash in running text. A percentage has no space before "%" in any
 * language (Intl's ru puts one): the catalogs write "95%" in every language, and a figure beside
 * them reads the same.
 */

/** How a number is written; by default up to 3 decimals, thousands grouped. */
export interface NumberOptions {
  /** Exactly this many digits after the decimal separator: `digits: 1` gives "12,0". */
  digits?: number;
  /** At most this many (trailing zeros dropped); ignored when `digits` is given. */
  maxDigits?: number;
  /** Group thousands ("1 234"); `false` for figures read against a form ("L2 = 1000"). */
  grouping?: boolean;
  /** A "+" on positive numbers too, for differences. */
  signed?: boolean;
}

export type DateStyle = 'long' | 'medium' | 'short';

/** A moment as the APIs carry it: a Date, an ISO string or epoch milliseconds. */
export type DateInput = Date | string | number;

const NO_VALUE = '—';
const MINUS = '\u2212';
const NBSP = '\u00a0';

/** The Intl locale whose parts Kazakh reuses: English's are the same but for these symbols. */
const INTL_LOCALE: Record<Locale, string> = { kk: 'en', ru: 'ru', en: 'en' };
const KAZAKH_NUMBER_SYMBOLS: Partial<Record<Intl.NumberFormatPartTypes, string>> = {
  group: NBSP,
  decimal: ',',
};

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

function intlNumberOptions(options: NumberOptions): Intl.NumberFormatOptions {
  const digits =
    options.digits !== undefined
      ? { minimumFractionDigits: options.digits, maximumFractionDigits: options.digits }
      : options.maxDigits !== undefined
        ? { minimumFractionDigits: 0, maximumFractionDigits: options.maxDigits }
        : {};
  return {
    ...digits,
    useGrouping: options.grouping ?? true,
    ...(options.signed ? { signDisplay: 'exceptZero' as const } : {}),
  };
}

function render(locale: Locale, value: number, options: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options)
    .formatToParts(value)
    .filter((part) => !(options.style === 'percent' && part.type === 'literal' && part.value.trim() === ''))
    .map((part) => {
      if (part.type === 'minusSign') return MINUS;
      return (locale === 'kk' && KAZAKH_NUMBER_SYMBOLS[part.type]) || part.value;
    })
    .join('');
}

/**
 * A number in the locale's way; "—" when there is none (null, NaN, ±Infinity).
 *
 * @example
 * formatNumber('kk', 1234567.5); // '1 234 567,5' (no-break spaces)
 * formatNumber('en', 1234567.5); // '1,234,567.5'
 * formatNumber('ru', 2.25, { digits: 1 }); // '2,3'
 * formatNumber('en', -3); // '−3'
 */
export function formatNumber(
  locale: Locale,
  value: number | null | undefined,
  options: NumberOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return render(locale, value, intlNumberOptions(options));
}

/**
 * A whole count: `formatCount('ru', 3635)` → "3 635".
 */
export function formatCount(locale: Locale, value: number | null | undefined): string {
  return formatNumber(locale, value, { maxDigits: 0 });
}

/**
 * A 0–1 share as a percentage, one decimal unless told: "45,7%" in kk and ru, "45.7%" in en.
 *
 * @example
 * formatPercent('en', 0.4565); // '45.7%'
 * formatPercent('ru', 0.05, { digits: 0 }); // '5%'
 */
export function formatPercent(
  locale: Locale,
  share: number | null | undefined,
  options: Pick<NumberOptions, 'digits' | 'signed'> = {},
): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return NO_VALUE;
  return render(locale, share, { ...intlNumberOptions({ digits: 1, ...options }), style: 'percent' });
}

// Kazakh calendar words and patterns, CLDR's (`y 'ж'. d MMMM`, `y 'ж'. dd MMM`, `dd.MM.yy`).
const KAZAKH_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
] as const;
const KAZAKH_MONTHS_SHORT = [
  'қаң.',
  'ақп.',
  'нау.',
  'сәу.',
  'мам.',
  'мау.',
  'шіл.',
  'там.',
  'қыр.',
  'қаз.',
  'қар.',
  'жел.',
] as const;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** The calendar fields of a moment in a time zone (the runtime's own when none is given). */
function fieldsOf(date: Date, timeZone: string | undefined): Fields {
  const parts = dateFormat('en-US', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(date);
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour') % 24,
    minute: field('minute'),
    second: field('second'),
  };
}

const two = (value: number): string => String(value).padStart(2, '0');

function kazakhDate(fields: Fields, style: DateStyle): string {
  const month = fields.month - 1;
  if (style === 'long') return `${fields.year} ж. ${fields.day} ${KAZAKH_MONTHS[month]}`;
  if (style === 'medium') return `${fields.year} ж. ${two(fields.day)} ${KAZAKH_MONTHS_SHORT[month]}`;
  return `${two(fields.day)}.${two(fields.month)}.${two(fields.year % 100)}`;
}

function kazakhTime(fields: Fields, seconds: boolean): string {
  const time = `${two(fields.hour)}:${two(fields.minute)}`;
  return seconds ? `${time}:${two(fields.second)}` : time;
}

/** The moment, or null when the input names none (then the caller shows what it was given). */
function toDate(input: DateInput): Date | null {
  const date = input instanceof Date ? input : new Date(input);
  return Number.isNaN(date.getTime()) ? null : date;
}

function unreadable(input: DateInput): string {
  return typeof input === 'string' ? input : NO_VALUE;
}

function zoned(timeZone: string | undefined): Intl.DateTimeFormatOptions {
  return timeZone ? { timeZone } : {};
}

/**
 * A calendar date. `timeZone` is an IANA name; without it, the runtime's own (the reader's, in a
 * browser). An unreadable string is shown as given.
 *
 * @example
 * formatDate('kk', '2026-12-07T10:00:00Z', 'long', 'UTC'); // '2026 ж. 7 желтоқсан'
 * formatDate('ru', '2026-12-07T10:00:00Z', 'long', 'UTC'); // '7 декабря 2026 г.'
 * formatDate('en', '2026-12-07T10:00:00Z', 'medium', 'UTC'); // 'Dec 7, 2026'
 */
export function formatDate(
  locale: Locale,
  input: DateInput,
  style: DateStyle = 'medium',
  timeZone?: string,
): string {
  const date = toDate(input);
  if (!date) return unreadable(input);
  if (locale === 'kk') return kazakhDate(fieldsOf(date, timeZone), style);
  return dateFormat(locale, { dateStyle: style, ...zoned(timeZone) }).format(date);
}

/**
 * A date with its time to the minute, e.g. when a violation was reported.
 *
 * @example
 * formatDateTime('kk', '2026-12-07T14:05:00Z', 'UTC'); // '2026 ж. 07 жел., 14:05'
 * formatDateTime('ru', '2026-12-07T14:05:00Z', 'UTC'); // '7 дек. 2026 г., 14:05'
 * formatDateTime('en', '2026-12-07T14:05:00Z', 'UTC'); // 'Dec 7, 2026, 2:05 PM'
 */
export function formatDateTime(locale: Locale, input: DateInput, timeZone?: string): string {
  const date = toDate(input);
  if (!date) return unreadable(input);
  if (locale === 'kk') {
    const fields = fieldsOf(date, timeZone);
    return `${kazakhDate(fields, 'medium')}, ${kazakhTime(fields, false)}`;
  }
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...zoned(timeZone) }).format(date);
}

/**
 * A time of day, to the minute unless `seconds`: "14:05" in kk and ru, "2:05 PM" in en.
 */
export function formatTime(
  locale: Locale,
  input: DateInput,
  options: { seconds?: boolean; timeZone?: string | undefined } = {},
): string {
  const date = toDate(input);
  if (!date) return unreadable(input);
  const seconds = options.seconds ?? false;
  if (locale === 'kk') return kazakhTime(fieldsOf(date, options.timeZone), seconds);
  return dateFormat(locale, { timeStyle: seconds ? 'medium' : 'short', ...zoned(options.timeZone) }).format(
    date,
  );
}
