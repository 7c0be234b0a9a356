import type { Transaction } from 'kysely';
import type { InboundMessage } from '../../flows/messages';
import type { VoterState } from '../../flows/voter/voter-state';
import type { ActiveElection } from '../../services/active-election.service';
import type { BallotReportService } from '../../services/ballot-report.service';
import { messageCapDecisions, type CapDecision } from '../../services/spam/message-cap';
import type { Database } from '../../store/database-schema';
import {
  ConversationsRepository,
  type ConversationKey,
} from '../../store/repositories/conversations.repository';
import {
  VoterConversationsRepository,
  type RecordedVoteRow,
} from '../../store/repositories/voter-conversations.repository';

/** What the voter bot reads for one message of a batch, before running it. */
export interface VoterLoaded {
  election: ActiveElection | undefined;
  state?: VoterState;
  recorded?: RecordedVoteRow;
  /** The hard message cap's verdict on this message. */
  cap: CapDecision;
}

/**
 * The voters' states, recorded votes and message-cap verdicts for a batch: the election once,
 * the states and votes in one or two statements, the caps in one.
 */
export async function loadVoterBatch(
  tx: Transaction<Database>,
  inbounds: readonly InboundMessage[],
  current: (tx: Transaction<Database>) => Promise<ActiveElection | undefined>,
  ballots: Pick<BallotReportService, 'voterKey'>,
): Promise<VoterLoaded[]> {
  const election = await current(tx);
  const keys = inbounds.map(conversationKey);
  const loaded =
    keys.length === 1
      ? new Map([[keyString(keys[0]!), await loadStateAndVote(tx, keys[0]!, election, ballots)]])
      : await loadStatesAndVotes(tx, keys, election, ballots);
  const caps = await messageCapDecisions(tx, inbounds, election);
  return keys.map((key, index) => ({
    election,
    ...loaded.get(keyString(key)),
    cap: caps[index] ?? 'handle',
  }));
}

export function conversationKey(inbound: InboundMessage): ConversationKey {
  return { channel: inbound.channel, bot: inbound.bot, participant: inbound.participant };
}

function keyString(key: ConversationKey): string {
  return `${key.channel}\u0000${key.bot}\u0000${key.participant}`;
}

type StateAndVote = { state?: VoterState; recorded?: RecordedVoteRow };

/** {@link loadStateAndVote} for a batch: one statement for the states, one for the votes. */
async function loadStatesAndVotes(
  tx: Transaction<Database>,
  keys: readonly ConversationKey[],
  election: ActiveElection | undefined,
  ballots: Pick<BallotReportService, 'voterKey'>,
): Promise<Map<string, StateAndVote>> {
  const loaded = new Map<string, StateAndVote>();
  for (const { key, state } of await new ConversationsRepository(tx).loadMany(keys)) {
    loaded.set(keyString(key), { state: state as unknown as VoterState });
  }
  if (!election) return loaded;
  const byVoterKey = new Map(keys.map((key) => [ballots.voterKey(election.slug, key.participant), key]));
  const votes = await new VoterConversationsRepository(tx).recordedVotes(election.id, [...byVoterKey.keys()]);
  for (const vote of votes) {
    const key = keyString(byVoterKey.get(vote.voter_key)!);
    loaded.set(key, { ...loaded.get(key), recorded: vote });
  }
  return loaded;
}

/**
 * The saved state and the voter's recorded vote in ONE statement, for a batch of one (the
 * usual case when traffic is light): both are read for every message, and on PGlite each
 * statement costs far more than the work it does.
 */
async function loadStateAndVote(
  tx: Transaction<Database>,
  key: ConversationKey,
  election: ActiveElection | undefined,
  ballots: Pick<BallotReportService, 'voterKey'>,
): Promise<StateAndVote> {
  if (!election) {
    const state = (await new ConversationsRepository(tx).load(key)) as VoterState | undefined;
    return state ? { state } : {};
  }
  const { state, vote } = await new VoterConversationsRepository(tx).stateAndVote(
    key,
    election.id,
    ballots.voterKey(election.slug, key.participant),
  );
  return { ...(state ? { state: state as unknown as VoterState } : {}), ...(vote ? { recorded: vote } : {}) };
}
