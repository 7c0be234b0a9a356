/**
 * The observers of a simulated day: one at each of the first N precincts, joining the observer
 * bot with an invite once the polls close and submitting the protocol of their precinct — the
 * true count, or (a seeded share) with a figure mistyped or a page missing. Each observer's
 * expected verdict comes from the election's own rules, so any form can be simulated.
 */
import type { ElectionDefinition } from '../domain/election/election-definition';
import { encodeObserverButton } from '../flows/observer/observer-buttons';
import { figureSlots } from '../flows/observer/protocol-figures';
import { expectedVerdict, protocolFigures, trueCount, withTypo } from './precinct-protocols';
import type { Scenario } from './scenario';
import type { Action, PlanPrecinct, PlannedStep } from './scenario-plan';
import { chance, uniform, type SeededRandom } from './seeded';

export interface PlannedObserver {
  userId: number;
  precinctCode: string;
  /** The figures the observer types. */
  figures: Record<string, number>;
  /** A figure was mistyped (a control ratio breaks). */
  broken: boolean;
  /** Each ballot choice's votes as typed (what the observers' column adds when accepted). */
  choiceVotes: Record<string, number>;
  /** Protocol page photos sent (one fewer than the form has when a page is missing). */
  pagesSent: number;
  /** What the platform must decide, by the election's rules, and the public names of why. */
  expected: { status: 'accepted' | 'rejected' | 'needs_review'; reasons: string[] };
  /** The first step is `{ type: 'invite' }`: `/start <code>` with the invite made for this observer. */
  steps: PlannedStep[];
}

/** Turnout of the simulated precincts when the scenario's official results do not set one. */
export const DEFAULT_TURNOUT = 0.6;
const OBSERVER_GAP: [number, number] = [3, 10];

/**
 * @example
 * const observers = planObservers(scenario, election, precincts, rng, { firstUserId: 600_950_000, start: () => 45_000 });
 */
export function planObservers(
  scenario: Scenario,
  election: ElectionDefinition,
  precincts: readonly PlanPrecinct[],
  rng: SeededRandom,
  at: { firstUserId: number; /** When an observer starts (the plan's last hour). */ start: () => number },
): PlannedObserver[] {
  const observers = scenario.observers;
  if (!observers || observers.precincts === 0) return [];
  if (observers.precincts > precincts.length) {
    throw new Error(
      `scenario observers.precincts: ${observers.precincts} observers, but only ${precincts.length} precincts to place them at (voters.precincts, or the invites given)`,
    );
  }
  const turnout = scenario.official?.turnout ?? DEFAULT_TURNOUT;
  const pages = election.protocol.pages;
  return precincts.slice(0, observers.precincts).map((precinct, index) => {
    const truthful = protocolFigures(
      election,
      trueCount(precinct, election, scenario.voters.shares, turnout),
    );
    const broken = chance(rng, observers.brokenShare);
    const figures = broken ? withTypo(election, truthful) : truthful;
    const pagesSent = chance(rng, observers.missingPageShare) ? pages - 1 : pages;
    const actions: Action[] = [
      { type: 'invite' },
      { type: 'press', data: encodeObserverButton({ kind: 'start_protocol' }) },
      ...Array.from({ length: pagesSent }, (_, page): Action => ({
        type: 'photo',
        photo: { kind: 'protocol', observer: index, page },
      })),
      ...(pagesSent < pages
        ? [{ type: 'press', data: encodeObserverButton({ kind: 'pages_done' }) } as const]
        : []),
      ...figureSlots(election).map((slot): Action => {
        const value = figures[slot.key];
        return value === undefined
          ? { type: 'press', data: encodeObserverButton({ kind: 'skip_line' }) }
          : { type: 'text', text: String(value) };
      }),
      { type: 'press', data: encodeObserverButton({ kind: 'submit' }) },
    ];
    let time = at.start();
    const steps = actions.map((action, step) => {
      if (step > 0) time += uniform(rng, OBSERVER_GAP[0], OBSERVER_GAP[1]);
      return { at: time, action };
    });
    return {
      userId: at.firstUserId + index,
      precinctCode: precinct.code,
      figures,
      broken,
      choiceVotes: Object.fromEntries(
        election.choices.map((choice) => [
          choice.id,
          figures[`${election.protocol.roles.choiceVotes}.${choice.id}`] ?? 0,
        ]),
      ),
      pagesSent,
      expected: expectedVerdict(election, figures, pagesSent),
      steps,
    };
  });
}
