/**
 * Rule expressions over the lines of a results protocol, e.g. `L2 = L3 + L8`,
 * `L4 = sum(L6) + L7` or `L4 / L1 <= 0.7`. Election files are data, not code, so rules are
 * parsed by this small recursive-descent parser and evaluated by walking the tree — never `eval`.
 *
 * Grammar (whitespace between tokens is ignored):
 * ```
 * rule       := sum-expr comparator sum-expr
 * comparator := '=' | '>=' | '<=' | '>' | '<'
 * sum-expr   := product (('+' | '-') product)*
 * product    := unary (('*' | '/') unary)*
 * unary      := '-' unary | primary
 * primary    := number | line | 'sum(' line ')' | '(' sum-expr ')'
 * line       := 'L' digits          (a line number of the protocol form, e.g. L6)
 * number     := digits ('.' digits)? (e.g. 100 or 0.7)
 * ```
 */

export type ComparisonOperator = '=' | '>=' | '<=' | '>' | '<';
export type ArithmeticOperator = '+' | '-' | '*' | '/';

/** A node of a parsed expression. `column` is 1-based, for error messages about the source text. */
export type ProtocolExpression =
  | { kind: 'number'; value: number }
  | { kind: 'line'; line: number; column: number }
  | { kind: 'sum'; line: number; column: number }
  | { kind: 'negate'; operand: ProtocolExpression }
  | { kind: 'binary'; operator: ArithmeticOperator; left: ProtocolExpression; right: ProtocolExpression };

/** A parsed rule: two expressions and how they must compare for the protocol to pass. */
export interface ProtocolComparison {
  source: string;
  left: ProtocolExpression;
  operator: ComparisonOperator;
  right: ProtocolExpression;
}

/** A reference to a protocol line inside a rule; `viaSum` when written as `sum(L<n>)`. */
export interface LineReference {
  line: number;
  viaSum: boolean;
  column: number;
}

/** A rule that does not parse; `column` (1-based) points at the offending character. */
export class ExpressionSyntaxError extends Error {
  readonly column: number;

  constructor(source: string, column: number, problem: string) {
    super(`${problem} at column ${column} of "${source}"`);
    this.name = 'ExpressionSyntaxError';
    this.column = column;
  }
}

type Token =
  | { type: 'number'; value: number; column: number }
  | { type: 'line'; line: number; column: number }
  | { type: 'sum'; column: number }
  | { type: 'operator'; value: ArithmeticOperator; column: number }
  | { type: 'comparator'; value: ComparisonOperator; column: number }
  | { type: '(' | ')'; column: number }
  | { type: 'end'; column: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    const column = i + 1;
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    const rest = source.slice(i);
    const number = /^\d+(\.\d+)?/.exec(rest);
    const line = /^L(\d+)/.exec(rest);
    const comparator = /^(>=|<=|=|>|<)/.exec(rest);
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), column });
      i += number[0].length;
    } else if (line) {
      tokens.push({ type: 'line', line: Number(line[1]), column });
      i += line[0].length;
    } else if (rest.startsWith('sum')) {
      tokens.push({ type: 'sum', column });
      i += 3;
    } else if (comparator) {
      tokens.push({ type: 'comparator', value: comparator[0] as ComparisonOperator, column });
      i += comparator[0].length;
    } else if (char === '+' || char === '-' || char === '*' || char === '/') {
      tokens.push({ type: 'operator', value: char, column });
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char, column });
      i += 1;
    } else {
      throw new ExpressionSyntaxError(source, column, `Unexpected character "${char}"`);
    }
    const last = tokens[tokens.length - 1];
    if ((last?.type === 'number' || last?.type === 'line') && /^[A-Za-z_]/.test(source.slice(i))) {
      throw new ExpressionSyntaxError(source, i + 1, `Unexpected character "${source[i]}"`);
    }
  }
  tokens.push({ type: 'end', column: source.length + 1 });
  return tokens;
}

function describe(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'end of expression';
    case 'number':
      return `number ${token.value}`;
    case 'line':
      return `L${token.line}`;
    case 'sum':
      return 'sum';
    case 'operator':
    case 'comparator':
      return `"${token.value}"`;
    default:
      return `"${token.type}"`;
  }
}

class Parser {
  private position = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseRule(): ProtocolComparison {
    const left = this.sumExpression();
    const comparator = this.peek();
    if (comparator.type !== 'comparator') {
      this.fail(comparator, 'Expected a comparison (=, >=, <=, >, <)');
    }
    this.position += 1;
    const right = this.sumExpression();
    const end = this.peek();
    if (end.type !== 'end') this.fail(end, 'Expected the end of the expression');
    return { source: this.source, left, operator: comparator.value, right };
  }

  private sumExpression(): ProtocolExpression {
    let left = this.product();
    for (let next = this.peek(); next.type === 'operator' && (next.value === '+' || next.value === '-');) {
      this.position += 1;
      left = { kind: 'binary', operator: next.value, left, right: this.product() };
      next = this.peek();
    }
    return left;
  }

