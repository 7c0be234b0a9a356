import type { Kysely } from 'kysely';
import type { Database } from '../store/database-schema';
import { ImportsRepository } from '../store/repositories/imports.repository';
import { OfficialResultsRepository } from '../store/repositories/official-results.repository';
import { parseCsvTable } from './csv-table';
import type { ElectionService } from './election.service';
import { officialRowsFromCsv, parseOfficialMapping } from './official-results-csv';
import { parseJsonText, readInputFile } from './read-input-file';

/** `dauys import official`: official precinct results from a CSV through a mapping, all or nothing. */
export class OfficialImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly elections: ElectionService,
  ) {}

  async importFile(slug: string, file: string, mappingFile: string): Promise<{ precincts: number }> {
    const election = await this.elections.require(slug);
    const mapping = parseOfficialMapping(
      parseJsonText(await readInputFile(mappingFile), mappingFile),
      mappingFile,
      election.definition,
    );
    const table = parseCsvTable(await readInputFile(file), file);
    const leafLevel = election.definition.geography.levels.at(-1)?.id ?? '';
    const precincts = await this.db
      .selectFrom('areas')
      .select('code')
      .where('election_id', '=', election.id)
      .where('level', '=', leafLevel)
      .execute();
    const rows = officialRowsFromCsv(
      table,
      mapping,
      election.definition,
      new Set(precincts.map((p) => p.code)),
    );
    return this.db.transaction().execute(async (tx) => {
      const importId = await new ImportsRepository(tx).record(election.id, 'official', file, rows.length);
      await new OfficialResultsRepository(tx).upsertMany(election.id, importId, rows);
      return { precincts: rows.length };
    });
  }
}
