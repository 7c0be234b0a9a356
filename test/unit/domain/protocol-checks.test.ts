import { describe, expect, it } from 'vitest';
import { parseElectionDefinition } from '../../../src/domain/election/election-definition';
import {
  checkProtocol,
  protocolProblems,
  type CheckResult,
  type ProtocolFigures,
} from '../../../src/domain/election/protocol-checks';
import { demoElection, demoElectionJson } from './demo-election';

const election = demoElection();

/** A protocol whose figures add up: 1,500 on the list, 900 voted (60%), 2 pages. */
function consistentFigures(): ProtocolFigures {
  return {
    lines: { 1: 1500, 2: 1200, 3: 905, 4: 900, 5: 905, 7: 10, 8: 295 },
    choiceLines: { 6: { 'ak-zhol': 200, 'nur-otan': 500, adal: 90, auyl: 60, 'peoples-party': 40 } },
  };
}

function check(report: { checks: CheckResult[] }, ruleId: string): CheckResult {
  const found = report.checks.find((c) => c.ruleId === ruleId);
  if (!found) throw new Error(`no check ${ruleId}`);
  return found;
}

describe('checkProtocol on the demo form', () => {
  it('accepts a consistent protocol, every check passed and explained', () => {
    const report = checkProtocol(election, consistentFigures(), { pagesReceived: 2 });
    expect(report.status).toBe('accepted');
    expect(protocolProblems(report)).toEqual([]);
    expect(report.checks.map((c) => c.ruleId)).toEqual([
      'pages-complete',
      'lines-complete',
      'figures-valid',
      'ballots-balance',
      'votes-balance',
      'issued-covers-participation',
      'list-covers-issued',
      'turnout-at-most-70',
    ]);
    expect(check(report, 'ballots-balance')).toMatchObject({
      expression: 'L2 = L3 + L8',
      names: { en: 'Ballots received = ballots issued + cancelled ballots' },
      severity: 'reject',
      figures: { L2: 1200, L3: 905, L8: 295 },
      left: 1200,
      operator: '=',
      right: 1200,
      tolerance: 0,
      outcome: 'passed',
      passed: true,
    });
    expect(check(report, 'votes-balance').figures).toEqual({
      L4: 900,
      'L6[ak-zhol]': 200,
      'L6[nur-otan]': 500,
      'L6[adal]': 90,
      'L6[auyl]': 60,
      'L6[peoples-party]': 40,
      'sum(L6)': 890,
      L7: 10,
    });
    expect(check(report, 'turnout-at-most-70')).toMatchObject({ left: 0.6, right: 0.7, passed: true });
  });

  const broken: Array<[string, (f: ProtocolFigures) => void, Record<string, number>, number, number]> = [
    ['ballots-balance', (f) => (f.lines[8] = 300), { L2: 1200, L3: 905, L8: 300 }, 1200, 1205],
    [
      'votes-balance',
      (f) => (f.choiceLines[6]!['nur-otan'] = 510),
      { L4: 900, 'sum(L6)': 900, L7: 10 },
      900,
      910,
    ],
    [
      'issued-covers-participation',
      (f) => ((f.lines[3] = 890), (f.lines[8] = 310)),
      { L3: 890, L4: 900 },
      890,
      900,
    ],
    ['list-covers-issued', (f) => (f.lines[1] = 904), { L1: 904, L3: 905 }, 904, 905],
  ];

  it.each(broken)(
    'rejects a protocol breaking %s, naming the figures used',
    (ruleId, breakIt, used, left, right) => {
      const figures = consistentFigures();
      breakIt(figures);
      const report = checkProtocol(election, figures, { pagesReceived: 2 });
      expect(report.status).toBe('rejected');
      expect(protocolProblems(report).map((c) => c.ruleId)).toContain(ruleId);
      const failed = check(report, ruleId);
      expect(failed).toMatchObject({
        outcome: 'failed',
        passed: false,
        severity: 'reject',
        left,
        right,
        tolerance: 0,
      });
      expect(failed.figures).toMatchObject(used);
    },
  );

  it('rejects turnout above 70%, showing the turnout it computed', () => {
    const figures = consistentFigures();
    figures.lines[1] = 1200; // 900 / 1200 = 75%
    const report = checkProtocol(election, figures, { pagesReceived: 2 });
    expect(report.status).toBe('rejected');
    expect(protocolProblems(report).map((c) => c.ruleId)).toEqual(['turnout-at-most-70']);
    expect(check(report, 'turnout-at-most-70')).toMatchObject({
      kind: 'plausibility',
      figures: { L4: 900, L1: 1200 },
      left: 0.75,
      operator: '<=',
      right: 0.7,
      passed: false,
    });
  });

  it('rejects a protocol with a page missing', () => {
    const report = checkProtocol(election, consistentFigures(), { pagesReceived: 1 });
    expect(report.status).toBe('rejected');
    expect(protocolProblems(report)).toEqual([
      expect.objectContaining({
        ruleId: 'pages-complete',
        figures: { pagesReceived: 1, pagesRequired: 2 },
        left: 1,
        right: 2,
      }),
    ]);
  });

  it('rejects a protocol with lines missing, listing them, and does not evaluate rules on made-up zeros', () => {
    const figures = consistentFigures();
    delete figures.lines[7];
    delete figures.choiceLines[6]!.adal;
    const report = checkProtocol(election, figures, { pagesReceived: 2 });
    expect(report.status).toBe('rejected');
    expect(check(report, 'lines-complete')).toMatchObject({ passed: false, missing: ['L6[adal]', 'L7'] });
    const votes = check(report, 'votes-balance');
    expect(votes).toMatchObject({
      outcome: 'not_evaluated',
      left: null,
      right: null,
      missing: ['L6[adal]', 'L7'],
    });
    expect(votes.figures).not.toHaveProperty('sum(L6)');
    expect(check(report, 'ballots-balance').passed).toBe(true);
  });

  it('does not require the optional line 5', () => {
    const figures = consistentFigures();
    delete figures.lines[5];
    expect(checkProtocol(election, figures, { pagesReceived: 2 }).status).toBe('accepted');
  });

  it('rejects negative or fractional figures', () => {
    const figures = consistentFigures();
    figures.lines[5] = -1;
    figures.choiceLines[6]!.auyl = 60.5;
    const report = checkProtocol(election, figures, { pagesReceived: 2 });
    expect(report.status).toBe('rejected');
    expect(check(report, 'figures-valid')).toMatchObject({ passed: false, missing: ['L5', 'L6[auyl]'] });
  });

  it('sends a protocol whose turnout cannot be computed (empty list) to review', () => {
    const report = checkProtocol(
      election,
      {
        lines: { 1: 0, 2: 100, 3: 0, 4: 0, 7: 0, 8: 100 },
        choiceLines: { 6: { 'ak-zhol': 0, 'nur-otan': 0, adal: 0, auyl: 0, 'peoples-party': 0 } },
      },
      { pagesReceived: 2 },
    );
    expect(report.status).toBe('needs_review');
    expect(check(report, 'turnout-at-most-70')).toMatchObject({
      outcome: 'not_evaluated',
      note: 'division by zero',
    });
  });
});

