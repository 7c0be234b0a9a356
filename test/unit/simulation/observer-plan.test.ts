import { describe, expect, it } from 'vitest';
import { parseElectionDefinition } from '../../../src/domain/election/election-definition';
import { checkProtocol } from '../../../src/domain/election/protocol-checks';
import { toProtocolFigures } from '../../../src/flows/observer/protocol-figures';
import { demoOfficialResults } from '../../../src/simulation/demo-official-results';
import { protocolFigures, trueCount } from '../../../src/simulation/precinct-protocols';
import { scenarioSchema } from '../../../src/simulation/scenario';
import { planScenario, type PlanPrecinct } from '../../../src/simulation/scenario-plan';
import { truthOf } from '../../../src/simulation/scenario-truth';
import {
  compareFalsification,
  compareWithTruth,
  formatComparison,
  type PublishedSummary,
} from '../../../src/simulation/simulation-report';
import { photoFileId, photoSpecOf } from '../../../src/simulation/simulated-photos';
import { demoElection, demoElectionJson, DEMO_ELECTION_PATH } from '../domain/demo-election';

const election = demoElection();
const precincts: PlanPrecinct[] = Array.from({ length: 30 }, (_, i) => ({
  code: `p${i}`,
  path: ['r', 'd', `p${i}`],
  registeredVoters: 900 + i * 7,
}));
const SHARES = { 'nur-otan': 0.4, 'ak-zhol': 0.3, adal: 0.2, 'against-all': 0.1 };

function scenario(observers: Record<string, unknown>, official?: Record<string, unknown>) {
  return scenarioSchema.parse({
    seed: 5,
    voters: { count: 60, precincts: 20, shares: SHARES },
    observers,
    ...(official ? { official } : {}),
  });
}

const texts = (steps: Array<{ action: { type: string } }>) =>
  steps.map((step) => step.action).filter((action) => action.type === 'text');

