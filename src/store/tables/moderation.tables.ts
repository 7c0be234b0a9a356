import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { BallotStatus } from './ballots.tables';

type Timestamp = ColumnType<Date, Date | string | undefined, never>;

/** What a moderator decided about a ballot photo (or `undo`: back to the status before the last decision). */
export type BallotVerdict = 'approve' | 'not_ballot' | 'spam' | 'choice_differs' | 'unreadable' | 'undo';

/**
 * Every moderator decision on a ballot report, newest last: the history that makes an override
 * reversible (the report itself only carries its current status; nothing is deleted).
 */
export interface BallotReviewsTable {
  id: Generated<number>;
  election_id: number;
  ballot_report_id: number;
  verdict: BallotVerdict;
  status_before: BallotStatus;
  status_after: BallotStatus;
  /** The audit actor id (`user:12`). */
  actor: string;
  created_at: Timestamp;
}

/**
 * A violation's text as the observer sent it, kept when a moderator publishes a redacted
 * version (the public reads `violations.text`, which then holds the redacted text only).
 */
export interface ViolationOriginalsTable {
  violation_id: number;
  original_text: string;
  saved_at: Timestamp;
}

export type TranscriptionRole = 'blind' | 'resolver';

/** One moderator's typing of one protocol's figures; one per (protocol, moderator). */
export interface ProtocolTranscriptionsTable {
  id: Generated<number>;
  election_id: number;
  protocol_id: number;
  user_id: number;
  role: TranscriptionRole;
  figures: JSONColumnType<Record<string, number>>;
  created_at: Timestamp;
}

export interface ModerationTables {
  ballot_reviews: BallotReviewsTable;
  violation_originals: ViolationOriginalsTable;
  protocol_transcriptions: ProtocolTranscriptionsTable;
}
