import { describe, expect, it } from 'vitest';
import {
  buildGeography,
  normalizePrecinctNumber,
  pageOf,
  type GeographyArea,
} from '../../../src/domain/geography';

const names = (en: string) => ({ kk: en, ru: en, en });
const areas: GeographyArea[] = [
  { code: 'r', level: 'region', depth: 0, parentCode: null, number: '1', names: names('R') },
  { code: 'd', level: 'district', depth: 1, parentCode: 'r', number: '1', names: names('D') },
  { code: 'p10', level: 'precinct', depth: 2, parentCode: 'd', number: '10', names: names('P10') },
  { code: 'p9', level: 'precinct', depth: 2, parentCode: 'd', number: '009', names: names('P9') },
];

describe('geography', () => {
  const geography = buildGeography(areas);

  it('orders numbered children by number, not by code', () => {
    expect(geography.children('d').map((a) => a.code)).toEqual(['p9', 'p10']);
  });

  it('knows precincts, paths and counts', () => {
    expect(geography.isPrecinct('p9')).toBe(true);
    expect(geography.isPrecinct('d')).toBe(false);
    expect(geography.pathOf('p10')).toEqual(['r', 'd', 'p10']);
    expect(geography.precinctCount).toBe(2);
  });

  it('finds precincts by typed number within an area', () => {
    expect(geography.findPrecinctsByNumber('r', '№9').map((a) => a.code)).toEqual(['p9']);
    expect(geography.findPrecinctsByNumber('r', 'nine')).toEqual([]);
  });

  it('reads typed precinct numbers', () => {
    expect(normalizePrecinctNumber(' № 0123 ')).toBe('123');
    expect(normalizePrecinctNumber('#7')).toBe('7');
    expect(normalizePrecinctNumber('No. 15')).toBe('15');
    expect(normalizePrecinctNumber('000')).toBe('0');
    expect(normalizePrecinctNumber('12a')).toBeUndefined();
  });

  it('pages lists and clamps the page', () => {
    expect(pageOf([1, 2, 3, 4, 5], 1, 2)).toEqual({ items: [3, 4], page: 1, pages: 3 });
    expect(pageOf([1, 2, 3], -4, 2)).toEqual({ items: [1, 2], page: 0, pages: 2 });
    expect(pageOf([], 3, 2)).toEqual({ items: [], page: 0, pages: 1 });
  });
});
