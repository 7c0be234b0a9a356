/**
 * bench/election-night — the whole pipeline black-box, as a user runs it (issue 20, item 1).
 *
 *   npx tsx bench/election-night.ts [--voters 500] [--arrivals 4000] [--concurrency 32] [--readers 2]
 *                                   [--db pglite|postgres|both] [--workers 0|N] [--max-seconds 300]
 *                                   [--floor-seconds 3] [--json]
 *
 * For each database it spawns the real `dauys start --demo --port 0` (DAUYS_DEMO_LIVE=0, a temp
 * DAUYS_DATA_DIR, the test bot tokens) with TELEGRAM_API_ROOT at a fake Bot API in this process,
 * and the outbox limit TELEGRAM_MAX_SENDS_PER_SECOND raised so replies reach the fake at once
 * (Telegram's 1 message/s per chat still holds: it is the sender's own rule). With `--workers N`
 * on PostgreSQL it also runs the scale-out form of docs/deploy.md — one `--role api` and 1, then
 * N, `--role worker` processes on one database — and prints the N-worker/1-worker ratio.
 *
 * Traffic, all over the webhook exactly as Telegram posts it, each update resent until answered
 * 200, on keep-alive raw connections (bench/load-client.ts):
 *   - `--voters` complete conversations, all at once: /start, then the buttons the bot shows (language,
 *     continue, region → district → precinct, the choice), a Telegram-sized photo (≤ 1280 px
 *     JPEG of the ballot marked for that choice, made before the clock), then "confirm"; a voter
 *     acts on the panel its chat shows at the fake Bot API. Telegram's 1 message/s per chat makes a conversation last ~9 s, so votes/s ≤ voters / 9:
 *     25 votes/s needs ≥ 250 voters;
 *   - `--arrivals` new chats sending /start, closed loop at `--concurrency`, while voters talk
 *     (their CPU is in the per-vote figure too; `--arrivals 0` isolates the votes);
 *   - `--readers` dashboard readers polling /api/v1/elections/:slug/summary.
 * It prints one table per database: the load client's ceiling (against a raw TCP answerer), the
 * floor (bare Fastify route; one-INSERT route on the same database: bench/ingest-floor-server),
 * acknowledged updates/s and ack p50/p99, updates processed/s (reply seen at the fake),
 * photo-confirmed votes/s end to end (the "vote recorded" reply after the photo, and the photos
 * settled by the media job per /metrics), the lag from the last update posted to the last vote
 * counted, CPU-ms per processed update and per vote summed over all server processes
 * (/proc/<pid>/stat utime+stime+cutime+cstime; the PostgreSQL server's own CPU is not in it) and
 * peak RSS (VmHWM), each beside issue 20's target.
 *
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (throwaway databases, dropped after).
 * Loopback only; every loop bounded in count and time (`--max-seconds` per deployment); children
 * are killed on exit or error.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import type { ElectionDefinition } from '../src/domain/election/election-definition';
import { ru } from '../src/i18n/catalogs/voter/ru';
import { generateBallotPhoto } from '../src/simulation/ballot-image';
import { FakeTelegramApi, type FakeTelegramCall } from '../src/simulation/fake-telegram-api';
import { telegramUpdates, telegramUser, type TelegramUpdateJson } from '../src/simulation/telegram-updates';
import { TEST_TELEGRAM, testEnv } from '../test/support/start-test-server';
import { createThrowawayPostgresDatabase } from '../test/support/test-databases';
import {
  benchDatabases,
  BLACK_BOX_OPTIONS,
  cpuMs,
  DAUYS_BIN,
  peakRssMb,
  percentile,
  readDemoElection,
  sleep,
  spawnServer,
  type BenchDatabase,
  type Server,
} from './bench-process';
import { LoadClient, newAcks, postUntilAcked, type Acks } from './load-client';

const { values: args } = parseArgs({
  options: {
    voters: { type: 'string', default: '500' },
    arrivals: { type: 'string', default: '4000' },
    readers: { type: 'string', default: '2' },
    workers: { type: 'string', default: '0' },
    'floor-seconds': { type: 'string', default: '3' },
    ...BLACK_BOX_OPTIONS,
  },
});
const VOTERS = Number(args.voters);
const ARRIVALS = Number(args.arrivals);
const CONCURRENCY = Number(args.concurrency);
const READERS = Number(args.readers);
const WORKERS = Number(args.workers);
const MAX_SECONDS = Number(args['max-seconds']);
const FLOOR_SECONDS = Number(args['floor-seconds']);
/** Raised so the bot's replies are observed at the fake as soon as the worker makes them. */
const SENDS_PER_SECOND = '10000';
const STEP_TIMEOUT_MS = 30_000;
const MAX_STEPS_PER_VOTER = 20;
const MAX_ATTEMPTS = 20;
const READER_PAUSE_MS = 200;
/** The confirmation after the vote ("… Ваш голос учтён …", voter.thanks), up to its link. */
const THANKS_PREFIX = ru['voter.thanks'].split('{')[0]!.trim();
/** The line of the summary before "confirm" that says the photo is attached (voter.summary_photo_yes). */
const PHOTO_ATTACHED = ru['voter.summary_photo_yes'];
const MESSAGE_METHODS = new Set(['sendMessage', 'editMessageText', 'sendPhoto']);

