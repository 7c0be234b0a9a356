import { DauysError } from '../errors';
import type { DataDirHolder } from './embedded/data-dir-lock';

/** Socket and DNS failures: the database is not there (as opposed to a query that failed). */
const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS lookup failed)',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  ENOENT: 'no such socket',
};

/** `host:port` of a PostgreSQL URL, never its password. */
export function describeTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return 'DATABASE_URL (not a URL)';
  }
}

/**
 * One line for a database that cannot be reached or refuses us, naming where; undefined for
 * any other error (a failing query is not a connection problem and keeps its own message).
 */
export function connectionError(where: string, error: unknown): DauysError | undefined {
  const err = error as { code?: string; message?: string };
  const reason =
    (err.code && UNREACHABLE_CODES[err.code]) ??
    (/timeout/i.test(err.message ?? '') ? 'connection timed out' : undefined) ??
    // 28xxx: authentication; 3D000: no such database — the server is there but says no.
    (err.code && /^(28|3D)/.test(err.code) ? err.message : undefined);
  if (!reason) return undefined;
  return new DauysError('DAUYS_ERR_DATABASE_UNREACHABLE', `cannot reach the database at ${where}: ${reason}`);
}

/** A second owner of an embedded data dir refused: who holds it and what to do. */
export function dataDirInUse(dir: string, holder: DataDirHolder): DauysError {
  return new DauysError(
    'DAUYS_ERR_DATA_DIR_IN_USE',
    `the database in ${dir} is in use by ${holder.purpose} (pid ${holder.pid}); stop it first ` +
      '(embedded PGlite has one owner: dauys commands reach it through that server; ' +
      'to run --role api and --role worker apart, use PostgreSQL via DATABASE_URL)',
  );
}
