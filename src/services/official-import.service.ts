import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import { ImportsRepository } from '../store/repositories/imports.repository';
import {
  OfficialResultsRepository,
  type OfficialResultRow,
} from '../store/repositories/official-results.repository';
import { OfficialTalliesRepository } from '../store/repositories/official-tallies.repository';
import { AuditService, type AuditActor } from './audit.service';
import { parseCsvTable } from './csv-table';
import type { Election, ElectionService } from './election.service';
import { officialRowsFromCsv, parseOfficialMapping } from './official-results-csv';
import { parseJsonText, readInputFile } from './read-input-file';

/**
 * Official precinct results from a CSV through a mapping, all or nothing — `dauys import official`
 * and the console's upload alike; each import is audited as `official.import`, naming the actor.
 */
export class OfficialImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly elections: ElectionService,
    private readonly audit: AuditService = new AuditService(db),
  ) {}

  async importFile(
    actor: AuditActor,
    slug: string,
    file: string,
    mappingFile: string,
  ): Promise<{ precincts: number }> {
    const election = await this.elections.require(slug);
    const mapping = parseOfficialMapping(
      parseJsonText(await readInputFile(mappingFile), mappingFile),
      mappingFile,
      election.definition,
    );
    const table = parseCsvTable(await readInputFile(file), file);
    const rows = officialRowsFromCsv(table, mapping, election.definition, await this.precinctCodes(election));
    return this.importRows(actor, election, file, rows);
  }

  /**
   * The console's import: checks the uploaded CSV and mapping as `checkText` does, then stores
   * the rows with their audit entry.
   */
  async importText(
    actor: AuditActor,
    slug: string,
    csvText: string,
    mappingJson: unknown,
    source: string,
  ): Promise<{ precincts: number }> {
    const rows = await this.checkText(slug, csvText, mappingJson, source);
    return this.importRows(actor, await this.elections.require(slug), source, rows);
  }

  /** Whether official results labelled `source` were ever imported for the election. */
  async hasImported(electionId: number, source: string): Promise<boolean> {
    return new ImportsRepository(this.db).hasSource(electionId, 'official', source);
  }

  /**
   * Checks an uploaded CSV and mapping (the console's preview) without importing anything:
   * the rows it would import, or a validation error naming every bad cell as `source:line:column`.
   *
   * @example
   * const rows = await officialImport.checkText('kz-2021-mazhilis', csvText, mappingJson, 'results.csv');
   */
  async checkText(
    slug: string,
    csvText: string,
    mappingJson: unknown,
    source: string,
  ): Promise<OfficialResultRow[]> {
    const election = await this.elections.require(slug);
    const mapping = parseOfficialMapping(mappingJson, 'mapping', election.definition);
    return officialRowsFromCsv(
      parseCsvTable(csvText, source),
      mapping,
      election.definition,
      await this.precinctCodes(election),
    );
  }

  /**
   * Stores rows already checked (by `checkText`, or made by the live demo) in one transaction
   * with their audit entry.
   */
  async importRows(
    actor: AuditActor,
    election: Pick<Election, 'id' | 'slug'>,
    source: string,
    rows: OfficialResultRow[],
  ): Promise<{ precincts: number }> {
    return this.db.transaction().execute(async (tx) => {
      const imported = await this.storeRows(tx, election.id, source, rows);
      await this.audit.record(tx, {
        actor,
        action: 'official.import',
        target: `election:${election.slug}`,
        after: { source, precincts: imported.precincts },
      });
      return imported;
    });
  }

  private async storeRows(
    tx: Transaction<Database>,
    electionId: number,
    source: string,
    rows: OfficialResultRow[],
  ): Promise<{ precincts: number }> {
    const results = new OfficialResultsRepository(tx);
    await results.lockForImport(electionId);
    const codes = rows.map((row) => row.precinctCode);
    const before = await results.figuresOf(electionId, codes);
    const importId = await new ImportsRepository(tx).record(electionId, 'official', source, rows.length);
    await results.upsertMany(electionId, importId, rows);
    // The per-area totals move with the figures: out with each precinct's old ones, in with the new.
    const paths = await precinctPaths(tx, electionId, codes);
    await new OfficialTalliesRepository(tx).applyChanges(
      electionId,
      rows.map((row) => ({
        path: paths.get(row.precinctCode) ?? [row.precinctCode],
        before: before.get(row.precinctCode),
        after: row.figures,
      })),
    );
    return { precincts: rows.length };
  }

  private async precinctCodes(election: Election): Promise<Set<string>> {
    const leafLevel = election.definition.geography.levels.at(-1)?.id ?? '';
    return new Set(await new AreasRepository(this.db).codesAtLevel(election.id, leafLevel));
  }
}

const PATH_BATCH = 1000;

async function precinctPaths(
  tx: Transaction<Database>,
  electionId: number,
  codes: string[],
): Promise<Map<string, string[]>> {
  const areas = new AreasRepository(tx);
  const paths = new Map<string, string[]>();
  for (let start = 0; start < codes.length; start += PATH_BATCH) {
    for (const area of await areas.findMany(electionId, codes.slice(start, start + PATH_BATCH))) {
      paths.set(area.code, area.path);
    }
  }
  return paths;
}
