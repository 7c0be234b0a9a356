import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { PACKAGE_ROOT } from '../shared/package-root';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { Database } from './database-schema';
import { migrations } from './migrations/index';
import { connectionError, describeTarget } from './database-errors';
import { openEmbedded } from './embedded/open-embedded';

const execFileAsync = promisify(execFile);

// BIGINT (count(*), sums) arrives as text by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The `pg` pool under Kysely, for the rare raw query (COPY, LISTEN) the builder cannot express. */
  pool: pg.Pool;
  /** The Unix socket this process serves its embedded database on (`psql "host=<its dir>"`). */
  socketPath?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; when absent, PGlite runs embedded. */
  databaseUrl?: string;
  /** PGlite's directory, or `memory://` for a throwaway database. */
  pgliteDir?: string;
  /** Pool size for PostgreSQL (PGlite is one connection by nature). */
  poolSize?: number;
  /**
   * A PGlite dir another live process owns: `connect` through its socket (CLI commands; the
   * default) or `refuse` (a server: one engine per dir, ever).
   */
  whenHeld?: 'connect' | 'refuse';
  /** Written into the dir's lock so a refused start can say who holds it, e.g. `dauys start`. */
  purpose?: string;
}

/**
 * Opens the one database code path: Kysely's PostgresDialect over a `pg.Pool`, which talks to a
 * PostgreSQL server, to embedded PGlite through `createPgConfig` (this process owns the dir:
 * it holds the dir's lock and serves the engine on the dir's socket), or to the process that
 * owns the dir, through that socket.
 *
 * @example
 * const { db, close } = await openDatabase({ pgliteDir: 'memory://' });
 * await migrateToLatest(db);
 * await close();
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    await probeServer(options.databaseUrl);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client whose server connection ends (a PostgreSQL restart, a failover, an admin
    // terminating it) is emitted here; unhandled, that event would crash the process. The pool
    // has already dropped the client and opens a new one on the next query.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, pool, kind: 'postgres', close: () => db.destroy() };
  }
  const dir = options.pgliteDir ?? 'memory://';
  if (dir.startsWith('memory://')) {
    const pglite = await PGlite.create(dir);
    const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      pool,
      kind: 'pglite',
      close: async () => {
        await db.destroy();
        await pglite.close();
      },
    };
  }
  await fs.mkdir(path.dirname(path.resolve(dir)), { recursive: true });
  const embedded = await openEmbedded(dir, {
    whenHeld: options.whenHeld ?? 'connect',
    purpose: options.purpose ?? `dauys ${process.argv.slice(2, 4).join(' ')}`.trim(),
    openEngine: openPglite,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: embedded.pool }) });
  return {
    db,
    pool: embedded.pool,
    kind: 'pglite',
    socketPath: embedded.socketPath,
    close: async () => {
      // Kysely's destroy ends the pool; the embedded close then stops socket, engine and lock.
      await db.destroy();
      await embedded.closeAfterPool();
    },
  };
}

/** Fails fast, in one line naming host:port, when DATABASE_URL's server is not there. */
async function probeServer(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw connectionError(`${describeTarget(databaseUrl)} (DATABASE_URL)`, error) ?? error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Opens PGlite on a directory, creating the cluster first in a child process when the directory
 * holds none (see create-pglite-cluster.mjs: initdb's ~800 MB would otherwise stay with us).
 */
async function openPglite(dir: string): Promise<PGlite> {
  if (!existsSync(path.join(path.resolve(dir), 'PG_VERSION'))) {
    const script = path.join(PACKAGE_ROOT, 'src/store/create-pglite-cluster.mjs');
    await execFileAsync(process.execPath, [script, path.resolve(dir)]);
  }
  return PGlite.create(dir);
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; safe to run concurrently from several nodes (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
