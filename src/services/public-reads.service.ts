import type { DatabaseHandle, DatabaseKind } from '../store/database';
import { AreasRepository, type AreaCounts, type AreaRow } from '../store/repositories/areas.repository';
import { DatabaseHealthRepository } from '../store/repositories/database-health.repository';
import {
  OfficialTalliesRepository,
  type OfficialTotals,
} from '../store/repositories/official-tallies.repository';
import {
  PublishedViolationsRepository,
  type PublishedPhotoRow,
  type PublishedViolationRow,
} from '../store/repositories/published-violations.repository';

/**
 * The public API's plain reads (areas, official totals, published violations, the health
 * ping): no logic of their own, but through one service so no route holds a database handle
 * (issue 19: routes call services; the store-wall test holds it). Read-only: nothing here writes.
 */
export class PublicReadsService {
  private readonly areas: AreasRepository;
  private readonly official: OfficialTalliesRepository;
  private readonly violations: PublishedViolationsRepository;
  private readonly health: DatabaseHealthRepository;

  constructor(private readonly database: DatabaseHandle) {
    this.areas = new AreasRepository(database.db);
    this.official = new OfficialTalliesRepository(database.db);
    this.violations = new PublishedViolationsRepository(database.db);
    this.health = new DatabaseHealthRepository(database.db);
  }

  area(electionId: number, code: string): Promise<AreaRow | undefined> {
    return this.areas.find(electionId, code);
  }

  areasByCode(electionId: number, codes: string[]): Promise<AreaRow[]> {
    return this.areas.findMany(electionId, codes);
  }

  childAreas(electionId: number, parentCode: string | null): Promise<AreaRow[]> {
    return this.areas.children(electionId, parentCode);
  }

  areaCountsByLevel(electionId: number): Promise<AreaCounts[]> {
    return this.areas.countsByLevel(electionId);
  }

  officialTotals(electionId: number, areaCodes: string[]): Promise<Map<string, OfficialTotals>> {
    return this.official.findMany(electionId, areaCodes);
  }

  publishedViolations(
    electionId: number,
    filter: Parameters<PublishedViolationsRepository['list']>[1],
  ): Promise<PublishedViolationRow[]> {
    return this.violations.list(electionId, filter);
  }

  publishedPhotoSizes(mediaIds: number[]): Promise<Map<number, PublishedPhotoRow>> {
    return this.violations.photoSizes(mediaIds);
  }

  publishedPhoto(
    electionId: number,
    violationId: number,
    index: number,
  ): Promise<PublishedPhotoRow | undefined> {
    return this.violations.photo(electionId, violationId, index);
  }

  /** Resolves with the database's kind when it answers; rejects (its error) when it does not. */
  async ping(): Promise<DatabaseKind> {
    await this.health.ping();
    return this.database.kind;
  }
}
