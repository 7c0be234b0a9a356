/**
 * bench/multi-node — scale-out as docs/deploy.md describes it: one PostgreSQL, two
 * `dauys start --role api` nodes taking the webhooks (each chat's updates alternate between
 * them, as behind a load balancer) and one `--role worker`. Complete voter conversations are
 * posted; then it checks the public tally equals the ground truth, every acknowledged update is
 * stored and processed once, every reply is sent once, and the exported transparency log
 * verifies against its published root with every counted vote exactly once.
 *
 *   npx tsx bench/multi-node.ts [--voters 200] [--concurrency 32] [--json]
 *
 * Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL): a throwaway database is made and dropped.
 * Loopback only, bounded (the load gives up after 5 minutes). The CI form is
 * test/e2e/multi-node.test.ts. Exit code 1 if any check fails.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/store/database';
import { auditPipeline } from '../test/e2e/pipeline-audit';
import { auditTransparency, fetchPublishedLog } from '../test/e2e/transparency-audit';
import {
  publicVoterTally,
  runVoterLoad,
  sortedEntries,
  waitForDrain,
  SCRIPTED_LOAD_ENV,
} from '../test/e2e/voter-load';
import { runDauys, startDauys } from '../test/support/dauys-process';
import { FakeTelegramApi } from '../src/simulation/fake-telegram-api';
import { testEnv } from '../test/support/start-test-server';
import { createThrowawayPostgresDatabase } from '../test/support/test-databases';
import { REPO_ROOT } from '../test/support/tiny-election';

const { values: args } = parseArgs({
  options: {
    voters: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '32' },
    json: { type: 'boolean', default: false },
  },
});
const voters = Number(args.voters);
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  process.stderr.write('bench/multi-node needs BENCH_DATABASE_URL or TEST_DATABASE_URL (PostgreSQL)\n');
  process.exit(2);
}

const started = performance.now();
const fake = await FakeTelegramApi.start();
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-multi-bench-'));
const throwaway = await createThrowawayPostgresDatabase(adminUrl);
const env = testEnv({
  fakeUrl: fake.url,
  dataDir,
  databaseUrl: throwaway.url,
  env: { ...SCRIPTED_LOAD_ENV, TELEGRAM_MAX_SENDS_PER_SECOND: '1000', LOG_LEVEL: 'warn' },
});
const worker = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/dauys.mjs'), 'start', '--role', 'worker'], {
  env: { ...process.env, ...env, PORT: '0' },
  stdio: 'ignore',
});
const workerExited = new Promise((resolve) => worker.once('exit', resolve));
const nodes = [];
try {
  const migrated = await runDauys(['migrate'], env);
  if (migrated.code !== 0) throw new Error(`dauys migrate failed: ${migrated.stderr}`);
  nodes.push(
    ...(await Promise.all([
      startDauys(['--demo', '--role', 'api'], env),
      startDauys(['--demo', '--role', 'api'], env),
    ])),
  );
  const [api1, api2] = nodes as [(typeof nodes)[number], (typeof nodes)[number]];
  let turn = 0;
  process.stderr.write(`multi-node: 2 api + 1 worker, ${voters} voters, ${args.concurrency} at once…\n`);
  const loadStarted = performance.now();
  const load = await runVoterLoad({
    voters,
    concurrency: Number(args.concurrency),
    target: () => (turn++ % 2 === 0 ? api1.url : api2.url),
    deadlineMs: 300_000,
  });
  await waitForDrain(api1.url, 300_000);
  const endToEndSeconds = (performance.now() - loadStarted) / 1000;
  const tally = sortedEntries(await publicVoterTally(api2.url));
  const groundTruth = sortedEntries(load.groundTruth);
  const log = await fetchPublishedLog(api1.url);
  const otherRoot = (await fetchPublishedLog(api2.url)).root;
  const database = await openDatabase({ databaseUrl: throwaway.url, poolSize: 2 });
  const [audit, transparency] = await Promise.all([
    auditPipeline(database.db, load.acknowledged),
    auditTransparency(database.db, log),
  ]).finally(() => database.close());
  const replyCalls = fake.calls.filter((call) =>
    ['sendMessage', 'editMessageText', 'answerCallbackQuery'].includes(call.method),
  ).length;

  const problems: string[] = [];
  if (load.completedVoters !== voters) problems.push(`${load.completedVoters}/${voters} voters completed`);
  if (JSON.stringify(tally) !== JSON.stringify(groundTruth)) problems.push('tally differs from ground truth');
  if (audit.missing.length > 0) problems.push(`${audit.missing.length} acknowledged updates missing`);
  if (audit.duplicated.length > 0) problems.push(`${audit.duplicated.length} updates stored twice`);
  if (audit.notDone > 0) problems.push(`${audit.notDone} inbox rows not processed`);
  if (audit.repliesPerVoter.length !== 1) problems.push('replies per voter differ (an update ran twice)');
  if (audit.unsent > 0) problems.push(`${audit.unsent} replies not sent`);
  if (replyCalls !== audit.outboxRows)
    problems.push(`${replyCalls} API calls for ${audit.outboxRows} replies`);
  if (!transparency.verified) problems.push('transparency log does not verify');
  if (otherRoot !== log.root) problems.push('the two API nodes publish different roots');
  if (transparency.missing.length + transparency.duplicated.length + transparency.unknown.length > 0)
    problems.push('transparency log does not hold every counted vote exactly once');
  if (transparency.leaksParticipant) problems.push('a voter key appears in the published log');

  const row = {
    nodes: '2 api + 1 worker',
    voters,
    acknowledged: load.acknowledged.length,
    'updates/s e2e': Math.round(load.acknowledged.length / endToEndSeconds),
    tally: tally.reduce((sum, [, count]) => sum + count, 0),
    'ground truth': groundTruth.reduce((sum, [, count]) => sum + count, 0),
    replies: audit.outboxRows,
    'API calls': replyCalls,
    'log records': transparency.size,
    seconds: Math.round((performance.now() - started) / 1000),
    verdict: problems.length === 0 ? 'ok' : problems.join('; '),
  };
  if (args.json) console.log(JSON.stringify([row]));
  else console.table([row]);
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  for (const node of nodes) await node.stop();
  worker.kill('SIGTERM');
  await workerExited;
  await fake.close();
  await throwaway.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
