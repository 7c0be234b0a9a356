import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ChannelName } from '../../flows/messages';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A counter column: defaults to 0 on insert. */
type Counter = ColumnType<number, number | undefined, number>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/**
 * An observer: a participant of the observer bot bound by an invite. Keyed by the channel
 * pseudonym; the contact a coordinator noted on the invite is stored only encrypted.
 */
export interface ObserversTable {
  id: Generated<number>;
  channel: ChannelName;
  participant: string;
  election_id: number;
  /** `encryptField` of the coordinator's note (name, phone); never logged, never public. */
  contact_encrypted: string | null;
  locale: string | null;
  /** The conversation state (`ObserverState`). */
  state: JSONColumnType<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An invite: only a keyed digest of its code is stored, so a leaked table cannot be redeemed. */
export interface ObserverInvitesTable {
  id: Generated<number>;
  election_id: number;
  code_digest: string;
  precinct_codes: string[];
  contact_encrypted: string | null;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
  redeemed_at: NullableTimestamp;
  redeemed_by: number | null;
}

/** Which observer watches which precinct, through which invite (revoking the invite ends it). */
export interface ObserverAssignmentsTable {
  observer_id: number;
  election_id: number;
  precinct_code: string;
  invite_id: number;
  created_at: Timestamp;
}

export type ProtocolStatusColumn = 'accepted' | 'rejected' | 'needs_review';

/** One submitted protocol; a resubmission by the same observer for the same precinct supersedes it. */
export interface ObserverProtocolsTable {
  id: Generated<number>;
  election_id: number;
  precinct_code: string;
  observer_id: number;
  /** Flat figures: `"4"`, `"6.nur-otan"`. */
  figures: JSONColumnType<Record<string, number>>;
  page_media_ids: JSONColumnType<number[]>;
  status: ProtocolStatusColumn;
  /** Every check result (rule, figures used, tolerance, outcome). */
  checks: JSONColumnType<unknown[]>;
  /** Ids of the failed checks behind a rejection or review. */
  reasons: JSONColumnType<string[]>;
  current: boolean;
  sent_at: Date;
  created_at: Timestamp;
}

/** A line observers disagree on: each current accepted protocol's value, for coordinators. */
export interface FigureConflict {
  key: string;
  values: Array<{ protocolId: number; value: number | null }>;
}

/** The merged protocol of one precinct and the figures it last contributed to the tallies. */
export interface PrecinctProtocolsTable {
  election_id: number;
  precinct_code: string;
  status: 'accepted' | 'conflict' | 'none';
  figures: JSONColumnType<Record<string, number>>;
  conflicts: JSONColumnType<FigureConflict[]>;
  protocol_ids: JSONColumnType<number[]>;
  updated_at: Timestamp;
}

/**
 * Running totals per area ('' = the whole election), kept in step with every submission so the
 * summary never aggregates protocols on a request.
 */
export interface ObserverTalliesTable {
  election_id: number;
  area_code: string;
  protocols_received: Counter;
  accepted: Counter;
  rejected: Counter;
  needs_review: Counter;
  rejected_reasons: JSONColumnType<Record<string, number>>;
  precincts_counted: Counter;
  figures: JSONColumnType<Record<string, number>>;
}

export type ViolationStatus = 'new' | 'verified' | 'published' | 'rejected';

export interface ViolationsTable {
  id: Generated<number>;
  election_id: number;
  precinct_code: string;
  category_id: string;
  observer_id: number;
  text: string;
  media_ids: JSONColumnType<number[]>;
  status: ColumnType<ViolationStatus, ViolationStatus | undefined, ViolationStatus>;
  reported_at: Date;
  created_at: Timestamp;
}

export interface SosAlertsTable {
  id: Generated<number>;
  election_id: number;
  observer_id: number;
  precinct_code: string | null;
  kind: string | null;
  acknowledged: ColumnType<boolean, boolean | undefined, boolean>;
  sent_at: Date;
  created_at: Timestamp;
}

export interface ObserverTables {
  observers: ObserversTable;
  observer_invites: ObserverInvitesTable;
  observer_assignments: ObserverAssignmentsTable;
  observer_protocols: ObserverProtocolsTable;
  precinct_protocols: PrecinctProtocolsTable;
  observer_tallies: ObserverTalliesTable;
  violations: ViolationsTable;
  sos_alerts: SosAlertsTable;
}
