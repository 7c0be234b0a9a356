/**
 * bench/voter-flow — complete voter conversations through the real webhook, end to end.
 *
 *   npx tsx bench/voter-flow.ts [--votes 2000] [--concurrency 64] [--db pglite|postgres|both]
 *                               [--max-seconds 120] [--paced-rate 1000] [--paced-seconds 5]
 *
 * PostgreSQL runs when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set: a throwaway database
 * is created on that server and dropped afterwards. Loopback only; bounded in count and time.
 *
 * For each database it starts the real server in this process (app + Fastify on 127.0.0.1 +
 * the worker, with the demo election loaded and the real conversation service) and:
 *   1. plays `--votes` voters, `--concurrency` at a time: /start, then whatever button the
 *      panel offers (language, continue, region → district → precinct, a choice, "no photo",
 *      confirm), each next press sent once the previous reply is in the outbox. Prints
 *      updates/s end to end (webhook → processed → reply in outbox), webhook latency and the
 *      outbound budget per vote (new messages, edits, button answers);
 *   2. posts updates open-loop at `--paced-rate`/s for `--paced-seconds` and prints the webhook
 *      latency percentiles under that load.
 * Peak RSS is sampled over the whole run. The outbox sender is off: sending is capped by
 * Telegram at ~30/s and measured by the outbox tests, not here.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, type App } from '../src/app';
import { DEMO_ELECTION_FILE } from '../src/cli/paths';
import { loadConfig } from '../src/config';
import type { AddressedOutbound, InboundMessage, OutboundButton } from '../src/flows/messages';
import { buildServer } from '../src/http/server';
import type { ConversationHandler } from '../src/bots/conversation-runner';
import { startWorker } from '../src/jobs/worker';
import { createLogger } from '../src/logger';
import { FakeTelegramApi } from '../src/simulation/fake-telegram-api';
import { testEnv, TEST_TELEGRAM } from '../test/support/start-test-server';
import { telegramUpdates, telegramUser, type TelegramUpdateJson } from '../src/simulation/telegram-updates';
import { echoConversation } from '../test/support/echo-conversation';
import { createThrowawayPostgresDatabase } from '../test/support/test-databases';
import { sql } from 'kysely';

const { values: args } = parseArgs({
  options: {
    votes: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '64' },
    db: { type: 'string', default: 'both' },
    'max-seconds': { type: 'string', default: '120' },
    'paced-rate': { type: 'string', default: '1000' },
    'paced-seconds': { type: 'string', default: '5' },
    conversation: { type: 'string', default: 'real' },
  },
});
const VOTES = Number(args.votes);
const CONCURRENCY = Number(args.concurrency);
const MAX_SECONDS = Number(args['max-seconds']);
const PACED_RATE = Number(args['paced-rate']);
const PACED_SECONDS = Number(args['paced-seconds']);
const MAX_STEPS_PER_VOTER = 20;
/** `echo`: the test double instead of the real voter flow, to measure the pipeline alone (8 updates a vote). */
const ECHO = args.conversation === 'echo';
const ECHO_STEPS = 8;

interface Row {
  database: string;
  votes: number;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  p50: number;
  p99: number;
  pacedRate: number;
  pacedP50: number;
  pacedP99: number;
  peakRssMb: number;
  perVote: { newMessages: number; edits: number; answers: number };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: URL, body: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-telegram-bot-api-secret-token': TEST_TELEGRAM.webhookSecret,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Which button a voter presses on a panel: forward through the flow, never back or delete. */
function pickButton(buttons: OutboundButton[][]): string | undefined {
  const all = buttons.flat().map((button) => button.data);
  const first = (prefix: string) => all.filter((data) => data.startsWith(prefix));
  const random = (options: string[]) => options[Math.floor(Math.random() * options.length)];
  for (const exact of ['l:ru', 'go', 'np', 'ok']) if (all.includes(exact)) return exact;
  for (const prefix of ['a:', 'ai:', 'ch:']) {
    const options = first(prefix);
    if (options.length > 0) return random(options);
  }
  return first('pg:')[0] ?? (ECHO ? all[0] : undefined);
}

/** Watches replies as the conversation produces them, inside the processing transaction. */
class ReplyTap {
  private readonly waiting = new Map<string, (replies: AddressedOutbound[]) => void>();

