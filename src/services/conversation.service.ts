import type { Transaction } from 'kysely';
import { allChoices } from '../domain/election/election-definition';
import { DEFAULT_LOCALE } from '../domain/locale';
import type { AddressedOutbound, BotName, InboundMessage } from '../flows/messages';
import { voterFlow } from '../flows/voter/voter-flow';
import type { VoterContext, VoterEffect, VoterState } from '../flows/voter/voter-state';
import type { Database } from '../store/database-schema';
import {
  ConversationsRepository,
  type ConversationKey,
} from '../store/repositories/conversations.repository';
import { judgeVote, type ActiveElection, type ActiveElectionService } from './active-election.service';
import type { BallotReportService } from './ballot-report.service';
import type { GeographyCacheService } from './geography-cache.service';

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

  constructor(
    private readonly elections: ActiveElectionService,
    private readonly geographies: GeographyCacheService,
    private readonly ballots: BallotReportService,
    private readonly options: ConversationServiceOptions,
  ) {
    this.bots.set('voter', (tx, inbound) => this.handleVoter(tx, inbound));
  }

  /** Serves `bot`'s messages with `conversation` (replacing any earlier one). */
  register(bot: BotName, conversation: BotConversation): void {
    this.bots.set(bot, conversation);
  }

  async handle(tx: Transaction<Database>, inbound: InboundMessage): Promise<AddressedOutbound[]> {
    const conversation = this.bots.get(inbound.bot);
    return conversation ? conversation(tx, inbound) : [];
  }

  private async handleVoter(
    tx: Transaction<Database>,
    inbound: InboundMessage,
  ): Promise<AddressedOutbound[]> {
    const key = { channel: inbound.channel, bot: inbound.bot, participant: inbound.participant };
    const conversations = new ConversationsRepository(tx);
    const saved = (await conversations.load(key)) as VoterState | undefined;
    const election = await this.elections.current(tx);
    const context = await this.voterContext(tx, inbound, election);
    const step = voterFlow(saved, inbound, context);

    let deleted = false;
    for (const effect of step.effects) {
      deleted = (await this.apply(tx, inbound, election, effect)) || deleted;
    }
    if (deleted) {
      await conversations.delete(key);
      await this.options.forgetParticipant?.(tx, key);
    } else await conversations.save(key, step.state);

    const locale = step.state.locale ?? inbound.clientLocale ?? DEFAULT_LOCALE;
    return step.replies.map((message) => ({ ...key, locale, message }));
  }

  private async voterContext(
    tx: Transaction<Database>,
    inbound: InboundMessage,
    election: ActiveElection | undefined,
  ): Promise<VoterContext> {
    const base = {
      judgeVote: () => ({ accepted: false, delayed: false }),
      resultsUrl: this.options.publicUrl,
    };
    if (!election) return base;
    const geography = await this.geographies.get(tx, election.id);
    const recorded = await this.ballots.findVote(tx, election.id, election.slug, inbound.participant);
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
        });
        return false;
      case 'delete_voter':
        if (election && !effect.keepVote)
          await this.ballots.remove(tx, election.id, election.slug, inbound.participant);
        return true;
    }
  }
}
