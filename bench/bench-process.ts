/**
 * What the black-box benches share about the server processes they start (bench/election-night,
 * bench/sms): spawning one and waiting for the address it prints, its CPU time and peak RSS from
 * Linux /proc, and killing every child whatever happens to the bench.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DEMO_ELECTION_FILE } from '../src/cli/paths';
import { parseElectionDefinition, type ElectionDefinition } from '../src/domain/election/election-definition';

/** The `dauys` command as a user runs it. */
export const DAUYS_BIN = path.resolve(import.meta.dirname, '..', 'bin/dauys.mjs');
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

// --- children: every server process a bench starts, killed whatever happens ---------------

const children = new Set<ChildProcess>();
const killAll = () => {
  for (const child of children) child.kill('SIGKILL');
};
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });

export interface Server {
  url: string;
  /** Every address the ready pattern captured (the first is `url`). */
  urls: string[];
  pid: number;
  stop(): Promise<void>;
}

/** Spawns `node <argv>` and resolves once its output matches `ready` (capturing the URLs it prints). */
export function spawnServer(argv: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 180_000) {
  return new Promise<Server>((resolve, reject) => {
    const child = spawn(process.execPath, argv, { env: { ...process.env, ...env }, stdio: 'pipe' });
    children.add(child);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
      const match = ready.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          urls: match.slice(1),
          pid: child.pid!,
          stop: async () => {
            child.kill('SIGTERM');
            const forced = setTimeout(() => child.kill('SIGKILL'), 20_000);
            await exited;
            clearTimeout(forced);
          },
        });
      }
    };
    const exited = new Promise<void>((done) =>
      child.once('exit', () => {
        children.delete(child);
        clearTimeout(timer);
        reject(new Error(`${argv.join(' ')} exited before it was ready:\n${output}`));
        done();
      }),
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${argv.join(' ')} was not ready within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
  });
}

/** CPU time of a process and its waited-for children, in ms (Linux /proc). */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? NaN), 0);
  return (ticks * 1000) / CLOCK_TICKS;
}

export async function peakRssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

// --- what the benches run against ---------------------------------------------------------------

export type BenchDatabase = 'pglite' | 'postgres';

/** The options every black-box bench takes (node:util parseArgs form). */
export const BLACK_BOX_OPTIONS = {
  concurrency: { type: 'string', default: '32' },
  db: { type: 'string', default: 'both' },
  'max-seconds': { type: 'string', default: '300' },
  json: { type: 'boolean', default: false },
} as const;

/**
 * The databases `--db pglite|postgres|both` names, and the PostgreSQL server's admin URL
 * (BENCH_DATABASE_URL or TEST_DATABASE_URL, for throwaway databases); `both` without a URL is
 * PGlite alone, `postgres` without one exits.
 */
export function benchDatabases(
  db: string | undefined,
  bench: string,
): { databases: BenchDatabase[]; postgresUrl: string | undefined } {
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (db === 'postgres' && !postgresUrl) {
    process.stderr.write(`${bench}: --db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL\n`);
    process.exit(2);
  }
  const databases = (db === 'both' ? ['pglite', 'postgres'] : [db]).filter(
    (each) => each === 'pglite' || (each === 'postgres' && postgresUrl),
  ) as BenchDatabase[];
  return { databases, postgresUrl };
}

/** The election `dauys start --demo` loads. */
export async function readDemoElection(): Promise<ElectionDefinition> {
  return parseElectionDefinition(
    JSON.parse(await fs.readFile(DEMO_ELECTION_FILE, 'utf8')) as unknown,
    DEMO_ELECTION_FILE,
  );
}
