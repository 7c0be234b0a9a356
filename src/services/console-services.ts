import type { Kysely } from 'kysely';
import type { Database } from '../store/database-schema';
import { AuditService } from './audit.service';
import { AuthService, type AuthServiceOptions } from './auth.service';
import { UsersService } from './users.service';

/** The console's services as the app carries them: `app.audit` and `app.console.{auth,users}`. */
export interface ConsoleServices {
  /** The hash-chained audit log; every console action calls `app.audit.record(tx, …)`. */
  audit: AuditService;
  console: { auth: AuthService; users: UsersService };
}

/**
 * @example
 * const { audit, console } = createConsoleServices(db, secret);
 * await console.users.create(cliActor('root'), { email, role: 'admin' });
 */
export function createConsoleServices(
  db: Kysely<Database>,
  secret: string,
  options: AuthServiceOptions = {},
): ConsoleServices {
  const audit = new AuditService(db);
  return {
    audit,
    console: {
      auth: new AuthService(db, secret, audit, options),
      users: new UsersService(db, secret, audit),
    },
  };
}
