import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioSchema, type Scenario } from '../../../src/simulation/scenario';
import { apportion } from '../../../src/simulation/apportion';
import { planScenario, POLLING_DAY_SECONDS, type PlanPrecinct } from '../../../src/simulation/scenario-plan';
import { photoFileId, photoSpecOf } from '../../../src/simulation/simulated-photos';
import { demoElection } from '../domain/demo-election';

const election = demoElection();
const precincts: PlanPrecinct[] = Array.from({ length: 40 }, (_, i) => ({
  code: `kz-akm-p${String(i + 1).padStart(4, '0')}`,
  path: ['kz-akm', `kz-akm-d0${(i % 3) + 1}`, `kz-akm-p${String(i + 1).padStart(4, '0')}`],
  registeredVoters: 1000 + i,
}));

function scenario(overrides: Record<string, unknown> = {}): Scenario {
  return scenarioSchema.parse({
    seed: 3,
    voters: {
      count: 100,
      precincts: 10,
      shares: { 'nur-otan': 0.4, 'ak-zhol': 0.3, adal: 0.2, 'against-all': 0.1 },
      photoShare: 0.5,
    },
    ...overrides,
  });
}

const allAttacks = {
  flood: { accounts: 12, choice: 'nur-otan' },
  duplicateImage: { accounts: 5, choice: 'nur-otan' },
  repeatVoter: { accounts: 2, votes: 6, choice: 'nur-otan' },
  precinctBurst: { accounts: 7, choice: 'nur-otan' },
  textSpam: { accounts: 4, messagesPerAccount: 2, choice: 'nur-otan' },
  blackout: { share: 0.2, delayMinutes: 180 },
  replay: { updates: 10, forged: 3 },
};

describe('apportion', () => {
  it('hits the shares exactly when they divide, and by largest remainders when they do not', () => {
    const count = (ids: string[], id: string) => ids.filter((x) => x === id).length;
    const even = apportion({ a: 0.5, b: 0.25, c: 0.25 }, 8);
    expect([count(even, 'a'), count(even, 'b'), count(even, 'c')]).toEqual([4, 2, 2]);
    const uneven = apportion({ a: 2, b: 1 }, 4);
    expect(uneven).toHaveLength(4);
    expect(count(uneven, 'a')).toBe(3);
    expect(apportion({ a: 1, b: 0 }, 3)).toEqual(['a', 'a', 'a']);
    expect(() => apportion({ a: 0 }, 3)).toThrow(/must not all be 0/);
  });
});

