import type { Transaction } from 'kysely';
import type { InboundMessage } from '../../flows/messages';
import { observerFlow } from '../../flows/observer/observer-flow';
import type { ObserverContext, ObserverState } from '../../flows/observer/observer-state';
import { electionInTransaction } from '../../services/election-in-transaction';
import type { Database } from '../../store/database-schema';
import { ObserversRepository, type ObserverRow } from '../../store/repositories/observers.repository';
import { defineBot, type RegisteredBot } from '../bot-definition';
import { applyObserverEffects, type ObserverBotServices } from './observer-effects';

export type { ObserverBotServices } from './observer-effects';

/**
 * The observer bot (bot `observer` on every channel): loads the observer and their precincts,
 * looks up an invite for `/start <code>`, runs the pure `observerFlow`, applies its effects and
 * saves the state. A participant who is not bound stores nothing at all: they only get the
 * refusal.
 *
 * @example
 * const runner = new ConversationRunner([observerBot(services)]);
 */
export function observerBot(services: ObserverBotServices): RegisteredBot {
  return defineBot({
    name: 'observer',
    claims: (inbound) => inbound.bot === 'observer',
    flow: observerFlow,
    load: async (tx, inbounds) => {
      const repository = new ObserversRepository(tx);
      const observers: Array<ObserverRow | undefined> = [];
      for (const inbound of inbounds)
        observers.push(await repository.findByParticipant(inbound.channel, inbound.participant));
      return observers;
    },
    async prepare(tx, inbound, observer) {
      const state =
        observer && Object.keys(observer.state).length > 0
          ? (observer.state as unknown as ObserverState)
          : undefined;
      return { kind: 'run', state, context: await observerContext(tx, services, observer, inbound) };
    },
    apply: (tx, turn) => applyObserverEffects(tx, services, turn),
    async save(tx, saved) {
      const repository = new ObserversRepository(tx);
      for (const { id, state, locale } of saved)
        await repository.saveState(id, state as unknown as Record<string, unknown>, locale);
    },
  });
}

async function observerContext(
  tx: Transaction<Database>,
  services: ObserverBotServices,
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
    // Here, not in `load`: another participant's earlier message in the batch may have redeemed it.
    context.invite = await services.invites.lookup(tx, content.args, observer?.id);
  }
  return context;
}