  wrap(inner: ConversationHandler): ConversationHandler {
    return {
      run: async (tx, inbounds) => {
        const replies = await inner.run(tx, inbounds);
        inbounds.forEach((inbound, index) => this.seen(inbound, replies[index] ?? []));
        return replies;
      },
    };
  }

  private seen(inbound: InboundMessage, replies: AddressedOutbound[]): void {
    const resolve = this.waiting.get(inbound.participant);
    if (resolve) {
      this.waiting.delete(inbound.participant);
      // After this batch commits: the next update must find this one processed.
      setImmediate(() => resolve(replies));
    }
  }

  next(participant: string): Promise<AddressedOutbound[]> {
    return new Promise((resolve) => this.waiting.set(participant, resolve));
  }
}

async function outboundBudget(app: App) {
  const { rows } = await sql<{ answers: number; plain: number; panel: number; panelOwners: number }>`
    select count(*) filter (where message->>'kind' = 'answer_button') as answers,
           count(*) filter (where message->>'kind' = 'send' and coalesce((message->>'replacePanel')::boolean, false) = false) as plain,
           count(*) filter (where (message->>'replacePanel')::boolean) as panel,
           count(distinct participant) filter (where (message->>'replacePanel')::boolean) as "panelOwners"
    from outbox`.execute(app.database.db);
  const row = rows[0] ?? { answers: 0, plain: 0, panel: 0, panelOwners: 0 };
  return {
    answers: Number(row.answers),
    newMessages: Number(row.plain) + Number(row.panelOwners),
    edits: Number(row.panel) - Number(row.panelOwners),
  };
}

async function benchOne(name: 'pglite' | 'postgres', adminUrl?: string): Promise<Row> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-bench-'));
  const throwaway = adminUrl ? await createThrowawayPostgresDatabase(adminUrl) : undefined;
  const fake = await FakeTelegramApi.start();
  const config = loadConfig(
    testEnv({ fakeUrl: fake.url, dataDir, databaseUrl: throwaway?.url, env: { LOG_LEVEL: 'warn' } }),
  );
  const app: App = await createApp(config, { logger: createLogger('warn') });
  try {
    await app.elections.loadFile(DEMO_ELECTION_FILE, { skipIfUnchanged: true });
    const tap = new ReplyTap();
    const server = await buildServer(app);
    const url = new URL('/webhooks/telegram/voter', await server.listen({ port: 0, host: '127.0.0.1' }));
    const inner = ECHO ? echoConversation() : app.conversations;
    const worker = startWorker({ ...app, conversations: tap.wrap(inner) }, { sendOutbox: false });
    const { pseudonymFor } = await import('../src/security/pseudonym');

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const updates = telegramUpdates();
    const latencies: number[] = [];
    let updateCount = 0;
    let completed = 0;
    const deadline = Date.now() + MAX_SECONDS * 1000;

    async function send(update: TelegramUpdateJson) {
      const { status, ms } = await post(url, JSON.stringify(update));
      if (status !== 200) throw new Error(`webhook answered ${status}`);
      latencies.push(ms);
      updateCount += 1;
    }

    async function playVoter(index: number) {
      const user = telegramUser(900_000_000 + index, { languageCode: 'ru' });
      const participant = pseudonymFor(app.secret, 'telegram', user.id);
      let replies = tap.next(participant);
      await send(updates.command(user, 'start'));
      const panelId = 1;
      for (let step = 0; step < MAX_STEPS_PER_VOTER && Date.now() < deadline; step += 1) {
        const got = await replies;
        const panel = [...got]
          .reverse()
          .find((reply) => reply.message.kind === 'send' && reply.message.buttons?.length);
        const message = panel?.message;
        const data = message && message.kind === 'send' ? pickButton(message.buttons ?? []) : undefined;
        if (!data) return;
        replies = tap.next(participant);
        await send(updates.callback(user, data, { messageId: panelId }));
        if (data === 'ok' || (ECHO && step === ECHO_STEPS - 2)) {
          await replies;
          completed += 1;
          return;
        }
      }
    }

    const started = performance.now();
    let nextVoter = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (nextVoter < VOTES && Date.now() < deadline) await playVoter(nextVoter++);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const budget = await outboundBudget(app);
    const flowLatencies = [...latencies].sort((a, b) => a - b);

    // Open-loop load at a fixed rate: text messages from many voters, for webhook latency.
    const pacedLatencies: number[] = [];
    const pacedTotal = Math.round(PACED_RATE * PACED_SECONDS);
    const pacedStart = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < pacedTotal; i += 1) {
      const due = pacedStart + (i * 1000) / PACED_RATE;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const user = telegramUser(950_000_000 + (i % 5000));
      inFlight.push(
        post(url, JSON.stringify(updates.text(user, `paced ${i}`))).then(
          ({ ms }) => void pacedLatencies.push(ms),
        ),
      );
    }
    await Promise.all(inFlight);
    pacedLatencies.sort((a, b) => a - b);

