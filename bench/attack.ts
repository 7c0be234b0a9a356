/**
 * bench/attack — an election day under attack, through the real webhook, measured against its
 * ground truth (issue 8's "done when").
 *
 *   npx tsx bench/attack.ts [--voters 20000] [--attack-messages 10000] [--photo-share 0.5]
 *                           [--concurrency 1000] [--max-seconds 7200] [--drain-seconds 3600] [--seed 7]
 *
 * Starts the real server in this process (app + Fastify on 127.0.0.1 + the worker; PGlite, or a
 * throwaway database on BENCH_DATABASE_URL), the fake Bot API serving the generated photos, and
 * plays a scenario (src/simulation): `--voters` genuine voters over the demo election (about ten
 * a precinct) and `--attack-messages` attack updates split over the attacks (a)–(e) and (g).
 * Then it waits for the pipeline to drain (bounded) and prints, from the stored ballot reports
 * matched to the truth by the server's ballot keys (DAUYS_SECRET):
 *   - spam precision and recall over ballot reports (targets ≥ 0.98 / ≥ 0.95);
 *   - genuine votes lost: genuine voters without a counted report for their choice (target 0);
 *   - the largest gap between the published voters' share and the true share of any choice (< 1 pt);
 *   - the accuracy of reading the marked box on genuine voters' photos, from the stored reading (≥ 95%);
 *   - throughput: acknowledged updates per second during the attack, and the drain time.
 * The outbox sender is off (replies are capped by Telegram at ~30/s, measured elsewhere).
 * Loopback only; bounded in count and time.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app';
import { DEMO_ELECTION_FILE } from '../src/cli/paths';
import { loadConfig } from '../src/config';
import { buildServer } from '../src/http/server';
import { startWorker } from '../src/jobs/worker';
import { createLogger } from '../src/logger';
import { FakeTelegramApi } from '../src/simulation/fake-telegram-api';
import { scenarioSchema } from '../src/simulation/scenario';
import { loadElectionPrecincts, simulateElectionDay } from '../src/simulation/simulate-election-day';
import { compareWithTruth, fetchSummary } from '../src/simulation/simulation-report';
import { scoreReports } from '../src/simulation/truth-scores';
import { testEnv, TEST_TELEGRAM } from '../test/support/start-test-server';
import { createThrowawayPostgresDatabase } from '../test/support/test-databases';

const { values: args } = parseArgs({
  options: {
    voters: { type: 'string', default: '20000' },
    'attack-messages': { type: 'string', default: '10000' },
    'photo-share': { type: 'string', default: '0.5' },
    concurrency: { type: 'string', default: '1000' },
    'max-seconds': { type: 'string', default: '7200' },
    'drain-seconds': { type: 'string', default: '3600' },
    seed: { type: 'string', default: '7' },
  },
});
const VOTERS = Number(args.voters);
const ATTACK_MESSAGES = Number(args['attack-messages']);
/** Updates one account of each attack sends (the conversation is 9–10 updates). */
const UPDATES_PER_ACCOUNT = 10;

