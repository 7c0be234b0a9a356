import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { invalidInput } from '../../errors';

/** A parsed CSV: its header and data rows (strings, as in the file). */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
}

/**
 * Reads a CSV file, plain or compressed (`.csv.gz` through node:zlib, `.csv.zip` through fflate,
 * taking the zip's only — or first — `.csv` entry). A malformed file throws `invalidInput` naming
 * the file and line.
 *
 * @example
 * const table = readCsvFile('../shared/data/russia-kobak/2011.csv.zip');
 * table.header[0]; // 'region'
 */
export function readCsvFile(file: string): CsvTable {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw invalidInput(`cannot read ${file}`, [{ where: file, message: (error as Error).message }]);
  }
  const text = new TextDecoder('utf-8').decode(decompress(file, bytes)).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw invalidInput(`malformed CSV in ${file}`, [
      { where: line ? `${file}:${line}` : file, message: (error as Error).message },
    ]);
  }
  const [header, ...rows] = records;
  if (!header) throw invalidInput(`${file} is empty`, [{ where: `${file}:1`, message: 'no header line' }]);
  return { file, header: header.map((h) => h.trim()), rows };
}

function decompress(file: string, bytes: Uint8Array): Uint8Array {
  const name = file.toLowerCase();
  try {
    if (name.endsWith('.gz')) return gunzipSync(bytes);
    if (name.endsWith('.zip')) {
      const entries = unzipSync(bytes, { filter: (entry) => !entry.name.endsWith('/') });
      const names = Object.keys(entries);
      const csvName = names.find((n) => n.toLowerCase().endsWith('.csv')) ?? names[0];
      if (!csvName) throw new Error('the zip archive holds no file');
      return entries[csvName]!;
    }
  } catch (error) {
    throw invalidInput(`cannot decompress ${basename(file)}`, [
      { where: file, message: (error as Error).message },
    ]);
  }
  return bytes;
}
