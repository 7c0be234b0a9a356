import type { Kysely } from 'kysely';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import { ImportsRepository } from '../store/repositories/imports.repository';
import { rebuildAreaAggregates } from './area-aggregates';
import { AuditService, type AuditActor } from './audit.service';
import { parseCsvTable } from './csv-table';
import type { ElectionService } from './election.service';
import { geographyRowsFromCsv, type KnownArea } from './geography-csv';
import { readInputFile } from './read-input-file';

/** `dauys import geography`: adds or updates areas from a CSV, all or nothing, audited as `geography.import`. */
export class GeographyImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly elections: ElectionService,
    private readonly audit: AuditService = new AuditService(db),
  ) {}

  async importFile(actor: AuditActor, slug: string, file: string): Promise<{ areas: number }> {
    const election = await this.elections.require(slug);
    const table = parseCsvTable(await readInputFile(file), file);
    return this.db.transaction().execute(async (tx) => {
      const areas = new AreasRepository(tx);
      const existing = await areas.placements(election.id);
      const known = new Map<string, KnownArea>(existing.map((area) => [area.code, area]));
      const rows = geographyRowsFromCsv(table, election.definition, election.id, known);
      await areas.upsertMany(rows);
      await rebuildAreaAggregates(tx, election.id, election.definition.geography.levels.at(-1)!.id);
      await new ImportsRepository(tx).record(election.id, 'geography', file, rows.length);
      await this.audit.record(tx, {
        actor,
        action: 'geography.import',
        target: `election:${slug}`,
        after: { source: file, areas: rows.length },
      });
      return { areas: rows.length };
    });
  }
}
