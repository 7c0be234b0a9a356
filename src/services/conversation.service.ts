import type { Transaction } from 'kysely';
import { allChoices } from '../domain/election/election-definition';
import { DEFAULT_LOCALE } from '../domain/locale';
import type { AddressedOutbound, BotName, InboundMessage, OutboundMessage } from '../flows/messages';
import { voterFlow } from '../flows/voter/voter-flow';
import type { VoterContext, VoterEffect, VoterState } from '../flows/voter/voter-state';
import type { Database } from '../store/database-schema';
import {
  ConversationsRepository,
  type ConversationKey,
} from '../store/repositories/conversations.repository';
import {
  VoterConversationsRepository,
  type RecordedVoteRow,
} from '../store/repositories/voter-conversations.repository';
import { judgeVote, type ActiveElection, type ActiveElectionService } from './active-election.service';
import type { BallotReportService } from './ballot-report.service';
import type { GeographyCacheService } from './geography-cache.service';
import { messageCapDecisions, type CapDecision } from './spam/message-cap';

/** A bot's conversation as the pipeline runs it: one inbound message in, the replies out. */
export type BotConversation = (
  tx: Transaction<Database>,
  inbound: InboundMessage,
) => Promise<AddressedOutbound[]>;

export interface ConversationServiceOptions {
  /** Where the live results are, for the voter's thanks (PUBLIC_URL, else the local server). */
  publicUrl: string;
  /** Deletes what a channel keeps of a participant beyond the conversation (`/delete`). */
  forgetParticipant?: (tx: Transaction<Database>, key: ConversationKey) => Promise<void>;
}

/**
 * `app.conversations`: loads the participant's state, runs the bot's pure flow, carries out its
 * effects (votes, deletion), saves the state and returns the replies — all inside the inbox
 * row's transaction, so a crash replays the whole step or none of it. The voter bot is built
 * in; other bots (the observer's) register their own conversation with {@link register}.
 *
 * @example
 * const replies = await app.conversations.handle(tx, inbound);
 */
export class ConversationService {
  private readonly bots = new Map<BotName, BotConversation>();
  private readonly voter: BotConversation = (tx, inbound) => this.handleVoter(tx, inbound);

  constructor(
    private readonly elections: ActiveElectionService,
    private readonly geographies: GeographyCacheService,
    private readonly ballots: BallotReportService,
    private readonly options: ConversationServiceOptions,
  ) {
    this.bots.set('voter', this.voter);
  }

  /** Serves `bot`'s messages with `conversation` (replacing any earlier one). */
  register(bot: BotName, conversation: BotConversation): void {
    this.bots.set(bot, conversation);
  }

  async handle(tx: Transaction<Database>, inbound: InboundMessage): Promise<AddressedOutbound[]> {
    const conversation = this.bots.get(inbound.bot);
    return conversation ? conversation(tx, inbound) : [];
  }

  /**
   * The rows of one inbox batch, in order (the worker claims at most one row per participant).
   * The voters' states and recorded votes are read in two statements for the whole batch and
   * the states saved in one, instead of two reads and a write per message: per-statement
   * round trips, not the flow, were what a batch spent its time on.
   */
  async handleBatch(
    tx: Transaction<Database>,
    inbounds: readonly InboundMessage[],
  ): Promise<AddressedOutbound[][]> {
    const isVoter = (inbound: InboundMessage) => this.bots.get(inbound.bot) === this.voter;
    const voters = inbounds.filter(isVoter);
    const distinct = new Set(inbounds.map((inbound) => keyString(keyOf(inbound))));
    if (voters.length < 2 || distinct.size < inbounds.length) {
      // Two messages of one participant must see each other's state: one at a time.
      const replies: AddressedOutbound[][] = [];
      for (const inbound of inbounds) replies.push(await this.handle(tx, inbound));
      return replies;
    }
    const election = await this.elections.current(tx);
    const loaded = await this.loadStatesAndVotes(tx, voters.map(keyOf), election);
    const caps = await messageCapDecisions(tx, voters, election);
    const saves: Array<{ key: ConversationKey; state: VoterState }> = [];
    const replies: AddressedOutbound[][] = [];
    for (const inbound of inbounds) {
      if (!isVoter(inbound)) {
        replies.push(await this.handle(tx, inbound));
        continue;
      }
      const found = loaded.get(keyString(keyOf(inbound)));
      const cap = caps[voters.indexOf(inbound)] ?? 'handle';
      const step = await this.voterStep(tx, inbound, election, found?.state, found?.recorded, cap);
      if (step.save) saves.push({ key: keyOf(inbound), state: step.save });
      replies.push(step.replies);
    }
    await new ConversationsRepository(tx).saveMany(saves);
    return replies;
  }

