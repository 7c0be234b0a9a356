import type { Transaction } from 'kysely';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../domain/locale';
import type { AddressedOutbound, InboundMessage } from '../flows/messages';
import { observerFlow } from '../flows/observer/observer-flow';
import type { ObserverContext, ObserverEffect, ObserverState } from '../flows/observer/observer-state';
import type { Database } from '../store/database-schema';
import { ObserversRepository, type ObserverRow } from '../store/repositories/observers.repository';
import type { Election, ElectionService } from './election.service';
import { electionInTransaction } from './election-in-transaction';
import type { InviteService } from './invite.service';
import type { MediaService } from './media.service';
import type { ProtocolService } from './protocol.service';
import type { SosService } from './sos.service';
import type { ViolationService } from './violation.service';

export interface ObserverServiceDeps {
  elections: ElectionService;
  invites: InviteService;
  protocols: ProtocolService;
  violations: ViolationService;
  sos: SosService;
  media: Pick<MediaService, 'request'>;
}

/** The acting observer while effects are applied: known once bound (or just bound). */
interface Acting {
  id: number;
  election: Election;
}

/**
 * The observer bot's conversation (the `observer` half of `app.conversations`): loads the
 * observer and their precincts, looks up an invite for `/start <code>`, runs the pure
 * `observerFlow`, applies its effects and saves the state — all in the inbox row's transaction.
 * A participant who is not bound stores nothing at all: they only get the refusal.
 *
 * @example
 * const replies = await app.observers.handle(tx, inbound); // queued in the outbox by the worker
 */
export class ObserverConversationService {
  constructor(private readonly deps: ObserverServiceDeps) {}

  async handle(tx: Transaction<Database>, inbound: InboundMessage): Promise<AddressedOutbound[]> {
    const repository = new ObserversRepository(tx);
    const observer = await repository.findByParticipant(inbound.channel, inbound.participant);
    const context = await this.contextFor(tx, observer, inbound);
    const saved =
      observer && Object.keys(observer.state).length > 0
        ? (observer.state as unknown as ObserverState)
        : undefined;
    const step = observerFlow(saved, inbound, context);

    let acting: Acting | undefined =
      observer && context.election ? await this.acting(tx, observer) : undefined;
    for (const effect of step.effects) {
      if (effect.kind === 'redeem_invite') {
        acting = (await this.redeem(tx, effect.inviteId, inbound, step.state)) ?? acting;
      } else if (acting) {
        await this.apply(tx, acting, inbound, effect);
      }
    }
    const locale: Locale = step.state.locale ?? inbound.clientLocale ?? DEFAULT_LOCALE;
    if (acting)
      await new ObserversRepository(tx).saveState(
        acting.id,
        step.state as unknown as Record<string, unknown>,
        locale,
      );
    return step.replies.map((message) => ({
      channel: inbound.channel,
      bot: inbound.bot,
      participant: inbound.participant,
      locale,
      message,
    }));
  }

  private async contextFor(
    tx: Transaction<Database>,
    observer: ObserverRow | undefined,
    inbound: InboundMessage,
  ): Promise<ObserverContext> {
    const context: ObserverContext = {};
    if (observer) {
      const precincts = await new ObserversRepository(tx).precinctsOf(observer.id, observer.electionId);
      const election = await electionInTransaction(tx, observer.electionSlug);
      // An observer whose every invite was revoked is, again, not an observer.
      if (precincts.length > 0 && election) {
        context.precincts = precincts;
        context.election = election.definition;
      }
    }
    const content = inbound.content;
    if (content.kind === 'command' && content.command === 'start' && content.args !== '') {
      context.invite = await this.deps.invites.lookup(tx, content.args, observer?.id);
    }
    return context;
  }

  private async acting(tx: Transaction<Database>, observer: ObserverRow): Promise<Acting | undefined> {
    const election = await electionInTransaction(tx, observer.electionSlug);
    return election ? { id: observer.id, election } : undefined;
  }

  private async redeem(
    tx: Transaction<Database>,
    inviteId: number,
    inbound: InboundMessage,
    state: ObserverState,
  ): Promise<Acting | undefined> {
    const locale = state.locale ?? (isLocale(inbound.clientLocale) ? inbound.clientLocale : null);
    const id = await this.deps.invites.redeem(tx, inviteId, {
      channel: inbound.channel,
      participant: inbound.participant,
      locale,
    });
    if (id === undefined) return undefined;
    const observer = await new ObserversRepository(tx).findByParticipant(
      inbound.channel,
      inbound.participant,
    );
    return observer ? this.acting(tx, observer) : undefined;
  }

  private async apply(
    tx: Transaction<Database>,
    acting: Acting,
    inbound: InboundMessage,
    effect: ObserverEffect,
  ) {
    const { election } = acting;
    const requestMedia = (
      media: Parameters<MediaService['request']>[1]['media'],
      purpose: 'protocol' | 'violation',
    ) =>
      this.deps.media.request(tx, {
        channel: inbound.channel,
        bot: inbound.bot,
        participant: inbound.participant,
        media,
        purpose,
      });
    switch (effect.kind) {
      case 'submit_protocol': {
        const pageMediaIds: number[] = [];
        for (const page of effect.pages) pageMediaIds.push(await requestMedia(page, 'protocol'));
        await this.deps.protocols.submit(tx, election, {
          observerId: acting.id,
          precinctCode: effect.precinctCode,
          figures: effect.figures,
          pageMediaIds,
          sentAt: effect.sentAt,
        });
        return;
      }
      case 'report_violation': {
        const mediaIds: number[] = [];
        for (const item of effect.media) mediaIds.push(await requestMedia(item.media, 'violation'));
        await this.deps.violations.report(tx, election, {
          observerId: acting.id,
          precinctCode: effect.precinctCode,
          categoryId: effect.categoryId,
          text: effect.text,
          mediaIds,
          reportedAt: effect.sentAt,
        });
        return;
      }
      case 'raise_sos':
        await this.deps.sos.raise(tx, election, {
          observerId: acting.id,
          precinctCode: effect.precinctCode,
          sentAt: effect.sentAt,
        });
        return;
      case 'describe_sos':
        await this.deps.sos.describe(tx, election, acting.id, effect.sosKind);
        return;
      case 'redeem_invite':
        return;
    }
  }
}
