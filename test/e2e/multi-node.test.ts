import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database';
import { runDauys, startDauys, type RunningDauys } from '../support/dauys-process';
import { FakeTelegramApi } from '../../src/simulation/fake-telegram-api';
import { testEnv } from '../support/start-test-server';
import { createThrowawayPostgresDatabase } from '../support/test-databases';
import { REPO_ROOT } from '../support/tiny-election';
import { auditPipeline } from './pipeline-audit';
import { auditTransparency, fetchPublishedLog } from './transparency-audit';
import {
  metricValue,
  publicVoterTally,
  runVoterLoad,
  sortedEntries,
  waitForDrain,
  SCRIPTED_LOAD_ENV,
} from './voter-load';

// Scale-out as docs/deploy.md describes it: one PostgreSQL, two `--role api` nodes taking the
// webhooks (the load spread over both, as a load balancer would) and one `--role worker`.
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl && process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set');

describe.runIf(adminUrl)('two API nodes and one worker on one PostgreSQL', () => {
  let fake: FakeTelegramApi;
  let dataDir: string;
  let dropDatabase: (() => Promise<void>) | undefined;
  let env: Record<string, string>;
  const nodes: RunningDauys[] = [];

  beforeAll(async () => {
    fake = await FakeTelegramApi.start();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-multi-'));
    const throwaway = await createThrowawayPostgresDatabase(adminUrl as string);
    dropDatabase = throwaway.drop;
    env = testEnv({
      fakeUrl: fake.url,
      dataDir,
      databaseUrl: throwaway.url,
      env: { ...SCRIPTED_LOAD_ENV, TELEGRAM_MAX_SENDS_PER_SECOND: '1000', LOG_LEVEL: 'warn' },
    });
    const migrated = await runDauys(['migrate'], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    // Every node is started with the same command line, as an operator would: the two API
    // nodes load the demo election concurrently, and that must not fail either.
    nodes.push(
      ...(await Promise.all([
        startDauys(['--demo', '--role', 'api'], env),
        startDauys(['--demo', '--role', 'api'], env),
      ])),
    );
  }, 180_000);

  afterAll(async () => {
    for (const node of nodes) if (node.child.exitCode === null) await node.stop();
    await fake?.close();
    await dropDatabase?.();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('tallies exactly and processes each update once, with replies sent once', async () => {
    const [api1, api2] = nodes as [RunningDauys, RunningDauys];
    const worker = await startWorkerProcess(env);
    const voters = 60;
    let turn = 0;
    const load = await runVoterLoad({
      voters,
      concurrency: 20,
      // Alternate nodes per request: a chat's updates arrive through both, as behind a balancer.
      target: () => (turn++ % 2 === 0 ? api1.url : api2.url),
    });
    await waitForDrain(api1.url);
    expect(sortedEntries(await publicVoterTally(api2.url))).toEqual(sortedEntries(load.groundTruth));
    // The worker's own counters are scrapeable although it serves no API.
    expect(await metricValue(worker.url, 'dauys_inbox_processed_total{outcome="done"}')).toBe(voters * 9);
    // The log as published by one node, fed by the worker: the same on the other node.
    const log = await fetchPublishedLog(api1.url);
    expect((await fetchPublishedLog(api2.url)).root).toBe(log.root);
    await worker.stop();

    const database = await openDatabase({ databaseUrl: env.DATABASE_URL as string, poolSize: 2 });
    const [audit, transparency] = await Promise.all([
      auditPipeline(database.db, load.acknowledged),
      auditTransparency(database.db, log),
    ]).finally(() => database.close());
    expect(transparency).toMatchObject({
      verified: true,
      missing: [],
      duplicated: [],
      unknown: [],
      leaksParticipant: false,
    });
    expect(transparency.size).toBeGreaterThanOrEqual(voters);
    expect(load.acknowledged).toHaveLength(voters * 9);
    expect(audit).toMatchObject({ missing: [], duplicated: [], notDone: 0, unsent: 0 });
    expect(audit.inboxRows).toBe(voters * 9);
    expect(audit.repliesPerVoter).toHaveLength(1);
    // With no crash, each reply reaches the Bot API exactly once: none is sent twice.
    const replyCalls = fake.calls.filter((call) =>
      ['sendMessage', 'editMessageText', 'answerCallbackQuery'].includes(call.method),
    );
    expect(replyCalls).toHaveLength(audit.outboxRows);
  }, 180_000);
});

/** `dauys start --role worker`: serves only /healthz and /metrics, on the address it prints. */
async function startWorkerProcess(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'bin/dauys.mjs'), 'start', '--role', 'worker'],
    {
      env: { ...process.env, ...env, LOG_LEVEL: 'info', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /dauys worker metrics on (\S+)/.exec(output);
      if (match?.[1] && output.includes('worker started')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
