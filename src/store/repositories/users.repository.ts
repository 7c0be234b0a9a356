import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { ConsoleRole, ConsoleUsersTable } from '../tables/console.tables';

export type ConsoleUserRow = Selectable<ConsoleUsersTable>;

/** Console users: all reads and writes of `console_users`. */
export class UsersRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  findByEmail(email: string): Promise<ConsoleUserRow | undefined> {
    return this.db.selectFrom('console_users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  findById(id: number): Promise<ConsoleUserRow | undefined> {
    return this.db.selectFrom('console_users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Locks the row for the rest of the transaction (role and disable changes read, then write). */
  findByIdForUpdate(id: number): Promise<ConsoleUserRow | undefined> {
    return this.db
      .selectFrom('console_users')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  list(): Promise<ConsoleUserRow[]> {
    return this.db.selectFrom('console_users').selectAll().orderBy('email').execute();
  }

  /** Adds a user; throws {@link EmailTakenError} when the email already has an account. */
  async insert(values: {
    email: string;
    role: ConsoleRole;
    passwordHash: string;
    totpSecretEncrypted: string;
  }): Promise<ConsoleUserRow> {
    const row = await this.db
      .insertInto('console_users')
      .values({
        email: values.email,
        role: values.role,
        password_hash: values.passwordHash,
        totp_secret_encrypted: values.totpSecretEncrypted,
        must_change_password: true,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new EmailTakenError(values.email);
    return row;
  }

  async update(
    id: number,
    values: Partial<{
      role: ConsoleRole;
      password_hash: string;
      totp_secret_encrypted: string;
      totp_last_step: number;
      must_change_password: boolean;
      disabled_at: Date | null;
    }>,
  ): Promise<void> {
    await this.db
      .updateTable('console_users')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Records a TOTP step as used, only if it is newer than the last one — atomically, so two
   * logins racing with the same code cannot both succeed. True when this call claimed it.
   */
  async claimTotpStep(id: number, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('console_users')
      .set({ totp_last_step: step })
      .where('id', '=', id)
      .where('totp_last_step', '<', step)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async countActiveAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('console_users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

/** Thrown by {@link UsersRepository.insert} when the email already has an account. */
export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super('an account with this email already exists');
  }
}
