import crypto from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/store/database';

/**
 * The databases an integration suite runs on: PGlite always; PostgreSQL when
 * `TEST_DATABASE_URL` is set. Under `CI=true` a missing PostgreSQL is a failure, not a skip.
 *
 * @example
 * describe.each(testDatabases())('elections on $name', ({ open }) => { … });
 */
export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated, empty database of its own (a new PostgreSQL database per call). */
  open(): Promise<DatabaseHandle>;
}

export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error(
      'CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suite cannot run (see .ci/run)',
    );
  }
  const databases: TestDatabase[] = [{ name: 'pglite', open: openTestPglite }];
  if (url) databases.push({ name: 'postgres', open: () => openTestPostgres(url) });
  return databases;
}

export async function openTestPglite(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  await migrateToLatest(handle.db);
  return handle;
}

/** Creates a throwaway database on the server and drops it on close. */
export async function openTestPostgres(adminUrl: string): Promise<DatabaseHandle> {
  const { url, drop } = await createThrowawayPostgresDatabase(adminUrl);
  const handle = await openDatabase({ databaseUrl: url, poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

export async function createThrowawayPostgresDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dauys_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