type Database = BenchDatabase;
interface Deployment {
  label: string;
  workers: number;
}

// --- the floor: what the client and a bare server give on this machine --------------------------

function updateBodies(count: number, firstUserId: number): (index: number) => string {
  const updates = telegramUpdates({ firstUpdateId: 1 });
  const made = Array.from({ length: count }, (_, i) =>
    JSON.stringify(updates.command(telegramUser(firstUserId + (i % 10_000)), 'start')),
  );
  return (index) => made[index % count]!;
}

async function measureFloor(databaseUrl: string | undefined, dir: string) {
  const argv = ['--import', 'tsx', path.join(import.meta.dirname, 'ingest-floor-server.ts')];
  const env = { FLOOR_PGLITE_DIR: path.join(dir, 'floor-pglite'), DATABASE_URL: databaseUrl ?? '' };
  const floor = await spawnServer(argv, env, /floor listening on (\S+)\n[\s\S]*raw listening on (\S+)\n/);
  const [fastify, raw] = floor.urls;
  const loop = { concurrency: CONCURRENCY, maxRequests: 1_000_000, maxSeconds: FLOOR_SECONDS };
  const bodies = updateBodies(20_000, 700_000_000);
  const rate = async (url: string) => {
    const client = new LoadClient(url, {}, CONCURRENCY);
    try {
      return (await client.closedLoop(bodies, loop)).perSecond;
    } finally {
      client.close();
    }
  };
  try {
    return {
      clientCeiling: await rate(raw!),
      bareFastify: await rate(`${fastify}/bare`),
      oneInsert: await rate(`${fastify}/floor`),
    };
  } finally {
    await floor.stop();
  }
}

// --- traffic ---------------------------------------------------------------------------------

interface Photo {
  fileId: string;
  choiceId: string;
  width: number;
  height: number;
}

/** One ballot photo per voter, marked for the voter's choice, made before the clock starts. */
async function makePhotos(election: ElectionDefinition, fake: FakeTelegramApi): Promise<Photo[]> {
  const choices = election.choices.map((choice) => choice.id);
  const photos: Photo[] = [];
  for (let i = 0; i < VOTERS; i += 1) {
    const choiceId = choices[i % choices.length]!;
    const photo = await generateBallotPhoto(election, {
      seed: 9_000 + i,
      marking: { kind: 'one', choiceId },
      conditions: { longSide: 1280 },
    });
    const { width = 1280, height = 960 } = await sharp(photo.jpeg).metadata();
    const fileId = `night-${i}`;
    fake.addFile(fileId, photo.jpeg);
    photos.push({ fileId, choiceId, width, height });
  }
  return photos;
}

/**
 * What the bench sees of each chat at the fake Bot API: a hook on its call log (which it then
 * keeps empty, so memory stays bounded) counts the messages each chat receives and wakes that
 * chat's voter; the panel itself is read from the fake's per-chat state.
 */
