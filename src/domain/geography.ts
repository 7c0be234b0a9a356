/**
 * The geography a conversation walks through (region → district → precinct, or any number of
 * levels), as a pure in-memory lookup. Built once per election from its areas (~10,000
 * precincts is small) and shared by every conversation; nothing here touches the database.
 */
import type { LocalizedText } from './locale';

export interface GeographyArea {
  code: string;
  level: string;
  /** 0 for the top level. */
  depth: number;
  parentCode: string | null;
  /** The number printed on the ballot and the commission's sign, for precincts. */
  number: string | null;
  names: LocalizedText;
}

export interface Page<T> {
  items: T[];
  /** 0-based, clamped into range. */
  page: number;
  pages: number;
}

export interface Geography {
  /** The area with this code, if the election has one. */
  area(code: string): GeographyArea | undefined;
  /** The areas directly inside `code` (`null`: the top level), in a stable display order. */
  children(code: string | null): readonly GeographyArea[];
  /** Whether an area is where votes are cast (the deepest level). */
  isPrecinct(code: string): boolean;
  /** The precincts inside `within` (`null`: anywhere) whose number is `typed` (`"№ 012"` finds `12`). */
  findPrecinctsByNumber(within: string | null, typed: string): GeographyArea[];
  /** Codes from the top level down to `code` itself. */
  pathOf(code: string): string[];
  readonly precinctCount: number;
}

/**
 * Reads a precinct number as voters type it: digits, optionally after "№", "#", "N" or
 * "No."; leading zeros do not matter. Returns the canonical digits, or undefined.
 *
 * @example
 * normalizePrecinctNumber('№ 0123'); // '123'
 * normalizePrecinctNumber('Almaty'); // undefined
 */
export function normalizePrecinctNumber(typed: string): string | undefined {
  const match = /^(?:№|#|n|no\.?)?\s*0*(\d{1,7})$/i.exec(typed.trim());
  if (!match) return undefined;
  return match[1] === '' ? '0' : match[1];
}

/**
 * Builds the lookup. Children are ordered by number when they have one (precincts), else by
 * the order given (the geography file's order, which is the official one).
 *
 * @example
 * const geography = buildGeography(areas);
 * geography.children(null).map((a) => a.code); // ['KZ-AKM', 'KZ-AKT', …]
 * geography.findPrecinctsByNumber('KZ-AKM', '12'); // [{ code: 'KZ-AKM-01-012', … }]
 */
export function buildGeography(areas: readonly GeographyArea[]): Geography {
  const byCode = new Map<string, GeographyArea>();
  const childrenOf = new Map<string | null, GeographyArea[]>();
  let deepest = 0;
  for (const area of areas) {
    byCode.set(area.code, area);
    const siblings = childrenOf.get(area.parentCode) ?? [];
    siblings.push(area);
    childrenOf.set(area.parentCode, siblings);
    deepest = Math.max(deepest, area.depth);
  }
  for (const siblings of childrenOf.values()) siblings.sort(compareAreas);

  const precincts = areas.filter((area) => area.depth === deepest);
  const precinctsByNumber = new Map<string, GeographyArea[]>();
  for (const precinct of precincts) {
    const number = precinct.number === null ? undefined : normalizePrecinctNumber(precinct.number);
    if (number === undefined) continue;
    const list = precinctsByNumber.get(number) ?? [];
    list.push(precinct);
    precinctsByNumber.set(number, list);
  }

  const pathOf = (code: string): string[] => {
    const path: string[] = [];
    for (
      let area = byCode.get(code);
      area;
      area = area.parentCode ? byCode.get(area.parentCode) : undefined
    ) {
      path.unshift(area.code);
      if (path.length > 32) break; // a cycle in bad data must not hang a conversation
    }
    return path;
  };

  return {
    area: (code) => byCode.get(code),
    children: (code) => childrenOf.get(code) ?? [],
    isPrecinct: (code) => byCode.get(code)?.depth === deepest,
    findPrecinctsByNumber(within, typed) {
      const number = normalizePrecinctNumber(typed);
      if (number === undefined) return [];
      const candidates = precinctsByNumber.get(number) ?? [];
      return within === null ? [...candidates] : candidates.filter((p) => pathOf(p.code).includes(within));
    },
    pathOf,
    precinctCount: precincts.length,
  };
}

function compareAreas(a: GeographyArea, b: GeographyArea): number {
  return compareOfficialOrder(a, b);
}

/**
 * The election file's order of sibling areas, the same in the bots, the API and the pages: by
 * the commission's number when both have one (regions 1–17, districts, precincts), else the
 * order given (0: `Array.prototype.sort` is stable, so callers pass code order).
 *
 * @example
 * [{ code: 'kz-zap', number: '7' }, { code: 'kz-akm', number: '1' }].sort(compareOfficialOrder);
 * // kz-akm (1), then kz-zap (7): not the ISO codes' order
 */
export function compareOfficialOrder(
  a: { code: string; number: string | null },
  b: { code: string; number: string | null },
): number {
  const na = a.number === null ? undefined : normalizePrecinctNumber(a.number);
  const nb = b.number === null ? undefined : normalizePrecinctNumber(b.number);
  if (na !== undefined && nb !== undefined) return Number(na) - Number(nb) || a.code.localeCompare(b.code);
  return 0;
}

/**
 * One page of a list, with the page number clamped into range.
 *
 * @example
 * pageOf(['a', 'b', 'c'], 1, 2); // { items: ['c'], page: 1, pages: 2 }
 */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(Math.max(0, Math.trunc(page)), pages - 1);
  return { items: items.slice(current * pageSize, (current + 1) * pageSize), page: current, pages };
}
