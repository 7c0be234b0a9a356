import type { Kysely, Transaction } from 'kysely';
import { buildGeography, type Geography } from '../domain/geography';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import { ImportsRepository } from '../store/repositories/imports.repository';

/** How long a cached geography is trusted before checking whether a new import replaced it. */
const RECHECK_MS = 5_000;

interface Cached {
  geography: Geography;
  importId: number;
  checkedAt: number;
}

/**
 * Builds each election's {@link Geography} once and keeps it: ~10,000 precincts take a few
 * megabytes and a moment to load, far too much for every message. A later geography import is
 * noticed within {@link RECHECK_MS} by its import id.
 *
 * Reads go through the executor the caller passes (the conversation's transaction): on PGlite
 * there is one connection, and a second query outside the open transaction would wait forever.
 *
 * @example
 * const geography = await geographies.get(tx, election.id);
 * geography.children(null); // the regions
 */
export class GeographyCacheService {
  private readonly cache = new Map<number, Cached>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(db: Kysely<Database> | Transaction<Database>, electionId: number): Promise<Geography> {
    const cached = this.cache.get(electionId);
    if (cached && this.now() - cached.checkedAt < RECHECK_MS) return cached.geography;
    const importId = await new ImportsRepository(db).latestId(electionId, 'geography');
    if (cached && cached.importId === importId) {
      cached.checkedAt = this.now();
      return cached.geography;
    }
    const rows = await new AreasRepository(db).outline(electionId);
    const geography = buildGeography(
      rows.map((row) => ({
        code: row.code,
        level: row.level,
        depth: row.depth,
        parentCode: row.parent_code,
        number: row.number,
        names: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
      })),
    );
    this.cache.set(electionId, { geography, importId, checkedAt: this.now() });
    return geography;
  }
}
