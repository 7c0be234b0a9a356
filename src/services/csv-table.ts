import { parse } from 'csv-parse/sync';
import { invalidInput, type InputIssue } from '../errors';

/** A parsed CSV: its header and each record with the file line it started on. */
export interface CsvTable {
  source: string;
  header: string[];
  records: Array<{ line: number; values: Record<string, string> }>;
}

/**
 * Parses CSV text strictly (every row as wide as the header, BOM tolerated, blank lines skipped),
 * keeping line numbers so every later error can say `file:line:column`.
 *
 * @example
 * const table = parseCsvTable('code,name\nA,Alpha\n', 'areas.csv');
 * table.records[0]; // { line: 2, values: { code: 'A', name: 'Alpha' } }
 */
export function parseCsvTable(text: string, source: string): CsvTable {
  let rows: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      trim: true,
    }) as unknown as typeof rows;
  } catch (error) {
    const err = error as Error & { lines?: number; column?: number };
    throw invalidInput(`${source} is not valid CSV`, [
      {
        where: `${source}:${err.lines ?? '?'}`,
        message: err.message.replace(/^Invalid Record Length: /, ''),
      },
    ]);
  }
  const [head, ...body] = rows;
  if (!head)
    throw invalidInput(`${source} is empty`, [{ where: `${source}:1`, message: 'expected a header row' }]);
  const header = head.record;
  const duplicates = header.filter((name, index) => header.indexOf(name) !== index);
  if (duplicates.length > 0) {
    throw invalidInput(`${source} has a repeated column`, [
      { where: `${source}:1`, message: `column "${duplicates[0]}" appears more than once` },
    ]);
  }
  return {
    source,
    header,
    records: body.map(({ record, raw, info }) => ({
      line: startLine(raw, info.lines),
      values: Object.fromEntries(header.map((name, index) => [name, record[index] ?? ''])),
    })),
  };
}

/** Fails naming every required column the header lacks. */
export function requireColumns(table: CsvTable, columns: string[], what = 'column'): void {
  const missing = columns.filter((column) => !table.header.includes(column));
  if (missing.length > 0) {
    throw invalidInput(
      `${table.source} lacks a required ${what}`,
      missing.map((column) => ({ where: `${table.source}:1`, message: `missing ${what} "${column}"` })),
    );
  }
}

/** Where a cell is, as people read it: `file:line:column`. */
export function cellWhere(table: CsvTable, line: number, column: string): string {
  return `${table.source}:${line}:${column}`;
}

/** Collects issues and throws them all at once, so one run reports every bad row (up to a cap). */
export class IssueCollector {
  readonly issues: InputIssue[] = [];
  constructor(private readonly cap = 50) {}

  add(where: string, message: string): void {
    if (this.issues.length < this.cap) this.issues.push({ where, message });
    else this.truncated = true;
  }

  truncated = false;

  throwIfAny(message: string): void {
    if (this.issues.length === 0) return;
    const extra = this.truncated
      ? [{ where: '…', message: `more problems not listed (first ${this.cap} shown)` }]
      : [];
    throw invalidInput(message, [...this.issues, ...extra]);
  }
}

/** A whole, non-negative number written in plain digits (no signs, spaces, decimals). */
export function parseCount(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** csv-parse reports the line a record ends on; quoted fields may span lines, so count back. */
function startLine(raw: string, endLine: number): number {
  const core = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  return endLine - (core.match(/\n/g)?.length ?? 0);
}
