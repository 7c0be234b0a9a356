import { describe, expect, it } from 'vitest';
import { DauysError } from '../../../src/errors';
import { parseCsvBytes, type CsvTable } from '../../../src/services/station-table/read-csv-file';

const parse = (text: string, columns?: string[]): CsvTable =>
  parseCsvBytes(Buffer.from(text, 'utf8'), 't.csv', columns ? new Set(columns) : undefined);

/** Every kept cell as text, row by row. */
const cells = (table: CsvTable): string[][] =>
  Array.from({ length: table.rowCount }, (_, row) =>
    table.header.map((_, column) => table.text(row, column)),
  );

const failure = (run: () => unknown): DauysError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DauysError) return error;
    throw error;
  }
  throw new Error('expected a DauysError');
};

describe('column-wise CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, a BOM and UTF-8', () => {
    const table = parse('\uFEFFid, name ,n\r\n1,"Партия ""Яблоко"", 5",12\r\n\r\n2,"two\nlines",7\n3,,\n');
    expect(table.header).toEqual(['id', 'name', 'n']);
    expect(cells(table)).toEqual([
      ['1', 'Партия "Яблоко", 5', '12'],
      ['2', 'two\nlines', '7'],
      ['3', '', ''],
    ]);
    // Rows start on lines 2, 4 (after a blank line) and 6 (the quoted line break counts).
    expect([0, 1, 2].map((row) => table.line(row))).toEqual([2, 4, 6]);
  });

  it('parses plain digits without decoding, and leaves everything else to the caller', () => {
    const table = parse('a,b,c,d,e\n 42 ,-3,1.5,,"7"\n');
    expect(table.digits(0, 0)).toBe(42);
    expect(table.digits(0, 4)).toBe(7);
    for (const column of [1, 2, 3]) expect(table.digits(0, column)).toBeNaN();
    expect(table.text(0, 1)).toBe('-3');
  });

  it('keeps only the asked columns', () => {
    const table = parse('a,b,c\n1,2,3\n4,5,6\n', ['c', 'a']);
    expect(cells(table)).toEqual([
      ['1', '', '3'],
      ['4', '', '6'],
    ]);
    expect(table.digits(1, 1)).toBeNaN();
    expect(table.digits(1, 2)).toBe(6);
  });

  it('grows past its first row capacity', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},${i * 2}`);
    const table = parse(`a,b\n${rows.join('\n')}`);
    expect(table.rowCount).toBe(5000);
    expect(table.digits(4999, 1)).toBe(9998);
    expect(table.line(4999)).toBe(5001);
  });

  it.each([
    ['a,b\n1,2\n"open,3\n', /never closed/, 't.csv:3'],
    ['a,b\n1,2,3\n', /3 fields where the header has 2/, 't.csv:2'],
    ['a,b\n1\n', /1 fields where the header has 2/, 't.csv:2'],
    ['a,b\n1,"x"y\n', /follows the closing quote/, 't.csv:2'],
    ['a,b\n1,x"y\n', /quote inside the unquoted field 2/, 't.csv:2'],
  ])('names the file and line of malformed CSV: %j', (text, message, where) => {
    const error = failure(() => parse(text));
    expect(error.message).toMatch(/malformed CSV in t\.csv/);
    expect(error.issues[0]!.where).toBe(where);
    expect(error.issues[0]!.message).toMatch(message);
  });

  it('refuses an empty file', () => {
    expect(failure(() => parse('\n\n')).message).toMatch(/t\.csv is empty/);
  });
});
