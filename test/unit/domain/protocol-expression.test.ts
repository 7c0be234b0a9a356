import { describe, expect, it } from 'vitest';
import {
  compareWithTolerance,
  evaluateExpression,
  ExpressionSyntaxError,
  lineReferences,
  parseRuleExpression,
  type FigureLookup,
} from '../../../src/domain/election/protocol-expression';

/** Lines hold their own number times ten (L3 = 30); sum(Ln) is 1000 + n. */
const figures: FigureLookup = { line: (n) => n * 10, sum: (n) => 1000 + n };

function sides(source: string): [number, number] {
  const rule = parseRuleExpression(source);
  return [evaluateExpression(rule.left, figures), evaluateExpression(rule.right, figures)];
}

function syntaxErrorOf(source: string): ExpressionSyntaxError {
  try {
    parseRuleExpression(source);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected "${source}" not to parse`);
}

describe('parseRuleExpression and evaluateExpression', () => {
  it('reads every comparison operator', () => {
    for (const operator of ['=', '>=', '<=', '>', '<'] as const) {
      expect(parseRuleExpression(`L1 ${operator} L2`).operator).toBe(operator);
    }
  });

  it('gives * and / precedence over + and -, left to right', () => {
    expect(sides('L1 + L2 * 2 = L8 - L4 - L2')).toEqual([10 + 40, 80 - 40 - 20]);
    expect(sides('L8 / L2 / 2 = 1')).toEqual([2, 1]);
  });

  it('honours parentheses, unary minus and decimals', () => {
    expect(sides('(L1 + L2) * 2 = -L3 + 0.5')).toEqual([60, -29.5]);
    expect(sides('--L1 = L1')).toEqual([10, 10]);
  });

  it('evaluates sum() over a per-choice line', () => {
    expect(sides('L4 = sum(L6) + L7')).toEqual([40, 1006 + 70]);
  });

  it('ignores whitespace, or its absence', () => {
    expect(sides('L2=L3+L8')).toEqual(sides('  L2  =  L3 +   L8 '));
  });

  it('lists the lines a rule mentions, marking those inside sum()', () => {
    expect(lineReferences(parseRuleExpression('L4 = sum(L6) + L7'))).toEqual([
      { line: 4, viaSum: false, column: 1 },
      { line: 6, viaSum: true, column: 6 },
      { line: 7, viaSum: false, column: 16 },
    ]);
  });

  it('yields a non-finite value on division by zero rather than throwing', () => {
    const rule = parseRuleExpression('L4 / 0 <= 0.7');
    expect(Number.isFinite(evaluateExpression(rule.left, figures))).toBe(false);
  });
});

describe('parse errors name the column', () => {
  it.each([
    ['L2 = L3 +', 10, /Expected a line .* found end of expression/],
    ['L2 L3', 4, /Expected a comparison/],
    ['L2 = L3 = L8', 9, /Expected the end of the expression/],
    ['L2 == L3', 5, /found "="/],
    ['L2 = L3 % 2', 9, /Unexpected character "%"/],
    ['L2 = l3', 6, /Unexpected character "l"/],
    ['L2 = sum L6', 10, /Expected "\(" after sum/],
    ['L2 = sum(3)', 10, /Expected a line like L6 inside sum\(\)/],
    ['L2 = sum(L6', 12, /Expected "\)" to close sum\(/],
    ['(L2 = L3', 5, /Expected "\)"/],
    ['L2L3 = 1', 3, /Unexpected character "L"/],
    ['process.exit() = 1', 1, /Unexpected character "p"/],
    ['', 1, /found end of expression/],
  ])('%s', (source, column, message) => {
    const error = syntaxErrorOf(source);
    expect(error.column).toBe(column);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`at column ${column} of "${source}"`);
  });
});

describe('compareWithTolerance', () => {
  it('treats = as "within tolerance either way"', () => {
    expect(compareWithTolerance(1000, '=', 1000, 0)).toBe(true);
    expect(compareWithTolerance(1001, '=', 1000, 0)).toBe(false);
    expect(compareWithTolerance(998, '=', 1000, 2)).toBe(true);
    expect(compareWithTolerance(997, '=', 1000, 2)).toBe(false);
  });

  it('gives inequalities the tolerance in the protocol’s favour', () => {
    expect(compareWithTolerance(99, '>=', 100, 0)).toBe(false);
    expect(compareWithTolerance(99, '>=', 100, 1)).toBe(true);
    expect(compareWithTolerance(101, '<=', 100, 0)).toBe(false);
    expect(compareWithTolerance(101, '<=', 100, 1)).toBe(true);
    expect(compareWithTolerance(100, '>', 100, 0)).toBe(false);
    expect(compareWithTolerance(100, '<', 100, 0)).toBe(false);
    expect(compareWithTolerance(100, '<', 101, 0)).toBe(true);
  });

  it('does not fail exact decimal thresholds on binary rounding', () => {
    expect(compareWithTolerance(700 / 1000, '<=', 0.7, 0)).toBe(true);
    expect(compareWithTolerance(0.1 + 0.2, '=', 0.3, 0)).toBe(true);
    expect(compareWithTolerance(701 / 1000, '<=', 0.7, 0)).toBe(false);
  });
});
