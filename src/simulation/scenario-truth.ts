/**
 * The ground truth of a simulated day, written next to the run: what genuine voters really
 * chose, what each attack sent, and which sender is which (by simulated Telegram id, and by the
 * server's ballot key when its `DAUYS_SECRET` is known). `--report` and bench/attack.ts compare
 * the platform's published figures with it.
 */
import { ballotVoterKey } from '../services/ballot-report.service';
import { pseudonymFor } from '../security/pseudonym';
import type { DeliveryReport } from './scenario-runner';
import type { PlannedObserver } from './observer-plan';
import type { PublishedObservers, PublishedVoters } from './simulation-report';
import type { ScenarioPlan, SenderKind } from './scenario-plan';

export interface TruthSender {
  /** A simulated Telegram id (no real person). */
  userId: number;
  kind: SenderKind;
  late: boolean;
  precinctCode: string;
  choiceId: string;
  photo: boolean;
  /** The key the server stores this sender's ballot report under (with its secret only). */
  voterKey?: string;
}

export interface AttackTruth {
  accounts: number;
  /** Updates planned (messages and button presses). */
  updates: number;
}

export interface ScenarioTruth {
  election: string;
  seed: number;
  genuine: {
    voters: number;
    late: number;
    withPhoto: number;
    votes: Record<string, number>;
    /** Share of each choice among genuine voters, 0–1. */
    shares: Record<string, number>;
  };
  attacks: Partial<Record<Exclude<SenderKind, 'genuine'>, AttackTruth>>;
  replay: { updates: number; forged: number };
  official?: { falsifiedPrecincts: string[]; favour: string; shift: number };
  senders: TruthSender[];
  /** Observers and the verdicts the platform must reach on their protocols (absent without observers). */
  observers?: ObserversTruth;
  delivery?: DeliveryReport;
  /** The published voters' figures before the run (an election already holding votes): the report compares what the run added. */
  baseline?: PublishedVoters;
  /** The published observers' figures before the run, likewise. */
  observersBaseline?: PublishedObservers | null;
}

export interface ObserversTruth {
  observers: number;
  /** Expected verdicts, by the election's rules. */
  accepted: number;
  rejected: number;
  needsReview: number;
  /** Rejected protocols per reason, as the public summary names reasons. */
  rejectedReasons: Record<string, number>;
  /** Votes per ballot choice over the protocols that must be accepted: the observers' true column. */
  votes: Record<string, number>;
  protocols: Array<{
    userId: number;
    precinctCode: string;
    broken: boolean;
    pagesSent: number;
    expected: string;
  }>;
}

/**
 * @example
 * const truth = truthOf(plan, 'kz-2021-mazhilis', 1, { secret: process.env.DAUYS_SECRET });
 * truth.genuine.shares['nur-otan']; // 0.35
 */
export function truthOf(
  plan: ScenarioPlan,
  electionSlug: string,
  seed: number,
  options: { secret?: string | undefined } = {},
): ScenarioTruth {
  const genuine = plan.actors.filter((actor) => actor.kind === 'genuine');
  const votes: Record<string, number> = {};
  for (const actor of genuine) votes[actor.choiceId] = (votes[actor.choiceId] ?? 0) + 1;
  const shares = Object.fromEntries(
    Object.entries(votes).map(([id, n]) => [id, genuine.length > 0 ? n / genuine.length : 0]),
  );
  const attacks: ScenarioTruth['attacks'] = {};
  for (const actor of plan.actors) {
    if (actor.kind === 'genuine') continue;
    const tally = (attacks[actor.kind] ??= { accounts: 0, updates: 0 });
    tally.accounts += 1;
    tally.updates += actor.steps.length;
  }
  const secret = options.secret;
  return {
    ...(plan.observers.length > 0 ? { observers: observersTruth(plan.observers) } : {}),
    election: electionSlug,
    seed,
    genuine: {
      voters: genuine.length,
      late: genuine.filter((actor) => actor.late).length,
      withPhoto: genuine.filter((actor) => actor.photo).length,
      votes,
      shares,
    },
    attacks,
    replay: plan.replay,
    senders: plan.actors.map((actor) => ({
      userId: actor.userId,
      kind: actor.kind,
      late: actor.late,
      precinctCode: actor.precinctCode,
      choiceId: actor.choiceId,
      photo: actor.photo,
      ...(secret
        ? { voterKey: ballotVoterKey(secret, electionSlug, pseudonymFor(secret, 'telegram', actor.userId)) }
        : {}),
    })),
  };
}

function observersTruth(observers: readonly PlannedObserver[]): ObserversTruth {
  const truth: ObserversTruth = {
    observers: observers.length,
    accepted: 0,
    rejected: 0,
    needsReview: 0,
    rejectedReasons: {},
    votes: {},
    protocols: [],
  };
  for (const observer of observers) {
    const { status, reasons } = observer.expected;
    if (status === 'accepted') {
      truth.accepted += 1;
      for (const [id, n] of Object.entries(observer.choiceVotes))
        truth.votes[id] = (truth.votes[id] ?? 0) + n;
    } else if (status === 'rejected') {
      truth.rejected += 1;
      for (const reason of reasons) truth.rejectedReasons[reason] = (truth.rejectedReasons[reason] ?? 0) + 1;
    } else truth.needsReview += 1;
    truth.protocols.push({
      userId: observer.userId,
      precinctCode: observer.precinctCode,
      broken: observer.broken,
      pagesSent: observer.pagesSent,
      expected: status,
    });
  }
  return truth;
}
