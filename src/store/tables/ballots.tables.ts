import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { BotName, ChannelName } from '../../flows/messages';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * What a voter's report counts as:
 * - `confirmed`: a photo came with it and passed the automatic checks;
 * - `no_photo`: the voter could not send a photo;
 * - `pending_review`: a photo is being processed, or failed a check and waits for a moderator;
 * - `spam`: judged spam (the spam scorer fills `signals`); received, but never counted.
 */
export type BallotStatus = 'confirmed' | 'no_photo' | 'pending_review' | 'spam';

export const BALLOT_STATUSES: readonly BallotStatus[] = ['confirmed', 'no_photo', 'pending_review', 'spam'];

/**
 * One voter's report per election. `voter_key` is a keyed pseudonym derived for ballots only
 * (see ballot-report.service.ts): no chat id, no user id, and not the conversation's key either.
 */
export interface BallotReportsTable {
  id: Generated<number>;
  election_id: number;
  voter_key: string;
  precinct_code: string;
  choice_id: string;
  /** The date of the message the vote was composed in (a blackout delays delivery, not this). */
  sent_at: Date;
  received_at: Date;
  delayed: boolean;
  /**
   * `sent_at` is the voter's device clock: the web chat queued the message offline (an internet
   * blackout) and sent it later, dated by the phone, clamped to [polls open, arrival].
   */
  device_dated: ColumnType<boolean, boolean | undefined, boolean>;
  status: BallotStatus;
  media_id: number | null;
  /** Inputs for the spam scorer (client hints, photo hashes) and, later, its verdict's reasons. */
  signals: JSONColumnType<Record<string, unknown>>;
  /** The conversation's timing fingerprint (gaps in seconds), shared by accounts one script drives. */
  timing_print: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * The voters' tally, kept up to date in the transaction that records a vote: one row per
 * (election, area at any level, choice, status, delayed), so summaries read a handful of
 * precomputed rows instead of scanning reports.
 */
export interface VoterTalliesTable {
  election_id: number;
  area_code: string;
  choice_id: string;
  status: BallotStatus;
  delayed: boolean;
  count: number;
}

/** Each participant's place in a conversation (the flow's state as JSON). */
export interface ConversationsTable {
  channel: ChannelName;
  bot: BotName;
  participant: string;
  state: JSONColumnType<Record<string, unknown>>;
  updated_at: Timestamp;
}

/**
 * What each voter typed that the spam score looks at — `link:<link or @handle>` as typed, and
 * `text:<digest>` of longer free texts (never the words themselves) — to find the same from
 * other accounts. The inbox forgets a message's content once processed, so this is kept apart.
 */
export interface BallotReportTextsTable {
  election_id: number;
  digest: string;
  voter_key: string;
}

export interface BallotTables {
  ballot_reports: BallotReportsTable;
  ballot_report_texts: BallotReportTextsTable;
  voter_tallies: VoterTalliesTable;
  conversations: ConversationsTable;
}
