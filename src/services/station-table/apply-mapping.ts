import type { StationResult, VotesByChoice } from '../../analysis/types';
import { invalidInput, type InputIssue } from '../../errors';
import type { ColumnRef, StationMapping } from './mapping-schema';
import type { CsvTable } from './read-csv-file';

/** Stations read from a table, with what was left out and why. */
export interface MappedStations {
  stations: StationResult[];
  /** The CSV line (1 = header) of each station, in the same order: for errors about a station. */
  lines: number[];
  choices: { id: string; name: string }[];
  leader?: string;
  /** Rows dropped because `requireColumn` was empty. */
  rowsWithoutData: number;
}

/**
 * Turns CSV rows into `StationResult`s as the mapping says. An empty official figure marks the
 * station `officialMissing` (its official result was not published); a non-numeric figure, or a
 * column the file lacks, throws `invalidInput` naming the file, line and column (or the mapping's
 * JSON path).
 *
 * @example
 * const { stations } = applyMapping(readCsvFile('2011.csv.zip'), mapping, 'ru-2011.json');
 */
export function applyMapping(
  table: CsvTable,
  mapping: StationMapping,
  mappingFile: string,
  observersById?: Map<string, number>,
): MappedStations {
  const index = columnIndex(table, mappingFile);
  const resolve = (ref: ColumnRef, path: string): number[] =>
    (Array.isArray(ref) ? ref : [ref]).map((name, i) =>
      index(name, Array.isArray(ref) ? `${path}[${i}]` : path),
    );

  const idColumns = resolve(mapping.id, '$.id');
  const regionColumn = mapping.region ? resolve(mapping.region, '$.region')[0] : undefined;
  const districtColumn = mapping.district ? resolve(mapping.district, '$.district')[0] : undefined;
  const requiredColumn = mapping.requireColumn
    ? resolve(mapping.requireColumn, '$.requireColumn')[0]
    : undefined;
  const official = {
    registered: resolve(mapping.registered, '$.registered'),
    ballotsCast: resolve(mapping.ballotsCast, '$.ballotsCast'),
    valid: resolve(mapping.valid, '$.valid'),
    invalid: resolve(mapping.invalid, '$.invalid'),
  };
  const choices = mapping.choices.map((choice, i) => ({
    id: choice.id,
    official: resolve(choice.official, `$.choices[${i}].official`),
    photo: choice.photo ? resolve(choice.photo, `$.choices[${i}].photo`)[0] : undefined,
    sample: choice.sample ? resolve(choice.sample, `$.choices[${i}].sample`)[0] : undefined,
  }));
  const observersColumn = mapping.observers ? resolve(mapping.observers, '$.observers')[0] : undefined;
  const emptyAsZero = new Set(
    (mapping.emptyAsZero ?? []).map((name, i) => index(name, `$.emptyAsZero[${i}]`)),
  );
  const hasPhoto = choices.some((c) => c.photo !== undefined);
  const hasSample = choices.some((c) => c.sample !== undefined);

  const stations: StationResult[] = [];
  const lines: number[] = [];
  const issues: InputIssue[] = [];
  let rowsWithoutData = 0;
  table.rows.forEach((row, rowIndex) => {
    const line = rowIndex + 2;
    if (requiredColumn !== undefined && (row[requiredColumn] ?? '').trim() === '') {
      rowsWithoutData++;
      return;
    }
    let missing = false;
    const figure = (cols: number[], optional = false): number => {
      let total = 0;
      for (const col of cols) {
        const text = (row[col] ?? '').trim();
        if (text === '') {
          if (!optional && !emptyAsZero.has(col)) missing = true;
          continue;
        }
        const value = Number(text);
        if (value < 0 && mapping.negativeFigures === 'treat-as-missing') {
          missing = true;
          continue;
        }
        if (!Number.isFinite(value) || value < 0) {
          if (issues.length < 20 && !issues.some((i) => i.where === `${table.file}:${line}:${col + 1}`)) {
            issues.push({
              where: `${table.file}:${line}:${col + 1}`,
              message: `column "${table.header[col]}" holds "${text}", not a count`,
            });
          }
          continue;
        }
        total += value;
      }
      return total;
    };

    const votes: VotesByChoice = {};
    const photoVotes: VotesByChoice = {};
    const sampleVotes: VotesByChoice = {};
    for (const choice of choices) {
      votes[choice.id] = figure(choice.official);
      if (choice.photo !== undefined) photoVotes[choice.id] = figure([choice.photo], true);
      if (choice.sample !== undefined) sampleVotes[choice.id] = figure([choice.sample], true);
    }
    const station: StationResult = {
      id: idColumns.map((c) => (row[c] ?? '').trim()).join(' / '),
      registered: figure(official.registered),
      ballotsCast: figure(official.ballotsCast),
      valid: figure(official.valid),
      invalid: figure(official.invalid),
      votes,
    };
    if (regionColumn !== undefined) station.region = (row[regionColumn] ?? '').trim();
    if (districtColumn !== undefined) station.district = (row[districtColumn] ?? '').trim();
    if (mapping.areasFromId) {
      const parts = station.id.split(mapping.areasFromId.separator);
      if (parts.length >= 2) {
        station.region ??= parts[0];
        station.district ??= parts.slice(0, 2).join(mapping.areasFromId.separator);
      }
    }
    if (missing) station.officialMissing = true;
    if (hasPhoto) station.photoVotes = photoVotes;
    if (hasSample) station.sampleVotes = sampleVotes;
    if (observersColumn !== undefined) {
      const text = (row[observersColumn] ?? '').trim();
      if (text !== '') station.observers = figure([observersColumn], true);
    }
    if (observersById) {
      const count = observersById.get(station.id);
      if (count !== undefined) station.observers = count;
    }
    stations.push(station);
    lines.push(line);
  });
  if (issues.length > 0) throw invalidInput(`${table.file} has figures that are not counts`, issues);

  return {
    stations,
    lines,
    choices: mapping.choices.map((c) => ({ id: c.id, name: c.name ?? c.id })),
    ...(mapping.leader ? { leader: mapping.leader } : {}),
    rowsWithoutData,
  };
}

function columnIndex(table: CsvTable, mappingFile: string) {
  const positions = new Map<string, number>();
  table.header.forEach((name, i) => {
    if (!positions.has(name)) positions.set(name, i);
  });
  return (name: string, path: string): number => {
    const position = positions.get(name.trim());
    if (position === undefined) {
      throw invalidInput(`the mapping names a column that ${table.file} lacks`, [
        {
          where: `${mappingFile}:${path}`,
          message: `no column "${name}" in the header (line 1) of ${table.file}`,
        },
      ]);
    }
    return position;
  };
}