class ChatWatch {
  private readonly waiters = new Map<string, () => void>();
  private readonly arrivalChats = new Set<string>();
  arrivalsAnswered = 0;
  lastReplyAt = 0;

  constructor(private readonly fake: FakeTelegramApi) {
    fake.calls.push = (...calls: FakeTelegramCall[]) => {
      for (const call of calls) this.seen(call);
      return 0;
    };
  }

  expectArrival(chatId: number): void {
    this.arrivalChats.add(String(chatId));
  }

  /** Resolves once `done()` holds for this chat, checked after each message the chat receives. */
  until(chatId: number, done: () => boolean, deadline: number): Promise<boolean> {
    const key = String(chatId);
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => {
          this.waiters.delete(key);
          resolve(false);
        },
        Math.max(0, Math.min(STEP_TIMEOUT_MS, deadline - Date.now())),
      );
      this.waiters.set(key, () => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiters.delete(key);
        resolve(true);
      });
    });
  }

  private seen(call: FakeTelegramCall): void {
    if (!MESSAGE_METHODS.has(call.method)) return;
    const key = String(call.params.chat_id);
    // After the fake has applied the call to the chat (it does so right after logging it).
    queueMicrotask(() => {
      this.lastReplyAt = performance.now();
      if (this.arrivalChats.delete(key)) this.arrivalsAnswered += 1;
      this.waiters.get(key)?.();
    });
  }
}

/** The button a voter presses on a panel: forward through the flow, never back or delete. */
function pickButton(data: string[], choiceId: string): string | undefined {
  for (const exact of ['l:ru', 'go', 'ok']) if (data.includes(exact)) return exact;
  if (data.includes(`ch:${choiceId}`)) return `ch:${choiceId}`;
  for (const prefix of ['a:', 'ai:', 'ch:']) {
    const options = data.filter((d) => d.startsWith(prefix));
    if (options.length > 0) return options[Math.floor(Math.random() * options.length)];
  }
  return data.find((d) => d.startsWith('pg:'));
}

interface Traffic extends Acks {
  processed: number;
  votes: number;
  lastVoteAt: number;
  unfinished: number;
  readerLatencies: number[];
}

async function playTraffic(
  url: string,
  slug: string,
  fake: FakeTelegramApi,
  watch: ChatWatch,
  photos: Photo[],
  deadline: number,
): Promise<Traffic> {
  const client = new LoadClient(
    `${url}/webhooks/telegram/voter`,
    { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM.webhookSecret },
    CONCURRENCY,
  );
  const updates = telegramUpdates({ firstUpdateId: 1 });
  const t: Traffic = {
    ...newAcks(),
    processed: 0,
    votes: 0,
    lastVoteAt: 0,
    unfinished: 0,
    readerLatencies: [],
  };
  const deliver = (update: TelegramUpdateJson) =>
    postUntilAcked(client, t, { body: JSON.stringify(update) }, deadline, MAX_ATTEMPTS);

  const playVoter = async (index: number) => {
    const user = telegramUser(900_000_000 + index, { languageCode: 'ru' });
    const photo = photos[index]!;
    const panel = () =>
      fake
        .visibleMessages(user.id)
        .filter((message) => message.buttons.length > 0)
        .at(-1);
    const signature = () => JSON.stringify(panel() ?? null);
    const thanked = () => fake.visibleMessages(user.id).some((m) => m.text.includes(THANKS_PREFIX));
    let before = signature();
    let next: TelegramUpdateJson = updates.command(user, 'start');
    let done = () => signature() !== before;
    let photoAttached = false;
    for (let step = 0; step < MAX_STEPS_PER_VOTER; step += 1) {
      if (!(await deliver(next)) || !(await watch.until(user.id, done, deadline))) break;
      t.processed += 1;
      if (thanked()) {
        // Counted as photo-confirmed only if the summary the voter confirmed showed the photo attached.
        if (!photoAttached) break;
        t.votes += 1;
        t.lastVoteAt = performance.now();
        return;
      }
      const shown = panel();
      const data = shown?.buttons.flat().map((button) => button.data) ?? [];
      before = signature();
      if (data.includes('np')) {
        // The bot asks for the ballot photo: send it (the "no photo" button stays unpressed).
        next = updates.photo(user, { fileId: photo.fileId, width: photo.width, height: photo.height });
        done = () => signature() !== before;
        continue;
      }
      const press = pickButton(data, photo.choiceId);
      if (!press || !shown) break;
      if (press === 'ok') photoAttached = shown.text.includes(PHOTO_ATTACHED);
      next = updates.callback(user, press, { messageId: shown.messageId });
      done = press === 'ok' ? thanked : () => signature() !== before;
    }
    t.unfinished += 1;
  };

  const arrivalsLoop = async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ARRIVALS && Date.now() < deadline) {
          const user = telegramUser(910_000_000 + next++);
          watch.expectArrival(user.id);
          await deliver(updates.command(user, 'start'));
        }
      }),
    );
  };

  let reading = true;
  const reader = async () => {
    while (reading && Date.now() < deadline) {
      const started = performance.now();
      const response = await fetch(`${url}/api/v1/elections/${slug}/summary`).catch(() => undefined);
      await response?.arrayBuffer();
      if (response?.ok) t.readerLatencies.push(performance.now() - started);
      await sleep(READER_PAUSE_MS);
    }
  };
  const readers = Array.from({ length: READERS }, reader);

  // Every voter talks at once (people, not client slots; they share the client's sockets): with
  // Telegram's 1 message/s per chat a voter needs ~9 s, so votes/s cannot pass voters / 9.
  await Promise.all([arrivalsLoop(), ...Array.from({ length: VOTERS }, (_, index) => playVoter(index))]);
  // Replies to the last new chats: bounded by the deadline.
  while (watch.arrivalsAnswered < ARRIVALS && Date.now() < deadline) await sleep(50);
  t.processed += watch.arrivalsAnswered;
  reading = false;
  await Promise.all(readers);
  client.close();
  return t;
}

