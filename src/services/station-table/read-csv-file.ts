import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { invalidInput } from '../../errors';
import { readZipEntry } from './read-zip-entry';

/**
 * A CSV read column-wise: the header, and for every data row where each kept cell lies in the
 * decompressed bytes. Cells become strings or numbers only when asked for, so a 96,000-station
 * file costs a few offsets per cell instead of an array of strings per row.
 */
export interface CsvTable {
  file: string;
  header: string[];
  rowCount: number;
  /** The file line row `row` starts on (quoted fields may span lines). */
  line(row: number): number;
  /** The cell's text as in the file (quotes removed, `""` unescaped); '' for a column not kept. */
  text(row: number, column: number): string;
  /**
   * The cell as a count when it is plain ASCII digits (spaces around allowed): a fast path that
   * decodes no string. NaN otherwise (empty, signs, decimals…): read `text` then.
   */
  digits(row: number, column: number): number;
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const ZERO = 0x30;
const NINE = 0x39;
/** Marks, in the end offset, a quoted cell holding doubled quotes. */
const ESCAPED = 0x40000000;

/**
 * Reads a CSV file, plain or compressed (`.csv.gz` and `.csv.zip` through node:zlib,
 * taking the zip's only — or first — `.csv` entry). With `columns`, only those header names are
 * kept. A malformed file (an unterminated quote, a row wider or narrower than the header) throws
 * `invalidInput` naming the file and line.
 *
 * @example
 * const table = readCsvFile('../shared/data/russia-kobak/2011.csv.zip', new Set(['region', 'uik']));
 * table.text(0, table.header.indexOf('region')); // '01'
 */
export function readCsvFile(file: string, columns?: ReadonlySet<string>): CsvTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw invalidInput(`cannot read ${file}`, [{ where: file, message: (error as Error).message }]);
  }
  return parseCsvBytes(decompress(file, bytes), file, columns);
}

/**
 * The CSV parser behind `readCsvFile`, over UTF-8 bytes (separators and quotes are ASCII, so they
 * never occur inside a multi-byte character): one pass that splits lines and commas and records
 * where the kept cells are. Blank lines are skipped, a BOM is dropped, header names are trimmed.
 *
 * @example
 * const table = parseCsvBytes(Buffer.from('a,b\n1,"x, ""y"""\n'), 't.csv');
 * table.text(0, 1); // 'x, "y"'
 */
