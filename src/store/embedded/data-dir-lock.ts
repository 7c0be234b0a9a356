import fs from 'node:fs/promises';
import path from 'node:path';

/** Who holds a data dir, as written in its lock file. */
export interface DataDirHolder {
  pid: number;
  /** What the holder runs, e.g. `dauys start --role api`. */
  purpose: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly lockPath: string;
  release(): Promise<void>;
}

export type LockAttempt = { acquired: DataDirLock } | { heldBy: DataDirHolder };

export const LOCK_FILE = '.lock';

/** Dirs this process holds: a second engine on the same files from inside one process is refused too. */
const heldHere = new Set<string>();

/**
 * Takes the exclusive lock on a PGlite data dir: a pid file `<dir>/.lock`, created with O_EXCL.
 * A lock whose pid is no longer alive (the holder was SIGKILLed, the machine rebooted) is stale
 * and taken over, so a crash never blocks the next start. A lock naming this very process's pid
 * is stale too: in a container the server is pid 1 on every start.
 *
 * @example
 * const attempt = await tryLockDataDir('./data/pglite', 'dauys start');
 * if ('heldBy' in attempt) console.error(`held by pid ${attempt.heldBy.pid}`);
 */
export async function tryLockDataDir(dir: string, purpose: string): Promise<LockAttempt> {
  const lockPath = path.join(path.resolve(dir), LOCK_FILE);
  if (heldHere.has(lockPath)) {
    return { heldBy: { pid: process.pid, purpose: 'this same process', startedAt: '' } };
  }
  await fs.mkdir(path.dirname(lockPath), { recursive: true });
  const mine: DataDirHolder = { pid: process.pid, purpose, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    // Written aside, then hard-linked into place: the lock appears whole or not at all, so a
    // reader never sees a half-written file and takes it for stale.
    const draft = `${lockPath}.${process.pid}`;
    await fs.writeFile(draft, `${JSON.stringify(mine)}\n`, { mode: 0o600 });
    try {
      await fs.link(draft, lockPath);
      heldHere.add(lockPath);
      return {
        acquired: {
          lockPath,
          release: async () => {
            heldHere.delete(lockPath);
            const current = await readHolder(lockPath);
            if (current?.pid === process.pid) await fs.rm(lockPath, { force: true });
          },
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await fs.rm(draft, { force: true });
    }
    const holder = await readHolder(lockPath);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) return { heldBy: holder };
    // Stale (dead pid, or a file cut short by a crash while it was written): take it over.
    await fs.rm(lockPath, { force: true });
  }
  const holder = await readHolder(lockPath);
  return { heldBy: holder ?? { pid: 0, purpose: 'unknown', startedAt: '' } };
}

/** The live holder of a data dir, if any (without taking the lock). */
export async function dataDirHolder(dir: string): Promise<DataDirHolder | undefined> {
  const holder = await readHolder(path.join(path.resolve(dir), LOCK_FILE));
  return holder && holder.pid !== process.pid && isAlive(holder.pid) ? holder : undefined;
}

async function readHolder(lockPath: string): Promise<DataDirHolder | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(lockPath, 'utf8')) as Partial<DataDirHolder>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return undefined;
    return {
      pid: parsed.pid,
      purpose: String(parsed.purpose ?? 'unknown'),
      startedAt: String(parsed.startedAt ?? ''),
    };
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
