import type { Config } from '../config';
import type { Logger } from '../logger';
import type { DatabaseHandle } from '../store/database';
import type { AuditService } from './audit.service';
import type { ConversationService } from './conversation.service';
import type { ElectionService } from './election.service';
import { InviteService } from './invite.service';
import type { MediaService } from './media.service';
import { ObserverConversationService } from './observer.service';
import type { OutboxService } from './outbox.service';
import { ProtocolService } from './protocol.service';
import { SosService } from './sos.service';
import { ViolationService } from './violation.service';

/** The observer bot's part of the composition root (`App` extends this). */
export interface ObserverServices {
  invites: InviteService;
  protocols: ProtocolService;
  violations: ViolationService;
  sos: SosService;
  observerConversation: ObserverConversationService;
}

/**
 * Wires the observer bot and registers its conversation for bot `observer` on every channel.
 *
 * @example
 * const observers = createObserverServices({ database, config, secret, logger, elections, audit, media, outbox, conversations });
 */
export function createObserverServices(deps: {
  database: DatabaseHandle;
  config: Config;
  secret: string;
  logger: Logger;
  elections: ElectionService;
  audit: AuditService;
  media: MediaService;
  outbox: OutboxService;
  conversations: ConversationService;
}): ObserverServices {
  const { database, config, secret, logger, elections, media } = deps;
  const invites = new InviteService(database.db, elections, secret, {
    telegramUsername: config.TELEGRAM_OBSERVER_USERNAME,
    audit: deps.audit,
  });
  const protocols = new ProtocolService(database.db);
  const violations = new ViolationService(database.db);
  const sos = new SosService(database.db, deps.outbox, secret, logger, {
    coordinatorsChatId: config.COORDINATORS_TELEGRAM_CHAT_ID,
    coordinatorsLocale: config.COORDINATORS_LOCALE,
  });
  const observerConversation = new ObserverConversationService({
    elections,
    invites,
    protocols,
    violations,
    sos,
    media,
  });
  deps.conversations.register('observer', (tx, inbound) => observerConversation.handle(tx, inbound));
  return { invites, protocols, violations, sos, observerConversation };
}
