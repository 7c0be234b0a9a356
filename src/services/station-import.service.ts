import crypto from 'node:crypto';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { DauysError } from '../errors';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import { ElectionsRepository } from '../store/repositories/elections.repository';
import { ImportsRepository } from '../store/repositories/imports.repository';
import { OfficialResultsRepository } from '../store/repositories/official-results.repository';
import { OutsideEvidenceRepository } from '../store/repositories/outside-evidence.repository';
import { rebuildAreaAggregates } from './area-aggregates';
import { AuditService, type AuditActor } from './audit.service';
import { stationElection } from './station-election';
import { loadStationTable } from './station-table/load-station-table';

export interface StationImportOptions {
  slug: string;
  csv: string;
  mapping: string;
  /** Shown as the election's name; default: the slug. */
  name?: string;
  /** Election day (YYYY-MM-DD); default: today. */
  date?: string;
}

export interface StationImportResult {
  slug: string;
  regions: number;
  districts: number;
  stations: number;
  officialResults: number;
  withEvidence: number;
}

/**
 * `dauys import stations`: a whole election from one station-level CSV and its mapping (the
 * format `dauys analyze --csv` reads): the areas, the official result of every station that has
 * one, and the outside evidence the CSV carries — photographed ballots per choice, the outside
 * tally, observer counts — in one transaction: a bad row changes nothing. Audited as
 * `stations.import`, naming the actor.
 */
export class StationImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditService = new AuditService(db),
  ) {}

  async importFile(actor: AuditActor, options: StationImportOptions): Promise<StationImportResult> {
    const table = loadStationTable(options.csv, options.mapping);
    const csvFile = path.basename(options.csv);
    const built = stationElection(table, {
      slug: options.slug,
      name: options.name ?? options.slug,
      date: options.date ?? new Date().toISOString().slice(0, 10),
      csvFile,
    });
    const { definition } = built;
    const count = (level: string) => built.areas.filter((area) => area.level === level).length;
    const result: StationImportResult = {
      slug: definition.slug,
      regions: count('region'),
      districts: count('district'),
      stations: count('station'),
      officialResults: built.official.length,
      withEvidence: built.evidence.filter((e) => e.photoVotes || e.sampleVotes || e.observers !== null)
        .length,
    };
    const sourceHash = crypto.createHash('sha256').update(JSON.stringify(definition)).digest('hex');
    await this.db.transaction().execute(async (tx) => {
      const elections = new ElectionsRepository(tx);
      if (await elections.findBySlug(definition.slug)) {
        throw new DauysError(
          'DAUYS_ERR_CONFLICT',
          `an election "${definition.slug}" already exists: import stations creates a new election, choose another --slug`,
        );
      }
      const id = await elections.upsert(
        definition.slug,
        definition as unknown as Record<string, unknown>,
        false,
        sourceHash,
      );
      await new AreasRepository(tx).upsertMany(built.areas.map((area) => ({ ...area, election_id: id })));
      const imports = new ImportsRepository(tx);
      const officialImport = await imports.record(id, 'official', csvFile, built.official.length);
      await new OfficialResultsRepository(tx).upsertMany(id, officialImport, built.official);
      const evidenceImport = await imports.record(id, 'stations', csvFile, built.evidence.length);
      await new OutsideEvidenceRepository(tx).insertMany(id, evidenceImport, built.evidence);
      await rebuildAreaAggregates(tx, id, definition.geography.levels.at(-1)!.id);
      await this.audit.record(tx, {
        actor,
        action: 'stations.import',
        target: `election:${definition.slug}`,
        after: { source: csvFile, ...result },
      });
    });
    return result;
  }
}
