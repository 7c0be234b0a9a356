import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../database-schema';
import type { ConsoleSessionsTable } from '../tables/console.tables';
import type { ConsoleUserRow } from './users.repository';

export type ConsoleSessionRow = Selectable<ConsoleSessionsTable>;

/** Console sessions (by token hash) and the login attempts that gate creating them. */
export class SessionsRepository {
  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  async insert(tokenHash: string, userId: number, ip: string, now: Date): Promise<void> {
    await this.db
      .insertInto('console_sessions')
      .values({
        token_hash: tokenHash,
        user_id: userId,
        ip,
        created_at: now,
        last_seen_at: now,
        reauthenticated_at: now,
      })
      .execute();
  }

  /** The session and its user in one query (it runs on every console request). */
  async findWithUser(
    tokenHash: string,
  ): Promise<{ session: ConsoleSessionRow; user: ConsoleUserRow } | undefined> {
    const row = await this.db
      .selectFrom('console_sessions as s')
      .innerJoin('console_users as u', 'u.id', 's.user_id')
      .selectAll('u')
      .select([
        's.token_hash',
        's.user_id',
        's.created_at as session_created_at',
        's.last_seen_at',
        's.reauthenticated_at',
        's.ip',
      ])
      .where('s.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const { token_hash, user_id, session_created_at, last_seen_at, reauthenticated_at, ip, ...user } = row;
    return {
      session: { token_hash, user_id, created_at: session_created_at, last_seen_at, reauthenticated_at, ip },
      user,
    };
  }

  async touch(tokenHash: string, now: Date): Promise<void> {
    await this.db
      .updateTable('console_sessions')
      .set({ last_seen_at: now })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async markReauthenticated(tokenHash: string, now: Date): Promise<void> {
    await this.db
      .updateTable('console_sessions')
      .set({ reauthenticated_at: now, last_seen_at: now })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('console_sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Signs a user out everywhere (disabled, role changed, password changed), optionally but one. */
  async deleteForUser(userId: number, exceptTokenHash?: string): Promise<void> {
    let query = this.db.deleteFrom('console_sessions').where('user_id', '=', userId);
    if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash);
    await query.execute();
  }

  async recordLoginAttempt(email: string, ip: string, succeeded: boolean, now: Date): Promise<void> {
    await this.db.insertInto('console_login_attempts').values({ email, ip, succeeded, at: now }).execute();
  }

  /** Failures for an account since `since` and since its last success, and when the latest was. */
  async recentFailuresForEmail(email: string, since: Date): Promise<{ count: number; latest: Date | null }> {
    const row = await this.db
      .selectFrom('console_login_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('at').as('latest')])
      .where('email', '=', email)
      .where('succeeded', '=', false)
      .where('at', '>=', since)
      .where((eb) =>
        eb(
          'at',
          '>',
          eb
            .selectFrom('console_login_attempts as ok')
            .select((inner) => inner.fn.coalesce(inner.fn.max('ok.at'), inner.val(new Date(0))).as('at'))
            .where('ok.email', '=', email)
            .where('ok.succeeded', '=', true),
        ),
      )
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), latest: row.latest ? new Date(row.latest) : null };
  }

  async recentFailuresForIp(ip: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('console_login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('ip', '=', ip)
      .where('succeeded', '=', false)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
