import net from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { connectionError, dataDirInUse } from '../database-errors';
import { DauysError } from '../../errors';
import { tryLockDataDir, isAlive, type DataDirHolder } from './data-dir-lock';
import { gatedEngine } from './gated-engine';
import { PgliteSessionGate } from './pglite-session-gate';
import { servePgliteOnSocket, type PgliteSocketServer } from './pglite-socket-server';

/** PostgreSQL's own name for a server's socket in its directory: `psql "host=<dir>"` finds it. */
export const SOCKET_FILE = '.s.PGSQL.5432';
/** sun_path is 108 bytes on Linux (104 on macOS), the terminating NUL included. */
const MAX_SOCKET_PATH_BYTES = 103;
/** A holder that is still starting (initdb, migrations) gets this long to open its socket. */
const SOCKET_WAIT_MS = 60_000;

export interface EmbeddedPool {
  pool: pg.Pool;
  /** 'owner': this process runs the engine (and serves it); 'client': it goes through the owner's socket. */
  role: 'owner' | 'client';
  /** The socket this process serves, when it is the owner and the path fits. */
  socketPath?: string;
  /** Stops what the pool ran on (socket, engine, lock); call it after the pool has ended. */
  closeAfterPool(): Promise<void>;
}

export interface OpenEmbeddedOptions {
  whenHeld: 'connect' | 'refuse';
  purpose: string;
  openEngine: (dir: string) => Promise<PGlite>;
}

/**
 * Opens a PGlite data dir as its one owner (lock, engine, socket) or, when another live process
 * owns it, as a client of that owner's socket — or refuses, for a second server.
 */
export async function openEmbedded(dir: string, options: OpenEmbeddedOptions): Promise<EmbeddedPool> {
  const absolute = path.resolve(dir);
  // A holder that dies while we wait for its socket leaves the dir to us: try again, a few times.
  for (let attempt = 0; ; attempt += 1) {
    const lock = await tryLockDataDir(absolute, options.purpose);
    if ('acquired' in lock) {
      try {
        return await openAsOwner(absolute, options, () => lock.acquired.release());
      } catch (error) {
        await lock.acquired.release();
        throw error;
      }
    }
    if (options.whenHeld === 'refuse' || attempt >= 2) throw dataDirInUse(dir, lock.heldBy);
    const pool = await connectToOwner(absolute, lock.heldBy);
    if (pool) return { pool, role: 'client', closeAfterPool: async () => undefined };
  }
}

async function openAsOwner(
  dir: string,
  options: OpenEmbeddedOptions,
  releaseLock: () => Promise<void>,
): Promise<EmbeddedPool> {
  const pglite = await options.openEngine(dir);
  const gate = new PgliteSessionGate();
  const socketPath = path.join(dir, SOCKET_FILE);
  let socket: PgliteSocketServer | undefined;
  try {
    if (Buffer.byteLength(socketPath) <= MAX_SOCKET_PATH_BYTES) {
      socket = await servePgliteOnSocket(pglite, gate, socketPath);
    }
  } catch (error) {
    await pglite.close();
    throw error;
  }
  // The server's own pool is one session of the gate, like each socket client.
  const pool = new pg.Pool(createPgConfig(gatedEngine(pglite, gate, {})) as pg.PoolConfig);
  return {
    pool,
    role: 'owner',
    socketPath: socket?.socketPath,
    closeAfterPool: async () => {
      await socket?.close();
      await pglite.close();
      await releaseLock();
    },
  };
}

/**
 * A pool on the owner's socket, once it answers; undefined when the owner died meanwhile (the
 * caller then takes the dir itself).
 */
async function connectToOwner(dir: string, holder: DataDirHolder): Promise<pg.Pool | undefined> {
  const socketPath = path.join(dir, SOCKET_FILE);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES) {
    throw new DauysError(
      'DAUYS_ERR_DATA_DIR_IN_USE',
      `the database in ${dir} is in use by ${holder.purpose} (pid ${holder.pid}), and its path is too long ` +
        `for a socket (${Buffer.byteLength(socketPath)} bytes, at most ${MAX_SOCKET_PATH_BYTES}): stop it first, or use a shorter DAUYS_DATA_DIR`,
    );
  }
  const deadline = Date.now() + SOCKET_WAIT_MS;
  for (;;) {
    const error = await probeSocket(socketPath);
    if (!error) break;
    if (!isAlive(holder.pid)) return undefined;
    if (Date.now() > deadline) {
      throw (
        connectionError(`${socketPath} (the socket of ${holder.purpose}, pid ${holder.pid})`, error) ??
        new DauysError(
          'DAUYS_ERR_DATABASE_UNREACHABLE',
          `cannot reach the database at ${socketPath}: ${String(error)}`,
        )
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // One connection: a command is one session of the engine, like the server's own pool.
  const pool = new pg.Pool({ host: dir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
  pool.on('error', () => undefined);
  return pool;
}

function probeSocket(socketPath: string): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(undefined);
    });
    probe.once('error', (error) => resolve(error));
  });
}
