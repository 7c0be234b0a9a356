/**
 * bench/attack — an election day under attack, through the real webhook, measured against its
 * ground truth (issue 8's "done when").
 *
 *   npx tsx bench/attack.ts [--voters 20000] [--attack-messages 10000] [--observers 200] [--photo-share 0.5]
 *                           [--concurrency 1000] [--max-seconds 7200] [--drain-seconds 3600] [--seed 7]
 *
 * Starts the real server in this process (app + Fastify on 127.0.0.1 + the worker; PGlite, or a
 * throwaway database on BENCH_DATABASE_URL), the fake Bot API serving the generated photos, and
 * plays a scenario (src/simulation): `--voters` genuine voters over the demo election (about ten
 * a precinct), `--attack-messages` attack updates (at least; whole accounts) split over the attacks
 * (a)–(e) and (g), and `--observers` observers submitting protocols on the observer bot, 30%
 * with a mistyped figure and 20% short of a page (in 2021, 71 of 162 protocols were rejected).
 * Then it waits for the pipeline to drain (bounded) and prints, from the stored ballot reports
 * matched to the truth by the server's ballot keys (DAUYS_SECRET):
 *   - spam precision and recall over ballot reports (targets ≥ 0.98 / ≥ 0.95);
 *   - genuine votes lost: genuine voters without a counted report for their choice (target 0);
 *   - the largest gap between the published voters' share and the true share of any choice (< 1 pt);
 *   - the accuracy of reading the marked box on genuine voters' photos, from the stored reading (≥ 95%);
 *   - throughput: acknowledged updates per second during the attack, and the drain time;
 *   - the observers' protocols: verdicts and figures published against those expected.
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
import { createInvites, importSimulatedOfficialResults } from '../src/simulation/live-demo';
import { scenarioSchema } from '../src/simulation/scenario';
import { simulatedReceiptClock } from '../src/simulation/simulated-arrival';
import { planScenario, type ScenarioPlan } from '../src/simulation/scenario-plan';
import type { ScenarioTruth } from '../src/simulation/scenario-truth';
import { loadElectionPrecincts, simulateElectionDay } from '../src/simulation/simulate-election-day';
import { compareRunWithTruth } from '../src/simulation/simulation-report';
import { scoreReports } from '../src/simulation/truth-scores';
import { testEnv, TEST_TELEGRAM } from '../test/support/start-test-server';
import { createThrowawayPostgresDatabase } from '../test/support/test-databases';

const { values: args } = parseArgs({
  options: {
    voters: { type: 'string', default: '20000' },
    'attack-messages': { type: 'string', default: '10000' },
    observers: { type: 'string' },
    'photo-share': { type: 'string', default: '0.5' },
    concurrency: { type: 'string', default: '1000' },
    'max-seconds': { type: 'string', default: '7200' },
    'drain-seconds': { type: 'string', default: '3600' },
    seed: { type: 'string', default: '7' },
  },
});
const VOTERS = Number(args.voters);
const PRECINCTS = Math.max(10, Math.min(10_000, Math.round(VOTERS / 10)));
/** By default one precinct in ten has an observer (200 at the full size). */
const OBSERVERS = args.observers === undefined ? Math.round(PRECINCTS / 10) : Number(args.observers);
const ATTACK_MESSAGES = Number(args['attack-messages']);
/** Updates one account of each attack sends (the conversation is 9–10 updates). */
const UPDATES_PER_ACCOUNT = 10;

/** The attack budget split over the kinds, as accounts; `extraFlood` tops the budget up. */
function attacks(messages: number, extraFlood = 0) {
  const accounts = (share: number, perAccount = UPDATES_PER_ACCOUNT) =>
    Math.max(1, Math.round((messages * share) / perAccount));
  return {
    flood: { accounts: accounts(0.4) + extraFlood, choice: 'nur-otan' },
    duplicateImage: { accounts: accounts(0.15), choice: 'nur-otan' },
    // 8 votes each: the first conversation, then 7 corrections of 4 presses.
    repeatVoter: { accounts: accounts(0.1, 38), votes: 8, choice: 'nur-otan' },
    precinctBurst: { accounts: accounts(0.1), choice: 'nur-otan' },
    textSpam: { accounts: accounts(0.15, 13), messagesPerAccount: 3, choice: 'nur-otan' },
    blackout: { share: 0.05, delayMinutes: 240 },
    replay: { updates: Math.round(messages * 0.08), forged: Math.round(messages * 0.02) },
  };
}