describe('simulated observers', () => {
  it("places one observer at each of the first voters' precincts with the true protocol, which the form accepts", () => {
    const plan = planScenario(
      scenario({ precincts: 8, brokenShare: 0, missingPageShare: 0 }),
      election,
      precincts,
    );
    expect(plan.observers).toHaveLength(8);
    expect(plan.observers.map((o) => o.precinctCode)).toEqual(plan.precincts.slice(0, 8).map((p) => p.code));
    for (const observer of plan.observers) {
      const precinct = precincts.find((p) => p.code === observer.precinctCode)!;
      const count = trueCount(precinct, election, SHARES, 0.6);
      expect(observer.figures['1']).toBe(precinct.registeredVoters);
      expect(observer.figures['4']).toBe(count.cast);
      expect(observer.figures['6.adal']).toBe(count.votes.get('adal'));
      // "Against all" is no box on the protocol: its share is spread over the parties.
      expect(observer.figures['6.against-all']).toBeUndefined();
      expect(observer.expected).toEqual({ status: 'accepted', reasons: [] });
      expect(checkProtocol(election, toProtocolFigures(observer.figures), { pagesReceived: 2 }).status).toBe(
        'accepted',
      );
    }
    expect(new Set(plan.observers.map((o) => o.userId)).size).toBe(8);
    const voterIds = new Set(plan.actors.map((a) => a.userId));
    expect(plan.observers.some((o) => voterIds.has(o.userId))).toBe(false);
  });

  it('scripts the observer bot: invite, protocol, every page, every figure in form order (optional line 5 skipped), submit', () => {
    const plan = planScenario(
      scenario({ precincts: 1, brokenShare: 0, missingPageShare: 0 }),
      election,
      precincts,
    );
    const observer = plan.observers[0]!;
    const actions = observer.steps.map((step) => step.action);
    expect(actions.slice(0, 4)).toEqual([
      { type: 'invite' },
      { type: 'press', data: 'mp' },
      { type: 'photo', photo: { kind: 'protocol', observer: 0, page: 0 } },
      { type: 'photo', photo: { kind: 'protocol', observer: 0, page: 1 } },
    ]);
    expect(actions[4 + 4]).toEqual({ type: 'press', data: 'skip' });
    expect(texts(observer.steps)).toHaveLength(Object.keys(observer.figures).length);
    expect(texts(observer.steps)[0]).toEqual({ type: 'text', text: String(observer.figures['1']) });
    expect(actions.at(-1)).toEqual({ type: 'press', data: 'sub' });
    const gaps = observer.steps.slice(1).map((step, i) => step.at - observer.steps[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(3);
    // After the voters: protocols come once the polls close.
    expect(observer.steps[0]!.at).toBeGreaterThan(plan.daySeconds - 3600 - 1);
  });

  it('mistypes a figure or drops a page for the set shares, and expects exactly those rejected, for the right reason', () => {
    const plan = planScenario(
      scenario({ precincts: 20, brokenShare: 0.3, missingPageShare: 0.25 }),
      election,
      precincts,
    );
    const broken = plan.observers.filter((o) => o.broken);
    const short = plan.observers.filter((o) => o.pagesSent === 1);
    expect(broken.length).toBeGreaterThan(1);
    expect(short.length).toBeGreaterThan(1);
    for (const observer of plan.observers) {
      const reasons = [
        ...(observer.broken ? ['votes-balance'] : []),
        ...(observer.pagesSent === 1 ? ['pages_missing'] : []),
      ];
      expect(observer.expected).toEqual({
        status: reasons.length > 0 ? 'rejected' : 'accepted',
        reasons: expect.arrayContaining(reasons),
      });
      expect(observer.expected.reasons).toHaveLength(reasons.length);
      const pressedDone = observer.steps.some(
        (step) => step.action.type === 'press' && step.action.data === 'pgd',
      );
      expect(pressedDone).toBe(observer.pagesSent === 1);
    }
    const truth = truthOf(plan, election.slug, 5);
    expect(truth.observers).toMatchObject({
      observers: 20,
      accepted: plan.observers.filter((o) => o.expected.status === 'accepted').length,
      rejected: plan.observers.filter((o) => o.expected.status === 'rejected').length,
      rejectedReasons: { 'votes-balance': broken.length, pages_missing: short.length },
    });
    const accepted = plan.observers.filter((o) => o.expected.status === 'accepted');
    expect(truth.observers!.votes['adal']).toBe(accepted.reduce((sum, o) => sum + o.figures['6.adal']!, 0));
  });

  it('keeps fraud away from witnesses when told: official results falsified only where no observer was', () => {
    const official = { falsifiedShare: 0.6, observedFalsifiedShare: 0, favour: 'nur-otan', shift: 0.3 };
    const plan = planScenario(scenario({ precincts: 10, brokenShare: 0 }, official), election, precincts);
    const sc = scenario({ precincts: 10, brokenShare: 0 }, official);
    const { rows, falsifiedPrecincts } = demoOfficialResults(plan, sc, election);
    const observed = new Set(plan.observers.map((o) => o.precinctCode));
    expect(falsifiedPrecincts.length).toBeGreaterThan(2);
    expect(falsifiedPrecincts.some((code) => observed.has(code))).toBe(false);
    // Where nothing was falsified the official row is the observer's count, figure for figure.
    for (const observer of plan.observers) {
      const row = rows.find((r) => r.precinctCode === observer.precinctCode)!;
      for (const [key, value] of Object.entries(row.figures)) expect(observer.figures[key], key).toBe(value);
    }
  });

  it('places observers at the precincts of given invites, and refuses unknown precincts or too few places', () => {
    const plan = planScenario(scenario({ precincts: 2 }), election, precincts, {
      observerPrecincts: ['p29', 'p28', 'p27'],
    });
    expect(plan.observers.map((o) => o.precinctCode)).toEqual(['p29', 'p28']);
    expect(() =>
      planScenario(scenario({ precincts: 1 }), election, precincts, { observerPrecincts: ['nowhere'] }),
    ).toThrow(/precinct "nowhere": no such precinct/);
    expect(() => planScenario(scenario({ precincts: 21 }), election, precincts)).toThrow(
      /observers.precincts: 21 observers, but only 20 precincts/,
    );
  });

  it('refuses a form with a required line it cannot fill in', () => {
    const json = demoElectionJson();
    json.protocol.lines[4].required = true;
    const strict = parseElectionDefinition(json, DEMO_ELECTION_PATH);
    expect(() => protocolFigures(strict, trueCount(precincts[0]!, strict, SHARES, 0.6))).toThrow(
      /line 5 of kz-2021-mazhilis's protocol is required but has no role/,
    );
  });

  it('names protocol pages in file ids that say which observer and page they show', () => {
    const id = photoFileId({ kind: 'protocol', observer: 12, page: 1 }, 123);
    expect(id).toBe('simp.12.1');
    expect(photoSpecOf(id)).toEqual({ kind: 'protocol', observer: 12, page: 1 });
    expect(photoSpecOf('simp.12.x')).toBeUndefined();
  });

  it("reports the observers' published figures as exact only when every verdict and vote matches", () => {
    const plan = planScenario(
      scenario({ precincts: 10, brokenShare: 0.3, missingPageShare: 0 }),
      election,
      precincts,
    );
    const truth = truthOf(plan, election.slug, 5);
    const expected = truth.observers!;
    const published = (adalDelta: number, rejected = expected.rejected): PublishedSummary => ({
      voters: { received: 0, counted: 0, spam: 0, pendingReview: 0, choices: [] },
      official: null,
      observers: {
        protocolsReceived: expected.observers,
        accepted: expected.accepted,
        rejected,
        needsReview: 0,
        rejectedReasons: expected.rejectedReasons,
        choices: Object.entries(expected.votes).map(([id, votes]) => ({
          id,
          votes: id === 'adal' ? votes + adalDelta : votes,
        })),
      },
    });
    expect(compareWithTruth(published(0), truth).observers?.exact).toBe(true);
    const off = compareWithTruth(published(25), truth).observers!;
    expect(off.exact).toBe(false);
    expect(off.choices.find((c) => c.id === 'adal')).toMatchObject({
      trueVotes: expected.votes['adal'],
      published: expected.votes['adal']! + 25,
    });
    expect(compareWithTruth(published(0, expected.rejected - 1), truth).observers?.exact).toBe(false);
  });

  it("finds falsified precincts where official results differ from the observers' protocols", () => {
    const same = { 'nur-otan': 300, adal: 200 };
    const witnessed = [
      { code: 'p1', official: { 'nur-otan': 380, adal: 120 }, observers: same },
      { code: 'p2', official: same, observers: same },
      { code: 'p3', official: { 'nur-otan': 301, adal: 199 }, observers: same },
      { code: 'p4', official: null, observers: same },
      { code: 'p5', official: same, observers: same },
    ];
    const result = compareFalsification(witnessed, ['p1', 'p5', 'p9']);
    expect(result).toEqual({
      witnessed: 5,
      withOfficial: 4,
      differ: 2,
      falsified: 2,
      caught: 1,
      falseAlarms: 1,
    });
    const lines = formatComparison({
      ...compareWithTruth(
        { voters: { received: 0, counted: 0, spam: 0, pendingReview: 0, choices: [] }, official: null },
        truthOf(planScenario(scenario({ precincts: 0 }), election, precincts), election.slug, 5),
      ),
      falsification: result,
    });
    expect(lines.at(-1)).toBe(
      "official results vs observers' protocols at 4 precincts: differ at 2; the truth falsified 2 of them, 1 caught, 1 false alarms",
    );
  });
});
