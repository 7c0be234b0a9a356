import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import type pg from 'pg';
import { DauysError, invalidInput } from '../errors';

/**
 * Logical backups: every table's rows as JSON lines, gzipped, with the list of migrations the
 * schema was at. The same file restores into PGlite or PostgreSQL (so it also moves a demo that
 * grew up onto a server), and it needs no `pg_dump` on the machine.
 */
export const BACKUP_FORMAT = 'dauys-backup';
const BACKUP_VERSION = 1;
const BATCH_ROWS = 2000;
/** Kysely's own bookkeeping is recreated by migrating; it is checked, not copied. */
const SKIPPED_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

/** Tables of the public schema, parents before children (by foreign keys), so a restore can insert in order. */
async function tablesInDependencyOrder(client: pg.PoolClient): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
  );
  const names = tables.map((t) => t.name).filter((name) => !SKIPPED_TABLES.has(name));
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const edge of edges) if (edge.child === name && edge.parent !== name) visit(edge.parent);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered.filter((name) => names.includes(name));
}

async function appliedMigrations(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>('select name from kysely_migration order by name');
  return rows.map((row) => row.name);
}

/**
 * Writes a consistent backup (one REPEATABLE READ snapshot) to `file`.
 *
 * @example
 * await backupDatabase(app.database.pool, 'dauys-2021-01-10.backup.gz');
 */
export async function backupDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  const client = await pool.connect();
  const gzip = zlib.createGzip();
  const done = pipeline(gzip, fs.createWriteStream(file));
  const write = async (value: unknown) => {
    if (!gzip.write(JSON.stringify(value) + '\n')) await once(gzip, 'drain');
  };
  let rows = 0;
  try {
    await client.query('begin isolation level repeatable read read only');
    const tables = await tablesInDependencyOrder(client);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(client),
      tables,
    };
    await write(header);
    for (const table of tables) {
      // A cursor keeps memory flat on a million-row table; row_to_json keeps every type exact.
      await client.query(
        `declare backup_cursor no scroll cursor for select row_to_json(t)::text as r from "${table}" t`,
      );
      for (;;) {
        const { rows: batch } = await client.query<{ r: string }>(`fetch ${BATCH_ROWS} from backup_cursor`);
        if (batch.length === 0) break;
        await write({ table, rows: batch.map((row) => JSON.parse(row.r) as unknown) });
        rows += batch.length;
      }
      await client.query('close backup_cursor');
    }
    await client.query('commit');
    gzip.end();
    await done;
    return { tables: tables.length, rows };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    gzip.destroy();
    await done.catch(() => undefined);
    fs.rmSync(file, { force: true });
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Restores a backup into a migrated, EMPTY database in one transaction: a bad or foreign file,
 * a schema at other migrations, or a database that already holds data is refused and nothing changes.
 */
export async function restoreDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  if (!fs.existsSync(file))
    throw invalidInput(`cannot read ${file}`, [{ where: file, message: 'no such file' }]);
  const lines = gunzippedLines(file);
  const client = await pool.connect();
  let header: BackupHeader | undefined;
  let rows = 0;
  const touched = new Set<string>();
  try {
    await client.query('begin');
    // Rows are restored as they were: triggers that derive data on insert must not run twice.
    // (Needs superuser, as PGlite and a typical restore have; otherwise triggers simply run.)
    await client.query('savepoint replica_role');
    await client
      .query(`set local session_replication_role = replica`)
      .catch(() => client.query('rollback to savepoint replica_role'));
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      const entry = parseLine(line, file, lineNumber);
      if (!header) {
        header = checkHeader(entry, file);
        await checkTarget(client, header, file);
        continue;
      }
      const { table, rows: batch } = entry as { table?: unknown; rows?: unknown };
      if (typeof table !== 'string' || !header.tables.includes(table) || !Array.isArray(batch)) {
        throw invalidInput(`${file} is damaged`, [
          { where: `${file}:${lineNumber}`, message: 'not a table batch of this backup' },
        ]);
      }
      await client.query(
        `insert into "${table}" overriding system value select * from json_populate_recordset(null::"${table}", $1::json)`,
        [JSON.stringify(batch)],
      );
      touched.add(table);
      rows += batch.length;
    }
    if (!header) throw invalidInput(`${file} is empty`, [{ where: file, message: 'no backup header' }]);
    for (const table of touched) await resetSequences(client, table);
    await client.query('commit');
    return { tables: header.tables.length, rows };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    if (error instanceof DauysError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      throw invalidInput(`${file} is not a Dauys backup`, [{ where: file, message: 'not gzip data' }]);
    }
    throw error;
  } finally {
    client.release();
    await lines.return(undefined);
  }
}

/** Lines of a gzipped file; unlike readline over piped streams, a corrupt file rejects instead of hanging. */
async function* gunzippedLines(file: string): AsyncGenerator<string, void, undefined> {
  const gunzip = zlib.createGunzip();
  const source = fs.createReadStream(file);
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  // A chunk may end inside a multi-byte character (Cyrillic names): decode across chunks.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) if (part) yield part;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

function parseLine(line: string, file: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw invalidInput(`${file} is damaged`, [
      { where: `${file}:${lineNumber}`, message: 'not a JSON line' },
    ]);
  }
}

function checkHeader(entry: unknown, file: string): BackupHeader {
  const header = entry as Partial<BackupHeader>;
  if (
    header?.format !== BACKUP_FORMAT ||
    header.version !== BACKUP_VERSION ||
    !Array.isArray(header.tables)
  ) {
    throw invalidInput(`${file} is not a Dauys backup`, [
      {
        where: `${file}:1`,
        message: `expected a header with format "${BACKUP_FORMAT}" version ${BACKUP_VERSION}`,
      },
    ]);
  }
  return header as BackupHeader;
}

async function checkTarget(client: pg.PoolClient, header: BackupHeader, file: string): Promise<void> {
  const migrations = await appliedMigrations(client);
  if (migrations.join() !== header.migrations.join()) {
    throw invalidInput(`${file} was made at another schema version`, [
      {
        where: `${file}:1`,
        message: `backup has migrations [${header.migrations.join(', ')}], database has [${migrations.join(', ')}]`,
      },
    ]);
  }
  for (const table of header.tables) {
    const { rows } = await client.query<{ any: boolean }>(`select exists (select 1 from "${table}") as any`);
    if (rows[0]?.any) {
      throw new DauysError(
        'DAUYS_ERR_CONFLICT',
        `refusing to restore into a database that holds data (table ${table})`,
      );
    }
  }
}

/** Serial ids continue after the restored rows instead of colliding with them. */
async function resetSequences(client: pg.PoolClient, table: string): Promise<void> {
  const { rows } = await client.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and (column_default like 'nextval(%' or is_identity = 'YES')`,
    [table],
  );
  for (const { column_name: column } of rows) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${column}") from "${table}"), 1),
              (select max("${column}") is not null from "${table}"))`,
      [`public."${table}"`, column],
    );
  }
}
