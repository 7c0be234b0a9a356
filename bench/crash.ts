/**
 * bench/crash — the crash test's long form: the real `dauys start --demo` under a voter load is
 * SIGKILLed `--kills` times and restarted on the same data while the load re-sends whatever was
 * not acknowledged (as Telegram does); then it checks every acknowledged update is stored and
 * processed once, the public tally equals the ground truth, and no reply is stuck in the outbox.
 *
 *   npx tsx bench/crash.ts [--db pglite|postgres|both] [--voters 400] [--concurrency 32] [--kills 5] [--json]
 *
 * PostgreSQL runs when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. Exit code 1 if any check
 * fails. The CI form is test/e2e/crash-under-load.test.ts.
 */
import { parseArgs } from 'node:util';
import { runCrashScenario, type CrashScenarioResult } from '../test/e2e/crash-scenario';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    voters: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '32' },
    kills: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
  },
});
const voters = Number(args.voters);
const kills = Number(args.kills);
const updates = voters * 9;
// Kills spread evenly over the first 80% of the load, so the last restart still sees traffic.
const killAt = Array.from({ length: kills }, (_, i) => Math.round(((i + 1) * 0.8 * updates) / (kills + 1)));

/** Every check of the CI test, as named failures. */
function failures(result: CrashScenarioResult): string[] {
  const found: string[] = [];
  const { audit } = result;
  if (result.kills !== kills) found.push(`${result.kills} kills instead of ${kills}`);
  if (result.completedVoters !== voters) found.push(`${result.completedVoters}/${voters} voters completed`);
  if (audit.missing.length > 0) found.push(`${audit.missing.length} acknowledged updates missing`);
  if (audit.duplicated.length > 0) found.push(`${audit.duplicated.length} updates stored twice`);
  if (audit.inboxRows !== updates) found.push(`${audit.inboxRows} inbox rows for ${updates} updates`);
  if (audit.notDone > 0) found.push(`${audit.notDone} inbox rows not processed`);
  if (audit.repliesPerVoter.length !== 1)
    found.push(`replies per voter differ: ${audit.repliesPerVoter.join(',')}`);
  if (audit.unsent > 0) found.push(`${audit.unsent} replies not sent`);
  if (result.replyCalls < audit.outboxRows)
    found.push(`${result.replyCalls} API calls for ${audit.outboxRows} replies`);
  if (JSON.stringify(result.tally) !== JSON.stringify(result.groundTruth))
    found.push('tally differs from ground truth');
  const log = result.transparency;
  if (!log.verified) found.push('the exported transparency log does not verify against its root');
  if (log.missing.length > 0) found.push(`${log.missing.length} counted reports not in the log`);
  if (log.duplicated.length > 0) found.push(`${log.duplicated.length} reports logged twice`);
  if (log.unknown.length > 0) found.push(`${log.unknown.length} log records of unknown reports`);
  if (log.leaksParticipant) found.push('a voter key appears in the published log');
  return found;
}

const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const targets = (args.db === 'both' ? ['pglite', 'postgres'] : [args.db]).filter(
  (target) => target === 'pglite' || (target === 'postgres' && postgresUrl),
) as Array<'pglite' | 'postgres'>;
const rows = [];
for (const database of targets) {
  process.stderr.write(
    `crash: ${database}, ${voters} voters, SIGKILL at ${killAt.join(', ')} acknowledged…\n`,
  );
  const result = await runCrashScenario({
    database,
    adminUrl: postgresUrl,
    voters,
    concurrency: Number(args.concurrency),
    killAtAcknowledged: killAt,
    deadlineMs: 600_000,
  });
  const problems = failures(result);
  rows.push({
    database,
    kills: result.kills,
    acknowledged: result.acknowledged,
    resent: result.resent,
    replies: result.audit.outboxRows,
    'API calls': result.replyCalls,
    tally: result.tally.reduce((sum, [, count]) => sum + count, 0),
    'ground truth': result.groundTruth.reduce((sum, [, count]) => sum + count, 0),
    'log records': result.transparency.size,
    seconds: Math.round(result.seconds),
    verdict: problems.length === 0 ? 'ok' : problems.join('; '),
  });
}
if (args.json) console.log(JSON.stringify(rows));
else console.table(rows);
process.exitCode = rows.every((row) => row.verdict === 'ok') ? 0 : 1;
