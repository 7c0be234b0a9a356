/**
 * Turns a scenario into a plan: every simulated Telegram account (genuine voter or attacker),
 * the conversation it will have with the voter bot step by step on a virtual clock, and the
 * ground truth the platform's published figures are later compared with. Pure and seeded: the
 * same scenario and geography give the same plan.
 */
import type { ElectionDefinition, Locale } from '../domain/election/election-definition';
import type { Scenario } from './scenario';
import { apportion } from './apportion';
import { planObservers, type PlannedObserver } from './observer-plan';
import { chance, createRng, pick, uniform, type SeededRandom } from './seeded';

/** A precinct and the codes of the areas above it, top first (the voter presses each). */
export interface PlanPrecinct {
  code: string;
  path: string[];
  registeredVoters: number | null;
}

export type PhotoSpec =
  /** A unique photo of this election's ballot marked for `choiceId`. */
  | { kind: 'ballot'; seed: number; choiceId: string }
  /** A picture that is no ballot (the flood's pictures). */
  | { kind: 'unrelated'; seed: number }
  /** The one photo attack (b) sends from every account: same seed, same bytes, same file id. */
  | { kind: 'shared'; seed: number; choiceId: string }
  /** A page of the protocol observer number `observer` (of the plan's observers) submits. */
  | { kind: 'protocol'; observer: number; page: number };

export type Action =
  | { type: 'command'; command: string }
  | { type: 'press'; data: string }
  | { type: 'text'; text: string }
  | { type: 'photo'; photo: PhotoSpec }
  /** `/start <code>` with the observer's invite (made when the day starts). */
  | { type: 'invite' };

export interface PlannedStep {
  /** Seconds from the start of the simulated day. */
  at: number;
  action: Action;
}

export type SenderKind =
  'genuine' | 'flood' | 'duplicateImage' | 'repeatVoter' | 'precinctBurst' | 'textSpam';

export interface PlannedActor {
  userId: number;
  kind: SenderKind;
  /** A genuine voter caught by the blackout: delivered after everyone else, dated as planned. */
  late: boolean;
  precinctCode: string;
  /** The choice of the account's last vote. */
  choiceId: string;
  /** The account's vote carries a photo. */
  photo: boolean;
  steps: PlannedStep[];
}

export interface ScenarioPlan {
  /** Length of the simulated day, seconds. */
  daySeconds: number;
  /** How late the blackout's messages arrive, seconds (0 without a blackout). */
  blackoutDelaySeconds: number;
  actors: PlannedActor[];
  /** Observers submitting protocols, on the observer bot. */
  observers: PlannedObserver[];
  replay: { updates: number; forged: number };
  precincts: PlanPrecinct[];
}

/** A polling day, 07:00–20:00, when the scenario does not pace itself on the wall clock. */
export const POLLING_DAY_SECONDS = 13 * 3600;
/** Seconds between a person's taps and messages. */
const HUMAN_GAP: [number, number] = [4, 15];
/** Each seed gets its own block of simulated user ids, so two scenarios on one server never share a voter. */
const FIRST_USER_ID = 600_000_000;
const USER_IDS_PER_SEED = 1_000_000;
/** Observers' ids within a seed's block: above every voter and attacker a scenario can have. */
const FIRST_OBSERVER_OFFSET = 950_000;
const LINK_TEXTS = [
  'Official results here: https://t.me/dauys_official_results',
  'The real bot moved, write to @dauys_kz_real_bot',
  'Vote counted twice at http://dauys-vote.example/confirm',
];

/**
 * @example
 * const plan = planScenario(scenario, election, precinctsFromGeography(rows));
 * plan.actors.filter((actor) => actor.kind === 'genuine').length; // scenario.voters.count
 */
