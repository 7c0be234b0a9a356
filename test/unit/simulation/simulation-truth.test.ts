import { describe, expect, it } from 'vitest';
import { ballotVoterKey } from '../../../src/services/ballot-report.service';
import { pseudonymFor } from '../../../src/security/pseudonym';
import { demoOfficialResults } from '../../../src/simulation/demo-official-results';
import { scenarioSchema } from '../../../src/simulation/scenario';
import { planScenario, type PlanPrecinct } from '../../../src/simulation/scenario-plan';
import { truthOf } from '../../../src/simulation/scenario-truth';
import { compareWithTruth, type PublishedSummary } from '../../../src/simulation/simulation-report';
import { scoreReports, type StoredReport } from '../../../src/simulation/truth-scores';
import { demoElection } from '../domain/demo-election';

const election = demoElection();
const secret = 'unit-test-secret-0123456789abcdef0123456789';
const precincts: PlanPrecinct[] = Array.from({ length: 20 }, (_, i) => ({
  code: `p${i}`,
  path: ['r', 'd', `p${i}`],
  registeredVoters: 500,
}));
const scenario = scenarioSchema.parse({
  seed: 9,
  voters: { count: 50, precincts: 20, shares: { 'nur-otan': 0.4, adal: 0.4, 'against-all': 0.2 } },
  attacks: { flood: { accounts: 10, choice: 'nur-otan' } },
  official: { falsifiedShare: 0.5, favour: 'nur-otan', shift: 0.5, turnout: 0.6 },
});
const plan = planScenario(scenario, election, precincts);
const truth = truthOf(plan, election.slug, scenario.seed, { secret });

function summary(
  counts: Record<string, number>,
  extra: Partial<PublishedSummary['voters']> = {},
): PublishedSummary {
  const counted = Object.values(counts).reduce((s, n) => s + n, 0);
  return {
    voters: {
      received: counted,
      counted,
      spam: 0,
      pendingReview: 0,
      choices: Object.entries(counts).map(([id, count]) => ({ id, count, share: count / counted })),
      ...extra,
    },
    official: null,
  };
}

describe('truthOf', () => {
  it('records the true votes and shares, each attack, and every sender with the server’s ballot key', () => {
    expect(truth.genuine).toMatchObject({
      voters: 50,
      votes: { 'nur-otan': 20, adal: 20, 'against-all': 10 },
    });
    expect(truth.genuine.shares).toEqual({ 'nur-otan': 0.4, adal: 0.4, 'against-all': 0.2 });
    expect(truth.attacks.flood).toEqual({ accounts: 10, updates: 10 * 9 });
    expect(truth.senders).toHaveLength(60);
    const sender = truth.senders[0]!;
    expect(sender.voterKey).toBe(
      ballotVoterKey(secret, election.slug, pseudonymFor(secret, 'telegram', sender.userId)),
    );
    expect(truthOf(plan, election.slug, 9).senders[0]!.voterKey).toBeUndefined();
  });
});

describe('compareWithTruth', () => {
  it('shows the gap a flood makes, and none when the published figures are the truth', () => {
    const honest = compareWithTruth(summary({ 'nur-otan': 20, adal: 20, 'against-all': 10 }), truth);
    expect(honest.largestGapPoints).toBeCloseTo(0, 9);
    expect(honest.countedMinusGenuine).toBe(0);
    const flooded = compareWithTruth(summary({ 'nur-otan': 30, adal: 20, 'against-all': 10 }), truth);
    expect(flooded.countedMinusGenuine).toBe(10);
    expect(flooded.choices.find((c) => c.id === 'nur-otan')!.gapPoints).toBeCloseTo((30 / 60 - 0.4) * 100, 9);
    expect(flooded.largestGapPoints).toBeCloseTo(10, 9);
  });

  it('compares only what the run added when the election already held votes', () => {
    const before = summary({ 'nur-otan': 5, adal: 0, 'against-all': 0 }).voters;
    const result = compareWithTruth(summary({ 'nur-otan': 25, adal: 20, 'against-all': 10 }), {
      ...truth,
      baseline: before,
    });
    expect(result.published.counted).toBe(50);
    expect(result.largestGapPoints).toBeCloseTo(0, 9);
  });
});

