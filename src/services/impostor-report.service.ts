import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { deriveKey } from '../security/derived-keys';
import type { Database } from '../store/database-schema';
import {
  ImpostorReportsRepository,
  type ReportedImpostor,
} from '../store/repositories/impostor-reports.repository';

export type { ReportedImpostor } from '../store/repositories/impostor-reports.repository';

/**
 * Voters' reports of a bot pretending to be this one. Each voter counts once per handle, under a
 * pseudonym derived for these reports alone, so the console's count links to no vote and no
 * conversation. A report is a participant's message, not a console change: its trail is the
 * inbox, like a vote's.
 *
 * @example
 * await impostors.report(tx, election, participant, '@dauys_kz_bott', sentAt);
 * await impostors.byHandle(election); // [{ handle: '@dauys_kz_bott', reporters: 12, lastReportedAt }]
 */
export class ImpostorReportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly secret: string,
  ) {}

  async report(
    tx: Transaction<Database>,
    election: { id: number; slug: string },
    participant: string,
    handle: string,
    reportedAt: Date,
  ): Promise<void> {
    await new ImpostorReportsRepository(tx).report({
      electionId: election.id,
      reporterKey: this.reporterKey(election.slug, participant),
      handle,
      reportedAt,
    });
  }

  async forget(tx: Transaction<Database>, election: { id: number; slug: string }, participant: string) {
    await new ImpostorReportsRepository(tx).removeReporter(
      election.id,
      this.reporterKey(election.slug, participant),
    );
  }

  byHandle(election: { id: number }): Promise<ReportedImpostor[]> {
    return new ImpostorReportsRepository(this.db).byHandle(election.id);
  }

  private reporterKey(electionSlug: string, participant: string): string {
    return crypto
      .createHmac('sha256', deriveKey(this.secret, 'pseudonym'))
      .update(`impostor-reporter\u0000${electionSlug}\u0000${participant}`)
      .digest('base64url');
  }
}
