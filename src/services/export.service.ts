import type { Kysely } from 'kysely';
import type { ElectionDefinition } from '../domain/election/election-definition';
import { LOCALES } from '../domain/locale';
import type { Database } from '../store/database-schema';
import {
  PrecinctExportRepository,
  type ExportAreaRow,
} from '../store/repositories/precinct-export.repository';
import type { ElectionService } from './election.service';
import { observerSource, voterSource } from './export-bot-sources';
import {
  officialSource,
  type ExportColumn,
  type ExportValue,
  type PrecinctFigureSource,
} from './export-sources';

export interface PrecinctExport {
  slug: string;
  columns: ExportColumn[];
  /** One row per precinct, in code order; every row has every column (null = no figure). */
  rows: Array<Record<string, ExportValue>>;
}

/**
 * Open data: one row per precinct with every source's figures side by side, as CSV or JSON,
 * and a Frictionless datapackage that describes the columns. No participant id, pseudonym or
 * contact ever reaches a column: sources export aggregates per precinct only.
 *
 * @example
 * const csv = exportCsv(await exports.precincts('kz-2021-mazhilis'));
 */
export class ExportService {
  private readonly repository: PrecinctExportRepository;
  private readonly sources: PrecinctFigureSource[];

  constructor(
    db: Kysely<Database>,
    private readonly elections: ElectionService,
    extraSources: PrecinctFigureSource[] = [],
  ) {
    this.repository = new PrecinctExportRepository(db);
    this.sources = [officialSource(this.repository), voterSource(db), observerSource(db), ...extraSources];
  }

  /** The columns of an election's export, for the datapackage's schema. */
  columns(definition: ElectionDefinition): ExportColumn[] {
    return [...areaColumns(definition), ...this.sources.flatMap((source) => source.columns(definition))];
  }

  async precincts(slug: string): Promise<PrecinctExport> {
    const election = await this.elections.require(slug);
    const { definition } = election;
    const levels = definition.geography.levels;
    const leafDepth = levels.length - 1;
    const areas = await this.repository.areas(election.id);
    const byCode = new Map(areas.map((area) => [area.code, area]));
    const sourceValues = await Promise.all(this.sources.map((source) => source.values(election)));
    const sourceColumns = this.sources.map((source) => source.columns(definition));
    const rows = areas
      .filter((area) => area.depth === leafDepth)
      .map((precinct) => {
        const row: Record<string, ExportValue> = areaValues(precinct, levels, byCode);
        sourceColumns.forEach((columns, index) => {
          const values = sourceValues[index]?.get(precinct.code);
          for (const column of columns) row[column.name] = values?.[column.name] ?? null;
        });
        return row;
      });
    return { slug, columns: this.columns(definition), rows };
  }

  /** A Frictionless Tabular Data Package describing `export.csv` (https://specs.frictionlessdata.io/). */
  async datapackage(slug: string): Promise<Record<string, unknown>> {
    const { definition } = await this.elections.require(slug);
    return {
      profile: 'tabular-data-package',
      name: slug,
      title: definition.names.en,
      description:
        'Precinct-level figures side by side from each source: official results as imported, the voters\u2019 tally ' +
        '(a self-selected sample of voters who reported their vote) and accepted observer protocols.' +
        (definition.demo ? ' DEMO ELECTION: generated data, not official figures.' : ''),
      keywords: ['elections', 'election monitoring', 'open data'],
      licenses: [
        {
          name: 'CC-BY-4.0',
          title: 'Creative Commons Attribution 4.0',
          path: 'https://creativecommons.org/licenses/by/4.0/',
        },
      ],
      resources: [
        {
          name: 'precincts',
          path: 'export.csv',
          profile: 'tabular-data-resource',
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          dialect: { delimiter: ',', header: true, doubleQuote: true },
          schema: {
            fields: this.columns(definition),
            missingValues: [''],
            primaryKey: `${definition.geography.levels.at(-1)?.id ?? 'precinct'}_code`,
          },
        },
      ],
    };
  }
}

function areaColumns(definition: ElectionDefinition): ExportColumn[] {
  const levels = definition.geography.levels;
  const leaf = levels.at(-1)?.id ?? 'precinct';
  return [
    ...levels.flatMap((level) => [
      {
        name: `${level.id}_code`,
        type: 'string' as const,
        title: `${level.names.en} code`,
        description: `Code of the ${level.names.en.toLowerCase()}.`,
      },
      ...LOCALES.map((locale) => ({
        name: `${level.id}_name_${locale}`,
        type: 'string' as const,
        title: `${level.names.en} name (${locale})`,
        description: `Name of the ${level.names.en.toLowerCase()} in ${locale}.`,
      })),
    ]),
    {
      name: `${leaf}_number`,
      type: 'string',
      title: `${leaf} number`,
      description: 'Number of the precinct.',
    },
    {
      name: 'registered_voters',
      type: 'integer',
      title: 'Registered voters',
      description: 'Registered voters of the precinct per the election\u2019s geography file.',
    },
  ];
}

function areaValues(
  precinct: ExportAreaRow,
  levels: ElectionDefinition['geography']['levels'],
  byCode: Map<string, ExportAreaRow>,
): Record<string, ExportValue> {
  const row: Record<string, ExportValue> = {};
  levels.forEach((level, depth) => {
    const area = byCode.get(precinct.path[depth] ?? '');
    row[`${level.id}_code`] = area?.code ?? null;
    for (const locale of LOCALES) row[`${level.id}_name_${locale}`] = area ? area[`name_${locale}`] : null;
  });
  row[`${levels.at(-1)?.id ?? 'precinct'}_number`] = precinct.number;
  row.registered_voters = precinct.registered_voters;
  return row;
}

/** RFC 4180 CSV with a header row; empty cell = no figure. */
export function exportCsv(data: PrecinctExport): string {
  const names = data.columns.map((column) => column.name);
  const lines = [names.map(csvCell).join(',')];
  for (const row of data.rows) lines.push(names.map((name) => csvCell(row[name] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value: ExportValue): string {
  if (value === null) return '';
  const text = String(value);
  // A leading = + - @ would be run as a formula by spreadsheet programs (CSV injection).
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
