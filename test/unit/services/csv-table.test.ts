import { describe, expect, it } from 'vitest';
import { DauysError } from '../../../src/errors';
import { IssueCollector, parseCount, parseCsvTable, requireColumns } from '../../../src/services/csv-table';

function errorOf(action: () => unknown): DauysError {
  try {
    action();
  } catch (error) {
    if (error instanceof DauysError) return error;
    throw error;
  }
  throw new Error('expected a DauysError');
}

describe('parseCsvTable', () => {
  it('keeps the line each record starts on, skipping blank lines and a BOM', () => {
    const table = parseCsvTable('\uFEFFcode,name\nA,Alpha\n\nB,"Be\nta"\nC,Gamma\n', 'x.csv');
    expect(table.header).toEqual(['code', 'name']);
    expect(table.records.map((r) => [r.line, r.values.code])).toEqual([
      [2, 'A'],
      [4, 'B'],
      [6, 'C'],
    ]);
  });

  it('rejects a row of the wrong width with its line', () => {
    const error = errorOf(() => parseCsvTable('a,b\n1,2\n3\n', 'bad.csv'));
    expect(error.issues[0]?.where).toBe('bad.csv:3');
  });

  it('rejects a repeated column and an empty file', () => {
    expect(errorOf(() => parseCsvTable('a,a\n1,2\n', 'r.csv')).issues[0]?.message).toContain('"a"');
    expect(errorOf(() => parseCsvTable('', 'e.csv')).message).toContain('empty');
  });

  it('names every missing required column', () => {
    const table = parseCsvTable('a\n1\n', 'm.csv');
    const error = errorOf(() => requireColumns(table, ['a', 'b', 'c']));
    expect(error.issues.map((issue) => issue.message)).toEqual(['missing column "b"', 'missing column "c"']);
  });
});

describe('parseCount', () => {
  it('accepts plain whole numbers only', () => {
    expect(parseCount('0')).toBe(0);
    expect(parseCount('1234')).toBe(1234);
    for (const bad of ['-1', '1.5', ' 1', '1e3', '', 'x', '99999999999'])
      expect(parseCount(bad)).toBeUndefined();
  });
});

describe('IssueCollector', () => {
  it('caps the list and says more were left out', () => {
    const issues = new IssueCollector(2);
    for (let i = 0; i < 5; i++) issues.add(`f:${i}`, 'bad');
    const error = errorOf(() => issues.throwIfAny('rejected'));
    expect(error.issues).toHaveLength(3);
    expect(error.issues[2]?.message).toContain('first 2');
  });
});