    clearInterval(sampler);
    await worker.stop();
    await server.close();
    const votes = completed;
    return {
      database: name,
      votes,
      updates: updateCount,
      seconds,
      updatesPerSecond: updateCount / seconds,
      p50: percentile(flowLatencies, 50),
      p99: percentile(flowLatencies, 99),
      pacedRate: PACED_RATE,
      pacedP50: percentile(pacedLatencies, 50),
      pacedP99: percentile(pacedLatencies, 99),
      peakRssMb: peakRss / 1024 / 1024,
      perVote: {
        newMessages: budget.newMessages / Math.max(1, votes),
        edits: budget.edits / Math.max(1, votes),
        answers: budget.answers / Math.max(1, votes),
      },
    };
  } finally {
    await app.close();
    await fake.close();
    await throwaway?.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const targets: Array<'pglite' | 'postgres'> =
  args.db === 'pglite'
    ? ['pglite']
    : args.db === 'postgres'
      ? ['postgres']
      : postgresUrl
        ? ['pglite', 'postgres']
        : ['pglite'];
if (targets.includes('postgres') && !postgresUrl) {
  process.stderr.write('bench: --db postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL\n');
  process.exit(2);
}

const rows: Row[] = [];
for (const target of targets) {
  process.stderr.write(`bench: ${target}: ${VOTES} votes, ${CONCURRENCY} at a time…\n`);
  rows.push(await benchOne(target, target === 'postgres' ? postgresUrl : undefined));
}
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
console.log(
  `\nvoter-flow bench (${os.cpus().length} cores, Node ${process.version}, conversation: ${ECHO ? 'echo double' : 'real voter flow'})`,
);
console.table(
  rows.map((row) => ({
    database: row.database,
    votes: row.votes,
    updates: row.updates,
    'updates/s e2e': Math.round(row.updatesPerSecond),
    'webhook p50 ms': fixed(row.p50),
    'webhook p99 ms': fixed(row.p99),
    [`p50 ms @${row.pacedRate}/s`]: fixed(row.pacedP50),
    [`p99 ms @${row.pacedRate}/s`]: fixed(row.pacedP99),
    'peak RSS MB': Math.round(row.peakRssMb),
    'new msgs/vote': fixed(row.perVote.newMessages, 2),
    'edits/vote': fixed(row.perVote.edits, 2),
    'answers/vote': fixed(row.perVote.answers, 2),
  })),
);
agent.destroy();
