/**
 * The console's session and login limits in one place, so they can be read, reviewed and
 * (in tests) shortened without hunting through code.
 */
export interface AuthPolicy {
  /** A session unused this long is over. */
  idleTimeoutMs: number;
  /** A session this old is over however busy it is (a stolen cookie has a shelf life). */
  absoluteTimeoutMs: number;
  /** Sensitive actions (user management, personal-data exports) need a re-entry this recent. */
  reauthWindowMs: number;
  /** Failed sign-ins for one email, within `failureWindowMs`, that lock it. */
  maxFailuresPerAccount: number;
  /** Failed sign-ins from one address, within `failureWindowMs`, that block it. */
  maxFailuresPerIp: number;
  failureWindowMs: number;
  /** How long a locked account stays locked after its last counted failure. */
  lockoutMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  idleTimeoutMs: 30 * MINUTE,
  absoluteTimeoutMs: 12 * 60 * MINUTE,
  reauthWindowMs: 5 * MINUTE,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 30,
  failureWindowMs: 15 * MINUTE,
  lockoutMs: 15 * MINUTE,
};