/** The attack budget split over the kinds, as accounts. */
function attacks(messages: number) {
  const accounts = (share: number, perAccount = UPDATES_PER_ACCOUNT) =>
    Math.max(1, Math.round((messages * share) / perAccount));
  return {
    flood: { accounts: accounts(0.4), choice: 'nur-otan' },
    duplicateImage: { accounts: accounts(0.15), choice: 'nur-otan' },
    // 8 votes each: the first conversation, then 7 corrections of 4 presses.
    repeatVoter: { accounts: accounts(0.1, 38), votes: 8, choice: 'nur-otan' },
    precinctBurst: { accounts: accounts(0.1), choice: 'nur-otan' },
    textSpam: { accounts: accounts(0.15, 13), messagesPerAccount: 3, choice: 'nur-otan' },
    blackout: { share: 0.05, delayMinutes: 240 },
    replay: { updates: Math.round(messages * 0.08), forged: Math.round(messages * 0.02) },
  };
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-bench-attack-'));
  const throwaway = databaseUrl ? await createThrowawayPostgresDatabase(databaseUrl) : undefined;
  const fake = await FakeTelegramApi.start({ record: false });
  const config = loadConfig(
    testEnv({ fakeUrl: fake.url, dataDir, databaseUrl: throwaway?.url, env: { LOG_LEVEL: 'warn' } }),
  );
  const app = await createApp(config, { logger: createLogger('warn') });
  try {
    const { election: stored } = await app.elections.loadFile(DEMO_ELECTION_FILE, { skipIfUnchanged: true });
    const server = await buildServer(app);
    const target = await server.listen({ port: 0, host: '127.0.0.1' });
    const worker = startWorker(app, { sendOutbox: false });
    const scenario = scenarioSchema.parse({
      seed: Number(args.seed),
      voters: {
        count: VOTERS,
        precincts: Math.max(10, Math.min(10_000, Math.round(VOTERS / 10))),
        shares: {
          'nur-otan': 0.3,
          'ak-zhol': 0.22,
          adal: 0.16,
          auyl: 0.1,
          'peoples-party': 0.12,
          'against-all': 0.1,
        },
        photoShare: Number(args['photo-share']),
      },
      attacks: attacks(ATTACK_MESSAGES),
      limits: {
        concurrency: Number(args.concurrency),
        deadlineSeconds: Number(args['max-seconds']),
        durationSeconds: 0,
        photoLongSide: 850,
      },
    });
    const loaded = { scenario, ...(await loadElectionPrecincts(scenario, undefined, DEMO_ELECTION_FILE)) };
    const attackUpdates = (truthAttacks: Record<string, { updates: number }>) =>
      Object.values(truthAttacks).reduce((sum, attack) => sum + attack.updates, 0);
    const started = Date.now();
    const { truth, delivery } = await simulateElectionDay({
      ...loaded,
      target,
      secretToken: TEST_TELEGRAM.webhookSecret,
      fake,
      dauysSecret: app.secret,
      drainTimeoutSeconds: Number(args['drain-seconds']),
    });
    const totalSeconds = (Date.now() - started) / 1000;
    const comparison = compareWithTruth(await fetchSummary(target, stored.slug), truth);
    const rows = await app.database.db
      .selectFrom('ballot_reports')
      .select(['voter_key', 'status', 'choice_id', 'signals'])
      .where('election_id', '=', stored.id)
      .execute();
    const scores = scoreReports(
      rows.map((row) => ({
        voterKey: row.voter_key,
        status: row.status,
        choiceId: row.choice_id,
        signals: row.signals,
      })),
      truth,
    );
    await worker.stop();
    await server.close();

    const fixed = (value: number | null, digits = 3) => (value === null ? 'n/a' : value.toFixed(digits));
    const figures = {
      genuineVoters: truth.genuine.voters,
      attackUpdates: attackUpdates(truth.attacks) + truth.replay.updates + truth.replay.forged,
      acknowledgedUpdates: delivery.acknowledged,
      unfinishedAccounts: delivery.incomplete.length,
      spamPrecision: scores.spamPrecision,
      spamRecall: scores.spamRecall,
      genuineVotesLost: scores.genuineVotesLost,
      largestGapPoints: comparison.largestGapPoints,
      readingAccuracy: scores.readingAccuracy,
      readingsCompared: scores.readingsCompared,
      updatesPerSecond: delivery.updatesPerSecond,
      postingSeconds: delivery.seconds,
      totalSeconds,
      replayedAcknowledged: delivery.replay.replayAcknowledged,
      forgedRejected: `${delivery.replay.forgedRejected}/${delivery.replay.forged}`,
      database: throwaway ? 'postgres' : 'pglite',
    };
    console.log(
      `genuine voters ${figures.genuineVoters}, attack updates ${figures.attackUpdates}, database ${figures.database}`,
    );
    console.log(
      `spam precision ${fixed(scores.spamPrecision)} (target ≥ 0.98), recall ${fixed(scores.spamRecall)} (target ≥ 0.95) over ${scores.reports} ballot reports`,
    );
    console.log(`genuine votes lost ${scores.genuineVotesLost} (target 0)`);
    console.log(`  signals on genuine reports marked spam: ${JSON.stringify(scores.signalsOnGenuineSpam)}`);
    console.log(`  attack reports not marked spam, by kind: ${JSON.stringify(scores.missedByKind)}`);
    console.log(
      `largest gap published vs true share ${comparison.largestGapPoints.toFixed(2)} pt (target < 1)`,
    );
    console.log(
      `marked-box reading accuracy ${scores.readingAccuracy === null ? 'n/a (no stored readings)' : `${(scores.readingAccuracy * 100).toFixed(1)}%`} over ${scores.readingsCompared} photos (target ≥ 95%)`,
    );
    console.log(
      `throughput ${delivery.updatesPerSecond.toFixed(0)} updates/s while posting (${delivery.seconds.toFixed(0)} s), ${totalSeconds.toFixed(0)} s with the drain`,
    );
    console.log(`attack-figures ${JSON.stringify(figures)}`);
  } finally {
    await app.close();
    await fake.close();
    await throwaway?.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
