/**
 * bench/ingest — webhook ingest: Telegram-shaped updates posted to the real `dauys start
 * --role api` (a child process: its own event loop, like production) until they are committed
 * to the inbox and acknowledged, on PGlite (on disk) and PostgreSQL; and in the same run the
 * floor — a bare Fastify route doing one plain INSERT into the same kind of database — so the
 * ratio to the floor stays comparable on a noisy machine.
 *
 *   npx tsx bench/ingest.ts [--db pglite|postgres|both] [--concurrency 64] [--max-updates 40000]
 *                           [--seconds 8] [--paced-rate 1000] [--paced-seconds 5] [--json]
 *
 * PostgreSQL runs when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set (throwaway databases,
 * dropped after). Loopback only, bounded in count and time. Targets (issue 9, 2 cores):
 * ≥ 5,000/s on PostgreSQL, ≥ 2,500/s on PGlite, ≥ 60% of the floor, p99 < 50 ms at 1,000/s,
 * peak RSS < 1 GB.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDauys } from '../test/support/dauys-process';
import { TEST_TELEGRAM, testEnv } from '../test/support/start-test-server';
import { telegramUpdates, telegramUser } from '../src/simulation/telegram-updates';
import { createThrowawayPostgresDatabase } from '../test/support/test-databases';
import { LoadClient } from './load-client';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    concurrency: { type: 'string', default: '64' },
    'max-updates': { type: 'string', default: '40000' },
    seconds: { type: 'string', default: '8' },
    'paced-rate': { type: 'string', default: '1000' },
    'paced-seconds': { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});
const CONCURRENCY = Number(args.concurrency);
const LOOP = {
  concurrency: CONCURRENCY,
  maxRequests: Number(args['max-updates']),
  maxSeconds: Number(args.seconds),
};
const PACED = { rate: Number(args['paced-rate']), seconds: Number(args['paced-seconds']) };

export interface IngestRow {
  database: 'pglite' | 'postgres';
  updatesPerSecond: number;
  floorPerSecond: number;
  ratio: number;
  pacedP50: number;
  pacedP99: number;
  peakRssMb: number;
  failed: number;
}

/**
 * Bodies with increasing update ids from 10,000 different users (a realistic spread of chats),
 * made before the clock starts so that the load generator spends its CPU on sending only.
 */
function updateBodies(): (index: number) => string {
  const updates = telegramUpdates({ firstUpdateId: 1 });
  const made = Array.from({ length: LOOP.maxRequests + Math.ceil(PACED.rate * PACED.seconds) }, (_, index) =>
    JSON.stringify(updates.text(telegramUser(800_000_000 + (index % 10_000)), `message ${index}`)),
  );
  return (index) => made[index]!;
}

/** Peak resident set (VmHWM) of a child process, in MB: Linux only. */
async function peakRssMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) return NaN;
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

async function measureFloor(database: 'pglite' | 'postgres', databaseUrl: string | undefined, dir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'ingest-floor-server.ts')],
    {
      env: {
        ...process.env,
        FLOOR_PGLITE_DIR: path.join(dir, 'floor-pglite'),
        DATABASE_URL: databaseUrl ?? '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`floor server (${database}) did not start`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /floor listening on (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  const client = new LoadClient(`${url}/floor`, {}, CONCURRENCY);
  try {
    return (await client.closedLoop(updateBodies(), LOOP)).perSecond;
  } finally {
    client.close();
    child.kill('SIGTERM');
    await exited;
  }
}

async function measureIngest(databaseUrl: string | undefined, dir: string) {
  // No fake Bot API is needed: an API node only stores; nothing is sent.
  const env = testEnv({
    fakeUrl: 'http://127.0.0.1:9',
    dataDir: path.join(dir, 'dauys'),
    databaseUrl,
    env: { LOG_LEVEL: 'warn' },
  });
  const server = await startDauys(['--role', 'api'], env);
  const client = new LoadClient(
    `${server.url}/webhooks/telegram/voter`,
    { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM.webhookSecret },
    CONCURRENCY,
  );
  try {
    const bodies = updateBodies();
    const loop = await client.closedLoop(bodies, LOOP);
    // Fresh update ids for the paced run, so it stores rather than finds duplicates.
    const paced = await client.paced((index) => bodies(LOOP.maxRequests + index), PACED);
    const rss = await peakRssMb(server.child.pid);
    return {
      perSecond: loop.perSecond,
      failed: loop.failed + paced.failed,
      p50: paced.p50,
      p99: paced.p99,
      rss,
    };
  } finally {
    client.close();
    await server.stop();
  }
}

async function benchOne(database: 'pglite' | 'postgres', adminUrl?: string): Promise<IngestRow> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-ingest-'));
  const floorDb = adminUrl ? await createThrowawayPostgresDatabase(adminUrl) : undefined;
  const appDb = adminUrl ? await createThrowawayPostgresDatabase(adminUrl) : undefined;
  try {
    const floor = await measureFloor(database, floorDb?.url, dir);
    const ingest = await measureIngest(appDb?.url, dir);
    return {
      database,
      updatesPerSecond: ingest.perSecond,
      floorPerSecond: floor,
      ratio: ingest.perSecond / floor,
      pacedP50: ingest.p50,
      pacedP99: ingest.p99,
      peakRssMb: ingest.rss,
      failed: ingest.failed,
    };
  } finally {
    await floorDb?.drop();
    await appDb?.drop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const targets = (args.db === 'both' ? ['pglite', 'postgres'] : [args.db]).filter(
  (target) => target === 'pglite' || (target === 'postgres' && postgresUrl),
) as Array<'pglite' | 'postgres'>;
const rows: IngestRow[] = [];
for (const target of targets) {
  process.stderr.write(
    `ingest: ${target}, ${CONCURRENCY} clients, ≤ ${LOOP.maxRequests} updates / ${LOOP.maxSeconds} s…\n`,
  );
  rows.push(await benchOne(target, target === 'postgres' ? postgresUrl : undefined));
}
if (args.json) {
  console.log(JSON.stringify(rows));
} else {
  const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  console.log(
    `\ningest bench (${os.cpus().length} cores, Node ${process.version}; webhook → inbox commit → 200)`,
  );
  console.table(
    rows.map((row) => ({
      database: row.database,
      'updates/s': Math.round(row.updatesPerSecond),
      'floor/s': Math.round(row.floorPerSecond),
      'of floor': `${Math.round(row.ratio * 100)}%`,
      [`p50 ms @${PACED.rate}/s`]: fixed(row.pacedP50),
      [`p99 ms @${PACED.rate}/s`]: fixed(row.pacedP99),
      'peak RSS MB': Math.round(row.peakRssMb),
      'non-2xx': row.failed,
    })),
  );
}
