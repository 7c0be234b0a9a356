import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../domain/locale';
import type { AddressedOutbound, MessageText } from '../flows/messages';
import { formatTime } from '../i18n/format';
import { translate } from '../i18n/index';
import type { SosKind } from '../flows/observer/observer-state';
import type { Logger } from '../logger';
import { encryptField, fieldDigest } from '../security/field-encryption';
import type { Database } from '../store/database-schema';
import { AreasRepository } from '../store/repositories/areas.repository';
import { ChatAddressesRepository } from '../store/repositories/chat-addresses.repository';
import { ViolationsRepository } from '../store/repositories/violations.repository';
import type { Election } from './election.service';
import type { OutboxService } from './outbox.service';

/**
 * The outbox participant key of the coordinators' chat. It is an organisation's chat, not a
 * person, so it needs no pseudonym — but its chat id is still stored encrypted, like any address.
 */
export const COORDINATORS_PARTICIPANT = 'coordinators';

export interface SosOptions {
  coordinatorsChatId?: string | undefined;
  coordinatorsLocale: Locale;
}

/**
 * SOS alerts: stored at once with an `acknowledged` flag (the console shows the open ones),
 * and — when `COORDINATORS_TELEGRAM_CHAT_ID` is set — a message to the coordinators' chat
 * through the outbox, in the same transaction, so the alert cannot be lost by a crash.
 *
 * @example
 * await sos.raise(tx, election, { observerId: 3, precinctCode: 'p1', sentAt: new Date() });
 */
export class SosService {
  private warnedUnconfigured = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly outbox: Pick<OutboxService, 'enqueue'>,
    private readonly secret: string,
    private readonly logger: Logger,
    private readonly options: SosOptions,
  ) {}

  async raise(
    tx: Transaction<Database>,
    election: Election,
    input: { observerId: number; precinctCode?: string | undefined; sentAt: Date },
  ): Promise<number> {
    const id = await new ViolationsRepository(tx).insertSos({
      electionId: election.id,
      observerId: input.observerId,
      precinctCode: input.precinctCode ?? null,
      sentAt: input.sentAt,
    });
    // The alert id and precinct only: never who the observer is.
    this.logger.warn(
      { sosId: id, election: election.slug, precinct: input.precinctCode ?? null },
      'SOS raised',
    );
    const where = await this.precinctText(tx, election, input.precinctCode ?? null);
    // The election's clock, as the coordinators' language writes a time ("21:30", "9:30 PM").
    const time = formatTime(this.options.coordinatorsLocale, input.sentAt, {
      timeZone: election.definition.timeZone,
    });
    await this.tellCoordinators(tx, [
      {
        key: 'observer.coordinators_sos',
        params: {
          precinct: where,
          election: election.definition.names[this.options.coordinatorsLocale],
          time,
        },
      },
    ]);
    return id;
  }

  /** The observer said what is happening: recorded on their latest alert and passed on. */
  async describe(
    tx: Transaction<Database>,
    election: Election,
    observerId: number,
    kind: SosKind,
  ): Promise<void> {
    const alert = await new ViolationsRepository(tx).describeLatestSos(observerId, kind);
    if (!alert) return;
    const where = await this.precinctText(tx, election, alert.precinctCode);
    await this.tellCoordinators(tx, [
      { key: 'observer.coordinators_sos_kind', params: { precinct: where } },
      { key: `observer.sos_kind_${kind}` },
    ]);
  }

  openAlerts(election: Election) {
    return new ViolationsRepository(this.db).openSos(election.id);
  }

  acknowledge(id: number) {
    return new ViolationsRepository(this.db).acknowledgeSos(id);
  }

  /** A coordinator's acknowledgement, in the console's transaction; undefined when not open. */
  acknowledgeIn(tx: Transaction<Database>, electionId: number, id: number) {
    return new ViolationsRepository(tx).acknowledgeOpenSos(electionId, id);
  }

  private async precinctText(
    tx: Transaction<Database>,
    election: Election,
    code: string | null,
  ): Promise<string> {
    if (!code) return translate(this.options.coordinatorsLocale, { key: 'observer.no_precinct' });
    const area = await new AreasRepository(tx).find(election.id, code);
    const names = { kk: area?.name_kk, ru: area?.name_ru, en: area?.name_en };
    return `${names[this.options.coordinatorsLocale] ?? code} [${code}]`;
  }

  private async tellCoordinators(tx: Transaction<Database>, text: MessageText[]): Promise<void> {
    const chatId = this.options.coordinatorsChatId;
    if (!chatId) {
      if (!this.warnedUnconfigured) {
        this.warnedUnconfigured = true;
        this.logger.warn('COORDINATORS_TELEGRAM_CHAT_ID is not set: SOS alerts show only in the console');
      }
      return;
    }
    const key = {
      channel: 'telegram' as const,
      bot: 'observer' as const,
      participant: COORDINATORS_PARTICIPANT,
    };
    await new ChatAddressesRepository(tx).upsertMany([
      {
        ...key,
        addressEncrypted: encryptField(this.secret, chatId),
        addressDigest: fieldDigest(this.secret, chatId),
      },
    ]);
    const message: AddressedOutbound = {
      ...key,
      locale: this.options.coordinatorsLocale,
      message: { kind: 'send', text },
    };
    await this.outbox.enqueue(tx, [message]);
  }
}
