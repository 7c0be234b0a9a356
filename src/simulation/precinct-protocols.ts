/**
 * What really happened at a simulated precinct, as its commission's protocol: the count the
 * observers copy and the official results start from (before anyone falsifies them). Pure and
 * deterministic: the same precinct, shares and turnout always give the same protocol.
 */
import type { ElectionDefinition } from '../domain/election/election-definition';
import { checkProtocol, protocolProblems, publicReasonId } from '../domain/election/protocol-checks';
import { figureSlots, toProtocolFigures } from '../flows/observer/protocol-figures';
import { apportion } from './apportion';
import type { PlanPrecinct } from './scenario-plan';

/** Registered voters assumed where the geography gives none. */
export const DEFAULT_REGISTERED = 1000;
const INVALID_SHARE = 0.015;
/** A typo an observer makes in a broken protocol: one party's votes off by this much. */
const TYPO = 10;

export interface PrecinctCount {
  registered: number;
  /** Voters who took part (ballots found in the box). */
  cast: number;
  invalid: number;
  /** Valid votes per ballot choice, in ballot order. */
  votes: Map<string, number>;
}

/**
 * The true count of a precinct: `turnout` of its registered voters took part, split over the
 * ballot choices by `shares` (only ballot choices; the rest normalised away).
 *
 * @example
 * trueCount(precinct, election, { 'nur-otan': 0.4, adal: 0.6 }, 0.6).cast; // 600 of 1000
 */
export function trueCount(
  precinct: PlanPrecinct,
  election: ElectionDefinition,
  shares: Record<string, number>,
  turnout: number,
): PrecinctCount {
  const registered = precinct.registeredVoters ?? DEFAULT_REGISTERED;
  const cast = Math.round(registered * turnout);
  const invalid = Math.round(cast * INVALID_SHARE);
  const votes = new Map(election.choices.map((choice) => [choice.id, 0]));
  const ballotShares = Object.fromEntries(
    election.choices.map((choice) => [choice.id, shares[choice.id] ?? 0]),
  );
  if (Object.values(ballotShares).some((share) => share > 0)) {
    for (const id of apportion(ballotShares, cast - invalid)) votes.set(id, votes.get(id)! + 1);
  }
  return { registered, cast, invalid, votes };
}

/**
 * The protocol form filled in from a count, as flat figures (`"4"`, `"6.adal"`): every line the
 * form's roles name. Ballots received are the list's size; ballots issued are those cast, so
 * the cancelled ballots are the rest. Throws when a required line has no role (the simulator
 * could not know what to write there).
 */
export function protocolFigures(election: ElectionDefinition, count: PrecinctCount): Record<string, number> {
  const { roles } = election.protocol;
  const byLine = new Map<number, number>([
    [roles.registeredVoters, count.registered],
    [roles.ballotsCast, count.cast],
  ]);
  if (roles.invalidBallots !== undefined) byLine.set(roles.invalidBallots, count.invalid);
  if (roles.ballotsReceived !== undefined) byLine.set(roles.ballotsReceived, count.registered);
  if (roles.ballotsIssued !== undefined) byLine.set(roles.ballotsIssued, count.cast);
  if (roles.ballotsCancelled !== undefined) byLine.set(roles.ballotsCancelled, count.registered - count.cast);
  const figures: Record<string, number> = {};
  for (const slot of figureSlots(election)) {
    const value = slot.choiceId
      ? slot.line.number === roles.choiceVotes
        ? count.votes.get(slot.choiceId)
        : undefined
      : byLine.get(slot.line.number);
    if (value !== undefined) figures[slot.key] = value;
    else if (slot.line.required) {
      throw new Error(
        `observers: line ${slot.line.number} of ${election.slug}'s protocol is required but has no role, so the simulator cannot fill it in`,
      );
    }
  }
  return figures;
}

/** The same protocol with one party's votes mistyped (the first ballot choice, +10). */
export function withTypo(
  election: ElectionDefinition,
  figures: Record<string, number>,
): Record<string, number> {
  const key = `${election.protocol.roles.choiceVotes}.${election.choices[0]!.id}`;
  return { ...figures, [key]: (figures[key] ?? 0) + TYPO };
}

/**
 * What the platform must decide for a protocol, by the election's own rules, and why (as the
 * public summary names the reasons).
 *
 * @example
 * expectedVerdict(election, figures, 1); // { status: 'rejected', reasons: ['pages_missing'] }
 */
export function expectedVerdict(
  election: ElectionDefinition,
  figures: Record<string, number>,
  pagesSent: number,
): { status: 'accepted' | 'rejected' | 'needs_review'; reasons: string[] } {
  const report = checkProtocol(election, toProtocolFigures(figures), { pagesReceived: pagesSent });
  return { status: report.status, reasons: [...new Set(protocolProblems(report).map(publicReasonId))] };
}
