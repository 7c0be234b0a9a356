import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** The console's roles; what each may do is decided per route (see http/console/route-access.ts). */
export const CONSOLE_ROLES = ['admin', 'coordinator', 'moderator', 'analyst'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** Console staff. Voters and observers are not users; they never sign in here. */
export interface ConsoleUsersTable {
  id: Generated<number>;
  /** Lower-cased; the login name. */
  email: string;
  role: ConsoleRole;
  /** scrypt, PHC-style string (security/password.ts). */
  password_hash: string;
  /** The TOTP key, encrypted with `encryptField` — a database dump alone cannot mint codes. */
  totp_secret_encrypted: string;
  /** The last TOTP step accepted: a code is good once, then never again (replay). */
  totp_last_step: ColumnType<number, number | undefined, number>;
  /** Set for one-time passwords; the user must choose their own before doing anything else. */
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Signed-in sessions. Only a SHA-256 of the token is stored: a leaked table signs nobody in. */
export interface ConsoleSessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** When the user last re-entered password and code; sensitive actions need this to be recent. */
  reauthenticated_at: Timestamp;
  ip: string | null;
}

/** Every login attempt, for rate limiting and lockout (by account and by address). */
export interface ConsoleLoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}

/**
 * The append-only audit log. `hash` = sha256(canonical JSON of the entry ‖ prev_hash); a
 * trigger refuses UPDATE, DELETE and TRUNCATE. See services/audit.service.ts.
 */
export interface AuditLogTable {
  id: ColumnType<number, number, never>;
  at: ColumnType<Date, Date, never>;
  /** `user:<id>` for console users, `cli` for the command line, `system` for jobs. */
  actor: string;
  /** The actor's email at the time (users may later be renamed or disabled). */
  actor_label: string;
  action: string;
  target: string | null;
  /** JSON of the state before and after the action (null when there is none: a creation). */
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  prev_hash: string;
  hash: string;
}

export interface ConsoleTables {
  console_users: ConsoleUsersTable;
  console_sessions: ConsoleSessionsTable;
  console_login_attempts: ConsoleLoginAttemptsTable;
  audit_log: AuditLogTable;
}