export function planScenario(
  scenario: Scenario,
  election: ElectionDefinition,
  allPrecincts: PlanPrecinct[],
  options: {
    /** Where the observers are (invites already made for these precincts); default: the first voters' precincts. */
    observerPrecincts?: readonly string[];
  } = {},
): ScenarioPlan {
  const rng = createRng(scenario.seed);
  const ballotChoices = new Set(election.choices.map((choice) => choice.id));
  const votable = new Set([...ballotChoices, ...(election.voterOnlyChoices ?? []).map((c) => c.id)]);
  checkChoices(scenario, votable, ballotChoices);
  if (allPrecincts.length === 0) throw new Error(`planScenario: election ${election.slug} has no precincts`);
  const precincts = shuffled(rng, allPrecincts).slice(0, scenario.voters.precincts);
  const daySeconds =
    scenario.limits.durationSeconds > 0 ? scenario.limits.durationSeconds : POLLING_DAY_SECONDS;
  const drafts: Array<Omit<PlannedActor, 'userId'>> = [];
  const locales: Locale[] = ['kk', 'ru', 'en'];
  let photoSeed = scenario.seed * 1_000_003;

  const conversation = (
    start: number,
    gap: () => number,
    precinct: PlanPrecinct,
    choiceId: string,
    photo: PhotoSpec | undefined,
    before: Action[] = [],
    locale: Locale = 'ru',
  ): PlannedStep[] => {
    const actions: Action[] = [
      { type: 'command', command: 'start' },
      ...before,
      { type: 'press', data: `l:${locale}` },
      { type: 'press', data: 'go' },
      ...precinct.path.map((code): Action => ({ type: 'press', data: `a:${code}` })),
      { type: 'press', data: `ch:${choiceId}` },
      photo ? { type: 'photo', photo } : { type: 'press', data: 'np' },
      { type: 'press', data: 'ok' },
    ];
    let at = start;
    return actions.map((action, index) => {
      if (index > 0) at += gap();
      return { at, action };
    });
  };
  const humanGap = () => uniform(rng, HUMAN_GAP[0], HUMAN_GAP[1]);
  // Conversations end before the day does, so every planned date is in the past when posted.
  const tail = Math.min(300, daySeconds / 4);
  const startWithin = (from: number, to: number) => uniform(rng, from, Math.max(from, to - tail));
  /** Attacks that last an hour on a polling day are squeezed into a short paced demo. */
  const squeezed = (seconds: number) => Math.min(seconds, daySeconds / 4);

  // Genuine voters: choices drawn to hit the true shares exactly (largest remainders), then shuffled.
  const choices = shuffled(rng, apportion(scenario.voters.shares, scenario.voters.count));
  const blackout = scenario.attacks.blackout;
  for (const choiceId of choices) {
    const precinct = pick(rng, precincts);
    const withPhoto = chance(rng, scenario.voters.photoShare);
    const photo: PhotoSpec | undefined =
      withPhoto && ballotChoices.has(choiceId) ? { kind: 'ballot', seed: photoSeed++, choiceId } : undefined;
    drafts.push({
      kind: 'genuine',
      late: blackout !== undefined && chance(rng, blackout.share),
      precinctCode: precinct.code,
      choiceId,
      photo: photo !== undefined,
      steps: conversation(
        startWithin(0, daySeconds),
        humanGap,
        precinct,
        choiceId,
        photo,
        [],
        pick(rng, locales),
      ),
    });
  }

  const { flood, duplicateImage, repeatVoter, precinctBurst, textSpam } = scenario.attacks;
  if (flood) {
    // One fresh account a second, each scripted through the whole conversation a second a step.
    const start = startWithin(0, daySeconds - flood.accounts);
    for (let i = 0; i < flood.accounts; i += 1) {
      const precinct = pick(rng, precincts);
      const photo: PhotoSpec = { kind: 'unrelated', seed: photoSeed++ };
      drafts.push({
        kind: 'flood',
        late: false,
        precinctCode: precinct.code,
        choiceId: flood.choice,
        photo: true,
        steps: conversation(start + i, () => 1, precinct, flood.choice, photo),
      });
    }
  }
  if (duplicateImage) {
    const shared: PhotoSpec = { kind: 'shared', seed: photoSeed++, choiceId: duplicateImage.choice };
    const start = startWithin(0, daySeconds - squeezed(3600));
    for (let i = 0; i < duplicateImage.accounts; i += 1) {
      const precinct = pick(rng, precincts);
      drafts.push({
        kind: 'duplicateImage',
        late: false,
        precinctCode: precinct.code,
        choiceId: duplicateImage.choice,
        photo: true,
        steps: conversation(
          start + uniform(rng, 0, squeezed(3600)),
          humanGap,
          precinct,
          duplicateImage.choice,
          shared,
        ),
      });
    }
  }
  if (repeatVoter) {
    for (let i = 0; i < repeatVoter.accounts; i += 1) {
      const precinct = pick(rng, precincts);
      const steps = conversation(startWithin(0, daySeconds / 2), humanGap, precinct, repeatVoter.choice, {
        kind: 'unrelated',
        seed: photoSeed++,
      });
      let at = steps.at(-1)!.at;
      for (let vote = 1; vote < repeatVoter.votes; vote += 1) {
        at += uniform(rng, squeezed(60), squeezed(120));
        for (const data of ['chg', 'ed:c', `ch:${repeatVoter.choice}`, 'ok']) {
          steps.push({ at, action: { type: 'press', data } });
          at += 1;
        }
      }
      drafts.push({
        kind: 'repeatVoter',
        late: false,
        precinctCode: precinct.code,
        choiceId: repeatVoter.choice,
        photo: true,
        steps,
      });
    }
  }
  if (precinctBurst) {
    const precinct = pick(rng, precincts);
    const start = startWithin(0, daySeconds - squeezed(600));
    for (let i = 0; i < precinctBurst.accounts; i += 1) {
      drafts.push({
        kind: 'precinctBurst',
        late: false,
        precinctCode: precinct.code,
        choiceId: precinctBurst.choice,
        photo: false,
        steps: conversation(
          start + uniform(rng, 0, squeezed(600)),
          () => uniform(rng, 2, 6),
          precinct,
          precinctBurst.choice,
          undefined,
        ),
      });
    }
  }
  if (textSpam) {
    for (let i = 0; i < textSpam.accounts; i += 1) {
      const precinct = pick(rng, precincts);
      const texts = Array.from({ length: textSpam.messagesPerAccount }, (_, n): Action => ({
        type: 'text',
        text: LINK_TEXTS[(i + n) % LINK_TEXTS.length]!,
      }));
      drafts.push({
        kind: 'textSpam',
        late: false,
        precinctCode: precinct.code,
        choiceId: textSpam.choice,
        photo: false,
        steps: conversation(
          startWithin(0, daySeconds),
          humanGap,
          precinct,
          textSpam.choice,
          undefined,
          texts,
        ),
      });
    }
  }

  // User ids in a shuffled order, so an id's size says nothing about who is genuine.
  const seedBlock = FIRST_USER_ID + (Math.abs(scenario.seed) % 1000) * USER_IDS_PER_SEED;
  const ids = shuffled(
    rng,
    drafts.map((_, index) => seedBlock + index),
  );
  const actors = drafts.map((draft, index) => ({ ...draft, userId: ids[index]! }));
  actors.sort((a, b) => a.steps[0]!.at - b.steps[0]!.at);
  // Observers send the protocol once the count is done: in the day's last hour.
  const observers = planObservers(
    scenario,
    election,
    observerPrecincts(options.observerPrecincts, allPrecincts, precincts),
    rng,
    {
      firstUserId: seedBlock + FIRST_OBSERVER_OFFSET,
      start: () => startWithin(daySeconds - squeezed(3600), daySeconds),
    },
  );
  return {
    daySeconds,
    blackoutDelaySeconds: blackout ? blackout.delayMinutes * 60 : 0,
    actors,
    observers,
    replay: { updates: scenario.attacks.replay?.updates ?? 0, forged: scenario.attacks.replay?.forged ?? 0 },
    precincts,
  };
}

