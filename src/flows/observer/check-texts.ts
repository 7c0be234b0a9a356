import {
  publicReasonId,
  type CheckResult,
  type ProtocolCheckReport,
} from '../../domain/election/protocol-checks';
import type { ComparisonOperator } from '../../domain/election/protocol-expression';
import type { Locale } from '../../domain/locale';
import { formatNumber } from '../../i18n/format';
import type { MessageText } from '../messages';

/** The relation that holds when a comparison fails, to show "850 < 900" for a broken `L3 >= L4`. */
const NEGATED: Record<ComparisonOperator, string> = { '=': '≠', '>=': '<', '<=': '>', '>': '≤', '<': '≥' };

const ASCII_NEGATED: Record<ComparisonOperator, string> = {
  '=': '!=',
  '>=': '<',
  '<=': '>',
  '>': '<=',
  '<': '>=',
};

/**
 * A figure as the protocol's cell holds it: ungrouped ("1000", as the observer typed it and as
 * the expression `L2 = L3 + L8` reads), with the locale's decimal sign should a ratio appear.
 */
function figure(value: number, locale: Locale): string {
  return formatNumber(locale, value, { grouping: false, maxDigits: 3 });
}

/** `L2 = 1000, L3 = 900, L8 = 50`: every figure the check read. */
function figuresText(check: CheckResult, locale: Locale): string {
  return Object.entries(check.figures)
    .map(([label, value]) => `${label} = ${figure(value, locale)}`)
    .join(', ');
}

function comparisonText(check: CheckResult, locale: Locale): string {
  if (check.left === null || check.right === null) return '';
  const operator = check.passed ? check.operator : NEGATED[check.operator];
  return `${figure(check.left, locale)} ${operator} ${figure(check.right, locale)}`;
}

function nameOf(check: CheckResult, locale: Locale): string {
  return check.choiceId ? `${check.names[locale]} [${check.choiceId}]` : check.names[locale];
}

/**
 * One check as the observer reads it: the rule, the figures it used, and passed or failed.
 * Missing pages and lines get their own wording, since "L… >= …" means little there.
 *
 * @example
 * checkText(failedBallotsBalance, 'en');
 * // { key: 'observer.check_failed', params: { name: 'Ballots received = …', expression: 'L2 = L3 + L8',
 * //   figures: 'L2 = 1000, L3 = 900, L8 = 50', comparison: '1000 ≠ 950' } }
 */
export function checkText(check: CheckResult, locale: Locale): MessageText {
  if (!check.passed && check.ruleId === 'pages-complete') {
    return {
      key: 'observer.reason_pages_missing',
      params: { received: check.figures.pagesReceived ?? 0, required: check.figures.pagesRequired ?? 0 },
    };
  }
  if (!check.passed && check.ruleId === 'lines-complete') {
    return { key: 'observer.reason_lines_missing', params: { lines: (check.missing ?? []).join(', ') } };
  }
  const params = {
    name: nameOf(check, locale),
    expression: check.expression,
    figures: figuresText(check, locale),
    comparison: comparisonText(check, locale),
  };
  if (check.outcome === 'not_evaluated') {
    return {
      key: 'observer.check_not_evaluated',
      params: {
        name: params.name,
        expression: check.expression,
        why: check.missing?.join(', ') ?? check.note ?? '',
      },
    };
  }
  if (check.passed) return { key: 'observer.check_passed', params };
  return { key: check.severity === 'reject' ? 'observer.check_failed' : 'observer.check_warning', params };
}

/** Every check of a report, one paragraph each. */
export function allCheckTexts(report: ProtocolCheckReport, locale: Locale): MessageText[] {
  return report.checks.map((check) => checkText(check, locale));
}

/** Only the checks that did not pass: the reasons behind `rejected` or `needs_review`. */
export function reasonTexts(report: ProtocolCheckReport, locale: Locale): MessageText[] {
  return report.checks.filter((check) => !check.passed).map((check) => checkText(check, locale));
}

/**
 * The reasons in as few characters as an SMS allows: each failed check's id (the names the
 * public counts use) with what failed, e.g. `ballots-balance 1000!=950; pages_missing 0/2`.
 *
 * @example
 * compactReasons(report, 'ru'); // 'ballots-balance 1000!=950; pages_missing 0/2'
 */
export function compactReasons(report: ProtocolCheckReport, locale: Locale): string {
  return report.checks
    .filter((check) => !check.passed)
    .map((check) => {
      const id = publicReasonId(check);
      if (check.ruleId === 'pages-complete')
        return `${id} ${check.figures.pagesReceived ?? 0}/${check.figures.pagesRequired ?? 0}`;
      if (check.missing && check.missing.length > 0) return `${id} ${check.missing.join(',')}`;
      if (check.left === null || check.right === null) return id;
      // ASCII operators: one "≠" would turn an English SMS into UCS-2, 70 characters a segment.
      const operator = ASCII_NEGATED[check.operator];
      return `${id} ${figure(check.left, locale)}${operator}${figure(check.right, locale)}`;
    })
    .join('; ');
}
