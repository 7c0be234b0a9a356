import type { Transaction } from 'kysely';
import { allChoices, type ElectionDefinition } from '../../domain/election/election-definition';
import { DEFAULT_LOCALE } from '../../domain/locale';
import type { InboundMessage, OutboundMessage } from '../../flows/messages';
import { voterFlow } from '../../flows/voter/voter-flow';
import type { VoterContext, VoterEffect, VoterState } from '../../flows/voter/voter-state';
import {
  judgeVote,
  type ActiveElection,
  type ActiveElectionService,
} from '../../services/active-election.service';
import type { BallotReportService } from '../../services/ballot-report.service';
import type { ImpostorReportService } from '../../services/impostor-report.service';
import type { GeographyCacheService } from '../../services/geography-cache.service';
import type { Database } from '../../store/database-schema';
import {
  ConversationsRepository,
  type ConversationKey,
} from '../../store/repositories/conversations.repository';
import type { RecordedVoteRow } from '../../store/repositories/voter-conversations.repository';
import { defineBot, type RegisteredBot } from '../bot-definition';
import { conversationKey, loadVoterBatch } from './voter-reads';

export interface VoterBotServices {
  activeElections: Pick<ActiveElectionService, 'current'>;
  geographies: GeographyCacheService;
  ballots: BallotReportService;
  impostors: ImpostorReportService;
  /** Where the live results are, for the voter's thanks (PUBLIC_URL, else the local server). */
  publicUrl: string;
  /** Deletes what a channel keeps of a participant beyond the conversation (`/delete`). */
  forgetParticipant?: (tx: Transaction<Database>, key: ConversationKey) => Promise<void>;
}

/**
 * The voter bot (bot `voter` on every channel): the one active election, the voter's saved
 * state and recorded vote, the hard message cap, the pure `voterFlow`, and its effects — record
 * the vote, or delete the voter's data.
 *
 * @example
 * const runner = new ConversationRunner([voterBot(services)]);
 */
export function voterBot(services: VoterBotServices): RegisteredBot {
  const { ballots } = services;
  return defineBot({
    name: 'voter',
    claims: (inbound) => inbound.bot === 'voter',
    flow: voterFlow,
    load: (tx, inbounds) => loadVoterBatch(tx, inbounds, (t) => services.activeElections.current(t), ballots),
    async prepare(tx, inbound, { election, state, recorded, cap }) {
      if (cap !== 'handle') {
        // Over the hard cap: one polite answer, then silence; nothing of the message is kept.
        const locale = state?.locale ?? inbound.clientLocale ?? DEFAULT_LOCALE;
        const replies: OutboundMessage[] =
          cap === 'notify' ? [{ kind: 'send', text: [{ key: 'voter.too_many_messages' }] }] : [];
        return { kind: 'answer', locale, replies };
      }
      const typed = typedText(inbound);
      if (election && typed)
        await ballots.noteTyped(tx, election.id, election.slug, inbound.participant, typed);
      return { kind: 'run', state, context: await voterContext(tx, services, inbound, election, recorded) };
    },
    async apply(tx, { inbound, loaded: { election }, step }) {
      let deleted = false;
      for (const effect of step.effects) {
        deleted = (await applyVoterEffect(tx, services, inbound, election, effect)) || deleted;
      }
      const key = conversationKey(inbound);
      if (!deleted) return { key, state: step.state };
      await new ConversationsRepository(tx).delete(key);
      await services.forgetParticipant?.(tx, key);
      return undefined;
    },
    save: (tx, saved: Array<{ key: ConversationKey; state: VoterState }>) =>
      new ConversationsRepository(tx).saveMany(saved),
  });
}

async function voterContext(
  tx: Transaction<Database>,
  services: VoterBotServices,
  inbound: InboundMessage,
  election: ActiveElection | undefined,
  recorded: RecordedVoteRow | undefined,
): Promise<VoterContext> {
  const base = {
    judgeVote: () => ({ accepted: false, delayed: false }),
    resultsUrl: services.publicUrl,
  };
  if (!election) return base;
  const geography = await services.geographies.get(tx, election.id);
  const { definition } = election;
  return {
    election: {
      slug: election.slug,
      names: definition.names,
      demo: definition.demo,
      // Short names too: a compact vote (`V 190 Ak Zhol`) may name the choice by them.
      choices: allChoices(definition).map((choice) => ({
        id: choice.id,
        names: choice.names,
        ...('shortNames' in choice && choice.shortNames ? { shortNames: choice.shortNames } : {}),
      })),
      ...(definition.bots ? { officialChannels: officialChannels(definition.bots) } : {}),
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
    resultsUrl: `${services.publicUrl.replace(/\/$/, '')}/?election=${encodeURIComponent(election.slug)}`,
  };
}

/** Carries out one effect; returns true when the participant's data is to be deleted. */
async function applyVoterEffect(
  tx: Transaction<Database>,
  { ballots, impostors }: Pick<VoterBotServices, 'ballots' | 'impostors'>,
  inbound: InboundMessage,
  election: ActiveElection | undefined,
  effect: VoterEffect,
): Promise<boolean> {
  switch (effect.kind) {
    case 'record_vote':
      if (!election || election.slug !== effect.electionSlug) return false;
      await ballots.record(tx, {
        electionId: election.id,
        electionSlug: election.slug,
        inbound,
        precinctCode: effect.precinctCode,
        choiceId: effect.choiceId,
        ...(effect.photo ? { photo: effect.photo } : {}),
        keepRecordedPhoto: effect.keepRecordedPhoto,
        sentAt: effect.sentAt,
        delayed: effect.delayed,
        deviceDated: effect.deviceDated === true,
        ...(effect.forwardedPhotos ? { forwardedPhotos: effect.forwardedPhotos } : {}),
        definition: election.definition,
      });
      return false;
    case 'report_impostor':
      if (election) await impostors.report(tx, election, inbound.participant, effect.handle, effect.sentAt);
      return false;
    case 'delete_voter':
      if (election && !effect.keepVote)
        await ballots.remove(tx, election.id, election.slug, inbound.participant);
      if (election) await impostors.forget(tx, election, inbound.participant);
      return true;
  }
}

/** Free text the participant typed (a message or a photo's caption), for the spam score. */
function typedText(inbound: InboundMessage): string | undefined {
  const content = inbound.content;
  if (content.kind === 'text') return content.text;
  if (content.kind === 'photo') return content.caption;
  return undefined;
}

/** The election file's published bots, as the voter bot names them: handles first, then WhatsApp. */
function officialChannels(bots: NonNullable<ElectionDefinition['bots']>) {
  const handles = [bots.voterTelegram, bots.whatsapp ? `WhatsApp ${bots.whatsapp}` : undefined].filter(
    (handle): handle is string => handle !== undefined,
  );
  return { handles, ...(bots.impostorWarning ? { impostorWarning: bots.impostorWarning } : {}) };
}
