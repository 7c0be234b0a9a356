import type { Kysely } from 'kysely';
import type { Database } from '../store/database-schema';
import {
  PrecinctCoverageRepository,
  type CoverageTotals,
} from '../store/repositories/precinct-coverage.repository';
import type { Election } from './election.service';

export interface PrecinctCoverage {
  code: string;
  number: string | null;
  name: string | null;
  /** The precinct's name in each language, for the console's reader. */
  names: { kk: string; ru: string; en: string };
  parentCode: string | null;
  /** Observers assigned through invites that are not revoked. */
  observers: number;
  /** Current (not superseded) observer protocols. */
  protocols: number;
  /** The precinct's merged protocol: accepted, in conflict, or none yet. */
  merged: 'accepted' | 'conflict' | 'none';
}

export interface CoverageQuery {
  /** An area code at any level (a region, a district): its precincts only. */
  area?: string;
  /** Only precincts with an observer, only those without (the gaps), or all. */
  observer?: 'with' | 'without' | 'any';
  /** 1-based page of `pageSize` precincts. */
  page?: number;
  pageSize?: number;
}

export interface CoverageView {
  precincts: PrecinctCoverage[];
  /** Over every precinct of the area, whatever the observer filter or the page. */
  totals: CoverageTotals;
  /** Precincts matching the filter in all, and where this page stands among them. */
  matching: number;
  page: number;
  pageSize: number;
  pages: number;
}

export const COVERAGE_PAGE_SIZE = 100;

/**
 * Which precincts have an observer and which have a protocol, for coordinators planning the
 * day: the gaps (no observer) and the silences (an observer, but no protocol yet). Paged on the
 * server: a national election has ten thousand precincts, far more than a page can draw.
 *
 * @example
 * const { totals, precincts } = await coverage.view(election, { area: 'r1', observer: 'without', page: 2 });
 */
export class CoverageService {
  constructor(private readonly db: Kysely<Database>) {}

  async view(election: Election, query: CoverageQuery = {}): Promise<CoverageView> {
    const leafLevel = election.definition.geography.levels.at(-1)?.id ?? '';
    const pageSize = query.pageSize ?? COVERAGE_PAGE_SIZE;
    const page = query.page ?? 1;
    const repository = new PrecinctCoverageRepository(this.db);
    const area = query.area ? { area: query.area } : {};
    const totals = await repository.totals(election.id, { leafLevel, ...area });
    const { rows, matching } = await repository.page(
      election.id,
      { leafLevel, ...area, observer: query.observer ?? 'any' },
      { offset: (page - 1) * pageSize, limit: pageSize },
    );
    return {
      precincts: rows.map((row) => ({
        code: row.code,
        number: row.number,
        name: row.name_en,
        names: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
        parentCode: row.parent_code,
        observers: row.observers,
        protocols: row.protocols,
        merged: row.merged ?? 'none',
      })),
      totals,
      matching,
      page,
      pageSize,
      pages: Math.max(1, Math.ceil(matching / pageSize)),
    };
  }
}