  private async handleVoter(
    tx: Transaction<Database>,
    inbound: InboundMessage,
  ): Promise<AddressedOutbound[]> {
    const key = keyOf(inbound);
    const election = await this.elections.current(tx);
    const { state: saved, recorded } = await this.loadStateAndVote(tx, key, election);
    const [cap] = await messageCapDecisions(tx, [inbound], election);
    const step = await this.voterStep(tx, inbound, election, saved, recorded, cap);
    if (step.save) await new ConversationsRepository(tx).save(key, step.save);
    return step.replies;
  }

  /** Runs the flow and its effects; returns the replies and the state to save (none once deleted). */
  private async voterStep(
    tx: Transaction<Database>,
    inbound: InboundMessage,
    election: ActiveElection | undefined,
    saved: VoterState | undefined,
    recorded: RecordedVoteRow | undefined,
    cap: CapDecision = 'handle',
  ): Promise<{ replies: AddressedOutbound[]; save?: VoterState }> {
    const key = keyOf(inbound);
    if (cap !== 'handle') {
      // Over the hard cap: one polite answer, then silence; nothing of the message is kept.
      const locale = saved?.locale ?? inbound.clientLocale ?? DEFAULT_LOCALE;
      const message: OutboundMessage = { kind: 'send', text: [{ key: 'voter.too_many_messages' }] };
      return { replies: cap === 'notify' ? [{ ...key, locale, message }] : [] };
    }
    const typed = typedText(inbound);
    if (election && typed)
      await this.ballots.noteTyped(tx, election.id, election.slug, inbound.participant, typed);
    const context = await this.voterContext(tx, inbound, election, recorded);
    const step = voterFlow(saved, inbound, context);

    let deleted = false;
    for (const effect of step.effects) {
      deleted = (await this.apply(tx, inbound, election, effect)) || deleted;
    }
    if (deleted) {
      await new ConversationsRepository(tx).delete(key);
      await this.options.forgetParticipant?.(tx, key);
    }
    const locale = step.state.locale ?? inbound.clientLocale ?? DEFAULT_LOCALE;
    const replies = step.replies.map((message) => ({ ...key, locale, message }));
    return deleted ? { replies } : { replies, save: step.state };
  }

  /** {@link loadStateAndVote} for a batch: one statement for the states, one for the votes. */
  private async loadStatesAndVotes(
    tx: Transaction<Database>,
    keys: readonly ConversationKey[],
    election: ActiveElection | undefined,
  ): Promise<Map<string, { state?: VoterState; recorded?: RecordedVoteRow }>> {
    const loaded = new Map<string, { state?: VoterState; recorded?: RecordedVoteRow }>();
    for (const { key, state } of await new ConversationsRepository(tx).loadMany(keys)) {
      loaded.set(keyString(key), { state: state as unknown as VoterState });
    }
    if (!election) return loaded;
    const byVoterKey = new Map(
      keys.map((key) => [this.ballots.voterKey(election.slug, key.participant), key]),
    );
    const votes = await new VoterConversationsRepository(tx).recordedVotes(election.id, [
      ...byVoterKey.keys(),
    ]);
    for (const vote of votes) {
      const key = keyString(byVoterKey.get(vote.voter_key)!);
      loaded.set(key, { ...loaded.get(key), recorded: vote });
    }
    return loaded;
  }