describe('planScenario', () => {
  it('gives genuine voters exactly the true distribution, over the chosen number of precincts', () => {
    const plan = planScenario(scenario(), election, precincts);
    const genuine = plan.actors.filter((actor) => actor.kind === 'genuine');
    expect(genuine).toHaveLength(100);
    const byChoice = (id: string) => genuine.filter((actor) => actor.choiceId === id).length;
    expect([byChoice('nur-otan'), byChoice('ak-zhol'), byChoice('adal'), byChoice('against-all')]).toEqual([
      40, 30, 20, 10,
    ]);
    expect(plan.precincts).toHaveLength(10);
    const used = new Set(genuine.map((actor) => actor.precinctCode));
    for (const code of used) expect(plan.precincts.map((p) => p.code)).toContain(code);
    // Roughly the photo share; "against all" has no box on the ballot, so never a ballot photo.
    const withPhoto = genuine.filter((actor) => actor.photo);
    expect(withPhoto.length).toBeGreaterThan(25);
    expect(withPhoto.length).toBeLessThan(60);
    expect(withPhoto.every((actor) => actor.choiceId !== 'against-all')).toBe(true);
  });

  it('scripts a genuine conversation through the precinct path, the choice, a photo or "no photo", and confirm', () => {
    const plan = planScenario(scenario(), election, precincts);
    const voter = plan.actors.find((actor) => actor.kind === 'genuine' && actor.photo)!;
    const path = precincts.find((p) => p.code === voter.precinctCode)!.path;
    const actions = voter.steps.map((step) => step.action);
    expect(actions[0]).toEqual({ type: 'command', command: 'start' });
    expect(actions.slice(3, 3 + path.length)).toEqual(
      path.map((code) => ({ type: 'press', data: `a:${code}` })),
    );
    expect(actions.at(-3)).toEqual({ type: 'press', data: `ch:${voter.choiceId}` });
    expect(actions.at(-2)).toMatchObject({
      type: 'photo',
      photo: { kind: 'ballot', choiceId: voter.choiceId },
    });
    expect(actions.at(-1)).toEqual({ type: 'press', data: 'ok' });
    // People take seconds between taps; every step is dated within the day.
    const gaps = voter.steps.slice(1).map((step, i) => step.at - voter.steps[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(4);
    expect(voter.steps.at(-1)!.at).toBeLessThanOrEqual(POLLING_DAY_SECONDS);
  });

  it('is reproducible from the seed, and another seed gives other voters and user ids', () => {
    const first = planScenario(scenario({ attacks: allAttacks }), election, precincts);
    const again = planScenario(scenario({ attacks: allAttacks }), election, precincts);
    expect(again).toEqual(first);
    const other = planScenario(scenario({ seed: 4, attacks: allAttacks }), election, precincts);
    const ids = new Set(first.actors.map((actor) => actor.userId));
    expect(other.actors.some((actor) => ids.has(actor.userId))).toBe(false);
  });

  it('plans every attack at its scale, with unique user ids that do not sort genuine voters apart', () => {
    const plan = planScenario(scenario({ attacks: allAttacks }), election, precincts);
    const of = (kind: string) => plan.actors.filter((actor) => actor.kind === kind);
    expect(of('flood')).toHaveLength(12);
    expect(of('duplicateImage')).toHaveLength(5);
    expect(of('repeatVoter')).toHaveLength(2);
    expect(of('precinctBurst')).toHaveLength(7);
    expect(of('textSpam')).toHaveLength(4);
    expect(plan.replay).toEqual({ updates: 10, forged: 3 });
    const ids = plan.actors.map((actor) => actor.userId);
    expect(new Set(ids).size).toBe(ids.length);
    const genuineIds = of('genuine').map((actor) => actor.userId);
    const attackIds = plan.actors.filter((actor) => actor.kind !== 'genuine').map((actor) => actor.userId);
    expect(Math.min(...attackIds)).toBeLessThan(Math.max(...genuineIds));
    expect(Math.max(...attackIds)).toBeGreaterThan(Math.min(...genuineIds));
  });

  it('(a) floods with one fresh account a second, each scripted a second a step, with unrelated pictures', () => {
    const plan = planScenario(scenario({ attacks: allAttacks }), election, precincts);
    const flood = plan.actors
      .filter((actor) => actor.kind === 'flood')
      .sort((a, b) => a.steps[0]!.at - b.steps[0]!.at);
    const starts = flood.map((actor) => actor.steps[0]!.at);
    for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!).toBeCloseTo(1, 6);
    for (const actor of flood) {
      const gaps = actor.steps.slice(1).map((step, i) => step.at - actor.steps[i]!.at);
      expect(new Set(gaps)).toEqual(new Set([1]));
      expect(
        actor.steps.some((step) => step.action.type === 'photo' && step.action.photo.kind === 'unrelated'),
      ).toBe(true);
      expect(actor.choiceId).toBe('nur-otan');
    }
  });

  it('(b) sends one photo from many accounts: same seed, a different file id each, same bytes behind them', () => {
    const plan = planScenario(scenario({ attacks: allAttacks }), election, precincts);
    const photos = plan.actors
      .filter((actor) => actor.kind === 'duplicateImage')
      .map((actor) => {
        const step = actor.steps.find((s) => s.action.type === 'photo')!;
        return { actor, photo: (step.action as { photo: Parameters<typeof photoFileId>[0] }).photo };
      });
    expect(new Set(photos.map(({ photo }) => JSON.stringify(photo))).size).toBe(1);
    const fileIds = photos.map(({ photo, actor }) => photoFileId(photo, actor.userId));
    expect(new Set(fileIds).size).toBe(photos.length);
    expect(new Set(fileIds.map((id) => JSON.stringify(photoSpecOf(id)))).size).toBe(1);
  });

  it('(c) has one account vote over and over: the conversation, then corrections minutes apart', () => {
    const plan = planScenario(scenario({ attacks: allAttacks }), election, precincts);
    const repeat = plan.actors.find((actor) => actor.kind === 'repeatVoter')!;
    const confirms = repeat.steps.filter((step) => step.action.type === 'press' && step.action.data === 'ok');
    expect(confirms).toHaveLength(6);
    const changes = repeat.steps.filter((step) => step.action.type === 'press' && step.action.data === 'chg');
    expect(changes).toHaveLength(5);
    expect(changes[1]!.at - changes[0]!.at).toBeGreaterThanOrEqual(60);
  });

  it('(d) bursts at one precinct within minutes, without photos', () => {
    const plan = planScenario(scenario({ attacks: allAttacks }), election, precincts);
    const burst = plan.actors.filter((actor) => actor.kind === 'precinctBurst');
    expect(new Set(burst.map((actor) => actor.precinctCode)).size).toBe(1);
    const starts = burst.map((actor) => actor.steps[0]!.at);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThanOrEqual(600);
    expect(
      burst.every(
        (actor) =>
          !actor.photo && actor.steps.some((s) => s.action.type === 'press' && s.action.data === 'np'),
      ),
    ).toBe(true);
  });

  it('(e) types links and @handles before voting; (f) delays a share of genuine voters', () => {
    const plan = planScenario(scenario({ attacks: allAttacks }), election, precincts);
    for (const actor of plan.actors.filter((a) => a.kind === 'textSpam')) {
      const texts = actor.steps.flatMap((step) => (step.action.type === 'text' ? [step.action.text] : []));
      expect(texts).toHaveLength(2);
      for (const text of texts) expect(text).toMatch(/https?:\/\/|@\w+/);
    }
    const late = plan.actors.filter((actor) => actor.late);
    expect(late.every((actor) => actor.kind === 'genuine')).toBe(true);
    expect(late.length).toBeGreaterThan(5);
    expect(late.length).toBeLessThan(40);
    expect(plan.blackoutDelaySeconds).toBe(180 * 60);
  });

  it('squeezes a paced scenario into its duration', () => {
    const paced = scenario({ attacks: allAttacks, limits: { durationSeconds: 240 } });
    const plan = planScenario(paced, election, precincts);
    expect(plan.daySeconds).toBe(240);
    for (const actor of plan.actors.filter((a) => a.kind !== 'repeatVoter')) {
      expect(actor.steps[0]!.at, actor.kind).toBeLessThanOrEqual(240);
    }
    // Voters do not all start at once.
    const starts = new Set(
      plan.actors.filter((a) => a.kind === 'genuine').map((a) => Math.floor(a.steps[0]!.at / 30)),
    );
    expect(starts.size).toBeGreaterThan(3);
  });

  it('refuses a choice the election does not have, naming where', () => {
    expect(() =>
      planScenario(
        scenario({ attacks: { flood: { accounts: 1, choice: 'green-party' } } }),
        election,
        precincts,
      ),
    ).toThrow(/attacks\.flood\.choice: "green-party"/);
    expect(() =>
      planScenario(scenario({ voters: { count: 1, shares: { nobody: 1 } } }), election, precincts),
    ).toThrow(/voters\.shares\.nobody/);
  });
});

describe('parseScenario', () => {
  it('names the file and the field of a bad value', () => {
    expect(() => parseScenario({ voters: { count: -1, shares: {} } }, 'bad.json')).toThrow(
      /bad\.json: invalid scenario/,
    );
    try {
      parseScenario({ voters: { count: -1, shares: {} } }, 'bad.json');
    } catch (error) {
      expect(JSON.stringify(error)).toContain('bad.json:$.voters.count');
    }
  });
});