/** Precincts (leaf areas) with their paths, from geography rows (`AreasTable`-shaped). */
export function precinctsFromAreas(
  areas: ReadonlyArray<{ code: string; path: string[]; registered_voters: number | null }>,
  leafDepth: number,
): PlanPrecinct[] {
  return areas
    .filter((area) => area.path.length === leafDepth + 1)
    .map((area) => ({ code: area.code, path: area.path, registeredVoters: area.registered_voters }));
}

/** The precincts observers can be placed at: those named (each must exist), or the voters' own. */
function observerPrecincts(
  named: readonly string[] | undefined,
  all: readonly PlanPrecinct[],
  voters: readonly PlanPrecinct[],
): readonly PlanPrecinct[] {
  if (!named) return voters;
  const byCode = new Map(all.map((precinct) => [precinct.code, precinct]));
  return named.map((code) => {
    const precinct = byCode.get(code);
    if (!precinct)
      throw new Error(`observer invite for precinct "${code}": no such precinct in this election`);
    return precinct;
  });
}

function checkChoices(scenario: Scenario, votable: Set<string>, ballotChoices: Set<string>): void {
  const named: Array<[string, string]> = [
    ...Object.keys(scenario.voters.shares).map((id): [string, string] => [`voters.shares.${id}`, id]),
    ...Object.entries(scenario.attacks).flatMap(([kind, attack]): Array<[string, string]> =>
      attack && 'choice' in attack ? [[`attacks.${kind}.choice`, attack.choice]] : [],
    ),
  ];
  for (const [where, id] of named) {
    if (!votable.has(id)) throw new Error(`scenario ${where}: "${id}" is not a choice of this election`);
  }
  if (scenario.attacks.duplicateImage && !ballotChoices.has(scenario.attacks.duplicateImage.choice)) {
    throw new Error('scenario attacks.duplicateImage.choice: the shared photo needs a ballot choice');
  }
  if (scenario.official && !ballotChoices.has(scenario.official.favour)) {
    throw new Error(`scenario official.favour: "${scenario.official.favour}" is not a ballot choice`);
  }
}

function shuffled<T>(rng: SeededRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = rng.nextInt(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
