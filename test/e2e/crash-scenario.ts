import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/store/database';
import { startDauys, type RunningDauys } from '../support/dauys-process';
import { FakeTelegramApi } from '../../src/simulation/fake-telegram-api';
import { testEnv } from '../support/start-test-server';
import { createThrowawayPostgresDatabase } from '../support/test-databases';
import { auditPipeline, type PipelineAudit } from './pipeline-audit';
import { auditTransparency, fetchPublishedLog, type TransparencyAudit } from './transparency-audit';
import { publicVoterTally, runVoterLoad, sortedEntries, waitForDrain, SCRIPTED_LOAD_ENV } from './voter-load';

export interface CrashScenarioOptions {
  database: 'pglite' | 'postgres';
  /** Needed for `postgres`: a throwaway database is made on this server and dropped after. */
  adminUrl?: string;
  voters: number;
  concurrency: number;
  /** SIGKILL the server when this many updates have been acknowledged (one kill per entry). */
  killAtAcknowledged: number[];
  deadlineMs?: number;
}

export interface CrashScenarioResult {
  kills: number;
  acknowledged: number;
  resent: number;
  completedVoters: number;
  groundTruth: Array<[string, number]>;
  tally: Array<[string, number]>;
  audit: PipelineAudit;
  /** The exported transparency log against the database: verified, every counted report once. */
  transparency: TransparencyAudit;
  /** Calls the fake Bot API received for replies (sendMessage, editMessageText, answerCallbackQuery). */
  replyCalls: number;
  seconds: number;
  /** Seconds spent: first start, load (with restarts), drain. */
  phases: { start: number; load: number; drain: number };
}

/**
 * The real `dauys start --demo` under a voter load, SIGKILLed at the given points and restarted
 * on the same data (PGlite on disk, or one PostgreSQL database), while the load re-sends what
 * was not acknowledged. Once the load is done and the pipeline drained, it reads the public
 * tally, stops the server cleanly and audits the inbox and outbox in the database.
 */
export async function runCrashScenario(options: CrashScenarioOptions): Promise<CrashScenarioResult> {
  const started = performance.now();
  const fake = await FakeTelegramApi.start();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-crash-load-'));
  const throwaway =
    options.database === 'postgres'
      ? await createThrowawayPostgresDatabase(requireAdminUrl(options.adminUrl))
      : undefined;
  // Sends are capped by Telegram in production; here the fake takes them as fast as they come.
  const env = testEnv({
    fakeUrl: fake.url,
    dataDir,
    databaseUrl: throwaway?.url,
    env: { ...SCRIPTED_LOAD_ENV, TELEGRAM_MAX_SENDS_PER_SECOND: '1000', LOG_LEVEL: 'warn' },
  });
  let server: RunningDauys = await startDauys(['--demo'], env);
  const startedUp = performance.now();
  let kills = 0;
  const pendingKills = [...options.killAtAcknowledged].sort((a, b) => a - b);
  let restarting: Promise<void> | undefined;
  const crashAndRestart = async () => {
    await server.kill();
    kills += 1;
    server = await startDauys(['--demo'], env);
  };
  try {
    const load = await runVoterLoad({
      voters: options.voters,
      concurrency: options.concurrency,
      target: () => server.url,
      deadlineMs: options.deadlineMs ?? 120_000,
      onAcknowledged: (count) => {
        if (restarting || pendingKills.length === 0 || count < pendingKills[0]!) return;
        pendingKills.shift();
        restarting = crashAndRestart().finally(() => (restarting = undefined));
      },
    });
    await restarting;
    const loaded = performance.now();
    await waitForDrain(server.url);
    const drained = performance.now();
    const tally = await publicVoterTally(server.url);
    const log = await fetchPublishedLog(server.url);
    await server.stop();
    const database = await openDatabase(
      throwaway ? { databaseUrl: throwaway.url, poolSize: 2 } : { pgliteDir: path.join(dataDir, 'pglite') },
    );
    const [audit, transparency] = await Promise.all([
      auditPipeline(database.db, load.acknowledged),
      auditTransparency(database.db, log),
    ]).finally(() => database.close());
    return {
      kills,
      acknowledged: load.acknowledged.length,
      resent: load.resent,
      completedVoters: load.completedVoters,
      groundTruth: sortedEntries(load.groundTruth),
      tally: sortedEntries(tally),
      audit,
      transparency,
      replyCalls: fake.calls.filter((call) =>
        ['sendMessage', 'editMessageText', 'answerCallbackQuery'].includes(call.method),
      ).length,
      seconds: (performance.now() - started) / 1000,
      phases: {
        start: (startedUp - started) / 1000,
        load: (loaded - startedUp) / 1000,
        drain: (drained - loaded) / 1000,
      },
    };
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) await server.kill();
    await fake.close();
    await throwaway?.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

function requireAdminUrl(url: string | undefined): string {
  if (!url) throw new Error('the postgres crash scenario needs a PostgreSQL admin URL');
  return url;
}
