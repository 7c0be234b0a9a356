import type { ElectionDefinition } from '../domain/election/election-definition';
import { areaCodeSchema } from '../domain/election/election-definition';
import type { AreaRow } from '../store/repositories/areas.repository';
import { cellWhere, IssueCollector, parseCount, requireColumns, type CsvTable } from './csv-table';

export const GEOGRAPHY_COLUMNS = [
  'level',
  'code',
  'parent',
  'number',
  'name_kk',
  'name_ru',
  'name_en',
  'registered_voters',
] as const;

/** An area already in the database, enough to hang new children under it. */
export interface KnownArea {
  level: string;
  depth: number;
  path: string[];
}

/**
 * Validates a geography CSV (format in docs/election-format.md) against the election's levels
 * and the areas already stored, and returns the rows to store. Every problem is reported with
 * `file:line:column`; if there is any, nothing is returned.
 *
 * @example
 * const rows = geographyRowsFromCsv(parseCsvTable(text, 'geo.csv'), election, electionId, new Map());
 */
export function geographyRowsFromCsv(
  table: CsvTable,
  election: ElectionDefinition,
  electionId: number,
  known: Map<string, KnownArea>,
): AreaRow[] {
  requireColumns(table, [...GEOGRAPHY_COLUMNS]);
  const levels = election.geography.levels.map((level) => level.id);
  const leafDepth = levels.length - 1;
  const issues = new IssueCollector();
  const seen = new Map<string, { line: number; depth: number; parent: string | null }>();
  const rows: Array<AreaRow & { line: number }> = [];

  for (const { line, values } of table.records) {
    const at = (column: string) => cellWhere(table, line, column);
    const depth = levels.indexOf(values.level ?? '');
    if (depth < 0)
      issues.add(at('level'), `"${values.level}" is not a level of this election (${levels.join(', ')})`);
    const code = values.code ?? '';
    if (!areaCodeSchema.safeParse(code).success) issues.add(at('code'), `"${code}" is not a valid area code`);
    else if (seen.has(code)) issues.add(at('code'), `"${code}" repeats line ${seen.get(code)?.line}`);
    const parent = values.parent ? values.parent : null;
    if (depth === 0 && parent) issues.add(at('parent'), `a ${levels[0]} has no parent, got "${parent}"`);
    if (depth > 0 && !parent)
      issues.add(at('parent'), `a ${levels[depth]} needs the code of its ${levels[depth - 1]}`);
    for (const column of ['name_kk', 'name_ru', 'name_en'] as const) {
      if (!values[column]) issues.add(at(column), 'must not be empty');
    }
    const votersText = values.registered_voters ?? '';
    const registered = votersText === '' ? null : parseCount(votersText);
    if (registered === undefined)
      issues.add(at('registered_voters'), `"${votersText}" is not a whole number ≥ 0`);
    if (depth === leafDepth && votersText === '')
      issues.add(at('registered_voters'), `required for a ${levels[leafDepth]}`);
    if (depth >= 0 && code) seen.set(code, { line, depth, parent });
    rows.push({
      line,
      election_id: electionId,
      code,
      level: values.level ?? '',
      depth,
      parent_code: parent,
      path: [],
      number: values.number ? values.number : null,
      kind: values.kind ? values.kind : null,
      name_kk: values.name_kk ?? '',
      name_ru: values.name_ru ?? '',
      name_en: values.name_en ?? '',
      registered_voters: registered ?? null,
    });
  }
  const declaredTop = election.geography.topLevelAreas?.map((area) => area.code);
  if (declaredTop) {
    for (const row of rows) {
      if (row.depth === 0 && !declaredTop.includes(row.code)) {
        issues.add(
          cellWhere(table, row.line, 'code'),
          `"${row.code}" is not among the election file's topLevelAreas`,
        );
      }
    }
  }
  issues.throwIfAny(`${table.source}: geography rejected, nothing imported`);

  // Parents may come after their children in the file, so paths are resolved once all rows are read.
  const paths = new Map<string, string[]>();
  const pathOf = (code: string, trail: Set<string>): string[] | undefined => {
    const cached = paths.get(code) ?? known.get(code)?.path;
    if (cached && !seen.has(code)) return cached;
    if (paths.has(code)) return paths.get(code);
    const row = seen.get(code);
    if (!row || trail.has(code)) return undefined;
    trail.add(code);
    const parentPath = row.parent === null ? [] : pathOf(row.parent, trail);
    if (!parentPath) return undefined;
    const path = [...parentPath, code];
    paths.set(code, path);
    return path;
  };
  for (const row of rows) {
    if (row.parent_code !== null) {
      const parentDepth = seen.get(row.parent_code)?.depth ?? known.get(row.parent_code)?.depth;
      if (parentDepth === undefined) {
        issues.add(cellWhere(table, row.line, 'parent'), `no area with code "${row.parent_code}"`);
        continue;
      }
      if (parentDepth !== row.depth - 1) {
        issues.add(
          cellWhere(table, row.line, 'parent'),
          `"${row.parent_code}" is a ${levels[parentDepth]}, but a ${row.level} belongs to a ${levels[row.depth - 1]}`,
        );
        continue;
      }
    }
    const path = pathOf(row.code, new Set());
    if (!path) issues.add(cellWhere(table, row.line, 'parent'), 'the parents form a cycle');
    else row.path = path;
  }
  issues.throwIfAny(`${table.source}: geography rejected, nothing imported`);
  return rows.map(({ line: _line, ...row }) => row);
}