  /**
   * The saved state and the voter's recorded vote in ONE statement: both are read for every
   * message, and on PGlite each statement costs far more than the work it does.
   */
  private async loadStateAndVote(
    tx: Transaction<Database>,
    key: ConversationKey,
    election: ActiveElection | undefined,
  ): Promise<{ state: VoterState | undefined; recorded: RecordedVoteRow | undefined }> {
    if (!election) {
      const state = (await new ConversationsRepository(tx).load(key)) as VoterState | undefined;
      return { state, recorded: undefined };
    }
    const voterKey = this.ballots.voterKey(election.slug, key.participant);
    const { state, vote } = await new VoterConversationsRepository(tx).stateAndVote(
      key,
      election.id,
      voterKey,
    );
    return { state: state as VoterState | undefined, recorded: vote };
  }

  private async voterContext(
    tx: Transaction<Database>,
    inbound: InboundMessage,
    election: ActiveElection | undefined,
    recorded: RecordedVoteRow | undefined,
  ): Promise<VoterContext> {
    const base = {
      judgeVote: () => ({ accepted: false, delayed: false }),
      resultsUrl: this.options.publicUrl,
    };
    if (!election) return base;
    const geography = await this.geographies.get(tx, election.id);
    const { definition } = election;
    return {
      election: {
        slug: election.slug,
        names: definition.names,
        demo: definition.demo,
        choices: allChoices(definition).map(({ id, names }) => ({ id, names })),
      },
      geography,
      ...(recorded
        ? {
            recordedVote: {
              precinctCode: recorded.precinct_code,
              choiceId: recorded.choice_id,
              hasPhoto: recorded.media_id !== null,
            },
          }
        : {}),
      judgeVote: (datedAt) => judgeVote(election, datedAt, inbound.receivedAt),
      resultsUrl: `${this.options.publicUrl.replace(/\/$/, '')}/?election=${encodeURIComponent(election.slug)}`,
    };
  }

  /** Carries out one effect; returns true when the participant's data is to be deleted. */
  private async apply(
    tx: Transaction<Database>,
    inbound: InboundMessage,
    election: ActiveElection | undefined,
    effect: VoterEffect,
  ): Promise<boolean> {
    switch (effect.kind) {
      case 'record_vote':
        if (!election || election.slug !== effect.electionSlug) return false;
        await this.ballots.record(tx, {
          electionId: election.id,
          electionSlug: election.slug,
          inbound,
          precinctCode: effect.precinctCode,
          choiceId: effect.choiceId,
          ...(effect.photo ? { photo: effect.photo } : {}),
          keepRecordedPhoto: effect.keepRecordedPhoto,
          sentAt: effect.sentAt,
          delayed: effect.delayed,
          ...(effect.forwardedPhotos ? { forwardedPhotos: effect.forwardedPhotos } : {}),
          definition: election.definition,
        });
        return false;
      case 'delete_voter':
        if (election && !effect.keepVote)
          await this.ballots.remove(tx, election.id, election.slug, inbound.participant);
        return true;
    }
  }
}

/** Free text the participant typed (a message or a photo's caption), for the spam score. */
function typedText(inbound: InboundMessage): string | undefined {
  const content = inbound.content;
  if (content.kind === 'text') return content.text;
  if (content.kind === 'photo') return content.caption;
  return undefined;
}

function keyOf(inbound: InboundMessage): ConversationKey {
  return { channel: inbound.channel, bot: inbound.bot, participant: inbound.participant };
}

function keyString(key: ConversationKey): string {
  return `${key.channel}\u0000${key.bot}\u0000${key.participant}`;
}
