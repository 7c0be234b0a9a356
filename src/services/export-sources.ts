import type { ElectionDefinition } from '../domain/election/election-definition';
import type { PrecinctExportRepository } from '../store/repositories/precinct-export.repository';
import type { Election } from './election.service';
import { choiceFigureKey } from './official-results-csv';

/** One column of the open-data export, described once for the CSV, the JSON and the datapackage. */
export interface ExportColumn {
  name: string;
  type: 'string' | 'integer' | 'number';
  title: string;
  description: string;
}

export type ExportValue = string | number | null;

/**
 * A source of per-precinct figures (official results, the voters' tally, observers' protocols):
 * the columns it adds and their values per precinct code. A precinct a source has nothing for is
 * simply absent from its map, and its cells are empty.
 */
export interface PrecinctFigureSource {
  id: string;
  columns(definition: ElectionDefinition): ExportColumn[];
  values(election: Election): Promise<Map<string, Record<string, ExportValue>>>;
}

/** Column-name-safe form of a choice id (`nur-otan` → `nur_otan`). */
export function columnId(id: string): string {
  return id.replace(/[^a-zA-Z0-9]+/g, '_').toLowerCase();
}

/** Official results as imported: every protocol line, and one votes column per choice. */
export function officialSource(repository: PrecinctExportRepository): PrecinctFigureSource {
  const columnsOf = (definition: ElectionDefinition) => {
    const columns: Array<ExportColumn & { key: string }> = [];
    for (const line of definition.protocol.lines) {
      if (line.perChoice) {
        for (const choice of definition.choices) {
          columns.push({
            name: `official_votes_${columnId(choice.id)}`,
            key: choiceFigureKey(definition, choice.id),
            type: 'integer',
            title: `Official: votes for ${choice.names.en}`,
            description: `Official result, protocol line ${line.number} for "${choice.names.en}".`,
          });
        }
      } else {
        columns.push({
          name: `official_line_${line.number}`,
          key: String(line.number),
          type: 'integer',
          title: `Official: line ${line.number}`,
          description: `Official result, protocol line ${line.number}: ${line.labels.en}.`,
        });
      }
    }
    return columns;
  };
  return {
    id: 'official',
    columns: (definition) => columnsOf(definition).map(({ key: _key, ...column }) => column),
    async values(election) {
      const columns = columnsOf(election.definition);
      const figures = await repository.officialFigures(election.id);
      const values = new Map<string, Record<string, ExportValue>>();
      for (const [precinct, row] of figures) {
        values.set(
          precinct,
          Object.fromEntries(columns.map((column) => [column.name, row[column.key] ?? null])),
        );
      }
      return values;
    },
  };
}
