import type { Config } from '../config';
import type { Logger } from '../logger';
import type { DatabaseHandle } from '../store/database';
import type { AuditService } from './audit.service';
import type { ElectionService } from './election.service';
import { InviteService } from './invite.service';
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
}

/**
 * Wires the observer bot's services (the bot itself is in `src/bots/observer/`).
 *
 * @example
 * const observers = createObserverServices({ database, config, secret, logger, elections, audit, outbox });
 */
export function createObserverServices(deps: {
  database: DatabaseHandle;
  config: Config;
  secret: string;
  logger: Logger;
  elections: ElectionService;
  audit: AuditService;
  outbox: OutboxService;
}): ObserverServices {
  const { database, config, secret, logger, elections } = deps;
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
  return { invites, protocols, violations, sos };
}