/** `dauys_media_pending` from the API's /metrics (a count over the shared queue, per scrape). */
async function mediaPending(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith('dauys_media_pending '));
  return line === undefined ? NaN : Number(line.split(' ')[1]);
}

/** Waits until every photo is settled (fetched, cleaned, hashed, read, scored); when, or NaN. */
async function mediaSettledAt(url: string, deadline: number): Promise<number> {
  while (Date.now() < deadline) {
    if ((await mediaPending(url)) === 0) return performance.now();
    await sleep(100);
  }
  return NaN;
}

// --- one deployment ----------------------------------------------------------------------------

interface Row {
  database: Database;
  deployment: string;
  processes: number;
  clientCeiling: number;
  bareFastify: number;
  oneInsert: number;
  ackedPerSecond: number;
  ackP50: number;
  ackP99: number;
  resent: number;
  processedPerSecond: number;
  processed: number;
  votesPerSecond: number;
  votes: number;
  unfinished: number;
  lagSeconds: number;
  cpuMsPerUpdate: number;
  cpuMsPerVote: number;
  peakRssMb: number;
  dashboardP95: number;
  dashboardReads: number;
}

async function runDeployment(
  database: Database,
  deployment: Deployment,
  adminUrl: string | undefined,
  election: ElectionDefinition,
  floor: Awaited<ReturnType<typeof measureFloor>>,
): Promise<Row> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-night-'));
  const throwaway = adminUrl ? await createThrowawayPostgresDatabase(adminUrl) : undefined;
  const fake = await FakeTelegramApi.start();
  const servers: Server[] = [];
  try {
    const watch = new ChatWatch(fake);
    const photos = await makePhotos(election, fake);
    const env = testEnv({
      fakeUrl: fake.url,
      dataDir: path.join(dir, 'dauys'),
      databaseUrl: throwaway?.url,
      env: {
        LOG_LEVEL: 'warn',
        DAUYS_DEMO_LIVE: '0',
        TELEGRAM_MAX_SENDS_PER_SECOND: SENDS_PER_SECOND,
        PUBLIC_FIGURES_CACHE_MS: '1000',
      },
    });
    const listening = /dauys listening on (http:\/\/\S+)/;
    const roleArgs = deployment.workers === 0 ? [] : ['--role', 'api'];
    const api = await spawnServer([DAUYS_BIN, 'start', '--demo', '--port', '0', ...roleArgs], env, listening);
    servers.push(api);
    for (let i = 0; i < deployment.workers; i += 1)
      servers.push(
        await spawnServer(
          [DAUYS_BIN, 'start', '--role', 'worker', '--port', '0'],
          env,
          /dauys worker metrics on (http:\/\/\S+)/,
        ),
      );
    const cpuBefore = await Promise.all(servers.map((server) => cpuMs(server.pid)));
    const deadline = Date.now() + MAX_SECONDS * 1000;
    const traffic = await playTraffic(api.url, election.slug, fake, watch, photos, deadline);
    const settled = await mediaSettledAt(api.url, deadline);
    const cpuAfter = await Promise.all(servers.map((server) => cpuMs(server.pid)));
    const cpu = cpuAfter.reduce((sum, after, i) => sum + after - cpuBefore[i]!, 0);
    const rss = (await Promise.all(servers.map((server) => peakRssMb(server.pid)))).reduce(
      (a, b) => a + b,
      0,
    );
    const lastCounted = Math.max(traffic.lastVoteAt, settled);
    const seconds = (at: number) => (at - traffic.firstPostAt) / 1000;
    return {
      database,
      deployment: deployment.label,
      processes: servers.length,
      ...floor,
      ackedPerSecond: traffic.acked / seconds(traffic.lastAckAt),
      ackP50: percentile(traffic.latencies, 0.5),
      ackP99: percentile(traffic.latencies, 0.99),
      resent: traffic.resent,
      processed: traffic.processed,
      processedPerSecond: traffic.processed / seconds(Math.max(watch.lastReplyAt, traffic.lastVoteAt)),
      votes: traffic.votes,
      votesPerSecond: traffic.votes / seconds(lastCounted),
      unfinished: traffic.unfinished,
      lagSeconds: (lastCounted - traffic.lastPostAt) / 1000,
      cpuMsPerUpdate: cpu / traffic.processed,
      cpuMsPerVote: cpu / traffic.votes,
      peakRssMb: rss,
      dashboardP95: percentile(traffic.readerLatencies, 0.95),
      dashboardReads: traffic.readerLatencies.length,
    };
  } finally {
    for (const server of servers.reverse()) await server.stop().catch(() => undefined);
    await fake.close();
    await throwaway?.drop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// --- the run -----------------------------------------------------------------------------------

const { databases, postgresUrl } = benchDatabases(args.db, 'election-night');
const election = await readDemoElection();
// Bounded overall too: every deployment has its budget, plus start-up and photos.
const deployments = (db: Database): Deployment[] =>
  db === 'postgres' && WORKERS > 0
    ? [
        { label: 'start --demo', workers: 0 },
        { label: 'api + 1 worker', workers: 1 },
        ...(WORKERS > 1 ? [{ label: `api + ${WORKERS} workers`, workers: WORKERS }] : []),
      ]
    : [{ label: 'start --demo', workers: 0 }];
const watchdog = setTimeout(
  () => {
    process.stderr.write('election-night: over its overall time limit, stopping\n');
    process.exit(1);
  },
  (databases.length * 3 * (MAX_SECONDS + 240) + 120) * 1000,
);
watchdog.unref();

const rows: Row[] = [];
for (const database of databases) {
  const adminUrl = database === 'postgres' ? postgresUrl : undefined;
  const floorDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dauys-night-floor-'));
  const floorDb = adminUrl ? await createThrowawayPostgresDatabase(adminUrl) : undefined;
  process.stderr.write(
    `election-night: ${database}: floor, ${CONCURRENCY} clients, ${FLOOR_SECONDS} s each…\n`,
  );
  const floor = await measureFloor(floorDb?.url, floorDir).finally(async () => {
    await floorDb?.drop();
    await fs.rm(floorDir, { recursive: true, force: true });
  });
  for (const deployment of deployments(database)) {
    process.stderr.write(
      `election-night: ${database}, ${deployment.label}: ${VOTERS} voters, ${ARRIVALS} new chats, ${READERS} readers, ` +
        `TELEGRAM_MAX_SENDS_PER_SECOND=${SENDS_PER_SECOND}, ≤ ${MAX_SECONDS} s…\n`,
    );
    rows.push(await runDeployment(database, deployment, adminUrl, election, floor));
  }
}
clearTimeout(watchdog);
printRows(rows);

function printRows(all: Row[]): void {
  if (args.json) {
    console.log(`election-night-figures ${JSON.stringify(all)}`);
    return;
  }
  const n = (value: number, digits = 0) =>
    Number.isFinite(value) ? value.toLocaleString('en', { maximumFractionDigits: digits }) : '-';
  console.log(
    `\nelection-night bench (${os.cpus().length} cores, Node ${process.version}; ${VOTERS} voters with photos, ` +
      `${ARRIVALS} new chats at ${CONCURRENCY} clients, ${READERS} dashboard readers; ` +
      `TELEGRAM_MAX_SENDS_PER_SECOND=${SENDS_PER_SECOND}; Telegram's 1 message/s per chat kept)`,
  );
  for (const database of new Set(all.map((row) => row.database))) {
    const mine = all.filter((row) => row.database === database);
    const pg = database === 'postgres';
    const figure = (name: string, target: string, value: (row: Row) => string) =>
      Object.fromEntries([
        ['figure', name],
        ['target (issue 20)', target],
        ...mine.map((row) => [row.deployment, value(row)]),
      ]) as Record<string, string>;
    const table = [
      figure('load client ceiling (raw TCP answer), req/s', '≫ ack target', (r) => n(r.clientCeiling)),
      figure('floor: bare Fastify route, req/s', '—', (r) => n(r.bareFastify)),
      figure(`floor: one INSERT on ${database}, req/s`, '—', (r) => n(r.oneInsert)),
      figure('acknowledged updates/s while conversing', pg ? '≥ 4,000' : '≥ 2,000', (r) =>
        n(r.ackedPerSecond),
      ),
      figure(
        'ack latency p50 / p99, ms',
        'p99 < 100 @ 1,000/s',
        (r) => `${n(r.ackP50, 1)} / ${n(r.ackP99, 1)}`,
      ),
      figure('updates resent (not answered 200)', '0', (r) => n(r.resent)),
      figure('updates processed/s (reply at the fake)', pg ? '≥ 1,500' : '≥ 500', (r) =>
        n(r.processedPerSecond),
      ),
      figure('updates processed', '—', (r) => n(r.processed)),
      figure('photo-confirmed votes/s end to end', pg ? '≥ 50' : '≥ 25', (r) => n(r.votesPerSecond, 1)),
      figure('photo-confirmed votes (unfinished voters)', '—', (r) => `${r.votes} (${r.unfinished})`),
      figure('lag last update posted → last vote counted, s', '—', (r) => n(r.lagSeconds, 1)),
      figure('CPU-ms per processed update (all processes)', '≤ 1', (r) => n(r.cpuMsPerUpdate, 2)),
      figure(
        `CPU-ms per photo-confirmed vote (all processes${ARRIVALS > 0 ? '; new chats included' : ''})`,
        '≤ 40',
        (r) => n(r.cpuMsPerVote, 1),
      ),
      figure('peak RSS, MB (sum of VmHWM)', '—', (r) => `${n(r.peakRssMb)} (${r.processes} proc)`),
      figure(
        'dashboard summary p95, ms (reads)',
        'as before',
        (r) => `${n(r.dashboardP95, 1)} (${r.dashboardReads})`,
      ),
    ];
    console.log(`\n${database}`);
    console.table(table);
    const one = mine.find((row) => row.deployment === 'api + 1 worker');
    const more = mine.find((row) => row.deployment === `api + ${WORKERS} workers`);
    if (one && more) {
      console.log(
        `scale-out: ${WORKERS} workers / 1 worker: votes/s ×${n(more.votesPerSecond / one.votesPerSecond, 2)}, ` +
          `processed/s ×${n(more.processedPerSecond / one.processedPerSecond, 2)} (target > 1); ` +
          `CPU-ms per vote ${n(one.cpuMsPerVote, 1)} → ${n(more.cpuMsPerVote, 1)} (must not rise)`,
      );
    }
  }
}