describe('checkProtocol with warn-level and per-choice rules', () => {
  const json = demoElectionJson();
  json.protocol.rules.push(
    {
      id: 'invalid-at-most-5-percent',
      kind: 'plausibility',
      names: { kk: 'k', ru: 'r', en: 'Invalid ballots at most 5%' },
      expression: 'L7 <= 0.05 * L4',
      severity: 'warn',
    },
    {
      id: 'party-within-turnout',
      kind: 'control_ratio',
      names: { kk: 'k', ru: 'r', en: 'Each party at most the voters who took part' },
      expression: 'L6 <= L4',
      severity: 'reject',
      tolerance: 5,
      forEachChoice: true,
    },
  );
  const custom = parseElectionDefinition(json);

  it('evaluates a forEachChoice rule once per ballot choice, naming the choice', () => {
    const report = checkProtocol(custom, consistentFigures(), { pagesReceived: 2 });
    const perChoice = report.checks.filter((c) => c.ruleId === 'party-within-turnout');
    expect(perChoice.map((c) => c.choiceId)).toEqual(custom.choices.map((c) => c.id));
    expect(perChoice[2]).toMatchObject({ figures: { 'L6[adal]': 90, L4: 900 }, tolerance: 5, passed: true });
  });

  it('marks a protocol failing only a warn-level rule as needs_review', () => {
    const figures = consistentFigures();
    figures.lines[7] = 60; // 60 of 900 invalid: 6.7%
    figures.choiceLines[6]!['nur-otan'] = 450;
    const report = checkProtocol(custom, figures, { pagesReceived: 2 });
    expect(report.status).toBe('needs_review');
    expect(protocolProblems(report)).toEqual([
      expect.objectContaining({ ruleId: 'invalid-at-most-5-percent', severity: 'warn', left: 60, right: 45 }),
    ]);
  });
});