export function parseCsvBytes(input: Uint8Array, file: string, columns?: ReadonlySet<string>): CsvTable {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const end = bytes.length;
  if (end >= ESCAPED)
    throw invalidInput(`${file} is too large`, [{ where: file, message: 'more than 1 GB of CSV text' }]);
  const malformed = (where: number, message: string) =>
    invalidInput(`malformed CSV in ${file}`, [{ where: `${file}:${where}`, message }]);
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;

  // Header: every field decoded.
  const header: string[] = [];
  const skipBlankLines = (): void => {
    while (at < end && (bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] === LF))) {
      at += bytes[at] === CR ? 2 : 1;
      line++;
    }
  };
  skipBlankLines();
  if (at >= end) throw invalidInput(`${file} is empty`, [{ where: `${file}:1`, message: 'no header line' }]);

  // slot[c] = position of column c among the kept ones, or -1.
  let slot: Int32Array = new Int32Array(0);
  let kept = 0;
  let capacity = 1024;
  let starts = new Int32Array(0);
  let ends = new Int32Array(0);
  let lines = new Int32Array(capacity);
  let rowCount = -1; // the header is row -1

  while (at < end) {
    skipBlankLines();
    if (at >= end) break;
    const startLine = line;
    const row = rowCount;
    if (row >= 0 && row >= capacity) {
      capacity *= 2;
      const grow = (old: Int32Array, size: number) => {
        const next = new Int32Array(size);
        next.set(old);
        return next;
      };
      starts = grow(starts, capacity * kept);
      ends = grow(ends, capacity * kept);
      lines = grow(lines, capacity);
    }
    let field = 0;
    for (;;) {
      let cellStart: number;
      let cellEnd: number;
      if (bytes[at] === QUOTE) {
        // Quoted: up to the quote that is not doubled; a comma or the line end must follow it.
        let scan = at + 1;
        let escaped = false;
        for (;;) {
          const close = bytes.indexOf(QUOTE, scan);
          if (close < 0) throw malformed(startLine, 'a quoted field is never closed');
          for (let i = scan; i < close; i++) if (bytes[i] === LF) line++;
          if (bytes[close + 1] === QUOTE) {
            escaped = true;
            scan = close + 2;
            continue;
          }
          cellStart = at + 1;
          cellEnd = escaped ? close | ESCAPED : close;
          at = close + 1;
          break;
        }
        const next = bytes[at];
        if (at < end && next !== COMMA && next !== LF && next !== CR)
          throw malformed(line, `a character follows the closing quote of field ${field + 1}`);
      } else {
        let stop = at;
        while (stop < end) {
          const b = bytes[stop]!;
          if (b === COMMA || b === LF || b === CR) break;
          if (b === QUOTE) throw malformed(line, `a quote inside the unquoted field ${field + 1}`);
          stop++;
        }
        cellStart = at;
        cellEnd = stop;
        at = stop;
      }
      if (row < 0) {
        header.push(decode(bytes, cellStart, cellEnd).trim());
      } else if (field < slot.length && slot[field]! >= 0) {
        starts[row * kept + slot[field]!] = cellStart;
        ends[row * kept + slot[field]!] = cellEnd;
      }
      field++;
      if (at < end && bytes[at] === COMMA) {
        at++;
        continue;
      }
      // The end of the record: CRLF, LF, a lone CR or the end of the file.
      if (bytes[at] === CR) at++;
      if (bytes[at] === LF) at++;
      line++;
      break;
    }
    if (row < 0) {
      slot = new Int32Array(header.length).fill(-1);
      header.forEach((name, c) => {
        if (!columns || columns.has(name)) slot[c] = kept++;
      });
      starts = new Int32Array(capacity * kept);
      ends = new Int32Array(capacity * kept);
    } else {
      if (field !== header.length)
        throw malformed(startLine, `${field} fields where the header has ${header.length}`);
      lines[row] = startLine;
    }
    rowCount++;
  }
  const count = Math.max(0, rowCount);

  return {
    file,
    header,
    rowCount: count,
    line: (row) => lines[row]!,
    text(row, column) {
      const s = slot[column] ?? -1;
      if (s < 0) return '';
      return decode(bytes, starts[row * kept + s]!, ends[row * kept + s]!);
    },
    digits(row, column) {
      const s = slot[column] ?? -1;
      if (s < 0) return NaN;
      let i = starts[row * kept + s]!;
      let stop = ends[row * kept + s]!;
      if (stop & ESCAPED) return NaN;
      while (i < stop && bytes[i] === SPACE) i++;
      while (stop > i && bytes[stop - 1] === SPACE) stop--;
      if (i === stop || stop - i > 15) return NaN;
      let value = 0;
      for (; i < stop; i++) {
        const b = bytes[i]!;
        if (b < ZERO || b > NINE) return NaN;
        value = value * 10 + (b - ZERO);
      }
      return value;
    },
  };
}

/** A cell's text: UTF-8 between the offsets, doubled quotes undone when the end carries ESCAPED. */
function decode(bytes: Buffer, start: number, end: number): string {
  if (end & ESCAPED) return bytes.toString('utf8', start, end & ~ESCAPED).replaceAll('""', '"');
  return bytes.toString('utf8', start, end);
}

function decompress(file: string, bytes: Buffer): Uint8Array {
  const name = file.toLowerCase();
  try {
    if (name.endsWith('.gz')) return gunzipSync(bytes);
    if (name.endsWith('.zip')) return readZipEntry(bytes, (entry) => entry.toLowerCase().endsWith('.csv'));
  } catch (error) {
    throw invalidInput(`cannot decompress ${basename(file)}`, [
      { where: file, message: (error as Error).message },
    ]);
  }
  return bytes;
}
