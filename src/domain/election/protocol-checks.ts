/**
 * Checks a submitted results protocol against its election's form: every page received, every
 * required line filled in, every control ratio and plausibility rule. Each result names the rule,
 * the figures it used, the values compared and the tolerance (DESIGN.md invariant 4), so the
 * observer, the moderator and the public can all see why a protocol was rejected.
 */
import type { LocalizedText } from '../locale';
import type { ElectionDefinition, ProtocolRule, RuleSeverity } from './election-definition';
import {
  compareWithTolerance,
  evaluateExpression,
  parseRuleExpression,
  type ComparisonOperator,
  type FigureLookup,
} from './protocol-expression';

/**
 * The figures of one protocol.
 *
 * @example
 * const figures: ProtocolFigures = {
 *   lines: { 1: 1500, 2: 1200, 3: 900, 4: 900, 7: 10, 8: 300 },
 *   choiceLines: { 6: { 'ak-zhol': 200, 'nur-otan': 500, adal: 90, auyl: 60, 'peoples-party': 40 } },
 * };
 */
export interface ProtocolFigures {
  /** Single-figure lines by line number. An absent key is a line not filled in. */
  lines: Partial<Record<number, number>>;
  /** Per-choice lines by line number, then by ballot choice id. */
  choiceLines: Partial<Record<number, Partial<Record<string, number>>>>;
}

export type CheckOutcome = 'passed' | 'failed' | 'not_evaluated';

export interface CheckResult {
  /** The election rule's id, or a built-in check: `pages-complete`, `lines-complete`, `figures-valid`. */
  ruleId: string;
  kind: 'completeness' | ProtocolRule['kind'];
  /** The rule as written, e.g. `L2 = L3 + L8`. */
  expression: string;
  names: LocalizedText;
  severity: RuleSeverity;
  /** Set when the rule is evaluated once per ballot choice. */
  choiceId?: string;
  /** Every figure the check read, e.g. `{ L2: 1000, L3: 900, L8: 100 }` or `{ 'L6[adal]': 90, 'sum(L6)': 890 }`. */
  figures: Record<string, number>;
  left: number | null;
  operator: ComparisonOperator;
  right: number | null;
  tolerance: number;
  outcome: CheckOutcome;
  passed: boolean;
  /** Figures the check needed but the protocol lacks (e.g. `L7`, `L6[adal]`), or that are not whole numbers ≥ 0. */
  missing?: string[];
  /** Why a check could not be evaluated, e.g. division by zero. */
  note?: string;
}

export type ProtocolStatus = 'accepted' | 'rejected' | 'needs_review';

export interface ProtocolCheckReport {
  status: ProtocolStatus;
  checks: CheckResult[];
}

const BUILT_IN_NAMES = {
  'pages-complete': {
    kk: 'Хаттаманың барлық беттері алынды',
    ru: 'Получены все страницы протокола',
    en: 'All pages of the protocol received',
  },
  'lines-complete': {
    kk: 'Барлық міндетті жолдар толтырылды',
    ru: 'Заполнены все обязательные строки',
    en: 'Every required line filled in',
  },
  'figures-valid': {
    kk: 'Барлық сандар бүтін және теріс емес',
    ru: 'Все числа целые и неотрицательные',
    en: 'Every figure is a whole number, 0 or more',
  },
} satisfies Record<string, LocalizedText>;