/** Attack updates of a plan or its truth: the attackers' conversations, replays and forgeries. */
function attackUpdates(plan: ScenarioPlan): number {
  return (
    plan.actors
      .filter((actor) => actor.kind !== 'genuine')
      .reduce((sum, actor) => sum + actor.steps.length, 0) +
    plan.replay.updates +
    plan.replay.forged
  );
}

function attackUpdatesOf(truth: ScenarioTruth): number {
  return (
    Object.values(truth.attacks).reduce((sum, attack) => sum + attack.updates, 0) +
    truth.replay.updates +
    truth.replay.forged
  );
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-bench-attack-'));
  const throwaway = databaseUrl ? await createThrowawayPostgresDatabase(databaseUrl) : undefined;
  const fake = await FakeTelegramApi.start({ record: false });
  const config = loadConfig(
    testEnv({
      fakeUrl: fake.url,
      dataDir,
      databaseUrl: throwaway?.url,
      env: { LOG_LEVEL: 'warn', TELEGRAM_OBSERVER_TOKEN: TEST_TELEGRAM.observerToken },
    }),
  );
  const app = await createApp(config, { logger: createLogger('warn') });
  try {
    const { election: stored } = await app.elections.loadFile(DEMO_ELECTION_FILE, { skipIfUnchanged: true });
    // The server keeps the simulated day's clock, so a button press is dated where the plan puts
    // it rather than in the half hour the whole day is played in (src/simulation/simulated-arrival.ts).
    const server = await buildServer(app, { receiptClock: simulatedReceiptClock() });
    const target = await server.listen({ port: 0, host: '127.0.0.1' });
    const worker = startWorker(app, { sendOutbox: false });
    const scenarioWith = (extraFlood: number) =>
      scenarioSchema.parse({
        seed: Number(args.seed),
        voters: {
          count: VOTERS,
          precincts: PRECINCTS,
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
        attacks: attacks(ATTACK_MESSAGES, extraFlood),
        observers: { precincts: OBSERVERS, brokenShare: 0.3, missingPageShare: 0.2 },
        official: { falsifiedShare: 0.3, observedFalsifiedShare: 0.1, favour: 'nur-otan', shift: 0.3 },
        limits: {
          concurrency: Number(args.concurrency),
          deadlineSeconds: Number(args['max-seconds']),
          durationSeconds: 0,
          photoLongSide: 850,
          // No real pauses: the server keeps the simulated day's clock (below), so every update,
          // button presses included, is dated where the plan puts it, pauses and all.
          humanPace: false,
        },
      });
    const { election, precincts } = await loadElectionPrecincts(
      scenarioWith(0),
      undefined,
      DEMO_ELECTION_FILE,
    );
    // Accounts send whole conversations: plan, count, and add flood accounts until the attack
    // updates reach the budget (planning is pure and cheap).
    let extraFlood = 0;
    let scenario = scenarioWith(extraFlood);
    for (let round = 0; round < 10; round += 1) {
      const missing = ATTACK_MESSAGES - attackUpdates(planScenario(scenario, election, precincts));
      if (missing <= 0) break;
      extraFlood += Math.ceil(missing / UPDATES_PER_ACCOUNT);
      scenario = scenarioWith(extraFlood);
    }
    const loaded = { scenario, election, precincts };
    const started = Date.now();
    const { truth, delivery } = await simulateElectionDay({
      ...loaded,
      target,
      secretToken: TEST_TELEGRAM.webhookSecret,
      fake,
      dauysSecret: app.secret,
      drainTimeoutSeconds: Number(args['drain-seconds']),
      observerInvites: createInvites(app, stored.slug),
      // Official results with a known share of precincts falsified, as the live demo makes them.
      onPlanned: async (plan) => {
        await importSimulatedOfficialResults(app, stored.id, plan, loaded);
      },
    });
    const totalSeconds = (Date.now() - started) / 1000;
    const comparison = await compareRunWithTruth(target, truth);
    const rows = await app.database.db
      .selectFrom('ballot_reports as b')
      .leftJoin('media_items as m', 'm.id', 'b.media_id')
      .select(['b.voter_key', 'b.status', 'b.choice_id', 'b.signals', 'm.status as media_status'])
      .where('b.election_id', '=', stored.id)
      .execute();
    // Why an attack report was missed: its status and its photo's state, by attack kind.
    const kindOf = new Map(truth.senders.map((sender) => [sender.voterKey, sender.kind]));
    const missedHow: Record<string, number> = {};
    for (const row of rows) {
      const kind = kindOf.get(row.voter_key);
      if (!kind || kind === 'genuine' || row.status === 'spam') continue;
      const how = `${kind}/${row.status}/photo ${row.media_status ?? 'none'}`;
      missedHow[how] = (missedHow[how] ?? 0) + 1;
    }
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
      attackUpdates: attackUpdatesOf(truth),
      acknowledgedUpdates: delivery.acknowledged,
      unfinishedAccounts: delivery.incomplete.length,
      drained: delivery.drained ?? null,
      spamPrecision: scores.spamPrecision,
      spamRecall: scores.spamRecall,
      genuineVotesLost: scores.genuineVotesLost,
      genuineLostHow: scores.genuineLostHow,
      largestGapPoints: comparison.largestGapPoints,
      readingAccuracy: scores.readingAccuracy,
      readingsCompared: scores.readingsCompared,
      updatesPerSecond: delivery.updatesPerSecond,
      postingSeconds: delivery.seconds,
      totalSeconds,
      replayedAcknowledged: delivery.replay.replayAcknowledged,
      forgedRejected: `${delivery.replay.forgedRejected}/${delivery.replay.forged}`,
      database: throwaway ? 'postgres' : 'pglite',
      observers: comparison.observers ?? null,
      falsification: comparison.falsification ?? null,
    };
    console.log(
      `genuine voters ${figures.genuineVoters}, attack updates ${figures.attackUpdates}, database ${figures.database}`,
    );
    console.log(
      `spam precision ${fixed(scores.spamPrecision)} (target ≥ 0.98), recall ${fixed(scores.spamRecall)} (target ≥ 0.95) over ${scores.reports} ballot reports`,
    );
    const how = scores.genuineLostHow;
    console.log(
      `genuine votes lost ${scores.genuineVotesLost} (target 0): ${how.quarantined} quarantined as spam (stored, a moderator can restore them), ${how.notRecorded} not recorded, ${how.otherChoice} recorded for another choice`,
    );
    console.log(`  signals on genuine reports marked spam: ${JSON.stringify(scores.signalsOnGenuineSpam)}`);
    console.log(`  attack reports not marked spam, by kind: ${JSON.stringify(scores.missedByKind)}`);
    console.log(`  … by kind, status and photo: ${JSON.stringify(missedHow)}`);
    console.log(
      `largest gap published vs true share ${comparison.largestGapPoints.toFixed(2)} pt (target < 1)`,
    );
    console.log(
      `marked-box reading accuracy ${scores.readingAccuracy === null ? 'n/a (no stored readings)' : `${(scores.readingAccuracy * 100).toFixed(1)}%`} over ${scores.readingsCompared} photos (target ≥ 95%)`,
    );
    console.log(
      `throughput ${delivery.updatesPerSecond.toFixed(0)} updates/s while posting (${delivery.seconds.toFixed(0)} s), ${totalSeconds.toFixed(0)} s with the drain`,
    );
    if (comparison.observers) {
      const { expected, published, exact } = comparison.observers;
      console.log(
        `observers' protocols: ${published.received} received of ${expected.received}; accepted ${published.accepted} (expected ${expected.accepted}), rejected ${published.rejected} (expected ${expected.rejected}); published figures ${exact ? 'exactly as expected' : 'DIFFER from the truth'}`,
      );
    }
    const f = comparison.falsification;
    if (f) {
      console.log(
        `falsified official results exposed by observers: ${f.caught} of ${f.falsified} at precincts with an accepted protocol, ${f.falseAlarms} false alarms (${f.withOfficial} compared)`,
      );
    }
    console.log(`attack-figures ${JSON.stringify(figures)}`);
  } finally {
    await app.close();
    await fake.close();
    await throwaway?.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
