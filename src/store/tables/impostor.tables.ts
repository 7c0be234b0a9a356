import type { Generated } from 'kysely';

/**
 * Voters' reports of a bot pretending to be this one (`/fake @handle`): in 2021 a fake copy of
 * the voter bot collected votes. One row per reporter and handle; `reporter_key` is a keyed
 * pseudonym derived for these reports only, so a report links to no vote and no conversation.
 */
export interface ImpostorReportsTable {
  id: Generated<number>;
  election_id: number;
  reporter_key: string;
  /** What the voter named: a handle, a link or a few words, as typed (trimmed, ≤ 64 characters). */
  handle: string;
  reported_at: Date;
}

export interface ImpostorTables {
  impostor_reports: ImpostorReportsTable;
}
