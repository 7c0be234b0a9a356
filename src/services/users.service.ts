import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DauysError, invalidInput, notFound } from '../errors';
import { encryptField } from '../security/field-encryption';
import { generateOneTimePassword, hashPassword } from '../security/password';
import { base32Encode, generateTotpSecret, totpEnrolmentUri } from '../security/totp';
import type { Database } from '../store/database-schema';
import { SessionsRepository } from '../store/repositories/sessions.repository';
import {
  EmailTakenError,
  UsersRepository,
  type ConsoleUserRow,
} from '../store/repositories/users.repository';
import { CONSOLE_ROLES, type ConsoleRole } from '../store/tables/console.tables';
import type { AuditActor, AuditService } from './audit.service';
import { normalizeEmail, toUserView, type ConsoleUserView } from './console-user-view';

/** What a new (or reset) account's owner needs, shown once: nothing here is stored in the clear. */
export interface IssuedCredentials {
  user: ConsoleUserView;
  oneTimePassword: string;
  /** `otpauth://totp/Dauys:<email>?secret=…&issuer=Dauys` for the authenticator app. */
  totpUri: string;
}

const emailSchema = z.email();

/**
 * Console accounts: create with a one-time password and a TOTP key, change role, disable or
 * re-enable, reset lost credentials. Every change is audited in its own transaction, and the
 * last active admin can be neither demoted nor disabled (nobody could manage users after).
 */
export class UsersService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly secret: string,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ConsoleUserView[]> {
    return (await new UsersRepository(this.db).list()).map(toUserView);
  }

  /**
   * @example
   * const { oneTimePassword, totpUri } = await users.create(actor, { email: 'a@example.org', role: 'admin' });
   */
  async create(actor: AuditActor, input: { email: string; role: ConsoleRole }): Promise<IssuedCredentials> {
    const email = normalizeEmail(input.email);
    if (!emailSchema.safeParse(email).success) {
      throw invalidInput('not an email address', [{ where: 'email', message: 'expected name@domain' }]);
    }
    assertRole(input.role);
    const { oneTimePassword, totpSecret, passwordHash } = await this.freshCredentials();
    return this.db.transaction().execute(async (tx) => {
      const row = await new UsersRepository(tx)
        .insert({
          email,
          role: input.role,
          passwordHash,
          totpSecretEncrypted: encryptField(this.secret, base32Encode(totpSecret)),
        })
        .catch((error: unknown) => {
          if (error instanceof EmailTakenError) throw new DauysError('DAUYS_ERR_CONFLICT', error.message);
          throw error;
        });
      await this.audit.record(tx, {
        actor,
        action: 'user.create',
        target: `user:${row.id}`,
        after: auditedFields(row),
      });
      return { user: toUserView(row), oneTimePassword, totpUri: totpEnrolmentUri(email, totpSecret) };
    });
  }

  /** Changes role and/or enabled state; the user's sessions end so the change applies at once. */
  async update(
    actor: AuditActor,
    id: number,
    change: { role?: ConsoleRole; disabled?: boolean },
  ): Promise<ConsoleUserView> {
    if (change.role !== undefined) assertRole(change.role);
    return this.db.transaction().execute(async (tx) => {
      const users = new UsersRepository(tx);
      const before = await users.findByIdForUpdate(id);
      if (!before) throw notFound(`no user ${id}`);
      const role = change.role ?? before.role;
      const disabled = change.disabled ?? before.disabled_at !== null;
      // Nothing to change, nothing to audit.
      if (role === before.role && disabled === (before.disabled_at !== null)) return toUserView(before);
      const disabledAt = disabled ? (before.disabled_at ?? new Date()) : null;
      const after: ConsoleUserRow = { ...before, role, disabled_at: disabledAt };
      const wasActiveAdmin = before.role === 'admin' && before.disabled_at === null;
      const staysActiveAdmin = role === 'admin' && disabledAt === null;
      if (wasActiveAdmin && !staysActiveAdmin && (await users.countActiveAdmins()) <= 1) {
        throw new DauysError('DAUYS_ERR_CONFLICT', 'this is the last active admin; make another admin first');
      }
      await users.update(id, { role, disabled_at: disabledAt });
      if (role !== before.role || disabledAt !== null) await new SessionsRepository(tx).deleteForUser(id);
      await this.audit.record(tx, {
        actor,
        action: 'user.update',
        target: `user:${id}`,
        before: auditedFields(before),
        after: auditedFields(after),
      });
      return toUserView(after);
    });
  }

  /**
   * New one-time password and TOTP key for someone who lost either; their sessions end.
   * Admins use it from the console; `dauys user reset` is the way back in for a locked-out admin.
   */
  async resetCredentials(
    actor: AuditActor,
    lookup: { id: number } | { email: string },
  ): Promise<IssuedCredentials> {
    const { oneTimePassword, totpSecret, passwordHash } = await this.freshCredentials();
    return this.db.transaction().execute(async (tx) => {
      const users = new UsersRepository(tx);
      const found =
        'id' in lookup
          ? await users.findById(lookup.id)
          : await users.findByEmail(normalizeEmail(lookup.email));
      if (!found) throw notFound('no such user');
      await users.update(found.id, {
        password_hash: passwordHash,
        totp_secret_encrypted: encryptField(this.secret, base32Encode(totpSecret)),
        totp_last_step: 0,
        must_change_password: true,
      });
      await new SessionsRepository(tx).deleteForUser(found.id);
      await this.audit.record(tx, {
        actor,
        action: 'user.reset-credentials',
        target: `user:${found.id}`,
        before: { mustChangePassword: found.must_change_password },
        after: { mustChangePassword: true },
      });
      return {
        user: { ...toUserView(found), mustChangePassword: true },
        oneTimePassword,
        totpUri: totpEnrolmentUri(found.email, totpSecret),
      };
    });
  }

  private async freshCredentials() {
    const oneTimePassword = generateOneTimePassword();
    return {
      oneTimePassword,
      totpSecret: generateTotpSecret(),
      passwordHash: await hashPassword(oneTimePassword),
    };
  }
}

function assertRole(role: string): asserts role is ConsoleRole {
  if (!(CONSOLE_ROLES as readonly string[]).includes(role)) {
    throw invalidInput('unknown role', [{ where: 'role', message: `one of ${CONSOLE_ROLES.join(', ')}` }]);
  }
}

/** What the audit log keeps of a user: the facts an action changes, never hashes or secrets. */
function auditedFields(row: ConsoleUserRow) {
  return { email: row.email, role: row.role, disabled: row.disabled_at !== null };
}
