import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { invalidInput, zodIssuesToInputIssues } from '../../errors';
import { applyMapping, mappedColumns, type MappedStations } from './apply-mapping';
import { stationMappingSchema, type StationMapping } from './mapping-schema';
import { readCsvFile } from './read-csv-file';

/**
 * Reads and validates a mapping file. Bad JSON or a wrong field throws `invalidInput` whose
 * issues name the JSON path (e.g. `ru-2011.json:$.choices[0].official`).
 *
 * @example
 * const mapping = readMappingFile('examples/mappings/ru-2011.json');
 */
export function readMappingFile(mappingPath: string): StationMapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(mappingPath, 'utf8'));
  } catch (error) {
    throw invalidInput(`cannot read the mapping ${mappingPath}`, [
      { where: mappingPath, message: (error as Error).message },
    ]);
  }
  const parsed = stationMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw invalidInput(
      `the mapping ${mappingPath} is not valid`,
      zodIssuesToInputIssues(parsed.error.issues, `${mappingPath}:$`),
    );
  }
  return parsed.data;
}

/**
 * Reads a station CSV (plain, .gz or .zip) and applies a mapping file, joining observer counts
 * from another CSV when the mapping declares `observerJoin`.
 *
 * @example
 * const { stations, leader } = loadStationTable('../shared/data/russia-kobak/2011.csv.zip', 'examples/mappings/ru-2011.json');
 */
export function loadStationTable(csvPath: string, mappingPath: string): MappedStations {
  const mapping = readMappingFile(mappingPath);
  const table = readCsvFile(csvPath, mappedColumns(mapping));
  const observersById = mapping.observerJoin ? readObserverJoin(csvPath, mappingPath, mapping) : undefined;
  return applyMapping(table, mapping, mappingPath, observersById);
}

function readObserverJoin(
  csvPath: string,
  mappingPath: string,
  mapping: StationMapping,
): Map<string, number> {
  const join = mapping.observerJoin!;
  const table = readCsvFile(resolve(dirname(csvPath), join.file), new Set([join.key, join.observers]));
  const keyColumn = table.header.indexOf(join.key);
  const countColumn = table.header.indexOf(join.observers);
  for (const [column, position, path] of [
    [join.key, keyColumn, '$.observerJoin.key'],
    [join.observers, countColumn, '$.observerJoin.observers'],
  ] as const) {
    if (position < 0) {
      throw invalidInput(`the observer join names a column that ${table.file} lacks`, [
        {
          where: `${mappingPath}:${path}`,
          message: `no column "${column}" in the header (line 1) of ${table.file}`,
        },
      ]);
    }
  }
  const observers = new Map<string, number>();
  for (let row = 0; row < table.rowCount; row++) {
    const text = table.text(row, countColumn).trim();
    if (text === '') continue;
    const count = Number(text);
    if (!Number.isFinite(count) || count < 0) {
      throw invalidInput(`${table.file} has an observer count that is not a number`, [
        { where: `${table.file}:${table.line(row)}:${countColumn + 1}`, message: `"${text}" is not a count` },
      ]);
    }
    observers.set(table.text(row, keyColumn).trim(), count);
  }
  return observers;
}
