import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** One accepted submission, as published: no participant id, only what the public may see. */
export interface TransparencyLogTable {
  election_id: number;
  /** 0-based position in the election's log; gapless. */
  seq: number;
  kind: string;
  record: JSONColumnType<Record<string, unknown>>;
  /** Hex SHA-256 leaf hash (RFC 6962) of the record's canonical JSON. */
  leaf_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** The log's head per election: size, the frontier of perfect subtrees and the current root. */
export interface TransparencyHeadsTable {
  election_id: number;
  size: number;
  subtrees: JSONColumnType<string[]>;
  root: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Accepted submissions queued (by triggers, in the accepting transaction) for the log. */
export interface TransparencyPendingTable {
  id: Generated<number>;
  election_id: number;
  kind: string;
  record: JSONColumnType<Record<string, unknown>>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface TransparencyTables {
  transparency_pending: TransparencyPendingTable;
  transparency_log: TransparencyLogTable;
  transparency_heads: TransparencyHeadsTable;
}
