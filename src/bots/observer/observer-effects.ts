import type { Transaction } from 'kysely';
import { isLocale, type Locale } from '../../domain/locale';
import type { InboundMessage } from '../../flows/messages';
import type { ObserverContext, ObserverEffect, ObserverState } from '../../flows/observer/observer-state';
import type { Election } from '../../services/election.service';
import { electionInTransaction } from '../../services/election-in-transaction';
import type { InviteService } from '../../services/invite.service';
import type { MediaService } from '../../services/media.service';
import type { ProtocolService } from '../../services/protocol.service';
import type { SosService } from '../../services/sos.service';
import type { ViolationService } from '../../services/violation.service';
import type { Database } from '../../store/database-schema';
import { ObserversRepository, type ObserverRow } from '../../store/repositories/observers.repository';
import type { Turn } from '../bot-definition';

export interface ObserverBotServices {
  invites: Pick<InviteService, 'lookup' | 'redeem'>;
  protocols: Pick<ProtocolService, 'submit'>;
  violations: Pick<ViolationService, 'report'>;
  sos: Pick<SosService, 'raise' | 'describe'>;
  media: Pick<MediaService, 'request'>;
}

/** The state to save for a bound observer. */
export interface ObserverSave {
  id: number;
  state: ObserverState;
  locale: Locale;
}

/** The acting observer while effects are applied: known once bound (or just bound). */
interface Acting {
  id: number;
  election: Election;
}

/**
 * Carries out an observer step's effects in order — an invite redeemed first makes the
 * participant the acting observer for the rest — and returns the state to save, only for a
 * bound observer.
 */
export async function applyObserverEffects(
  tx: Transaction<Database>,
  services: ObserverBotServices,
  turn: Turn<ObserverState, ObserverContext, ObserverEffect, ObserverRow | undefined>,
): Promise<ObserverSave | undefined> {
  const { inbound, loaded: observer, context, step, locale } = turn;
  let acting: Acting | undefined = observer && context.election ? await actingAs(tx, observer) : undefined;
  for (const effect of step.effects) {
    if (effect.kind === 'redeem_invite') {
      acting = (await redeem(tx, services, effect.inviteId, inbound, step.state)) ?? acting;
    } else if (acting) {
      await apply(tx, services, acting, inbound, effect);
    }
  }
  return acting ? { id: acting.id, state: step.state, locale } : undefined;
}

async function actingAs(tx: Transaction<Database>, observer: ObserverRow): Promise<Acting | undefined> {
  const election = await electionInTransaction(tx, observer.electionSlug);
  return election ? { id: observer.id, election } : undefined;
}

async function redeem(
  tx: Transaction<Database>,
  services: ObserverBotServices,
  inviteId: number,
  inbound: InboundMessage,
  state: ObserverState,
): Promise<Acting | undefined> {
  const locale = state.locale ?? (isLocale(inbound.clientLocale) ? inbound.clientLocale : null);
  const id = await services.invites.redeem(tx, inviteId, {
    channel: inbound.channel,
    participant: inbound.participant,
    locale,
  });
  if (id === undefined) return undefined;
  const observer = await new ObserversRepository(tx).findByParticipant(inbound.channel, inbound.participant);
  return observer ? actingAs(tx, observer) : undefined;
}

async function apply(
  tx: Transaction<Database>,
  services: ObserverBotServices,
  acting: Acting,
  inbound: InboundMessage,
  effect: ObserverEffect,
) {
  const { election } = acting;
  const requestMedia = (
    media: Parameters<MediaService['request']>[1]['media'],
    purpose: 'protocol' | 'violation',
  ) =>
    services.media.request(tx, {
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
      await services.protocols.submit(tx, election, {
        observerId: acting.id,
        precinctCode: effect.precinctCode,
        figures: effect.figures,
        pageMediaIds,
        sentAt: effect.sentAt,
        ...(effect.figuresOnly ? { figuresOnly: true } : {}),
      });
      return;
    }
    case 'report_violation': {
      const mediaIds: number[] = [];
      for (const item of effect.media) mediaIds.push(await requestMedia(item.media, 'violation'));
      await services.violations.report(tx, election, {
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
      await services.sos.raise(tx, election, {
        observerId: acting.id,
        precinctCode: effect.precinctCode,
        sentAt: effect.sentAt,
      });
      return;
    case 'describe_sos':
      await services.sos.describe(tx, election, acting.id, effect.sosKind);
      return;
    case 'redeem_invite':
      return;
  }
}
