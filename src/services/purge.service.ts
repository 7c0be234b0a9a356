import type { Kysely } from 'kysely';
import { pollsWindow } from '../domain/election/election-times';
import { DauysError } from '../errors';
import type { Database } from '../store/database-schema';
import { RetentionRepository, type RetentionCounts } from '../store/repositories/retention.repository';
import { AuditService, type AuditActor } from './audit.service';
import type { ElectionService } from './election.service';

export interface PurgeReport extends RetentionCounts {
  election: string;
}

/**
 * `dauys purge <election>`: privacy retention once an election is over. It deletes what could
 * lead from a report back to a person — the encrypted chat addresses, conversation states, the
 * web chat's mailboxes, queued message contents, and the observers' encrypted contacts — and
 * unlinks photos from their senders. What remains (votes under a ballot-only key, protocols,
 * photos without metadata, aggregates) is the evidence, and it no longer reaches anyone.
 * Audited as `election.purge` with what it removed.
 */
export class PurgeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly elections: ElectionService,
    private readonly audit: AuditService = new AuditService(db),
  ) {}

  /**
   * Refuses while the election still accepts messages (polls open or the grace period for late
   * ones), unless `force` — purging then would also forget voters who are about to come back.
   *
   * @example
   * await purge.purge(commandLineActor(), 'kz-2021-mazhilis', { now: new Date() });
   */
  async purge(
    actor: AuditActor,
    slug: string,
    options: { now?: Date; force?: boolean } = {},
  ): Promise<PurgeReport> {
    const election = await this.elections.require(slug);
    const { lateMessagesUntil } = pollsWindow(election.definition);
    const now = options.now ?? new Date();
    if (!options.force && now < lateMessagesUntil) {
      throw new DauysError(
        'DAUYS_ERR_CONFLICT',
        `election "${slug}" still accepts late messages until ${lateMessagesUntil.toISOString()}; purge after that, or pass --force`,
      );
    }
    return this.db.transaction().execute(async (tx) => {
      const counts = await new RetentionRepository(tx).purgeContacts(election.id);
      await this.audit.record(tx, {
        actor,
        action: 'election.purge',
        target: `election:${slug}`,
        after: { ...counts, forced: options.force === true },
      });
      return { election: slug, ...counts };
    });
  }
}
