import { z } from 'zod';
import type { ElectionDefinition } from '../domain/election/election-definition';
import { invalidInput, zodIssuesToInputIssues, type InputIssue } from '../errors';
import type { OfficialResultRow } from '../store/repositories/official-results.repository';
import { cellWhere, IssueCollector, parseCount, requireColumns, type CsvTable } from './csv-table';

/**
 * Which CSV column holds what (docs/election-format.md): the precinct code, each single
 * protocol line by its number, and each choice's votes (the form's per-choice votes line).
 */
export const officialMappingSchema = z.strictObject({
  precinct: z.string().min(1, 'must name the CSV column with the precinct code'),
  lines: z.record(
    z.string().regex(/^\d+$/, 'keys must be protocol line numbers like "1"'),
    z.string().min(1),
  ),
  choices: z.record(z.string().min(1), z.string().min(1)),
});

export type OfficialMapping = z.infer<typeof officialMappingSchema>;

/** Validates a parsed mapping file against the election's form. */
export function parseOfficialMapping(
  json: unknown,
  source: string,
  election: ElectionDefinition,
): OfficialMapping {
  const parsed = officialMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw invalidInput(
      `${source}: invalid mapping`,
      zodIssuesToInputIssues(parsed.error.issues).map(prefix(source)),
    );
  }
  const mapping = parsed.data;
  const issues: InputIssue[] = [];
  for (const line of Object.keys(mapping.lines)) {
    const formLine = election.protocol.lines.find((candidate) => candidate.number === Number(line));
    if (!formLine)
      issues.push({ where: `${source}:$.lines.${line}`, message: `the form has no line ${line}` });
    else if (formLine.perChoice) {
      issues.push({
        where: `${source}:$.lines.${line}`,
        message: `line ${line} is per choice: map each choice under "choices" instead`,
      });
    }
  }
  const choiceIds = new Set(election.choices.map((choice) => choice.id));
  for (const choice of Object.keys(mapping.choices)) {
    if (!choiceIds.has(choice)) {
      issues.push({
        where: `${source}:$.choices.${choice}`,
        message: `no ballot choice "${choice}" in this election`,
      });
    }
  }
  if (issues.length > 0) throw invalidInput(`${source}: invalid mapping`, issues);
  return mapping;
}

/** Figures keyed as stored: `"<line>"` for single lines, `"<votes line>.<choice id>"` per choice. */
export function choiceFigureKey(election: ElectionDefinition, choiceId: string): string {
  return `${election.protocol.roles.choiceVotes}.${choiceId}`;
}

/**
 * Reads official results rows through a mapping. Every bad cell is reported as
 * `file:line:column`; precincts must exist in the stored geography, once each.
 */
export function officialRowsFromCsv(
  table: CsvTable,
  mapping: OfficialMapping,
  election: ElectionDefinition,
  precinctCodes: Set<string>,
): OfficialResultRow[] {
  const columns = [mapping.precinct, ...Object.values(mapping.lines), ...Object.values(mapping.choices)];
  requireColumns(table, [...new Set(columns)], 'column named in the mapping');
  const issues = new IssueCollector();
  const seen = new Map<string, number>();
  const rows: OfficialResultRow[] = [];
  const fields: Array<[key: string, column: string]> = [
    ...Object.entries(mapping.lines),
    ...Object.entries(mapping.choices).map(
      ([choice, column]) => [choiceFigureKey(election, choice), column] as [string, string],
    ),
  ];
  for (const { line, values } of table.records) {
    const precinct = values[mapping.precinct] ?? '';
    if (!precinctCodes.has(precinct)) {
      issues.add(
        cellWhere(table, line, mapping.precinct),
        `no precinct "${precinct}" in this election's geography`,
      );
    } else if (seen.has(precinct)) {
      issues.add(
        cellWhere(table, line, mapping.precinct),
        `precinct "${precinct}" repeats line ${seen.get(precinct)}`,
      );
    }
    seen.set(precinct, line);
    const figures: Record<string, number> = {};
    for (const [key, column] of fields) {
      const text = values[column] ?? '';
      if (text === '') continue; // a figure the source does not publish
      const value = parseCount(text);
      if (value === undefined)
        issues.add(cellWhere(table, line, column), `"${text}" is not a whole number ≥ 0`);
      else figures[key] = value;
    }
    rows.push({ precinctCode: precinct, figures });
  }
  issues.throwIfAny(`${table.source}: official results rejected, nothing imported`);
  return rows;
}

function prefix(source: string) {
  return (issue: InputIssue): InputIssue => ({ ...issue, where: `${source}:${issue.where}` });
}
