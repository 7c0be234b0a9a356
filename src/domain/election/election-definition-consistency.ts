/**
 * The rules of an election definition that span several fields, which a zod shape cannot say:
 * ids that must be unique, rule expressions that must name existing lines, polls that must close
 * after they open. Each issue names the JSON path of the value to fix.
 */
import type { InputIssue } from '../../errors';
import type { ElectionDefinition, ProtocolRoles } from './election-definition';
import { ExpressionSyntaxError, lineReferences, parseRuleExpression } from './protocol-expression';
import { isValidTimeZone } from './time-zone';

/** Reports each value that repeats an earlier one, pointing at the repeat and the original. */
function duplicates(entries: Array<{ value: string | number; where: string }>, what: string): InputIssue[] {
  const firstSeen = new Map<string | number, string>();
  const issues: InputIssue[] = [];
  for (const { value, where } of entries) {
    const earlier = firstSeen.get(value);
    if (earlier === undefined) firstSeen.set(value, where);
    else issues.push({ where, message: `duplicate ${what} ${JSON.stringify(value)} (first at ${earlier})` });
  }
  return issues;
}

function timeIssues(election: ElectionDefinition): InputIssue[] {
  const issues: InputIssue[] = [];
  const zones = [
    { zone: election.timeZone, where: '$.timeZone' },
    ...election.polls.otherTimeZones.map((zone, i) => ({ zone, where: `$.polls.otherTimeZones[${i}]` })),
  ];
  for (const { zone, where } of zones) {
    if (!isValidTimeZone(zone)) {
      issues.push({ where, message: `unknown time zone "${zone}"; use an IANA name such as "Asia/Almaty"` });
    }
  }
  // "HH:MM" strings compare in clock order. Polls spanning midnight are not supported.
  if (election.polls.closes <= election.polls.opens) {
    issues.push({
      where: '$.polls.closes',
      message: `polls must close after they open (opens ${election.polls.opens}, closes ${election.polls.closes})`,
    });
  }
  return issues;
}

function ruleIssues(election: ElectionDefinition): InputIssue[] {
  const issues: InputIssue[] = [];
  const lines = new Map(election.protocol.lines.map((line) => [line.number, line]));
  election.protocol.rules.forEach((rule, i) => {
    const where = `$.protocol.rules[${i}].expression`;
    let references;
    try {
      references = lineReferences(parseRuleExpression(rule.expression));
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      issues.push({ where, message: error.message });
      return;
    }
    const issuesBefore = issues.length;
    let mentionsChoiceFigure = false;
    for (const reference of references) {
      const line = lines.get(reference.line);
      const at = `at column ${reference.column} of "${rule.expression}"`;
      if (!line) {
        issues.push({ where, message: `L${reference.line} ${at} is not a line of the protocol form` });
      } else if (reference.viaSum && !line.perChoice) {
        issues.push({
          where,
          message: `sum(L${reference.line}) ${at}: L${reference.line} is not a per-choice line`,
        });
      } else if (!reference.viaSum && line.perChoice) {
        if (rule.forEachChoice) mentionsChoiceFigure = true;
        else
          issues.push({
            where,
            message: `L${reference.line} ${at} is a per-choice line: write sum(L${reference.line}), or set "forEachChoice": true`,
          });
      }
    }
    if (rule.forEachChoice && !mentionsChoiceFigure && issues.length === issuesBefore) {
      issues.push({
        where: `$.protocol.rules[${i}].forEachChoice`,
        message: 'forEachChoice is set but the expression names no per-choice line outside sum()',
      });
    }
  });
  return issues;
}

function roleIssues(election: ElectionDefinition): InputIssue[] {
  const issues: InputIssue[] = [];
  const lines = new Map(election.protocol.lines.map((line) => [line.number, line]));
  for (const [role, lineNumber] of Object.entries(election.protocol.roles) as Array<
    [keyof ProtocolRoles, number | undefined]
  >) {
    if (lineNumber === undefined) continue;
    const where = `$.protocol.roles.${role}`;
    const line = lines.get(lineNumber);
    const wantsPerChoice = role === 'choiceVotes';
    if (!line) issues.push({ where, message: `line ${lineNumber} is not a line of the protocol form` });
    else if (line.perChoice !== wantsPerChoice) {
      issues.push({
        where,
        message: `line ${lineNumber} ${wantsPerChoice ? 'must be a per-choice line' : 'is a per-choice line; this role needs a single figure'}`,
      });
    }
  }
  return issues;
}

/**
 * All cross-field problems of a schema-valid definition (empty when consistent).
 *
 * @example
 * crossFieldIssues(election); // [{ where: '$.choices[1].id', message: 'duplicate choice id "adal" (first at $.choices[0].id)' }]
 */
export function crossFieldIssues(election: ElectionDefinition): InputIssue[] {
  const choiceIds = [
    ...election.choices.map((choice, i) => ({ value: choice.id, where: `$.choices[${i}].id` })),
    ...election.voterOnlyChoices.map((choice, i) => ({
      value: choice.id,
      where: `$.voterOnlyChoices[${i}].id`,
    })),
  ];
  return [
    ...timeIssues(election),
    ...duplicates(choiceIds, 'choice id'),
    ...duplicates(
      election.geography.levels.map((level, i) => ({
        value: level.id,
        where: `$.geography.levels[${i}].id`,
      })),
      'level id',
    ),
    ...duplicates(
      (election.geography.topLevelAreas ?? []).map((area, i) => ({
        value: area.code,
        where: `$.geography.topLevelAreas[${i}].code`,
      })),
      'area code',
    ),
    ...duplicates(
      election.protocol.lines.map((line, i) => ({
        value: line.number,
        where: `$.protocol.lines[${i}].number`,
      })),
      'line number',
    ),
    ...duplicates(
      election.protocol.rules.map((rule, i) => ({ value: rule.id, where: `$.protocol.rules[${i}].id` })),
      'rule id',
    ),
    ...ruleIssues(election),
    ...roleIssues(election),
    ...duplicates(
      election.violationCategories.map((category, i) => ({
        value: category.id,
        where: `$.violationCategories[${i}].id`,
      })),
      'violation category id',
    ),
  ];
}