function isFigure(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function completenessCheck(
  ruleId: keyof typeof BUILT_IN_NAMES,
  expression: string,
  figures: Record<string, number>,
  left: number,
  right: number,
  missing?: string[],
): CheckResult {
  const passed = left >= right;
  return {
    ruleId,
    kind: 'completeness',
    expression,
    names: BUILT_IN_NAMES[ruleId],
    severity: 'reject',
    figures,
    left,
    operator: '>=',
    right,
    tolerance: 0,
    outcome: passed ? 'passed' : 'failed',
    passed,
    ...(missing && missing.length > 0 ? { missing } : {}),
  };
}

/** Every figure the form asks for, labelled as in check results (`L1`, `L6[ak-zhol]`), with its value. */
function expectedFigures(
  election: ElectionDefinition,
  figures: ProtocolFigures,
): Array<{ label: string; required: boolean; value: number | undefined }> {
  return election.protocol.lines.flatMap((line) =>
    line.perChoice
      ? election.choices.map((choice) => ({
          label: `L${line.number}[${choice.id}]`,
          required: line.required,
          value: figures.choiceLines[line.number]?.[choice.id],
        }))
      : [{ label: `L${line.number}`, required: line.required, value: figures.lines[line.number] }],
  );
}

/** Reads figures for one evaluation, remembering what it read and what was missing. */
function recordingLookup(
  election: ElectionDefinition,
  figures: ProtocolFigures,
  choiceId: string | undefined,
): FigureLookup & { used: Record<string, number>; missing: string[] } {
  const perChoice = new Set(election.protocol.lines.filter((l) => l.perChoice).map((l) => l.number));
  const used: Record<string, number> = {};
  const missing: string[] = [];
  const read = (label: string, value: number | undefined): number => {
    if (!isFigure(value)) {
      if (!missing.includes(label)) missing.push(label);
      return 0;
    }
    used[label] = value;
    return value;
  };
  const choiceFigure = (lineNumber: number, id: string): number =>
    read(`L${lineNumber}[${id}]`, figures.choiceLines[lineNumber]?.[id]);
  return {
    used,
    missing,
    line: (lineNumber) =>
      perChoice.has(lineNumber) && choiceId !== undefined
        ? choiceFigure(lineNumber, choiceId)
        : read(`L${lineNumber}`, figures.lines[lineNumber]),
    sum: (lineNumber) => {
      const missingBefore = missing.length;
      const total = election.choices.reduce((acc, choice) => acc + choiceFigure(lineNumber, choice.id), 0);
      // A total with a part missing would be a made-up figure; report only complete sums.
      if (missing.length === missingBefore) used[`sum(L${lineNumber})`] = total;
      return total;
    },
  };
}

function ruleCheck(
  election: ElectionDefinition,
  rule: ProtocolRule,
  figures: ProtocolFigures,
  choiceId?: string,
): CheckResult {
  const parsed = parseRuleExpression(rule.expression);
  const lookup = recordingLookup(election, figures, choiceId);
  const left = evaluateExpression(parsed.left, lookup);
  const right = evaluateExpression(parsed.right, lookup);
  const base = {
    ruleId: rule.id,
    kind: rule.kind,
    expression: rule.expression,
    names: rule.names,
    severity: rule.severity,
    ...(choiceId !== undefined ? { choiceId } : {}),
    figures: lookup.used,
    operator: parsed.operator,
    tolerance: rule.tolerance,
  };
  const notEvaluated = { ...base, left: null, right: null, outcome: 'not_evaluated', passed: false } as const;
  if (lookup.missing.length > 0) {
    return {
      ...notEvaluated,
      missing: lookup.missing,
      note: `figures missing: ${lookup.missing.join(', ')}`,
    } satisfies CheckResult;
  }
  if (!Number.isFinite(left) || !Number.isFinite(right)) {
    return { ...notEvaluated, note: 'division by zero' } satisfies CheckResult;
  }
  const passed = compareWithTolerance(left, parsed.operator, right, rule.tolerance);
  return { ...base, left, right, outcome: passed ? 'passed' : 'failed', passed } satisfies CheckResult;
}

/**
 * A completeness check that each of `total` items passes: the figures record the total and the
 * passing count under the two names given (in that order), and the failing items are listed.
 */
function everyOneCheck(
  ruleId: keyof typeof BUILT_IN_NAMES,
  expression: string,
  [totalName, passingName]: readonly [string, string],
  total: number,
  failing: string[],
): CheckResult {
  const passing = total - failing.length;
  return completenessCheck(
    ruleId,
    expression,
    { [totalName]: total, [passingName]: passing },
    passing,
    total,
    failing,
  );
}

function statusOf(checks: CheckResult[]): ProtocolStatus {
  if (checks.some((check) => check.outcome === 'failed' && check.severity === 'reject')) return 'rejected';
  if (checks.some((check) => check.outcome !== 'passed')) return 'needs_review';
  return 'accepted';
}

/**
 * Checks one protocol: pages, completeness, figure validity, then every rule of the form
 * (rules with `forEachChoice` once per ballot choice).
 * Status: `rejected` if any reject-level check failed; otherwise `needs_review` if a warn-level
 * check failed or a rule could not be evaluated (e.g. an optional line missing, division by zero);
 * otherwise `accepted`.
 *
 * @example
 * const report = checkProtocol(election, figures, { pagesReceived: 2 });
 * report.status; // 'rejected'
 * report.checks.filter((c) => !c.passed).map((c) => `${c.ruleId}: ${c.expression}`); // ['ballots-balance: L2 = L3 + L8']
 */
export function checkProtocol(
  election: ElectionDefinition,
  figures: ProtocolFigures,
  { pagesReceived, figuresOnly = false }: { pagesReceived: number; figuresOnly?: boolean },
): ProtocolCheckReport {
  // Figures typed over a text-only channel (SMS, when the internet is cut) cannot bring the
  // pages: no pages are required of them, and the check says so in its expression and inputs,
  // so the console and the export can tell such a protocol from one with its photos.
  const pagesRequired = figuresOnly ? 0 : election.protocol.pages;
  const expected = expectedFigures(election, figures);
  const required = expected.filter((figure) => figure.required);
  const missing = required.filter((figure) => figure.value === undefined).map((figure) => figure.label);
  const present = expected.filter((figure) => figure.value !== undefined);
  const invalid = present
    .filter((figure) => !(Number.isInteger(figure.value) && (figure.value as number) >= 0))
    .map((figure) => figure.label);

  const checks: CheckResult[] = [
    completenessCheck(
      'pages-complete',
      figuresOnly
        ? 'pages received >= 0 (figures by SMS: the channel carries no pages)'
        : `pages received >= ${pagesRequired}`,
      { pagesReceived, pagesRequired },
      pagesReceived,
      pagesRequired,
    ),
    everyOneCheck(
      'lines-complete',
      'every required line filled in',
      ['linesRequired', 'linesFilledIn'],
      required.length,
      missing,
    ),
    everyOneCheck(
      'figures-valid',
      'every figure a whole number >= 0',
      ['figuresGiven', 'figuresValid'],
      present.length,
      invalid,
    ),
  ];
  for (const rule of election.protocol.rules) {
    if (rule.forEachChoice) {
      for (const choice of election.choices) checks.push(ruleCheck(election, rule, figures, choice.id));
    } else {
      checks.push(ruleCheck(election, rule, figures));
    }
  }
  return { status: statusOf(checks), checks };
}

/**
 * The checks that did not pass — the reasons behind a `rejected` or `needs_review` status.
 *
 * @example
 * protocolProblems(report).map((c) => c.ruleId); // ['pages-complete', 'turnout-at-most-70']
 */
export function protocolProblems(report: ProtocolCheckReport): CheckResult[] {
  return report.checks.filter((check) => !check.passed);
}

/**
 * Why a check failed, as the public counts it: the contract names missing pages and lines
 * `pages_missing` / `lines_missing`; every other reason is the rule's own id.
 *
 * @example
 * publicReasonId({ ruleId: 'pages-complete', … }); // 'pages_missing'
 */
export function publicReasonId(check: CheckResult): string {
  if (check.ruleId === 'pages-complete') return 'pages_missing';
  if (check.ruleId === 'lines-complete') return 'lines_missing';
  return check.ruleId;
}
