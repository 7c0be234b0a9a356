import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { DauysError, invalidInput } from '../errors';
import { decryptField } from '../security/field-encryption';
import { dummyPasswordHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../security/password';
import { base32Decode, verifyTotp } from '../security/totp';
import type { Database } from '../store/database-schema';
import { SessionsRepository } from '../store/repositories/sessions.repository';
import { UsersRepository, type ConsoleUserRow } from '../store/repositories/users.repository';
import { userActor, type AuditService } from './audit.service';
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from './auth-policy';
import { normalizeEmail, toUserView, type ConsoleUserView } from './console-user-view';

/** A signed-in request's identity, as the console's auth hook resolves it from the cookie. */
export interface ConsoleSession {
  /** The raw token from the cookie (never stored; needed to derive the CSRF token). */
  token: string;
  tokenHash: string;
  user: ConsoleUserView;
  reauthenticatedAt: Date;
}

export interface AuthServiceOptions {
  policy?: AuthPolicy;
  /** The clock (tests move it to cross timeouts). */
  now?: () => Date;
}

const BAD_CREDENTIALS = 'invalid email, password or code';

/**
 * Sign-in with password and TOTP (both, always), sessions with idle and absolute timeouts,
 * re-authentication, password changes, and lockout after repeated failures.
 */
export class AuthService {
  private readonly policy: AuthPolicy;
  private readonly now: () => Date;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly secret: string,
    private readonly audit: AuditService,
    options: AuthServiceOptions = {},
  ) {
    this.policy = options.policy ?? DEFAULT_AUTH_POLICY;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Checks email, password and TOTP code; on success opens a session and returns its token
   * (for the cookie). Every failure has the same message, whichever part was wrong.
   *
   * @example
   * const { token, user } = await auth.login({ email, password, code: '123456', ip: request.ip });
   */
  async login(input: {
    email: string;
    password: string;
    code: string;
    ip: string;
  }): Promise<{ token: string; session: ConsoleSession }> {
    const email = normalizeEmail(input.email);
    await this.refuseIfLockedOut(email, input.ip);
    const user = await this.checkCredentials(email, input.password, input.code);
    const sessions = new SessionsRepository(this.db);
    if (!user) {
      await sessions.recordLoginAttempt(email, input.ip, false, this.now());
      throw new DauysError('DAUYS_ERR_UNAUTHORIZED', BAD_CREDENTIALS);
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const tokenHash = hashSessionToken(token);
    const now = this.now();
    await this.db.transaction().execute(async (tx) => {
      const repository = new SessionsRepository(tx);
      await repository.recordLoginAttempt(email, input.ip, true, now);
      await repository.insert(tokenHash, user.id, input.ip, now);
      await this.audit.record(tx, {
        actor: userActor(user),
        action: 'session.login',
        target: `user:${user.id}`,
      });
    });
    return { token, session: { token, tokenHash, user: toUserView(user), reauthenticatedAt: now } };
  }

  /**
   * The session behind a cookie's token, or null when there is none, it timed out, or its user
   * is disabled. Expired sessions are deleted on sight.
   */
  async authenticate(token: string): Promise<ConsoleSession | null> {
    const tokenHash = hashSessionToken(token);
    const repository = new SessionsRepository(this.db);
    const found = await repository.findWithUser(tokenHash);
    if (!found) return null;
    const now = this.now().getTime();
    const { session, user } = found;
    const expired =
      now - session.last_seen_at.getTime() > this.policy.idleTimeoutMs ||
      now - session.created_at.getTime() > this.policy.absoluteTimeoutMs;
    if (expired || user.disabled_at !== null) {
      await repository.delete(tokenHash);
      return null;
    }
    // One write a minute at most: enough precision for a 30-minute idle timeout.
    if (now - session.last_seen_at.getTime() > 60_000) await repository.touch(tokenHash, this.now());
    return { token, tokenHash, user: toUserView(user), reauthenticatedAt: session.reauthenticated_at };
  }

  /** Whether the session re-entered its credentials recently enough for a sensitive action. */
  isRecentlyReauthenticated(session: ConsoleSession): boolean {
    return this.now().getTime() - session.reauthenticatedAt.getTime() <= this.policy.reauthWindowMs;
  }

  async logout(session: ConsoleSession): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await new SessionsRepository(tx).delete(session.tokenHash);
      await this.audit.record(tx, {
        actor: userActor(session.user),
        action: 'session.logout',
        target: `user:${session.user.id}`,
      });
    });
  }

  /**
   * Re-entering password and a fresh TOTP code opens the sensitive-action window. Failures
   * count toward the account's lockout, so a stolen session cannot guess the password here.
   */
  async reauthenticate(
    session: ConsoleSession,
    input: { password: string; code: string; ip: string },
  ): Promise<void> {
    const email = session.user.email;
    await this.refuseIfLockedOut(email, input.ip);
    const user = await this.checkCredentials(email, input.password, input.code);
    if (!user || user.id !== session.user.id) {
      await new SessionsRepository(this.db).recordLoginAttempt(email, input.ip, false, this.now());
      throw new DauysError('DAUYS_ERR_UNAUTHORIZED', 'invalid password or code');
    }
    await this.db.transaction().execute(async (tx) => {
      await new SessionsRepository(tx).markReauthenticated(session.tokenHash, this.now());
      await this.audit.record(tx, {
        actor: userActor(user),
        action: 'session.reauth',
        target: `user:${user.id}`,
      });
    });
  }

  /**
   * Replaces the user's password (required after a one-time password) and signs out every other
   * session of theirs.
   */
  async changePassword(
    session: ConsoleSession,
    input: { currentPassword: string; newPassword: string; ip: string },
  ): Promise<ConsoleUserView> {
    if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
      throw invalidInput('the new password is too short', [
        { where: 'newPassword', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
      ]);
    }
    if (input.newPassword === input.currentPassword) {
      throw invalidInput('the new password must differ from the current one', [
        { where: 'newPassword', message: 'same as the current password' },
      ]);
    }
    const users = new UsersRepository(this.db);
    const row = await users.findById(session.user.id);
    if (!row || !(await verifyPassword(input.currentPassword, row.password_hash))) {
      await new SessionsRepository(this.db).recordLoginAttempt(
        session.user.email,
        input.ip,
        false,
        this.now(),
      );
      throw new DauysError('DAUYS_ERR_UNAUTHORIZED', 'the current password is wrong');
    }
    const passwordHash = await hashPassword(input.newPassword);
    return this.db.transaction().execute(async (tx) => {
      await new UsersRepository(tx).update(row.id, {
        password_hash: passwordHash,
        must_change_password: false,
      });
      await new SessionsRepository(tx).deleteForUser(row.id, session.tokenHash);
      await this.audit.record(tx, {
        actor: userActor(row),
        action: 'user.password-change',
        target: `user:${row.id}`,
        before: { mustChangePassword: row.must_change_password },
        after: { mustChangePassword: false },
      });
      return { ...toUserView(row), mustChangePassword: false };
    });
  }

  /** Refuses before checking anything when the account or the address has failed too often. */
  private async refuseIfLockedOut(email: string, ip: string): Promise<void> {
    const now = this.now().getTime();
    const since = new Date(now - this.policy.failureWindowMs);
    const sessions = new SessionsRepository(this.db);
    const account = await sessions.recentFailuresForEmail(email, since);
    const lockedUntil = (account.latest?.getTime() ?? 0) + this.policy.lockoutMs;
    const accountLocked = account.count >= this.policy.maxFailuresPerAccount && lockedUntil > now;
    if (accountLocked || (await sessions.recentFailuresForIp(ip, since)) >= this.policy.maxFailuresPerIp) {
      throw new DauysError('DAUYS_ERR_RATE_LIMITED', 'too many failed sign-in attempts; try again later');
    }
  }

  /**
   * The user when password and code are both right, the account is enabled and the code's
   * step was not used before; otherwise undefined. Always spends one scrypt, known user or not.
   */
  private async checkCredentials(
    email: string,
    password: string,
    code: string,
  ): Promise<ConsoleUserRow | undefined> {
    const users = new UsersRepository(this.db);
    const user = await users.findByEmail(email);
    const passwordOk = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
    if (!user || !passwordOk || user.disabled_at !== null) return undefined;
    const key = base32Decode(decryptField(this.secret, user.totp_secret_encrypted));
    const step = verifyTotp(key, code.replace(/\s/g, ''), this.now().getTime());
    if (step === null || !(await users.claimTotpStep(user.id, step))) return undefined;
    return user;
  }
}

/** Sessions are looked up by this hash of the cookie's token; the token itself is never stored. */
export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