  private product(): ProtocolExpression {
    let left = this.unary();
    for (let next = this.peek(); next.type === 'operator' && (next.value === '*' || next.value === '/');) {
      this.position += 1;
      left = { kind: 'binary', operator: next.value, left, right: this.unary() };
      next = this.peek();
    }
    return left;
  }

  private unary(): ProtocolExpression {
    const token = this.peek();
    if (token.type === 'operator' && token.value === '-') {
      this.position += 1;
      return { kind: 'negate', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): ProtocolExpression {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value };
      case 'line':
        return { kind: 'line', line: token.line, column: token.column };
      case 'sum': {
        this.expect('(', 'Expected "(" after sum');
        const line = this.next();
        if (line.type !== 'line') this.fail(line, 'Expected a line like L6 inside sum()');
        this.expect(')', 'Expected ")" to close sum(');
        return { kind: 'sum', line: line.line, column: token.column };
      }
      case '(': {
        const inner = this.sumExpression();
        this.expect(')', 'Expected ")"');
        return inner;
      }
      default:
        return this.fail(token, 'Expected a line (L1), a number, sum(L<n>) or "("');
    }
  }

  private expect(type: '(' | ')', problem: string): void {
    const token = this.next();
    if (token.type !== type) this.fail(token, problem);
  }

  private peek(): Token {
    return this.tokens[this.position] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.position += 1;
    return token;
  }

  private fail(token: Token, problem: string): never {
    throw new ExpressionSyntaxError(this.source, token.column, `${problem}, found ${describe(token)}`);
  }
}

/**
 * Parses a rule such as `L4 = sum(L6) + L7`.
 *
 * @throws ExpressionSyntaxError naming the column where the text stops making sense.
 * @example
 * const rule = parseRuleExpression('L2 = L3 + L8');
 * rule.operator; // '='
 */
export function parseRuleExpression(source: string): ProtocolComparison {
  return new Parser(source, tokenize(source)).parseRule();
}

/**
 * Every protocol line a rule mentions, in the order written.
 *
 * @example
 * lineReferences(parseRuleExpression('L4 = sum(L6) + L7')).map((r) => r.line); // [4, 6, 7]
 */
export function lineReferences(rule: ProtocolComparison): LineReference[] {
  const found: LineReference[] = [];
  const visit = (node: ProtocolExpression): void => {
    if (node.kind === 'line' || node.kind === 'sum') {
      found.push({ line: node.line, viaSum: node.kind === 'sum', column: node.column });
    } else if (node.kind === 'negate') {
      visit(node.operand);
    } else if (node.kind === 'binary') {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(rule.left);
  visit(rule.right);
  return found;
}

/** Where an evaluation gets its figures: a line's value, and the total of a per-choice line. */
export interface FigureLookup {
  line(lineNumber: number): number;
  sum(lineNumber: number): number;
}

/**
 * Computes an expression. Division by zero yields `Infinity` or `NaN`; callers check
 * `Number.isFinite` and report the rule as not evaluable rather than guessing.
 *
 * @example
 * evaluateExpression(parseRuleExpression('L3 + L8 = 0').left, { line: (n) => n * 10, sum: () => 0 }); // 110
 */
export function evaluateExpression(node: ProtocolExpression, figures: FigureLookup): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'line':
      return figures.line(node.line);
    case 'sum':
      return figures.sum(node.line);
    case 'negate':
      return -evaluateExpression(node.operand, figures);
    case 'binary': {
      const left = evaluateExpression(node.left, figures);
      const right = evaluateExpression(node.right, figures);
      if (node.operator === '+') return left + right;
      if (node.operator === '-') return left - right;
      if (node.operator === '*') return left * right;
      return left / right;
    }
  }
}

// Decimal literals such as 0.7 are not exact in binary; a sliver of slack keeps `700 / 1000 <= 0.7`
// and `L1 * 0.1 = 10` from failing on rounding while staying far below one vote.
const ROUNDING_SLACK = 1e-9;

/**
 * Whether `left operator right` holds, allowing `tolerance` (an absolute amount, e.g. votes)
 * in the protocol's favour: `=` passes when |left − right| ≤ tolerance, `>=` when
 * left ≥ right − tolerance, `>` when left > right − tolerance, and so on.
 *
 * @example
 * compareWithTolerance(1001, '=', 1000, 1); // true
 * compareWithTolerance(1002, '=', 1000, 1); // false
 */
export function compareWithTolerance(
  left: number,
  operator: ComparisonOperator,
  right: number,
  tolerance: number,
): boolean {
  const slack = tolerance + ROUNDING_SLACK;
  switch (operator) {
    case '=':
      return Math.abs(left - right) <= slack;
    case '>=':
      return left >= right - slack;
    case '<=':
      return left <= right + slack;
    case '>':
      return left > right - tolerance;
    case '<':
      return left < right + tolerance;
  }
}