describe('scoreReports', () => {
  const report = (sender: (typeof truth.senders)[number], status: string, signals = {}): StoredReport => ({
    voterKey: sender.voterKey!,
    status,
    choiceId: sender.choiceId,
    signals,
  });

  it('scores spam verdicts against who really sent each report, and counts genuine votes lost', () => {
    const genuine = truth.senders.filter((s) => s.kind === 'genuine');
    const flood = truth.senders.filter((s) => s.kind === 'flood');
    const reports = [
      ...genuine.map((sender, i) =>
        i === 1
          ? { ...report(sender, 'confirmed'), choiceId: 'not-theirs' }
          : report(sender, i === 0 ? 'spam' : 'no_photo'),
      ),
      ...flood.map((sender, i) => report(sender, i < 8 ? 'spam' : 'confirmed')),
      { voterKey: 'someone-else', status: 'spam', choiceId: 'adal', signals: {} },
    ];
    const scores = scoreReports(reports, truth);
    expect(scores.spamPrecision).toBeCloseTo(8 / 9, 9);
    expect(scores.spamRecall).toBeCloseTo(8 / 10, 9);
    expect(scores.genuineVotesLost).toBe(2);
    expect(scores.genuineLostHow).toEqual({ quarantined: 1, notRecorded: 0, otherChoice: 1 });
    expect(scores.unknownSenders).toBe(1);
    // A genuine voter with no report at all is lost too.
    const withoutFirst = scoreReports(reports.slice(1), truth);
    expect(withoutFirst.genuineVotesLost).toBe(2);
    expect(withoutFirst.genuineLostHow).toEqual({ quarantined: 0, notRecorded: 1, otherChoice: 1 });
  });

  it('reads the stored marked box where the pipeline keeps it', () => {
    const voter = truth.senders.find((s) => s.kind === 'genuine' && s.photo)!;
    const right = scoreReports(
      [report(voter, 'confirmed', { ballotCheck: { markedChoiceIds: [voter.choiceId] } })],
      truth,
    );
    expect(right.readingAccuracy).toBe(1);
    const wrong = scoreReports([report(voter, 'confirmed', { markedChoiceIds: ['auyl'] })], truth);
    expect(wrong.readingAccuracy).toBe(0);
    // The spam verdict's photo reading, as the pipeline stores it.
    const reading = (markedChoiceId: string | null, marks: number) => ({
      spam: { inputs: { photo: { reading: { isBallot: true, confidence: 0.9, markedChoiceId, marks } } } },
    });
    expect(
      scoreReports([report(voter, 'confirmed', reading(voter.choiceId, 1))], truth).readingAccuracy,
    ).toBe(1);
    expect(
      scoreReports([report(voter, 'confirmed', reading(voter.choiceId, 2))], truth).readingAccuracy,
    ).toBe(0);
    expect(scoreReports([report(voter, 'confirmed', reading(null, 0))], truth).readingsCompared).toBe(1);
    expect(scoreReports([report(voter, 'confirmed')], truth).readingAccuracy).toBeNull();
  });
});

describe('demoOfficialResults', () => {
  it('reports the true distribution at every precinct and moves votes to one choice where falsified', () => {
    const { rows, falsifiedPrecincts } = demoOfficialResults(plan, scenario, election);
    expect(rows).toHaveLength(20);
    expect(falsifiedPrecincts.length).toBeGreaterThan(3);
    expect(falsifiedPrecincts.length).toBeLessThan(17);
    const key = (id: string) => `${election.protocol.roles.choiceVotes}.${id}`;
    for (const row of rows) {
      const cast = row.figures[String(election.protocol.roles.ballotsCast)]!;
      expect(cast).toBe(300);
      const valid = election.choices.reduce((sum, c) => sum + row.figures[key(c.id)]!, 0);
      expect(valid + row.figures[String(election.protocol.roles.invalidBallots)]!).toBe(cast);
      const [favour, adal] = [row.figures[key('nur-otan')]!, row.figures[key('adal')]!];
      if (falsifiedPrecincts.includes(row.precinctCode)) expect(favour).toBeGreaterThan(adal * 2);
      else expect(Math.abs(favour - adal)).toBeLessThanOrEqual(1);
    }
  });
});
