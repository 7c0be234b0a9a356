import { placeholdersOf, pluralProblems } from './message-format';

/** One problem in the catalogs, e.g. `{ locale: 'kk', key: 'voter.thanks', problem: 'missing' }`. */
export interface CatalogProblem {
  locale: string;
  key: string;
  problem: string;
}

/**
 * Compares every catalog with the reference one: keys missing or extra, and templates whose
 * `{param}` placeholders differ (a translated `{area}` would render literally), and plurals that
 * lack a category the locale needs (see `pluralProblems`).
 *
 * @example
 * checkCatalogs({ en: { a: 'Hi {name}' }, ru: { a: 'Привет {имя}' } }, 'en');
 * // [{ locale: 'ru', key: 'a', problem: 'placeholders {имя} instead of {name}' }]
 */
export function checkCatalogs(
  catalogs: Record<string, Record<string, string>>,
  reference: string,
): CatalogProblem[] {
  const base = catalogs[reference];
  if (!base) return [{ locale: reference, key: '*', problem: 'reference catalog is missing' }];
  const problems: CatalogProblem[] = [];
  for (const [locale, catalog] of Object.entries(catalogs)) {
    for (const [key, text] of Object.entries(catalog)) {
      for (const problem of pluralProblems(locale, text)) problems.push({ locale, key, problem });
    }
    if (locale === reference) continue;
    for (const key of Object.keys(base)) {
      const text = catalog[key];
      if (text === undefined) {
        problems.push({ locale, key, problem: 'missing' });
        continue;
      }
      if (text.trim() === '') problems.push({ locale, key, problem: 'empty' });
      const expected = placeholdersOf(base[key] as string);
      const actual = placeholdersOf(text);
      if (expected.join(',') !== actual.join(',')) {
        const show = (names: string[]) => (names.length ? names.map((n) => `{${n}}`).join(' ') : 'none');
        problems.push({ locale, key, problem: `placeholders ${show(actual)} instead of ${show(expected)}` });
      }
    }
    for (const key of Object.keys(catalog)) {
      if (!Object.hasOwn(base, key)) problems.push({ locale, key, problem: `extra (not in ${reference})` });
    }
  }
  return problems;
}
