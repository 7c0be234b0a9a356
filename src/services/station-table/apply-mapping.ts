import type { StationResult, VotesByChoice } from '../../analysis/types';
import type { Locale } from '../../domain/locale';
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
  /** The language the mapping declares for its data. */
  language?: Locale;
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
  /** A cell's trimmed text ('' when empty). */
  const cellText = (row: number, col: number): string => table.text(row, col).trim();
  // Per row: whether an official figure is absent (set by `figure`).
  let row = 0;
  let missing = false;
  // Whether a cell read was empty, even one that counts as 0 (`emptyAsZero`), set by `figure`.
  let blank = false;
  /** The sum of the given columns of the current row, noting empty and bad cells. */
  const figure = (cols: number[], optional = false): number => {
    let total = 0;
    for (const col of cols) {
      const count = table.digits(row, col);
      if (count === count) {
        total += count; // plain digits: no string decoded
        continue;
      }
      const text = cellText(row, col);
      if (text === '') {
        blank = true;
        if (!optional && !emptyAsZero.has(col)) missing = true;
        continue;
      }
      const value = Number(text);
      if (value < 0 && mapping.negativeFigures === 'treat-as-missing') {
        missing = true;
        continue;
      }
      if (!Number.isFinite(value) || value < 0) {
        const where = `${table.file}:${table.line(row)}:${col + 1}`;
        if (issues.length < 20 && !issues.some((i) => i.where === where)) {
          issues.push({ where, message: `column "${table.header[col]}" holds "${text}", not a count` });
        }
        continue;
      }
      total += value;
    }
    return total;
  };

  for (row = 0; row < table.rowCount; row++) {
    if (
      requiredColumn !== undefined &&
      Number.isNaN(table.digits(row, requiredColumn)) &&
      cellText(row, requiredColumn) === ''
    ) {
      rowsWithoutData++;
      continue;
    }
    missing = false;
    const votes: VotesByChoice = {};
    const photoVotes: VotesByChoice = {};
    const sampleVotes: VotesByChoice = {};
    // Which choices' own counts are published, whatever else is missing (for the photo proof).
    const published: VotesByChoice = {};
    for (const choice of choices) {
      const missingBefore: boolean = missing;
      missing = false;
      blank = false;
      votes[choice.id] = figure(choice.official);
      // An empty cell is 0 only within a published protocol, so it proves nothing on its own.
      if (!missing && !blank) published[choice.id] = votes[choice.id]!;
      missing ||= missingBefore;
      if (choice.photo !== undefined) photoVotes[choice.id] = figure([choice.photo], true);
      if (choice.sample !== undefined) sampleVotes[choice.id] = figure([choice.sample], true);
    }
    const station: StationResult = {
      id: idColumns.map((c) => cellText(row, c)).join(' / '),
      registered: figure(official.registered),
      ballotsCast: figure(official.ballotsCast),
      valid: figure(official.valid),
      invalid: figure(official.invalid),
      votes,
    };
    if (regionColumn !== undefined) station.region = cellText(row, regionColumn);
    if (districtColumn !== undefined) station.district = cellText(row, districtColumn);
    if (mapping.areasFromId) {
      const parts = station.id.split(mapping.areasFromId.separator);
      if (parts.length >= 2) {
        station.region ??= parts[0];
        station.district ??= parts.slice(0, 2).join(mapping.areasFromId.separator);
      }
    }
    if (missing) {
      station.officialMissing = true;
      if (Object.keys(published).length > 0) station.publishedVotes = published;
    }
    if (hasPhoto) station.photoVotes = photoVotes;
    if (hasSample) station.sampleVotes = sampleVotes;
    if (observersColumn !== undefined && cellText(row, observersColumn) !== '')
      station.observers = figure([observersColumn], true);
    if (observersById) {
      const count = observersById.get(station.id);
      if (count !== undefined) station.observers = count;
    }
    stations.push(station);
    lines.push(table.line(row));
  }
  if (issues.length > 0) throw invalidInput(`${table.file} has figures that are not counts`, issues);

  return {
    stations,
    lines,
    choices: mapping.choices.map((c) => ({ id: c.id, name: c.name ?? c.id })),
    ...(mapping.leader ? { leader: mapping.leader } : {}),
    ...(mapping.language ? { language: mapping.language } : {}),
    rowsWithoutData,
  };
}

/**
 * Every CSV column the mapping reads: the only cells the CSV reader needs to decode.
 *
 * @example
 * readCsvFile(csvPath, mappedColumns(mapping));
 */
export function mappedColumns(mapping: StationMapping): Set<string> {
  const names = new Set<string>();
  const add = (ref: ColumnRef | undefined): void => {
    if (ref === undefined) return;
    for (const name of Array.isArray(ref) ? ref : [ref]) names.add(name.trim());
  };
  for (const ref of [
    mapping.id,
    mapping.region,
    mapping.district,
    mapping.requireColumn,
    mapping.registered,
    mapping.ballotsCast,
    mapping.valid,
    mapping.invalid,
    mapping.observers,
    ...(mapping.emptyAsZero ?? []),
  ])
    add(ref);
  for (const choice of mapping.choices) {
    add(choice.official);
    add(choice.photo);
    add(choice.sample);
  }
  return names;
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
