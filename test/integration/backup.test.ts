import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DauysError } from '../../src/errors';
import { backupDatabase, restoreDatabase } from '../../src/store/backup';
import { ElectionService } from '../../src/services/election.service';
import { OfficialImportService } from '../../src/services/official-import.service';
import type { DatabaseHandle } from '../../src/store/database';
import { testDatabases, type TestDatabase } from '../support/test-databases';
import { writeTinyElection } from '../support/tiny-election';
import { TEST_ACTOR } from '../support/test-actor';

/** Every row of every public table (but Kysely's bookkeeping), as one comparable string. */
async function contents(database: DatabaseHandle): Promise<string> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
     order by table_name`.execute(database.db);
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await sql<{
      r: string;
    }>`select row_to_json(t)::text as r from ${sql.table(name)} t`.execute(database.db);
    parts.push(
      `${name}:${rows
        .map((row) => row.r)
        .sort()
        .join('\n')}`,
    );
  }
  return parts.join('\n#\n');
}

async function seed(database: DatabaseHandle): Promise<void> {
  const elections = new ElectionService(database.db);
  const tiny = await writeTinyElection();
  await elections.loadFile(tiny.electionFile);
  const mapping = await tiny.write(
    'mapping.json',
    JSON.stringify({
      precinct: 'uik',
      lines: { '1': 'reg', '4': 'took' },
      choices: { 'nur-otan': 'no', 'ak-zhol': 'az' },
    }),
  );
  const official = await tiny.write(
    'official.csv',
    'uik,reg,took,no,az\np1,1000,600,400,150\np4,800,500,300,200\n',
  );
  await new OfficialImportService(database.db, elections).importFile(
    TEST_ACTOR,
    'tiny-2021',
    official,
    mapping,
  );
}

const databases = testDatabases();
const pairs: Array<[string, TestDatabase, TestDatabase]> = databases.flatMap((from) =>
  databases.map((to) => [`${from.name} → ${to.name}`, from, to] as [string, TestDatabase, TestDatabase]),
);

describe.each(pairs)('backup and restore, %s', (_name, from, to) => {
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-backup-'));
    [source, target] = await Promise.all([from.open(), to.open()]);
    await seed(source);
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('restores exactly what was backed up, and new rows get fresh ids', async () => {
    const file = path.join(dir, 'round-trip.backup.gz');
    const backedUp = await backupDatabase(source.pool, file);
    expect(backedUp.rows).toBeGreaterThan(10);
    const restored = await restoreDatabase(target.pool, file);
    expect(restored.rows).toBe(backedUp.rows);
    expect(await contents(target)).toBe(await contents(source));
    // Sequences moved past the restored ids: a new import gets the next id, not a collision.
    const next = await target.db
      .insertInto('imports')
      .values({ election_id: 1, kind: 'official', source: 'x', rows: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const max = await source.db
      .selectFrom('imports')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow();
    expect(next.id).toBe(Number(max.max) + 1);
  });

  it('refuses to restore over data, and refuses damaged or foreign files, changing nothing', async () => {
    const file = path.join(dir, 'again.backup.gz');
    await backupDatabase(source.pool, file);
    const before = await contents(target);
    await expect(restoreDatabase(target.pool, file)).rejects.toMatchObject({ code: 'DAUYS_ERR_CONFLICT' });
    const foreign = path.join(dir, 'foreign.gz');
    await fs.writeFile(foreign, zlib.gzipSync('{"hello":"world"}\n'));
    await expect(restoreDatabase(target.pool, foreign)).rejects.toBeInstanceOf(DauysError);
    const notGzip = path.join(dir, 'plain.txt');
    await fs.writeFile(notGzip, 'not a backup');
    await expect(restoreDatabase(target.pool, notGzip)).rejects.toMatchObject({
      code: 'DAUYS_ERR_VALIDATION',
    });
    expect(await contents(target)).toBe(before);
  });
});
