import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/store/database';
import { tryLockDataDir } from '../../src/store/embedded/data-dir-lock';
import { startupMessage } from '../../src/store/embedded/wire-messages';

/**
 * The embedded database's one owner serves its engine on the data dir's Unix socket; other
 * clients take turns with the owner's own pool (a transaction holds the engine to its end).
 */
describe('PGlite served on the data dir socket', () => {
  let root: string;
  let dir: string;
  let owner: DatabaseHandle;
  const socketClient = (max = 1) =>
    new pg.Pool({ host: dir, port: 5432, user: 'postgres', database: 'postgres', max });

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-sock-'));
    dir = path.join(root, 'pglite');
    owner = await openDatabase({ pgliteDir: dir, whenHeld: 'refuse', purpose: 'test owner' });
    await owner.pool.query('create table counter (id int primary key, n int not null)');
    await owner.pool.query('insert into counter values (1, 0)');
    await owner.pool.query('create table items (id serial primary key, who text not null, v int not null)');
  }, 60_000);
  afterAll(async () => {
    await owner.close();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('makes the socket and the lock file readable by the owner only', async () => {
    expect(owner.socketPath).toBe(path.join(dir, '.s.PGSQL.5432'));
    expect((await fs.stat(path.join(dir, '.s.PGSQL.5432'))).mode & 0o777).toBe(0o600);
    const lock = JSON.parse(await fs.readFile(path.join(dir, '.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
  });

  it('refuses a second owner of the dir, naming the holder', async () => {
    await expect(openDatabase({ pgliteDir: dir, whenHeld: 'refuse' })).rejects.toThrow(
      /in use by this same process \(pid \d+\)/,
    );
  });

  it('serializes read-modify-write transactions of several socket clients and the owner', async () => {
    const pools = [owner.pool, socketClient(), socketClient(), socketClient()];
    const rounds = 15;
    await Promise.all(
      pools.map(async (pool) => {
        for (let i = 0; i < rounds; i += 1) {
          const client = await pool.connect();
          try {
            await client.query('begin');
            const { rows } = await client.query<{ n: number }>('select n from counter where id = $1', [1]);
            // Without turn-taking another session's update would land between the read and the write.
            await new Promise((resolve) => setImmediate(resolve));
            await client.query('update counter set n = $1 where id = 1', [(rows[0]?.n ?? 0) + 1]);
            await client.query('commit');
          } finally {
            client.release();
          }
        }
      }),
    );
    const { rows } = await owner.pool.query<{ n: number }>('select n from counter where id = 1');
    expect(rows[0]?.n).toBe(pools.length * rounds);
    await Promise.all(pools.slice(1).map((pool) => pool.end()));
  });

  it("keeps a client's rolled-back writes and errors to itself", async () => {
    const pool = socketClient();
    const client = await pool.connect();
    await client.query('begin');
    await client.query('insert into items (who, v) values ($1, $2)', ['socket', 1]);
    await expect(client.query('select * from no_such_table')).rejects.toThrow(/no_such_table/);
    await expect(client.query('select 1')).rejects.toThrow(/current transaction is aborted/);
    await client.query('rollback');
    // After the failed transaction the session is usable again, and so is the owner's.
    expect((await client.query('select 2 as two')).rows).toEqual([{ two: 2 }]);
    expect((await owner.pool.query('select count(*) as n from items')).rows).toEqual([{ n: 0 }]);
    client.release();
    await pool.end();
  });

  it('answers the extended protocol: parameters, named prepared statements, types, many rows', async () => {
    const pool = socketClient();
    await pool.query({
      name: 'add-item',
      text: 'insert into items (who, v) values ($1, $2)',
      values: ['x', 7],
    });
    await pool.query({
      name: 'add-item',
      text: 'insert into items (who, v) values ($1, $2)',
      values: ['y', 8],
    });
    const { rows } = await pool.query<{ who: string; v: number; at: Date }>(
      'select who, v, now() as at from items where v >= $1 order by v',
      [7],
    );
    expect(rows.map((r) => [r.who, r.v])).toEqual([
      ['x', 7],
      ['y', 8],
    ]);
    expect(rows[0]?.at).toBeInstanceOf(Date);
    const many = await pool.query<{ g: number }>('select g from generate_series(1, 20000) g');
    expect(many.rows.length).toBe(20000);
    expect(many.rows[19999]?.g).toBe(20000);
    await pool.end();
  });

  it('rolls back the open transaction of a client that disconnects, and frees the engine', async () => {
    const pool = socketClient();
    const client = await pool.connect();
    await client.query('begin');
    await client.query("insert into items (who, v) values ('gone', 99)");
    client.release(true); // destroys the connection mid-transaction
    await pool.end();
    // The owner gets its turn back, and the half-done insert is gone.
    const { rows } = await owner.pool.query("select count(*) as n from items where who = 'gone'");
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('makes the owner wait while a client holds a transaction, then sees its commit', async () => {
    const pool = socketClient();
    const client = await pool.connect();
    await client.query('begin');
    await client.query("insert into items (who, v) values ('held', 1)");
    let ownerDone = false;
    const ownerRead = owner.pool.query("select count(*) as n from items where who = 'held'").then((r) => {
      ownerDone = true;
      return r.rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ownerDone).toBe(false);
    await client.query('commit');
    expect(await ownerRead).toEqual([{ n: 1 }]);
    client.release();
    await pool.end();
  });

  it('answers an SSL request with N and the startup with AuthenticationOk', async () => {
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      const socket = net.connect(path.join(dir, '.s.PGSQL.5432'));
      let received = Buffer.alloc(0);
      socket.on('error', reject);
      socket.on('connect', () => {
        const ssl = Buffer.alloc(8);
        ssl.writeInt32BE(8, 0);
        ssl.writeInt32BE(80877103, 4);
        socket.write(ssl);
        socket.write(startupMessage('postgres', 'postgres'));
      });
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        // 'Z' 0 0 0 5 'I' closes the greeting.
        if (received.includes(Buffer.from([0x5a, 0, 0, 0, 5, 0x49]))) {
          socket.end(Buffer.from([0x58, 0, 0, 0, 4]));
          resolve(received);
        }
      });
    });
    expect(bytes.subarray(0, 1).toString()).toBe('N');
    expect(bytes[1]).toBe(0x52); // 'R'
    expect(bytes.readInt32BE(6)).toBe(0); // AuthenticationOk
  });

  it("reports a lock naming another live process's pid as held by it", async () => {
    const other = path.join(root, 'pglite-held');
    await fs.mkdir(other, { recursive: true });
    await fs.writeFile(
      path.join(other, '.lock'),
      JSON.stringify({ pid: process.ppid, purpose: 'dauys start' }),
    );
    const attempt = await tryLockDataDir(other, 'test');
    expect(attempt).toEqual({ heldBy: { pid: process.ppid, purpose: 'dauys start', startedAt: '' } });
  });

  it('takes over a lock whose pid is dead', async () => {
    const stale = path.join(root, 'pglite-stale');
    await fs.mkdir(stale, { recursive: true });
    await fs.writeFile(
      path.join(stale, '.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, purpose: 'killed' }),
    );
    const attempt = await tryLockDataDir(stale, 'test');
    expect('acquired' in attempt).toBe(true);
    if ('acquired' in attempt) await attempt.acquired.release();
    await expect(fs.stat(path.join(stale, '.lock'))).rejects.toThrow(/ENOENT/);
  });
});
